"""Wording shared by every report format, so that text, HTML and PDF say the same thing."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from tracker.domain import PAM_MAX, Facets, Kind, Status, describe_countdown
from tracker.reports.model import Figures, ProvisionLine

REPORT_TITLE = "Compliance summary"

SCORE_NOTE = (
    f"Implementation score: Peace Accords Matrix scale, each provision scored 0 (not begun or "
    f"violated) to {PAM_MAX} (complied); disputed and superseded provisions are left out."
)

# Looked up rather than computed: the enum property costs more than the rest of a line.
STATUS_LABELS = {status: status.label for status in Status}
KIND_LABELS = {kind: kind.label for kind in Kind}

# Fixed English month names: the report must not change with the machine's locale.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Weapon ids whose readable form is not just the id with spaces.
_WEAPON_LABELS = {"mlrs": "MLRS", "air_defense": "air defence", "anti_tank": "anti-tank weapons"}


@lru_cache(maxsize=4096)
def format_date(day: date | None) -> str:
    return "—" if day is None else f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_timestamp(moment: datetime) -> str:
    return f"{format_date(moment.date())}, {moment:%H:%M} UTC"


def format_score(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.0f}%"


def format_parties(parties: tuple[str, ...]) -> str:
    return ", ".join(parties) if parties else "not recorded"


def format_signing(signed_on: date | None, place: str) -> str:
    when = format_date(signed_on) if signed_on else "date not recorded"
    return f"{when}, {place}" if place else when


def weapon_label(weapon_id: str) -> str:
    return _WEAPON_LABELS.get(weapon_id, weapon_id.replace("_", " "))


def _km(value: float) -> str:
    return f"{value:g}"


@lru_cache(maxsize=4096)
def describe_facets(facets: Facets) -> str:
    """One line such as "zone 15–30 km; weapons: tanks, MLRS; patrols: Russia, Turkey"."""
    parts = []
    if facets.zone_width_km is not None:
        low, high = facets.zone_width_km
        width = _km(low) if low == high else f"{_km(low)}–{_km(high)}"
        parts.append(f"zone {width} km")
    if facets.weapons:
        parts.append("weapons: " + ", ".join(weapon_label(w) for w in facets.weapons))
    if facets.patrol_parties:
        parts.append("patrols: " + ", ".join(facets.patrol_parties))
    if facets.responsible_parties:
        parts.append("responsible: " + ", ".join(facets.responsible_parties))
    return "; ".join(parts)


def describe_deadline(line: ProvisionLine) -> str:
    """E.g. "20 Sep 2014 (in 5 days)" or "no deadline"."""
    if line.deadline is None:
        return "no deadline"
    return f"{format_date(line.deadline)} ({describe_countdown_of(line)})"


def describe_countdown_of(line: ProvisionLine) -> str:
    """The countdown, except that a passed deadline is only called overdue when it is."""
    days = line.countdown_days
    if days is not None and days < 0 and not line.overdue:
        return "1 day ago" if days == -1 else f"{-days} days ago"
    return describe_countdown(days)


def describe_status(line: ProvisionLine) -> str:
    """E.g. "Complied since 3 Oct 2014", or "Pending (no status recorded)"."""
    if line.status_since is None:
        return f"{STATUS_LABELS[line.status]} (no status recorded)"
    return f"{STATUS_LABELS[line.status]} since {format_date(line.status_since)}"


def describe_next_deadline(figures: Figures) -> str:
    line = figures.next_deadline
    if line is None:
        return "none ahead"
    return f"{format_date(line.deadline)} ({describe_countdown(line.countdown_days)})"


NO_EXCERPT = "No source excerpt recorded."


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
