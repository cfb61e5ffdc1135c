"""Clock times in local time or at midday, arranged past tense, named periods, recurring hours."""

from __future__ import annotations

from datetime import date

import pytest
from extraction_support import deadline_of

SATURDAY = date(2021, 3, 13)


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        (
            "The sides agreed to a ceasefire starting at 12:00 local time (0800 GMT) on Saturday "
            "to allow the exchange of prisoners, the minister said.",
            "ceasefire",
            SATURDAY,
        ),
        ("Under the deal, guns were to fall silent at midday on Saturday.", "guns", SATURDAY),
        ("Under the deal, the guns were to fall silent on Sunday.", "guns", date(2021, 3, 14)),
    ],
)
def test_weekday_with_a_clock_time_in_a_dated_report(sentence: str, phrase: str, expected: date) -> None:
    text = f"GENEVA, March 13 (Reuters) - {sentence}"
    assert deadline_of(text, phrase, SATURDAY) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "1. There shall be a transitional period of twelve months, which may be extended once.",
            "transitional period",
            date(2022, 3, 13),
        ),
        (
            "The army is to refrain from strikes on power stations for the next 30 days, the ministry said.",
            "power stations",
            date(2021, 4, 12),
        ),
        ("Leaders agree to 30-day halt on strikes against power stations", "halt", date(2021, 4, 12)),
        (
            "The company would hold the rights to the road for up to 99 years, an official said.",
            "rights",
            date(2120, 3, 13),
        ),
    ],
)
def test_a_stated_length_gives_the_end_of_the_arrangement(text: str, phrase: str, expected: date) -> None:
    assert deadline_of(text, phrase, SATURDAY) == expected


def test_hours_repeated_each_day_are_not_a_deadline() -> None:
    text = "Drone flights over the north will be halted for six hours each day, between 10 a.m. and 4 p.m."
    assert deadline_of(text, "Drone flights", SATURDAY) is None
