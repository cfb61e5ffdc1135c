"""Operative wording beyond "shall": hereby, requests, reached agreements, ultimatums."""

from __future__ import annotations

from datetime import date

import pytest
from extraction_support import deadline_of, excerpts, provision_with

from tracker.extraction import extract

SIGNED = date(2021, 3, 10)


@pytest.mark.parametrize(
    "sentence",
    [
        "The armed conflict between the two sides is hereby ended with immediate effect.",
        "The Security Council is requested to amend the mandate of the observer mission.",
        "The Parties request the Secretary-General to send observers to the region.",
        "It may be extended by mutual agreement of the Parties.",
        "An agreement on a complete cessation of hostilities from 13:00 has been reached, the ministry said.",
        "Agreement reached on complete cessation of hostilities from 13:00 local time",
        "Troops were also instructed to be ready to repel any violations.",
        "The parties shall request the regional organisation to revise the mandate of its force as follows:",
    ],
)
def test_sentences_that_set_something_are_provisions(sentence: str) -> None:
    assert excerpts(extract(sentence, SIGNED)) == [sentence.rstrip(":")]


def test_an_ultimatum_counts_its_days_from_the_report() -> None:
    text = "BRUSSELS, March 10 (Reuters) - NATO gave the forces 10 days to withdraw their heavy weapons."
    assert deadline_of(text, "NATO gave", SIGNED) == date(2021, 3, 20)


def test_a_daily_pause_has_no_end_date() -> None:
    text = "The authorities are to accept and implement a daily two-hour humanitarian pause."
    assert deadline_of(text, "daily", SIGNED) is None


@pytest.mark.parametrize(
    ("phrase", "weapons"),
    [("heavy equipment and weapons", ("heavy_weapons",)), ("mine clearance of the routes", ("mines",))],
)
def test_equipment_and_demining_wording(phrase: str, weapons: tuple[str, ...]) -> None:
    provision = provision_with(
        extract(f"The sides shall carry out the {phrase} by 1 May 2021.", SIGNED), "sides"
    )
    assert provision.facets.weapons == weapons


def test_forces_withdrawn_from_a_peacekeepers_area_are_not_monitors() -> None:
    text = (
        "The remaining units of the Armenian Armed Forces will be withdrawn from the area of deployment "
        "of the Russian peacekeeping contingent."
    )
    assert extract(text, SIGNED).provisions[0].facets.patrol_parties == ()


def test_troops_interposed_between_the_sides_monitor() -> None:
    text = "UN troops will be interposed between the two sides at key points along the line."
    assert extract(text, SIGNED).provisions[0].facets.patrol_parties == ("United Nations",)
