"""Zone widths in kilometres: ranges, units, words, brackets, and what is not a width."""

from __future__ import annotations

import pytest
from extraction_support import provision_with

from tracker.extraction import extract


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("The sides will set up an 8-12 kilometres (5-7.5 miles) buffer strip.", (8.0, 12.0)),
        ("A buffer zone between 50 and 140 km wide shall be created.", (50.0, 140.0)),
        ("A buffer zone 15 km to 20 km deep shall be created.", (15.0, 20.0)),
        ("Forces shall pull back to create a 30-kilometre buffer zone.", (30.0, 30.0)),
        ("A security zone five-kilometre wide shall be established.", (5.0, 5.0)),
        ("A security zone one kilometre wide shall be established.", (1.0, 1.0)),
        ("The brigades will pull back to a strip 400 metres deep.", (0.4, 0.4)),
        ("Monitors will patrol a belt about three miles (five kilometres) deep.", (4.828, 4.828)),
        ("Patrols shall cover a strip 10 miles wide.", (16.093, 16.093)),
        ("Guns shall be moved at least 25 kilometres away from the river.", (25.0, 25.0)),
        ("A corridor will be set up 4 km to the east and 4 km to the west of the railway.", (8.0, 8.0)),
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
        "Guns with a calibre of more than 122 millimetres shall be withdrawn.",
        "The convoy shall not exceed 40 km/h inside the zone.",
    ],
)
def test_counts_locations_ranges_and_calibres_are_not_widths(sentence: str) -> None:
    assert extract(sentence).provisions[0].facets.zone_width_km is None


def test_one_provision_per_distance_when_a_clause_sets_several() -> None:
    text = (
        "5. The sides shall move all heavy weapons back by equal distances so as to form a "
        "separation strip at least 35 km wide for artillery systems of calibre 120 mm and over, "
        "a separation strip "
        "60 km wide for rocket launchers and 110 km wide for Smerch and Uragan systems and Tochka "
        "tactical missiles."
    )
    extraction = extract(text)
    widths = [p.facets.zone_width_km for p in extraction.provisions]
    assert widths == [(35.0, 35.0), (60.0, 60.0), (110.0, 110.0)]
    assert provision_with(extraction, "35 km").facets.weapons == ("heavy_weapons", "artillery")
    assert provision_with(extraction, "60 km").facets.weapons == ("heavy_weapons", "mlrs")
    assert provision_with(extraction, "110 km").facets.weapons == ("heavy_weapons", "mlrs", "missiles")


def test_the_parts_of_a_split_clause_share_its_deadline_and_lead_in() -> None:
    text = (
        "3. Within 48 hours after the approval of this protocol, guns with a calibre of more than 120 "
        "millimetres shall be moved at least 20 kilometres away from the demarcation line, "
        "including "
        "from towns and villages, creating the conditions for a 40-kilometre security zone."
    )
    from datetime import date

    extraction = extract(text, date(2016, 5, 10))
    first = provision_with(extraction, "shall be moved")
    second = provision_with(extraction, "40-kilometre security zone")
    assert first.facets.zone_width_km == (20.0, 20.0)
    assert second.facets.zone_width_km == (40.0, 40.0)
    assert first.deadline == second.deadline == date(2016, 5, 12)
    assert second.facets.weapons == ("artillery",)
    assert second.excerpt.startswith("creating")


def test_range_written_with_hyphens_and_to() -> None:
    text = "The envoy said both sides would establish a 10- to 12-kilometer (6- to 7.5-mile) buffer zone."
    assert extract(text).provisions[0].facets.zone_width_km == (10.0, 12.0)
