"""Helpers for the extraction tests: find the provision that states a given phrase."""

from __future__ import annotations

from datetime import date

from tracker.domain import ExtractedProvision, Extraction
from tracker.extraction import extract


def provision_with(extraction: Extraction, phrase: str) -> ExtractedProvision:
    """The one provision whose excerpt contains ``phrase``."""
    found = [p for p in extraction.provisions if phrase in p.excerpt]
    assert len(found) == 1, (
        f"{len(found)} provisions contain {phrase!r}: {[p.excerpt for p in extraction.provisions]}"
    )
    return found[0]


def deadline_of(text: str, phrase: str, signed_on: date | None = None) -> date | None:
    return provision_with(extract(text, signed_on), phrase).deadline


def excerpts(extraction: Extraction) -> list[str]:
    return [p.excerpt for p in extraction.provisions]
