"""Zone widths in kilometres: ranges, units, words, brackets, and what is not a width."""

from __future__ import annotations

import pytest
from extraction_support import provision_with

from tracker.extraction import extract


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("The sides will set up a 15-20 kilometers (9.3-12.4 miles) demilitarized zone.", (15.0, 20.0)),
        ("A buffer zone between 50 and 140 km wide shall be created.", (50.0, 140.0)),
        ("A buffer zone 15 km to 20 km deep shall be created.", (15.0, 20.0)),
        ("Forces shall pull back to create a 30-kilometre buffer zone.", (30.0, 30.0)),
        ("A security zone five-kilometre wide shall be established.", (5.0, 5.0)),
        ("A security zone one kilometre wide shall be established.", (1.0, 1.0)),
        ("Israeli forces will pull back to a buffer zone 700 metres deep.", (0.7, 0.7)),
        ("Peacekeepers will patrol a buffer zone about five miles (eight kilometres) deep.", (8.047, 8.047)),
        ("Patrols shall cover a strip 10 miles wide.", (16.093, 16.093)),
        ("Weapons shall be moved at least 15 kilometers away from the contact line.", (15.0, 15.0)),
        ("A corridor will be set up 6 km to the north and 6 km to the south of the highway.", (12.0, 12.0)),
    ],
)
def test_width_in_kilometres(sentence: str, width: tuple[float, float]) -> None:
    assert extract(sentence).provisions[0].facets.zone_width_km == width


@pytest.mark.parametrize(
    "sentence",
    [
        "The parties shall withdraw 3,000 troops and 120 armoured vehicles.",
        "Patrols will start from the village 3 km north of the town.",
        "Artillery systems with a range of 40 km shall be stored in depots.",
        "Weapons with a calibre of more than 100 millimeters shall be withdrawn.",
        "The convoy shall not exceed 40 km/h inside the zone.",
    ],
)
def test_counts_locations_ranges_and_calibres_are_not_widths(sentence: str) -> None:
    assert extract(sentence).provisions[0].facets.zone_width_km is None


def test_one_provision_per_distance_when_a_clause_sets_several() -> None:
    text = (
        "2. Both sides shall pull back all heavy weapons by equal distances in order to create a "
        "security zone with a minimum width of 50 km for artillery systems of calibre 100 mm and more, "
        "a security zone with a "
        "width of 70 km for MLRS and 140 km for MLRS Tornado-S, Uragan, Smerch and tactical missile systems "
        "Tochka (Tochka U)."
    )
    extraction = extract(text)
    widths = [p.facets.zone_width_km for p in extraction.provisions]
    assert widths == [(50.0, 50.0), (70.0, 70.0), (140.0, 140.0)]
    assert provision_with(extraction, "50 km").facets.weapons == ("heavy_weapons", "artillery")
    assert provision_with(extraction, "70 km").facets.weapons == ("heavy_weapons", "mlrs")
    assert provision_with(extraction, "140 km").facets.weapons == ("heavy_weapons", "mlrs", "missiles")


def test_the_parts_of_a_split_clause_share_its_deadline_and_lead_in() -> None:
    text = (
        "4. Within 24 hours after the approval of this memorandum, weapons with a calibre of more than 100 "
        "millimeters shall be moved at least 15 kilometers away from the contact line of both sides, "
        "including "
        "from residential areas, creating an opportunity to establish a 30-kilometer buffer zone."
    )
    from datetime import date

    extraction = extract(text, date(2014, 9, 19))
    first = provision_with(extraction, "shall be moved")
    second = provision_with(extraction, "30-kilometer buffer zone")
    assert first.facets.zone_width_km == (15.0, 15.0)
    assert second.facets.zone_width_km == (30.0, 30.0)
    assert first.deadline == second.deadline == date(2014, 9, 20)
    assert second.facets.weapons == ("artillery",)
    assert second.excerpt.startswith("creating")


def test_range_written_with_hyphens_and_to() -> None:
    text = (
        "Putin said the two countries would establish a 15- to 20-kilometer (9- to 12-mile) "
        "demilitarized zone."
    )
    assert extract(text).provisions[0].facets.zone_width_km == (15.0, 20.0)
