"""Who patrols or monitors, and who is responsible, as short English names."""

from __future__ import annotations

import pytest
from extraction_support import provision_with

from tracker.extraction import extract


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        (
            "Security in the valley will be maintained by mobile patrol groups of Georgian units and units "
            "of Armenia's military police.",
            ("Georgia", "Armenia"),
        ),
        (
            "Kazakh military police and Kyrgyz border guards will enter the Kyrgyz side of the frontier.",
            ("Kazakhstan", "Kyrgyzstan"),
        ),
        ("Joint French-German patrols will start in the west of the area.", ("France", "Germany")),
        ("The OSCE monitoring mission shall be deployed along the separation line.", ("OSCE",)),
        (
            "All irregular units shall withdraw from the Moldovan territory under the supervision "
            "of the OSCE.",
            ("OSCE",),
        ),
        (
            "The Polish Armed Forces and the Military Police of the Republic of Lithuania will conduct "
            "coordinated patrols.",
            ("Poland", "Lithuania"),
        ),
        ("UN observers will monitor the truce along the line.", ("United Nations",)),
        ("The United Nations shall lead a monitoring presence in the city.", ("United Nations",)),
        (
            "A monitoring mechanism chaired by the United States, with France taking part, will oversee "
            "compliance.",
            ("United States", "France"),
        ),
        ("The ceasefire shall be monitored by African Union observers.", ("African Union",)),
        ("Russia said it would send 2,000 peacekeepers to the region.", ("Russia",)),
        ("The withdrawal will be monitored by observers from the OSCE.", ("OSCE",)),
        ("Prisoners will be exchanged under UN supervision.", ("United Nations",)),
        ("The area will be patrolled by Russian military police.", ("Russia",)),
    ],
)
def test_patrol_parties_are_the_forces_at_work(sentence: str, parties: tuple[str, ...]) -> None:
    provision = extract(sentence).provisions[0]
    assert set(provision.facets.patrol_parties) == set(parties)


@pytest.mark.parametrize(
    "sentence",
    [
        "Serbian and Hungarian forces will carry out joint patrolling on the Croatian territories near "
        "the Slovenian border.",
        "The Kenyan peacekeeping contingent shall be deployed in parallel with the withdrawal of the "
        "Croatian armed forces.",
    ],
)
def test_places_and_withdrawing_forces_are_not_patrol_parties(sentence: str) -> None:
    provision = extract(sentence).provisions[0]
    assert "Croatia" not in provision.facets.patrol_parties
    assert provision.facets.patrol_parties


def test_a_party_that_only_decided_a_deployment_is_not_the_one_deployed() -> None:
    text = (
        "According to the accord, Paris and Berlin have agreed to deploy French and Malian forces "
        "in the zone."
    )
    assert extract(text).provisions[0].facets.patrol_parties == ("France", "Mali")


def test_clauses_that_are_not_about_patrols_have_no_patrol_parties() -> None:
    text = (
        "The sides agreed to set up a buffer zone along the front line between Sudanese "
        "government troops and the rebel movement. Ethiopian military forces will withdraw to their "
        "usual places of deployment."
    )
    extraction = extract(text)
    assert all(p.facets.patrol_parties == () for p in extraction.provisions)


def test_responsible_parties_are_recorded_for_other_clauses() -> None:
    extraction = extract("The Republic of Armenia shall return the Kalbajar district by 15 November 2020.")
    provision = provision_with(extraction, "Kalbajar")
    assert provision.facets.responsible_parties == ("Armenia",)
    assert provision.facets.patrol_parties == ()


def test_what_is_monitored_is_not_the_monitor() -> None:
    text = (
        "4. Ensure the permanent monitoring of the Ukrainian-Russian state border and verification by "
        "the OSCE."
    )
    assert extract(text).provisions[0].facets.patrol_parties == ("OSCE",)
