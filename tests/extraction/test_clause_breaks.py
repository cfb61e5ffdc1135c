"""Clauses run together in headlines and leads are cut apart; what they share is kept."""

from __future__ import annotations

from datetime import date

from extraction_support import excerpts, provision_with

from tracker.extraction import extract

THURSDAY = date(2023, 3, 9)


def test_headline_clauses_without_a_conjunction_are_two_provisions() -> None:
    text = "Truce to start on Friday morning, first prisoners to be freed in afternoon, mediator says\n"
    extraction = extract(text, THURSDAY)
    assert provision_with(extraction, "Truce to start").deadline == date(2023, 3, 10)
    # the afternoon is that of the day the clause before names
    assert provision_with(extraction, "first prisoners").deadline == date(2023, 3, 10)


def test_and_before_a_new_subject_with_its_own_modal_starts_a_provision() -> None:
    text = (
        "DOHA, March 9 (Reuters) - A pause in fighting will begin at 7 a.m. on Friday and 13 women "
        "held in the city will be released in the afternoon."
    )
    extraction = extract(text, THURSDAY)
    assert provision_with(extraction, "pause in fighting").excerpt.endswith("on Friday")
    assert provision_with(extraction, "13 women").deadline == date(2023, 3, 10)


def test_a_list_of_nouns_before_one_modal_stays_one_provision() -> None:
    text = "Tanks, artillery and mortars will be withdrawn from the line and the depots by 1 April 2023."
    assert excerpts(extract(text, THURSDAY)) == [text]


def test_what_is_to_follow_keeps_no_date_of_the_clause_before() -> None:
    text = (
        "LUANDA, March 9 (Reuters) - Leaders agreed that a ceasefire should take effect from Friday "
        "evening, to be followed by the withdrawal of the rebels from the towns they hold."
    )
    extraction = extract(text, THURSDAY)
    assert provision_with(extraction, "ceasefire should").deadline == date(2023, 3, 10)
    assert provision_with(extraction, "to be followed by").deadline is None


def test_a_relative_clause_is_not_cut_off() -> None:
    text = "1. The zone, the exact boundaries of which shall be fixed in a protocol, shall be 5 km wide."
    assert len(extract(text, THURSDAY).provisions) == 1


def test_a_report_that_relays_the_closing_formula_keeps_its_lead() -> None:
    text = (
        "MOSCOW, March 9 (TASS) - Hostilities will cease from 13:00 local time, the ministry said.\n\n"
        "According to the ministry, the parties agreed on the following:\n\n"
        "- the units will be withdrawn from the area;\n\n"
        "- the formations will be disbanded.\n"
    )
    assert any("Hostilities will cease" in excerpt for excerpt in excerpts(extract(text, THURSDAY)))
