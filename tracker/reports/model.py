"""The compliance summary as plain data: what every report format shows, computed once.

``build_summary`` reads the agreements and provisions through the services; ``summarise``
does the computing on records already in hand (used by ``build_summary`` and by benchmarks).
Nothing here knows about a format or about Qt.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from tracker.domain import (
    PAM_SCORE,
    SETTLED_STATUSES,
    AgreementRecord,
    Facets,
    Kind,
    ProvisionRecord,
    Status,
    StatusChange,
    countdown_days,
    implementation_score,
    is_overdue,
)
from tracker.errors import NotFound

# "Due soon" is the next 30 days, the as-of date included.
DUE_SOON_DAYS = 30


class SummarySource(Protocol):
    """The part of the services a summary reads."""

    def list_agreements(self) -> list[AgreementRecord]: ...

    def list_provisions(self, agreement_id: int | None = None) -> list[ProvisionRecord]: ...


@dataclass(frozen=True)
class ProvisionLine:
    """One provision as the summary shows it on the as-of date."""

    id: int
    number: int  # 1-based position within its agreement
    kind: Kind
    summary: str
    excerpt: str
    facets: Facets
    deadline: date | None
    deadline_text: str | None
    countdown_days: int | None
    status: Status
    status_since: date | None  # effective date of the status in force; None when never set
    latest_note: str
    evidence: str
    overdue: bool

    @property
    def days_overdue(self) -> int:
        return -self.countdown_days if self.overdue and self.countdown_days is not None else 0


@dataclass(frozen=True)
class Figures:
    """Headline figures over a set of provisions."""

    provision_count: int
    status_counts: tuple[tuple[Status, int], ...]  # every status, in Status order, zeros included
    score: float | None  # PAM-style percentage; None when nothing is scorable
    scored_count: int
    overdue_count: int
    due_soon_count: int
    next_deadline: ProvisionLine | None

    def count(self, status: Status) -> int:
        return dict(self.status_counts)[status]


@dataclass(frozen=True)
class AgreementSummary:
    id: int
    title: str
    parties: tuple[str, ...]
    signed_on: date | None
    place: str
    source: str
    figures: Figures
    overdue: tuple[ProvisionLine, ...]  # most overdue first
    due_soon: tuple[ProvisionLine, ...]  # soonest first
    provisions: tuple[ProvisionLine, ...]  # in agreement order


@dataclass(frozen=True)
class Summary:
    as_of: date
    generated_at: datetime  # UTC
    agreements: tuple[AgreementSummary, ...]
    totals: Figures  # over every agreement in the summary

    @property
    def has_cover(self) -> bool:
        """Several agreements open with a cover page listing them."""
        return len(self.agreements) > 1


def build_summary(
    services: SummarySource,
    agreement_id: int | None,
    as_of: date,
    generated_at: datetime | None = None,
) -> Summary:
    """The summary of one agreement (or of all when ``agreement_id`` is None) on ``as_of``.

    Raises ``NotFound`` for an agreement id that does not exist.
    """
    agreements = services.list_agreements()
    if agreement_id is not None:
        agreements = [a for a in agreements if a.id == agreement_id]
        if not agreements:
            raise NotFound(f"No agreement with id {agreement_id}.")
    with cycle_collection_paused():
        provisions = services.list_provisions(agreement_id)
    by_agreement: dict[int, list[ProvisionRecord]] = {a.id: [] for a in agreements}
    for provision in provisions:
        by_agreement.setdefault(provision.agreement_id, []).append(provision)
    return summarise([(a, by_agreement[a.id]) for a in agreements], as_of, generated_at)


def summarise(
    agreements: Iterable[tuple[AgreementRecord, Sequence[ProvisionRecord]]],
    as_of: date,
    generated_at: datetime | None = None,
) -> Summary:
    """The summary of agreements whose provisions are already loaded."""
    generated = (generated_at or datetime.now(UTC)).astimezone(UTC)
    with cycle_collection_paused():
        summaries = tuple(_summarise_agreement(a, provisions, as_of) for a, provisions in agreements)
        if len(summaries) == 1:
            return Summary(as_of, generated, summaries, summaries[0].figures)
        every_line = [line for s in summaries for line in s.provisions]
        return Summary(as_of, generated, summaries, _figures(every_line, as_of))


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pauses Python's cycle collector while a report is built.

    A report allocates hundreds of thousands of small objects without cycles; the collector
    would re-scan all of them (and every record already loaded) again and again, which cost
    about a third of the time at 100,000 provisions. Memory is still freed by reference counts.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _summarise_agreement(
    agreement: AgreementRecord, provisions: Sequence[ProvisionRecord], as_of: date
) -> AgreementSummary:
    ordered = sorted(provisions, key=lambda p: (p.order, p.id))
    lines = tuple(_line(p, number, as_of) for number, p in enumerate(ordered, start=1))
    overdue = tuple(sorted((x for x in lines if x.overdue), key=_by_deadline))
    due_soon = tuple(sorted((x for x in lines if _is_due_soon(x)), key=_by_deadline))
    return AgreementSummary(
        id=agreement.id,
        title=agreement.title,
        parties=agreement.parties,
        signed_on=agreement.signed_on,
        place=agreement.place,
        source=agreement.source,
        figures=_figures(lines, as_of),
        overdue=overdue,
        due_soon=due_soon,
        provisions=lines,
    )


def _line(provision: ProvisionRecord, number: int, as_of: date) -> ProvisionLine:
    in_force = provision.latest_change(as_of)
    status = in_force.status if in_force else Status.PENDING
    note, evidence = _latest_note_and_evidence(provision.history, as_of) if in_force else ("", "")
    return ProvisionLine(
        id=provision.id,
        number=number,
        kind=provision.kind,
        summary=provision.summary,
        excerpt=provision.excerpt,
        facets=provision.facets,
        deadline=provision.deadline,
        deadline_text=provision.deadline_text,
        countdown_days=countdown_days(provision.deadline, as_of),
        status=status,
        status_since=in_force.effective_on if in_force else None,
        latest_note=note,
        evidence=evidence,
        overdue=is_overdue(provision.deadline, status, as_of),
    )


def _latest_note_and_evidence(history: Sequence[StatusChange], as_of: date) -> tuple[str, str]:
    """The note and evidence of the status in force, or else the latest ones given before it,
    so that a bare status change does not hide what the analyst last wrote."""
    note = evidence = ""
    in_effect = (c for c in history if c.effective_on <= as_of)
    for change in sorted(in_effect, key=lambda c: (c.effective_on, c.recorded_at, c.id), reverse=True):
        note = note or change.note
        evidence = evidence or change.evidence
        if note and evidence:
            break
    return note, evidence


def _is_due_soon(line: ProvisionLine) -> bool:
    days = line.countdown_days
    return days is not None and 0 <= days <= DUE_SOON_DAYS and line.status not in SETTLED_STATUSES


def _by_deadline(line: ProvisionLine) -> tuple[date, int]:
    return (line.deadline or date.max, line.number)


def _figures(lines: Sequence[ProvisionLine], as_of: date) -> Figures:
    counts = dict.fromkeys(Status, 0)
    for line in lines:
        counts[line.status] += 1
    statuses = [line.status for line in lines]
    upcoming = [
        x
        for x in lines
        if x.deadline is not None and x.deadline >= as_of and x.status not in SETTLED_STATUSES
    ]
    return Figures(
        provision_count=len(lines),
        status_counts=tuple(counts.items()),
        score=implementation_score(statuses),
        scored_count=sum(1 for s in statuses if s in PAM_SCORE),
        overdue_count=sum(1 for x in lines if x.overdue),
        due_soon_count=sum(1 for x in lines if _is_due_soon(x)),
        next_deadline=min(upcoming, key=_by_deadline, default=None),
    )
