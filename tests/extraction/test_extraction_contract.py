"""The extract() contract: exact spans, JSON shape, progress, cancellation, any input."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.errors import ExtractionCancelled
from tracker.extraction import extract

TEXT = (
    "1. The parties shall withdraw heavy weapons 15 km from the contact line by October 15.\n\n"
    "2. Russian military police will patrol the zone.\n\n" * 40
)
AGREEMENT_WORDS = [
    "shall",
    "will",
    "withdraw",
    "by",
    "within",
    "days",
    "hours",
    "October 15",
    "15-20",
    "km",
    "miles",
    "(",
    ")",
    "Russian",
    "military police",
    "patrol",
    "OSCE",
    "tanks",
    "Grad",
    "ceasefire",
    "zone",
    ";",
    ",",
    ".",
    "\n",
    "\n\n",
    "1.",
    "(a)",
    '"',
    "“",
    "”",
    "—",
    "at that moment",
    "from 00:01 on 6 March 2020",
    "SOCHI, September 17.",
    "on Monday",
    "İ",
    "ß",
    "\u00a0",
    "fourteen (14) months",
    "the end of",
    "2018",
    "within 14 months",
    "for 50 years",
    "9999",
    "December 31",
    "at midnight",
    "signed on Saturday",
]


def test_spans_are_exact_and_json_follows_the_contract() -> None:
    extraction = extract(TEXT, date(2018, 9, 17))
    assert len(extraction.provisions) == 80
    for provision in extraction.provisions:
        assert TEXT[provision.start : provision.end] == provision.excerpt
    payload = json.loads(json.dumps(extraction.to_json()))
    assert payload["signed_on"] == "2018-09-17"
    first = payload["provisions"][0]
    assert set(first) >= {
        "start",
        "end",
        "excerpt",
        "kind",
        "deadline",
        "deadline_text",
        "zone_width_km",
        "weapons",
        "patrol_parties",
        "summary",
    }
    assert first["deadline"] == "2018-10-15"
    assert first["zone_width_km"] == [15.0, 15.0]


def test_progress_runs_from_zero_to_one() -> None:
    seen: list[float] = []
    extract(TEXT, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 2


def test_cancellation_stops_the_extraction() -> None:
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(ExtractionCancelled):
        extract(TEXT, cancelled=cancelled)


def test_empty_and_blank_texts_have_no_provisions() -> None:
    for text in ("", " ", "\n\n\n", "1.", "(a)"):
        extraction = extract(text)
        assert extraction.provisions == ()
        assert extraction.signed_on_source == "unknown"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(AGREEMENT_WORDS), max_size=60).map(" ".join),
        st.lists(st.one_of(st.sampled_from(AGREEMENT_WORDS), st.text(max_size=5)), max_size=40).map("".join),
    ),
    st.one_of(st.none(), st.dates(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31)])),
)
def test_any_string_is_read_without_error_and_spans_are_valid(text: str, signed_on: date | None) -> None:
    extraction = extract(text, signed_on)
    for provision in extraction.provisions:
        assert 0 <= provision.start < provision.end <= len(text)
        assert text[provision.start : provision.end] == provision.excerpt
        if provision.facets.zone_width_km is not None:
            low, high = provision.facets.zone_width_km
            assert 0 < low <= high
    json.dumps(extraction.to_json())


def test_run_on_text_is_read_in_bounded_pieces() -> None:
    """Text without full stops for pages is cut at commas, so the work per piece stays bounded."""
    text = "the parties shall withdraw tanks 15 km from the line by October 15, " * 3000
    extraction = extract(text, date(2018, 9, 17))
    assert len(extraction.provisions) == 3000
    assert max(p.end - p.start for p in extraction.provisions) <= 2000
    assert {p.deadline for p in extraction.provisions} == {date(2018, 10, 15)}
