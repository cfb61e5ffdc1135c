"""Provision titles: the operative words an analyst reads in the table, the list and the reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.extraction import extract
from tracker.extraction.summaries import MAX_WHOLE_TITLE_CHARS, title
from tracker.readers import read_document

SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "The foreign minister said that the two armies will pull back their artillery from the river.",
            "The two armies will pull back their artillery from the river",
        ),
        (
            "Smith agreed with his counterpart to open a humanitarian corridor to the port.",
            "Open a humanitarian corridor to the port",
        ),
        (
            "It was planned to clear the minefields around the airport.",
            "Clear the minefields around the airport",
        ),
        (
            "Under the deal, both navies will stay out of the northern bay.",
            "Both navies will stay out of the northern bay",
        ),
        (
            "According to the memorandum, the militia will hand its armoured cars to the monitors.",
            "The militia will hand its armoured cars to the monitors",
        ),
        (
            "Before the accord was initialled by the two delegations, the mediator stated that the guards "
            "would leave the bridge.",
            "The guards would leave the bridge",
        ),
    ],
)
def test_reporting_and_attribution_frames_are_skipped(clause: str, expected: str) -> None:
    assert title(clause) == expected


def test_a_dateline_is_skipped() -> None:
    clause = "TARTU, May 3 (Reuters) - The rival militias agreed on Friday to hand over their mortars."
    assert title(clause) == "Hand over their mortars"


@pytest.mark.parametrize("number", ["3.", "(b)", "Article 4.", "2.1"])
def test_numbering_is_skipped(number: str) -> None:
    assert title(f"{number} The Parties shall exchange all detainees.") == "Exchange all detainees"


def test_a_leading_time_phrase_is_skipped() -> None:
    clause = "Within 48 hours after the signing, the parties shall withdraw their tanks from the ridge."
    assert title(clause, "Within 48 hours after the signing") == "Withdraw their tanks from the ridge"


def test_a_leading_time_phrase_with_a_clock_time_and_a_full_date_is_skipped() -> None:
    clause = "Starting 06:00 on March 2, 2021, the river flotillas will stay in their home ports."
    assert title(clause) == "The river flotillas will stay in their home ports"


def test_bracketed_asides_and_unit_repeats_are_dropped() -> None:
    assert (
        title("The militias shall pull back 8-12 kilometres (5-7.5 miles) from the river.")
        == "The militias shall pull back 8–12 km from the river"
    )
    assert (
        title("The curfew hour of 22:00 (1900 GMT) will apply in the old town.")
        == "The curfew hour of 22:00 will apply in the old town"
    )


def test_quotation_marks_are_dropped() -> None:
    clause = 'The envoy said the sides agreed to "reopen the coastal road to civilian traffic".'
    assert title(clause) == "Reopen the coastal road to civilian traffic"


def test_a_trailing_deadline_is_cut() -> None:
    clause = "The parties shall release all detained journalists by 1 March 2021."
    assert title(clause, "by 1 March 2021") == "Release all detained journalists"
    # Found by its own wording too, when the clause's deadline phrase is not passed in.
    assert title(clause) == "Release all detained journalists"


def test_a_stated_duration_is_what_the_clause_sets_and_stays() -> None:
    assert (
        title("The truce is to last three months.", "last three months")
        == "The truce is to last three months"
    )


def test_a_long_subordinate_tail_is_cut_at_a_natural_boundary() -> None:
    which = (
        "The rebels shall vacate the three northern villages, which the army shall then secure with its "
        "own units and checkpoints."
    )
    assert title(which) == "The rebels shall vacate the three northern villages"
    purpose = (
        "The two sides shall open a joint liaison office in the border town in order to settle incidents "
        "quickly and prevent any escalation."
    )
    assert title(purpose) == "Open a joint liaison office in the border town"


def test_a_short_clause_keeps_its_relative_clause() -> None:
    clause = "Both sides are to make public details of people who disappeared during the conflict."
    assert title(clause) == "Make public details of people who disappeared during the conflict"


def test_a_long_clause_without_a_boundary_ends_on_a_whole_word_with_an_ellipsis() -> None:
    clause = (
        "The commission shall draw up detailed rules for the registration storage marking and eventual "
        "destruction of every weapon handed over by former combatants of all armed movements."
    )
    found = title(clause)
    assert found == "The commission shall draw up detailed rules for the registration storage marking…"
    assert len(found) <= 91


def test_an_ellipsis_never_parts_a_figure_from_its_unit() -> None:
    clause = (
        "Both sides shall keep their mortars and howitzers and all of their rocket artillery a distance of "
        "25 kilometres behind the line."
    )
    found = title(clause)
    assert found.endswith("…") and not found[:-1].rstrip().split()[-1][0].isdigit()


def test_asides_between_the_subject_and_its_verb_are_dropped() -> None:
    assert title("The guards, recruited from both communities, will patrol the market square.") == (
        "The guards will patrol the market square"
    )
    assert title("No armed vehicles, including tanks, trucks and jeeps, shall enter the valley.") == (
        "No armed vehicles shall enter the valley"
    )
    assert title("The parties shall, where possible, allow aid convoys through the checkpoints.") == (
        "Allow aid convoys through the checkpoints"
    )


def test_a_closing_attribution_is_dropped() -> None:
    clause = "The monitors will report to the council every week, the spokesman said."
    assert title(clause) == "The monitors will report to the council every week"


def test_a_passive_obligation_keeps_its_subject() -> None:
    assert title("Military units shall be stopped at the line of contact.") == (
        "Military units to be stopped at the line of contact"
    )
    # A negation keeps its auxiliary: "No observers admitted" would read as a report of fact.
    assert (
        title("No observers shall be admitted to the camps.") == "No observers shall be admitted to the camps"
    )


def test_a_thousands_separator_is_no_clause_boundary() -> None:
    assert title("Troops will withdraw 3,000 soldiers from the border region.") == (
        "Troops will withdraw 3,000 soldiers from the border region"
    )


def test_the_first_letter_is_capitalised_and_a_clause_of_only_a_time_phrase_keeps_its_words() -> None:
    assert title("within ten days.", "within ten days") == "Within ten days"
    assert title("Yes.") == "Yes"


def test_the_title_leaves_kind_deadline_width_and_parties_to_their_own_columns() -> None:
    text = (
        "The mediator announced that the sides agreed to create a 5-kilometre buffer zone along the river "
        "by June 1, under the control of Russian military police."
    )
    provision = extract(text, date(2018, 9, 17)).provisions[0]
    assert provision.deadline is not None and provision.facets.zone_width_km == (5.0, 5.0)
    assert provision.summary == "Create a 5 km buffer zone along the river"


@given(st.text(max_size=400))
def test_any_text_gets_a_title_and_titling_never_fails(text: str) -> None:
    found = title(text)
    assert found == title(text)
    if any(character.isalnum() for character in text):
        assert found.strip()


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="the shared corpus is not on this machine")
def test_every_corpus_title_is_short_whole_and_free_of_labels() -> None:
    files = sorted(SHARED_CORPUS.glob("*.txt"))
    assert files
    for path in files:
        for provision in extract(read_document(path).text).provisions:
            summary = provision.summary
            assert summary and summary[0] == summary[0].upper(), summary
            assert len(summary) <= MAX_WHOLE_TITLE_CHARS + 1, summary
            assert not summary.startswith(("Zone:", "Withdrawal:", "Patrols", "Transit:", "Provision:")), (
                summary
            )
            assert '"' not in summary and "(" not in summary, summary
