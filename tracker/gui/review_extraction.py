"""Running the extraction for the import review: the engine's signature, and re-running it when
the user corrects the signing date (deadlines counted from signing then move with it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Protocol

from tracker.domain import Extraction

# Two arbitrary, distinct signing dates: a deadline that moves between them is counted from
# the signing date, so it cannot be known while that date is unknown.
_PROBE_DATES = (date(2000, 1, 3), date(2000, 2, 7))


class ExtractFunction(Protocol):
    """The extraction engine's entry point (``tracker.extraction.extract``)."""

    def __call__(
        self,
        text: str,
        signed_on: date | None = None,
        *,
        progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Extraction: ...


def extract_for_signing_date(
    extract_text: ExtractFunction,
    text: str,
    signed_on: date | None,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Extraction:
    """Extract with the signing date the user chose.

    ``None`` means "unknown" here, not "infer it": the engine would otherwise count relative
    deadlines from a date it guessed, which the user has just rejected. Those deadlines are
    left empty (their wording stays in ``deadline_text``).
    """
    if signed_on is not None:
        return extract_text(text, signed_on, progress=progress, cancelled=cancelled)

    def first_half(fraction: float) -> None:
        if progress is not None:
            progress(fraction / 2)

    def second_half(fraction: float) -> None:
        if progress is not None:
            progress(0.5 + fraction / 2)

    early = extract_text(text, _PROBE_DATES[0], progress=first_half, cancelled=cancelled)
    late = extract_text(text, _PROBE_DATES[1], progress=second_half, cancelled=cancelled)
    late_deadlines = {(p.start, p.end): p.deadline for p in late.provisions}
    provisions = tuple(
        provision
        if late_deadlines.get((provision.start, provision.end), provision.deadline) == provision.deadline
        else replace(provision, deadline=None)
        for provision in early.provisions
    )
    return Extraction(signed_on=None, signed_on_source="unknown", provisions=provisions)
