"""Weapons named in a clause, as canonical ids from resources/vocabularies/weapons.json."""

from __future__ import annotations

import pytest

from tracker.domain import WEAPON_IDS
from tracker.extraction import extract
from tracker.extraction.vocabulary import load_vocabulary


@pytest.mark.parametrize(
    ("phrase", "weapons"),
    [
        (
            "mortars, tanks, heavy weapons, artillery systems and multiple missile launch systems",
            ("mortars", "tanks", "heavy_weapons", "artillery", "mlrs"),
        ),
        ("armoured personnel carriers", ("armored_vehicles",)),
        ("armored personnel carriers", ("armored_vehicles",)),
        ("infantry fighting vehicles", ("armored_vehicles",)),
        ("Grad, Uragan, Smerch and Tornado-S systems", ("mlrs",)),
        ("Tochka (Tochka U) tactical missile systems", ("missiles",)),
        ("artillery systems of calibre over 100 mm", ("artillery",)),
        ("guns with a caliber of more than 122 millimeters", ("artillery",)),
        ("howitzers", ("artillery",)),
        ("anti-tank guided missiles", ("anti_tank",)),
        ("man-portable air defence systems", ("air_defense",)),
        ("unmanned aerial vehicles and military aircraft", ("drones", "aircraft")),
        ("UAVs", ("drones",)),
        ("landmines and other explosive devices", ("mines",)),
        ("small arms and light weapons", ("small_arms",)),
        ("ammunition depots", ("ammunition",)),
        ("their heavy and medium weapons", ("heavy_weapons",)),
        ("medium and heavy arms", ("heavy_weapons",)),
    ],
)
def test_weapon_synonyms_map_to_canonical_ids(phrase: str, weapons: tuple[str, ...]) -> None:
    provision = extract(f"The parties shall withdraw {phrase} from the zone.").provisions[0]
    assert provision.facets.weapons == weapons


def test_words_that_only_look_like_weapons_are_not_weapons() -> None:
    provision = extract("The think tank report on the grading of roads shall be published.").provisions[0]
    assert provision.facets.weapons == ()
    provision = extract("Civilian aircraft and fuel tanks shall be protected from military aircraft.")
    assert provision.provisions[0].facets.weapons == ("aircraft",)


def test_vocabulary_maps_only_to_canonical_ids() -> None:
    data = load_vocabulary("weapons.json")
    assert set(data["phrases"]) <= set(WEAPON_IDS)
    assert set(data["named_systems"]) <= set(WEAPON_IDS)
    assert data["calibre_weapon"] in WEAPON_IDS
