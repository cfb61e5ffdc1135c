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
        ("The parties shall release all prisoners in the first 135 days.", date(2019, 1, 30)),
        ("Foreign forces will leave the country in 14 months.", date(2019, 11, 17)),
        (
            "All forces shall withdraw within fourteen (14) months following announcement of this agreement.",
            date(2019, 11, 17),
        ),
        (
            "The exchange of prisoners will be completed ten days after the signing of the memorandum.",
            date(2018, 9, 27),
        ),
        ("The memorandum was concluded for six months.", date(2019, 3, 17)),
        ("The corridor shall remain open over a period of 120 days.", date(2019, 1, 15)),
        ("The truce ends on 30 September.", date(2018, 9, 30)),
        ("The parties shall exchange lists within 10 working days.", date(2018, 10, 1)),
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
        "Starting 12:00 noon of 23 October 2018, military police will enter the area, "
        "to facilitate the removal of all armed groups, which should be finalized in 150 hours."
    )
    extraction = extract(text, date(2018, 10, 22))
    assert provision_with(extraction, "military police will enter").deadline == date(2018, 10, 23)
    assert provision_with(extraction, "to facilitate the removal").deadline == date(2018, 10, 29)


def test_weekday_resolves_against_the_dateline() -> None:
    text = (
        "SOCHI, Russia, Oct. 22 (Xinhua) -- Russia and Turkey have adopted a memorandum.\n\n"
        "Under the memorandum, both sides agreed to deploy Russian forces in the zone "
        "starting from Wednesday."
    )
    assert deadline_of(text, "deploy Russian forces", date(2019, 10, 22)) == date(2019, 10, 23)


def test_at_that_moment_takes_the_limit_of_the_clause_before() -> None:
    text = (
        "The armed groups shall leave the area by 29 October 2019. "
        "At that moment, joint patrols will start along the border."
    )
    provision = provision_with(extract(text, date(2019, 10, 22)), "joint patrols")
    assert provision.deadline == date(2019, 10, 29)
    assert provision.deadline_text == "At that moment"


def test_restated_limit_in_brackets_is_one_phrase() -> None:
    text = (
        "Ten days after the signing of the memorandum (by May 14) the guarantors will create a working group."
    )
    provision = extract(text, date(2017, 5, 4)).provisions[0]
    assert provision.deadline == date(2017, 5, 14)
    assert provision.deadline_text == "Ten days after the signing of the memorandum (by May 14)"


@pytest.mark.parametrize(
    "sentence",
    [
        "The memorandum signed on September 17 shall be implemented in good faith.",
        "The parties shall respect the Protocol of 5 September 2014 in full.",
        "The sides will honour the agreement reached on 12 August.",
    ],
)
def test_dates_that_are_not_time_limits_are_not_deadlines(sentence: str) -> None:
    provision = extract(sentence, SIGNED).provisions[0]
    assert provision.deadline is None
    assert provision.deadline_text is None


def test_start_and_end_in_one_clause_count_down_to_the_end() -> None:
    text = (
        "The withdrawal of howitzers is to start within two days of the ceasefire "
        "and be finished within two weeks."
    )
    provision = extract(text, SIGNED).provisions[0]
    assert provision.deadline == date(2018, 10, 1)


def test_without_a_signing_date_partial_dates_stay_unresolved() -> None:
    provision = extract("The parties shall withdraw all tanks by October 15.").provisions[0]
    assert provision.deadline is None
    assert provision.deadline_text == "by October 15"
