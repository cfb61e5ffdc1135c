"""Vocabulary phrases are found as whole words wherever a word starts, in any script."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain import Kind
from tracker.extraction.kinds import classify
from tracker.extraction.vocabulary import party_terms, weapon_terms
from tracker.extraction.weapons import find_weapons


@pytest.mark.parametrize(
    "text",
    [
        "Tanks shall be withdrawn.",
        "(tanks) shall be withdrawn.",
        '"Tanks" shall be withdrawn.',
        "The sides:\ntanks shall be withdrawn.",
        "The sides/tanks shall be withdrawn.",
        "The sides—tanks shall be withdrawn.",
        "«Tanks» shall be withdrawn.",
    ],
)
def test_a_weapon_is_found_at_the_start_and_after_any_punctuation(text: str) -> None:
    assert find_weapons(text) == ("tanks",)


def test_a_phrase_that_names_no_weapon_hides_the_weapon_word_in_it() -> None:
    assert find_weapons("Civilian aircraft may land at the airport.") == ()
    assert find_weapons("(Fuel tanks shall be emptied.)") == ()
    assert find_weapons("Military aircraft may not land.") == ("aircraft",)


@pytest.mark.parametrize("text", ["The stanks shall go.", "Tanksmen shall go.", "Mortars_tanks shall go."])
def test_a_weapon_word_inside_another_word_is_not_found(text: str) -> None:
    assert "tanks" not in find_weapons(text)


def test_a_hyphen_joins_weapon_words_but_separates_party_names() -> None:
    assert find_weapons("All anti-tank weapons shall go.") == ("anti_tank",)
    assert [party for _, _, party in party_terms().find("Russian-Turkish patrols")] == ["Russia", "Turkey"]


@pytest.mark.parametrize("opening", ["", "1. ", "(a) ", "- ", "“", "İ "])
def test_a_kind_cue_counts_at_the_start_and_after_punctuation(opening: str) -> None:
    assert classify(opening + "Truce along the river.") is Kind.CEASEFIRE


PIECES = [
    "tanks", "anti-tank", "Grad", "grads", "civilian aircraft", "aircraft", "Russian", "russia",
    "UN", "u.n.", "OSCE", "monitors", "mortar", "x", "1", "_", "stanks",
]  # fmt: skip
GLUE = [" ", "", "-", "--", ", ", ".", "(", ")", "'", '"', "/", "\n", "\t", ":", "&"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=8))
def test_matches_do_not_depend_on_other_scripts_elsewhere_in_the_text(
    parts: list[tuple[str, str]],
) -> None:
    """ASCII text is scanned differently from text with other scripts: both find the same."""
    text = "".join(piece + glue for piece, glue in parts)
    widened = text + " é"
    for table in (weapon_terms(), party_terms()):
        assert table.find(text) == table.find(widened)
    assert find_weapons(text) == find_weapons(widened)
    assert classify(text) == classify(widened)
