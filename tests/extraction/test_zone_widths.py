"""Zone widths as analysts read them: how numbers and units are written, what is not a width,
and one provision per distance when a clause sets several."""

from __future__ import annotations

import pytest
from extraction_support import provision_with

from tracker.extraction import extract


def width_of(sentence: str) -> tuple[float, float] | None:
    provisions = extract(sentence).provisions
    assert len(provisions) == 1, [p.excerpt for p in provisions]
    return provisions[0].facets.zone_width_km


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("The parties shall withdraw their forces two (2) kilometres from the boundary.", (2.0, 2.0)),
        ("A buffer strip twenty-five (25) km wide shall be created.", (25.0, 25.0)),
        ("The garrisons shall pull back to a depth of twelve (12) kilometres.", (12.0, 12.0)),
        ("Police alone shall be deployed in a belt ten (10) kilometres deep beyond the line.", (10.0, 10.0)),
        ("A belt fifteen (15) to twenty (20) kilometres deep shall be kept free of troops.", (15.0, 20.0)),
        ("Troops shall withdraw 150 (one hundred and fifty) kilometres from the border.", (150.0, 150.0)),
        ("Troops shall withdraw 10 (ten) km from the border.", (10.0, 10.0)),
        ("The parties shall establish a five-kilometre-wide demilitarised strip.", (5.0, 5.0)),
        ("Both armies will create a two-kilometre corridor for civilians.", (2.0, 2.0)),
    ],
)
def test_numbers_in_words_and_in_words_with_digits(sentence: str, width: tuple[float, float]) -> None:
    assert width_of(sentence) == width


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("Guards will patrol a strip 3 kms wide along the river.", (3.0, 3.0)),
        ("A zone 1.5 kilometers wide shall be created around the dam.", (1.5, 1.5)),
        ("Each side shall keep its guns 4 kilometer from the canal.", (4.0, 4.0)),
        ("The sides will set up a 500-meter exclusion zone.", (0.5, 0.5)),
        ("Fishing boats shall keep 250m from the pier.", (0.25, 0.25)),
        ("The militia shall withdraw 800 metres from the market square.", (0.8, 0.8)),
        ("Warships shall stay 12 nautical miles from the coast.", (22.224, 22.224)),
        ("Troops shall withdraw two miles from the ridge.", (3.219, 3.219)),
        ("No soldier shall come within 500 feet of the fence.", (0.152, 0.152)),
        ("Both armies shall keep their tanks at least 2,000 yards from the line.", (1.829, 1.829)),
        ("No boats may enter a 12-nautical-mile zone around the island.", (22.224, 22.224)),
        ("Militias shall withdraw a kilometre from the fence.", (1.0, 1.0)),
        ("Forces shall stay at least half a mile (800 metres) apart.", (0.805, 0.805)),
    ],
)
def test_every_spelling_of_a_unit_is_converted_to_kilometres(
    sentence: str, width: tuple[float, float]
) -> None:
    assert width_of(sentence) == width


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("The sides agreed on a 15-20 km buffer between the armies.", (15.0, 20.0)),
        ("The sides agreed on a buffer 15 to 20 km wide.", (15.0, 20.0)),
        ("The sides agreed on a buffer of between 12 and 20 kilometres.", (12.0, 20.0)),
        ("The sides shall create a buffer between 10 km and 15 km wide.", (10.0, 15.0)),
        ("Forces shall pull back 20 to 30 km (12 to 18 miles) from the front line.", (20.0, 30.0)),
        ("Envoys said the sides would set up a 15- to 20-kilometer demilitarized zone.", (15.0, 20.0)),
        ("Observers said the 12 km (7.5 mile) zone would be respected.", (12.0, 12.0)),
        ("Monitors will patrol a belt six miles [about 10 km] deep.", (9.656, 9.656)),
        ("Forces shall withdraw 15 kilometres, or about nine miles, from the line.", (15.0, 15.0)),
    ],
)
def test_ranges_and_bracketed_repeats(sentence: str, width: tuple[float, float]) -> None:
    assert width_of(sentence) == width


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("Mortars above 82 mm, tanks and guns shall be pulled back a distance of 40 km.", (40.0, 40.0)),
        ("Guns of 122mm and rockets shall be withdrawn 15 km from the line.", (15.0, 15.0)),
        ("Artillery of a calibre over 100 mm shall be moved back 30 km.", (30.0, 30.0)),
        ("The 100-millimetre guns shall be withdrawn to a distance of 20 km.", (20.0, 20.0)),
        ("All howitzers of 152 mm shall be placed in storage sites.", None),
    ],
)
def test_a_calibre_is_never_a_width_and_never_cuts_a_clause(
    sentence: str, width: tuple[float, float] | None
) -> None:
    assert width_of(sentence) == width


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("The exclusion zone shall be reduced from 500 metres to 200 metres.", (0.2, 0.2)),
        ("The fishing limit would be narrowed from six to three nautical miles.", (5.556, 5.556)),
        ("The security strip will be extended from 5 to 8 kilometres.", (8.0, 8.0)),
    ],
)
def test_a_width_that_changes_is_the_new_width(sentence: str, width: tuple[float, float]) -> None:
    assert width_of(sentence) == width


@pytest.mark.parametrize(
    ("sentence", "width"),
    [
        ("Each side shall withdraw to a distance of 20 km from the line.", (20.0, 20.0)),
        ("Forces shall stay at least 15 kilometers away from the contact line.", (15.0, 15.0)),
        ("No anti-aircraft missiles may be placed within 25 km of the line of separation.", (25.0, 25.0)),
        ("The zone shall extend to a depth of 12 km on either side.", (12.0, 12.0)),
        ("No weapons may be carried within a radius of 600 metres around the plant.", (0.6, 0.6)),
        ("A strip 6 km to the north and 6 km to the south of the highway will be patrolled.", (12.0, 12.0)),
        (
            "Each side shall withdraw 6 km (4 miles) to the east and 6 km (4 miles) to the west of the road.",
            (12.0, 12.0),
        ),
        ("A corridor 5 km wide and 30 km long will link the two towns.", (5.0, 5.0)),
        ("The safe zone will stretch 30 km into the neighbouring province.", (30.0, 30.0)),
    ],
)
def test_the_depth_distance_or_radius_of_a_zone_is_a_width(sentence: str, width: tuple[float, float]) -> None:
    assert width_of(sentence) == width


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops shall stay out of the town of Halva, 12 km east of the river.",
        "The brigade headquarters, located 5 km from the border, shall be closed.",
        "The village, some 8 km from the front line, will receive aid first.",
        "Aid convoys will use the 80-km road between the two cities.",
        "The 120-kilometre border shall be reopened to trade.",
        "Engineers shall repair a 30 km stretch of the railway.",
        "Engineers shall repair a 20-kilometer (12-mile) stretch of the border road.",
        "Convoys will use the 70-km Aden-Taiz road to reach the port.",
        "The parties agreed that a 4-km-long corridor shall be opened.",
        "Troops shall keep out of Kelva, 10 km (6 miles) north of the capital.",
        "The town lies 12 km from the border and shall be demilitarised.",
        "Checkpoints shall be set up every 10 km on the highway.",
        "Monitors shall deploy along 400 km of the border.",
        "Aid trucks shall use a route of some 60 km through the hills.",
        "Guns capable of firing more than 20 km shall be stored in depots.",
        "The posts at 1,500 metres above sea level shall be abandoned.",
        "A 2m-high wall shall be removed.",
        "The 6 ft wall and a 2-metre trench shall be removed.",
        "Military aircraft shall not fly below 10,000 feet over the zone.",
        "Each party shall withdraw 2,000 troops from the area.",
        "The donors will provide $5m for the relocation of the camps.",
    ],
)
def test_places_road_lengths_counts_and_money_are_not_widths(sentence: str) -> None:
    assert width_of(sentence) is None


def test_one_provision_per_weapon_class_each_with_its_own_span() -> None:
    text = (
        "Heavy weapons shall be withdrawn 50 km for artillery, 70 km for rocket launchers "
        "and 100 km for tactical missiles."
    )
    extraction = extract(text)
    widths = [p.facets.zone_width_km for p in extraction.provisions]
    assert widths == [(50.0, 50.0), (70.0, 70.0), (100.0, 100.0)]
    assert provision_with(extraction, "50 km").facets.weapons == ("heavy_weapons", "artillery")
    assert provision_with(extraction, "70 km").facets.weapons == ("heavy_weapons", "mlrs")
    for provision in extraction.provisions:
        assert provision.excerpt == text[provision.start : provision.end]


def test_one_provision_per_side_of_a_boundary() -> None:
    text = (
        "The zone shall reach eight kilometres into Aland and four kilometres into Borland from the border."
    )
    extraction = extract(text)
    assert [p.facets.zone_width_km for p in extraction.provisions] == [(8.0, 8.0), (4.0, 4.0)]
    assert provision_with(extraction, "into Borland").excerpt.startswith("four kilometres")
    for provision in extraction.provisions:
        assert provision.excerpt == text[provision.start : provision.end]


def test_a_list_item_naming_a_weapon_by_acronym_is_its_own_provision() -> None:
    text = (
        "The sides shall withdraw heavy weapons so as to create a security zone of at least 40 km for "
        "guns of 100 mm calibre and more, 60 km for MLRS and 120 km for Smerch MLRS and tactical "
        "missile systems."
    )
    extraction = extract(text)
    widths = [p.facets.zone_width_km for p in extraction.provisions]
    assert widths == [(40.0, 40.0), (60.0, 60.0), (120.0, 120.0)]
    assert provision_with(extraction, "60 km").excerpt == "60 km for MLRS"
    assert provision_with(extraction, "60 km").facets.weapons == ("heavy_weapons", "mlrs")
