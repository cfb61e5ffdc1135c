"""The preamble before "have agreed as follows" and article headings set nothing."""

from __future__ import annotations

from datetime import date

from extraction_support import excerpts

from tracker.extraction import extract

SIGNED = date(2021, 3, 10)

AGREEMENT = (
    "Agreement on a Ceasefire between the Government and the Front\n\n"
    "Preamble\n\n"
    "The overall aim of the Government and the Front is to reach a negotiated settlement of the conflict.\n\n"
    "The Parties have agreed as follows:\n\n"
    "Article 1: Modalities of the ceasefire\n\n"
    "1.1 The Parties shall cease all military operations from 12 March 2021.\n\n"
    "Article 2: Measures to restore normal life\n\n"
    "2.1 The Parties shall open the roads between the two towns within 30 days.\n"
)


def test_preamble_sentences_before_the_formula_are_not_provisions() -> None:
    found = excerpts(extract(AGREEMENT, SIGNED))
    assert not any("overall aim" in excerpt for excerpt in found)


def test_article_headings_are_not_provisions_and_the_articles_are() -> None:
    found = excerpts(extract(AGREEMENT, SIGNED))
    assert found == [
        "The Parties shall cease all military operations from 12 March 2021.",
        "The Parties shall open the roads between the two towns within 30 days.",
    ]


def test_an_article_that_states_an_obligation_in_its_first_line_is_kept() -> None:
    text = "Article 3 The Parties shall exchange all prisoners\n\nArticle 4 Final provisions\n"
    assert excerpts(extract(text, SIGNED)) == ["The Parties shall exchange all prisoners"]


def test_a_report_without_the_formula_keeps_its_lead() -> None:
    text = (
        "MOSCOW, March 10 (Reuters) - The sides will withdraw heavy weapons within 14 days, "
        "the envoy said.\n\n"
        "Later, the statement read: the parties have agreed on the following: the truce is extended.\n"
    )
    assert any("withdraw heavy weapons" in excerpt for excerpt in excerpts(extract(text, SIGNED)))
