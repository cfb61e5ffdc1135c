"""The tracker's vocabulary and pure rules: statuses, kinds, provisions, countdowns, scores.

Everything here is plain data (frozen dataclasses, enums) so that the extraction engine,
storage, reports, the command line and the GUI can pass it around without sharing a
database session or a Qt object.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    PARTIAL = "partial"
    COMPLIED = "complied"
    VIOLATED = "violated"
    DISPUTED = "disputed"
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Kind(StrEnum):
    ZONE = "zone"
    WITHDRAWAL = "withdrawal"
    PATROL = "patrol"
    TRANSIT = "transit"
    CEASEFIRE = "ceasefire"
    EXCHANGE = "exchange"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Canonical weapon ids; the synonyms that map onto them live in resources/.
WEAPON_IDS: tuple[str, ...] = (
    "heavy_weapons",
    "tanks",
    "armored_vehicles",
    "mlrs",
    "artillery",
    "mortars",
    "missiles",
    "air_defense",
    "anti_tank",
    "aircraft",
    "drones",
    "small_arms",
    "ammunition",
    "mines",
)

# Statuses after which a missed deadline no longer counts as overdue.
SETTLED_STATUSES = frozenset({Status.COMPLIED, Status.SUPERSEDED})

# Peace Accords Matrix implementation scale: 0 not begun (or reversed) .. 3 fully implemented.
PAM_SCORE: dict[Status, int] = {
    Status.PENDING: 0,
    Status.VIOLATED: 0,
    Status.IN_PROGRESS: 1,
    Status.PARTIAL: 2,
    Status.COMPLIED: 3,
}
PAM_MAX = 3


@dataclass(frozen=True)
class Facets:
    """What a provision sets, beyond its kind and deadline."""

    zone_width_km: tuple[float, float] | None = None
    weapons: tuple[str, ...] = ()
    patrol_parties: tuple[str, ...] = ()
    responsible_parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractedProvision:
    """One operative clause found in a text, tied to its exact excerpt.

    start/end are offsets into the normalised text (end exclusive), so that
    ``text[start:end] == excerpt`` always holds.
    """

    start: int
    end: int
    excerpt: str
    kind: Kind
    summary: str
    deadline: date | None = None
    deadline_text: str | None = None
    facets: Facets = field(default_factory=Facets)

    def to_json(self) -> dict[str, Any]:
        width = self.facets.zone_width_km
        return {
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "kind": self.kind.value,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
            "zone_width_km": [width[0], width[1]] if width else None,
            "weapons": list(self.facets.weapons),
            "patrol_parties": list(self.facets.patrol_parties),
            "responsible_parties": list(self.facets.responsible_parties),
            "summary": self.summary,
        }


@dataclass(frozen=True)
class Extraction:
    """The result of reading one agreement text."""

    signed_on: date | None
    # How signed_on was found: "given", "stated", "dateline", "earliest-date" or "unknown".
    signed_on_source: str
    provisions: tuple[ExtractedProvision, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
            "signed_on_source": self.signed_on_source,
            "provisions": [p.to_json() for p in self.provisions],
        }


@dataclass(frozen=True)
class StatusChange:
    """One row of a provision's append-only status history."""

    id: int
    provision_id: int
    status: Status
    effective_on: date
    note: str
    evidence: str
    author: str
    recorded_at: datetime  # UTC


@dataclass(frozen=True)
class ProvisionRecord:
    """A stored provision with its whole status history, oldest first."""

    id: int
    agreement_id: int
    order: int
    kind: Kind
    summary: str
    excerpt: str
    start: int
    end: int
    deadline: date | None
    deadline_text: str | None
    facets: Facets
    created_at: datetime
    edited_at: datetime
    version: int
    history: tuple[StatusChange, ...] = ()

    def latest_change(self, as_of: date | None = None) -> StatusChange | None:
        return latest_change(self.history, as_of)

    def status(self, as_of: date | None = None) -> Status:
        change = self.latest_change(as_of)
        return change.status if change else Status.PENDING

    def countdown(self, as_of: date) -> int | None:
        return countdown_days(self.deadline, as_of)

    def is_overdue(self, as_of: date) -> bool:
        return is_overdue(self.deadline, self.status(as_of), as_of)


@dataclass(frozen=True)
class AgreementRecord:
    """A stored agreement's metadata (its provisions are loaded separately)."""

    id: int
    title: str
    parties: tuple[str, ...]
    signed_on: date | None
    place: str
    source: str
    language: str
    imported_at: datetime
    text: str = ""


@dataclass(frozen=True)
class AgreementDraft:
    """An agreement about to be stored: its metadata and full (normalised) text."""

    title: str
    text: str
    parties: tuple[str, ...] = ()
    signed_on: date | None = None
    place: str = ""
    source: str = ""
    language: str = "en"


def latest_change(history: Iterable[StatusChange], as_of: date | None = None) -> StatusChange | None:
    """The change in force on ``as_of``: latest effective date, ties broken by recording order."""
    best: StatusChange | None = None
    for change in history:
        if as_of is not None and change.effective_on > as_of:
            continue
        if best is None or (change.effective_on, change.recorded_at, change.id) >= (
            best.effective_on,
            best.recorded_at,
            best.id,
        ):
            best = change
    return best


def countdown_days(deadline: date | None, as_of: date) -> int | None:
    """Days left until the deadline (negative once it has passed); None without a deadline."""
    return None if deadline is None else (deadline - as_of).days


def is_overdue(deadline: date | None, status: Status, as_of: date) -> bool:
    return deadline is not None and deadline < as_of and status not in SETTLED_STATUSES


def implementation_score(statuses: Sequence[Status] | Iterable[Status]) -> float | None:
    """PAM-style implementation score in percent; None when no provision is scorable."""
    points = [PAM_SCORE[s] for s in statuses if s in PAM_SCORE]
    if not points:
        return None
    return 100.0 * sum(points) / (PAM_MAX * len(points))


def describe_countdown(days: int | None) -> str:
    """Human wording of a countdown, as shown in the table and the reports."""
    if days is None:
        return "no deadline"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days > 0:
        return f"in {days} days"
    if days == -1:
        return "1 day overdue"
    return f"{-days} days overdue"
