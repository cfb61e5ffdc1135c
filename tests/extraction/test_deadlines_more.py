"""Time limits counted from dated events, clock times, weekdays, fallbacks and reference dates."""

from __future__ import annotations

from datetime import date

import pytest
from extraction_support import deadline_of, provision_with

from tracker.extraction import extract

SIGNED = date(2021, 3, 10)  # a Wednesday


def test_limit_counted_from_an_event_the_text_dates_elsewhere() -> None:
    text = (
        "1. The handover of command from the joint force to the regional force shall take place "
        'at noon on 2 April 2021 (the "Handover").\n\n'
        "2. Within twenty (20) days after the Handover, the Parties shall withdraw their forces "
        "to a distance of three kilometres from the river.\n\n"
        "3. The Parties shall release all detainees not later than ten (10) days after the Handover.\n"
    )
    extraction = extract(text, SIGNED)
    assert provision_with(extraction, "withdraw their forces").deadline == date(2021, 4, 22)
    assert provision_with(extraction, "release all detainees").deadline == date(2021, 4, 12)


def test_limit_counted_from_an_undated_event_keeps_its_text_and_no_date() -> None:
    text = (
        "1. The ceasefire shall take effect from 00:01 on 12 March 2021.\n\n"
        "2. Within thirty (30) days after the Joint Commission has declared the area clear, "
        "the Parties shall reopen the road.\n"
    )
    provision = provision_with(extract(text, SIGNED), "reopen the road")
    assert provision.deadline is None
    assert provision.deadline_text is not None and "Joint Commission" in provision.deadline_text


def test_a_body_named_after_the_truce_is_not_the_truce_itself() -> None:
    text = (
        "1. The truce shall take effect from 00:01 on 12 March 2021.\n\n"
        "2. The parties shall clear all mines within 40 days after the Truce Commission "
        "has approved the plan.\n"
    )
    assert deadline_of(text, "clear all mines", SIGNED) is None


def test_limit_counted_from_a_ceasefire_that_takes_effect_a_period_after_signing() -> None:
    text = (
        "1. The Parties agree to a ceasefire, which shall take effect forty-eight (48) hours after "
        "the signing of this Agreement.\n\n"
        "2. Within seven (7) days after the ceasefire comes into effect, the forces shall disengage "
        "to a distance of 10 km from the line of contact.\n"
    )
    assert deadline_of(text, "forces shall disengage", SIGNED) == date(2021, 3, 19)


def test_cease_fire_written_as_two_words_starts_the_ceasefire() -> None:
    text = (
        "1. The sides will cease fire and all military operations from 00:01 hours on 14 March 2021.\n\n"
        "2. Within five days after the ceasefire takes effect, the sides shall pull back their artillery.\n"
    )
    assert deadline_of(text, "pull back their artillery", SIGNED) == date(2021, 3, 19)


def test_day_zero_defined_as_the_signing_day() -> None:
    text = (
        '1. For the purposes of this Agreement, "D" means the day of signature of this Agreement.\n\n'
        "2. All forces in the northern sector will have left that sector by D+3.\n\n"
        "3. The mine maps shall be handed over not later than D+5.\n"
    )
    extraction = extract(text, SIGNED)
    assert provision_with(extraction, "northern sector").deadline == date(2021, 3, 13)
    assert provision_with(extraction, "mine maps").deadline == date(2021, 3, 15)


def test_day_zero_without_a_definition_gives_no_date() -> None:
    text = "All forces in the northern sector will have left that sector by D+3."
    assert deadline_of(text, "northern sector", SIGNED) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The Parties shall cease all hostilities from the moment this Agreement is signed.",
        "All hostilities are to end at the latest at the time of the signing of this document.",
        "Hostilities shall cease from the time this document is signed.",
    ],
)
def test_moment_of_signing_is_the_signing_date(sentence: str) -> None:
    assert deadline_of(sentence, "ostilities", SIGNED) == SIGNED


def test_a_speaker_at_the_signing_sets_no_limit() -> None:
    text = '"This deal will bring calm to the region," the minister said at the signing in the capital.'
    extraction = extract(text, SIGNED)
    assert all(provision.deadline is None for provision in extraction.provisions)


def test_passage_of_the_present_resolution_is_its_adoption() -> None:
    text = (
        "The Secretary-General shall submit a plan for the removal of the weapons within "
        "sixty days of the passage of the present resolution."
    )
    assert deadline_of(text, "submit a plan", SIGNED) == date(2021, 5, 9)


def test_stated_fallback_gives_the_date() -> None:
    text = (
        "The pullback is to begin within 24 hours after the liaison officers finish their survey, "
        "and in no event later than five days after the signature of this agreement."
    )
    provision = provision_with(extract(text, SIGNED), "pullback")
    assert provision.deadline == date(2021, 3, 15)
    assert provision.deadline_text is not None and "liaison officers" in provision.deadline_text


def test_start_and_length_of_a_period_give_its_end() -> None:
    text = (
        "The Interim Period shall start on the date of signature of this Agreement "
        "and last for six (6) months."
    )
    assert deadline_of(text, "Interim Period", SIGNED) == date(2021, 9, 10)


def test_local_date_wins_over_a_time_zone_aside() -> None:
    text = (
        "BEIRUT, March 10 (Reuters) - The truce would take effect at 00:00 Beirut time "
        "(2200 GMT on Saturday) on March 14, officials said."
    )
    assert deadline_of(text, "take effect", SIGNED) == date(2021, 3, 14)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "The two sides agreed on Wednesday to a truce that would take effect at 9 p.m. (1800 GMT).",
            "truce",
        ),
        (
            "The sides agreed to halt all firing with effect from 18:00 hours local time, the minister said.",
            "halt",
        ),
        (
            "In the capital, the spokesman said the ceasefire took effect at 5:30 p.m. local time.",
            "ceasefire",
        ),
    ],
)
def test_clock_time_without_a_date_falls_on_the_report_day(sentence: str, phrase: str) -> None:
    text = f"KABUL, March 10 (Reuters) - {sentence}"
    assert deadline_of(text, phrase, SIGNED) == SIGNED


def test_clock_time_after_a_weekday_goes_with_that_weekday() -> None:
    text = "KABUL, March 10 (Reuters) - The commanders will speak again on Friday at 12:00 hours."
    assert deadline_of(text, "commanders", SIGNED) == date(2021, 3, 12)


def test_future_talks_on_a_weekday_are_a_limit() -> None:
    text = (
        "KABUL, March 10 (Reuters) - Local commanders of both sides will hold talks on Saturday "
        "to agree a buffer line."
    )
    assert deadline_of(text, "hold talks", SIGNED) == date(2021, 3, 13)


def test_date_of_a_report_after_a_future_clause_is_not_a_limit() -> None:
    text = (
        "KABUL, March 10 (Reuters) - The parties have agreed to a truce that will begin on Friday, "
        "the envoy said on Wednesday."
    )
    assert deadline_of(text, "truce", SIGNED) == date(2021, 3, 12)


def test_past_event_after_a_future_modal_is_not_a_limit() -> None:
    text = (
        "KABUL, March 10 (Reuters) - The truce, which will be monitored by observers, was agreed on Monday."
    )
    extraction = extract(text, SIGNED)
    assert all(provision.deadline is None for provision in extraction.provisions)


def test_duration_adjective_with_a_qualifier_gives_the_end() -> None:
    text = "The two sides signed a nine-month nationwide ceasefire on 10 March 2021, which will be monitored."
    assert deadline_of(text, "nationwide ceasefire", SIGNED) == date(2021, 12, 10)


@pytest.mark.parametrize(
    "sentence",
    [
        "The forces shall redeploy to the positions they held before 1 January 2020.",
        "For the rebel units, the line of separation is the line as of 5 May 2019.",
    ],
)
def test_date_before_the_signing_is_a_reference_not_a_limit(sentence: str) -> None:
    provision = provision_with(extract(sentence, SIGNED), sentence.split()[1])
    assert provision.deadline is None


def test_four_digit_time_with_a_zone_and_a_weekday() -> None:
    text = (
        "GENEVA, March 10 (Reuters) - The envoy said both sides had agreed that all firing "
        "should stop at 0400 GMT on Friday."
    )
    assert deadline_of(text, "firing", SIGNED) == date(2021, 3, 12)


def test_four_digit_number_without_a_zone_is_no_time() -> None:
    text = "The parties shall release 1500 prisoners on Friday."
    assert deadline_of(text, "prisoners", SIGNED) == date(2021, 3, 12)


def test_signature_line_with_a_time_sets_no_limit() -> None:
    text = "Done at Geneva, at 1100 hours on the 10th day of March 2021, in English and French."
    extraction = extract(text, SIGNED)
    assert all(provision.deadline is None for provision in extraction.provisions)


def test_initial_period_of_a_body_gives_its_end() -> None:
    text = "Joint patrol units will be set up for an initial period of 18 months."
    assert deadline_of(text, "Joint patrol units", SIGNED) == date(2022, 9, 10)


def test_period_defined_in_one_clause_ends_the_next() -> None:
    text = (
        "4.1 The Interim Period shall start on the date of signature of this Agreement and last for "
        "six (6) months.\n\n"
        "4.2 The joint units shall be trained and deployed during the Interim Period.\n\n"
        "4.3 The parties shall complete the census before the end of the six-month Interim Period.\n"
    )
    extraction = extract(text, SIGNED)
    assert provision_with(extraction, "joint units").deadline == date(2021, 9, 10)
    assert provision_with(extraction, "census").deadline == date(2021, 9, 10)


def test_period_the_text_never_dates_gives_no_date() -> None:
    text = "The joint units shall be trained and deployed during the Transitional Period."
    assert deadline_of(text, "joint units", SIGNED) is None


def test_weekday_in_a_past_tense_clause_is_the_one_before() -> None:
    text = "KABUL, March 10 (Reuters) - The truce between the two sides took effect on Monday."
    assert deadline_of(text, "truce", SIGNED) == date(2021, 3, 8)


def test_weekday_in_a_future_clause_is_the_one_after() -> None:
    text = "KABUL, March 10 (Reuters) - The truce between the two sides will take effect on Monday morning."
    assert deadline_of(text, "truce", SIGNED) == date(2021, 3, 15)


def test_same_number_of_days_refers_back_to_the_limit_before() -> None:
    text = (
        "1. Within thirty (30) days the Parties shall withdraw their forces from the zone.\n\n"
        "2. Within the same 30 days, the Parties shall clear all mines from the roads.\n"
    )
    assert deadline_of(text, "clear all mines", SIGNED) == date(2021, 4, 9)


def test_stated_length_with_will_last() -> None:
    text = "The first phase of the truce will last 42 days, during which hostages will be released."
    assert deadline_of(text, "first phase", SIGNED) == date(2021, 4, 21)


def test_clock_time_with_a_zone_abbreviation() -> None:
    text = (
        "NEW DELHI, March 10 (AP) - Both sides will stop all firing with effect from 17:00 hours IST, "
        "officials said."
    )
    assert deadline_of(text, "stop all firing", SIGNED) == SIGNED


def test_start_and_time_in_force_give_the_end() -> None:
    text = "The truce shall take effect on 15 March 2021 and remain in force for 30 days."
    assert deadline_of(text, "truce", SIGNED) == date(2021, 4, 14)


def test_day_zero_defined_as_a_date() -> None:
    text = (
        '1. "D-Day" shall be 20 March 2021.\n\n'
        "2. All heavy weapons shall be withdrawn from the zone by D-Day+10.\n"
    )
    assert deadline_of(text, "heavy weapons", SIGNED) == date(2021, 3, 30)


def test_daily_hours_are_not_a_start() -> None:
    text = "KABUL, March 10 (Reuters) - A curfew will be enforced from 6 p.m. to 6 a.m. in the border towns."
    assert deadline_of(text, "curfew", SIGNED) is None


def test_limits_of_an_earlier_deal_are_not_this_ones() -> None:
    text = (
        "KABUL, March 10 (Reuters) - A previous truce agreed in Doha had called for prisoner "
        "releases within ten days but collapsed."
    )
    extraction = extract(text, SIGNED)
    assert all(provision.deadline is None for provision in extraction.provisions)
