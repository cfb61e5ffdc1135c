"""Time limits: the phrases the grammar finds and the dates they resolve to."""

from __future__ import annotations

from datetime import date

import pytest
from extraction_support import deadline_of, provision_with

from tracker.extraction import extract

SIGNED = date(2018, 9, 17)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The parties shall withdraw all tanks by October 15.", date(2018, 10, 15)),
        ("The parties shall withdraw all tanks by 15 October 2019.", date(2019, 10, 15)),
        ("The parties shall withdraw all tanks no later than 20 September.", date(2018, 9, 20)),
        ("Transit traffic shall resume by the end of 2018.", date(2018, 12, 31)),
        ("The checkpoints shall be removed by mid-October.", date(2018, 10, 15)),
        ("The parties shall exchange lists of detainees by the end of the month.", date(2018, 9, 30)),
        ("The observers shall be deployed within 14 days.", date(2018, 10, 1)),
        (
            "The observers shall be deployed within fourteen days of the signing of this Agreement.",
            date(2018, 10, 1),
        ),
        ("The observers shall be deployed within two weeks.", date(2018, 10, 1)),
        ("Heavy weapons shall be pulled back within 120 hours.", date(2018, 9, 22)),
        ("The ceasefire shall take effect from 00:01 on 6 March 2020.", date(2020, 3, 6)),
        ("The parties shall release all prisoners in the first 90 days.", date(2018, 12, 16)),
        ("Foreign forces will leave the country in 10 months.", date(2019, 7, 17)),
        (
            "All forces shall withdraw within eleven (11) months following the announcement of this accord.",
            date(2019, 8, 17),
        ),
        (
            "The exchange of prisoners will be completed twelve days after the signing of the memorandum.",
            date(2018, 9, 29),
        ),
        ("The accord was concluded for nine months.", date(2019, 6, 17)),
        ("The corridor shall remain open over a period of 120 days.", date(2019, 1, 15)),
        ("The truce ends on 30 September.", date(2018, 9, 30)),
        ("The parties shall exchange lists within 10 working days.", date(2018, 10, 1)),
        ("The parties shall exchange lists by next Friday.", date(2018, 9, 21)),
        ("The ceasefire will take effect from the coming Monday.", date(2018, 9, 24)),
        ("Forces shall leave within a fortnight.", date(2018, 10, 1)),
        ("Forces shall leave within 30 calendar days of the signing of this agreement.", date(2018, 10, 17)),
        ("The truce will expire at midnight on Friday unless extended.", date(2018, 9, 21)),
        ("Under the plan, the sides would free all hostages over six weeks.", date(2018, 10, 29)),
        ("The ceasefire shall apply from the date of signature of this Agreement.", date(2018, 9, 17)),
        ("Forces will pull back in the next 72 hours.", date(2018, 9, 20)),
        (
            "The truce takes effect at 7 p.m. on 20 September and will be observed by both sides.",
            date(2018, 9, 20),
        ),
    ],
)
def test_limit_is_resolved_against_the_signing_date(sentence: str, expected: date) -> None:
    provision = extract(sentence, SIGNED).provisions[0]
    assert provision.deadline == expected
    assert provision.deadline_text


def test_a_day_and_month_before_the_signing_falls_in_the_next_year() -> None:
    text = "The parties shall complete the exchange by January 15."
    assert deadline_of(text, "exchange", date(2018, 12, 20)) == date(2019, 1, 15)


def test_limit_tied_to_an_unknown_event_keeps_its_text_but_no_date() -> None:
    text = "The parties shall withdraw heavy weapons within 14 days after the ceasefire begins."
    provision = extract(text, SIGNED).provisions[0]
    assert provision.deadline is None
    assert provision.deadline_text == "within 14 days after the ceasefire begins"


def test_limit_tied_to_an_event_the_text_dates_is_resolved_from_it() -> None:
    text = (
        "1. The ceasefire shall take effect at 00:00 on 1 October 2018.\n\n"
        "2. Heavy weapons shall be withdrawn no later than the second day after the start of the "
        "ceasefire.\n\n"
        "3. Lists of prisoners shall be exchanged within 10 days of the entry into force of the ceasefire, "
        "and the prisoners themselves released within 20 days of it.\n"
    )
    extraction = extract(text, SIGNED)
    assert provision_with(extraction, "Heavy weapons").deadline == date(2018, 10, 3)
    assert provision_with(extraction, "Lists of prisoners").deadline == date(2018, 10, 11)
    assert provision_with(extraction, "released within 20 days").deadline == date(2018, 10, 21)


def test_hours_count_from_a_start_time_given_in_the_same_sentence() -> None:
    text = (
        "Starting 08:00 on 3 May 2021, border police will move into the valley, "
        "to oversee the departure of all militias, which should be completed in 100 hours."
    )
    extraction = extract(text, date(2021, 5, 2))
    assert provision_with(extraction, "border police will move").deadline == date(2021, 5, 3)
    assert provision_with(extraction, "to oversee the departure").deadline == date(2021, 5, 7)


def test_weekday_resolves_against_the_dateline() -> None:
    text = (
        "GENEVA, Switzerland, March 9 (Xinhua) -- The two delegations have adopted a roadmap.\n\n"
        "Under the roadmap, both sides agreed to deploy Swiss monitors in the valley "
        "starting from Wednesday."
    )
    assert deadline_of(text, "deploy Swiss monitors", date(2021, 3, 9)) == date(2021, 3, 10)


def test_at_that_moment_takes_the_limit_of_the_clause_before() -> None:
    text = (
        "The militias shall leave the valley by 4 April 2021. "
        "At that moment, joint patrols will begin along the river."
    )
    provision = provision_with(extract(text, date(2021, 3, 22)), "joint patrols")
    assert provision.deadline == date(2021, 4, 4)
    assert provision.deadline_text == "At that moment"


def test_restated_limit_in_brackets_is_one_phrase() -> None:
    text = (
        "Seven days after the signing of the accord (by June 8) the mediators will set up a liaison office."
    )
    provision = extract(text, date(2021, 6, 1)).provisions[0]
    assert provision.deadline == date(2021, 6, 8)
    assert provision.deadline_text == "Seven days after the signing of the accord (by June 8)"


@pytest.mark.parametrize(
    "sentence",
    [
        "The roadmap signed on July 2 shall be implemented in good faith.",
        "The parties shall respect the Declaration of 2 March 2010 in full.",
        "The sides will honour the agreement reached on 12 August.",
    ],
)
def test_dates_that_are_not_time_limits_are_not_deadlines(sentence: str) -> None:
    provision = extract(sentence, SIGNED).provisions[0]
    assert provision.deadline is None
    assert provision.deadline_text is None


def test_start_and_end_in_one_clause_count_down_to_the_end() -> None:
    text = (
        "The pullback of mortars is to begin within three days of the truce "
        "and be completed within three weeks."
    )
    provision = extract(text, SIGNED).provisions[0]
    assert provision.deadline == date(2018, 10, 8)


def test_without_a_signing_date_partial_dates_stay_unresolved() -> None:
    provision = extract("The parties shall withdraw all tanks by October 15.").provisions[0]
    assert provision.deadline is None
    assert provision.deadline_text == "by October 15"
