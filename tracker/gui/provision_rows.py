"""Rows of the provisions table as plain data: what each provision amounts to on a date, how a
column orders it, and which rows the filter bar lets through. No Qt here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, NamedTuple

from tracker.domain import Facets, Kind, ProvisionRecord, Status, countdown_days, is_overdue
from tracker.reports.formatting import describe_facets


class Column(IntEnum):
    SUMMARY = 0
    KIND = 1
    DEADLINE = 2
    COUNTDOWN = 3
    STATUS = 4
    PARTIES = 5
    FACETS = 6

    @property
    def title(self) -> str:
        return self.name.capitalize()


class ProvisionRow(NamedTuple):
    """A provision and what it amounts to on one date (a tuple: 100,000 of them are built at once)."""

    record: ProvisionRecord
    status: Status
    countdown: int | None
    overdue: bool


# The NamedTuple's generated __new__ is a Python call per row; building the tuple directly
# halves the cost of a row, which counts when the as-of date changes on 100,000 of them.
_new_row = tuple.__new__


def provision_row(record: ProvisionRecord, as_of: date) -> ProvisionRow:
    # Most provisions have no history yet: skip the search for the change in force.
    status = record.status(as_of) if record.history else Status.PENDING
    deadline = record.deadline
    countdown = countdown_days(deadline, as_of)
    return _new_row(ProvisionRow, (record, status, countdown, is_overdue(deadline, status, as_of)))


def search_text(record: ProvisionRecord) -> str:
    return f"{record.summary}\n{record.excerpt}".casefold()


def describe_parties(facets: Facets) -> str:
    return ", ".join(facets.responsible_parties or facets.patrol_parties)


def describe_facet_hints(facets: Facets) -> str:
    """The zone width and weapons, the facets an analyst scans the table for (the parties
    have their own column), worded as in the reports."""
    return describe_facets(Facets(zone_width_km=facets.zone_width_km, weapons=facets.weapons))


_STATUS_ORDER = {status: position for position, status in enumerate(Status)}
# Rows without a deadline sort after every dated one.
_NO_DEADLINE = date.max


def sort_key(row: ProvisionRow, column: Column) -> Any:
    """The native value a column sorts on: dates for deadline and countdown, not their wording."""
    record = row.record
    if column is Column.SUMMARY:
        return record.summary.casefold()
    if column is Column.KIND:
        return record.kind.label
    if column in (Column.DEADLINE, Column.COUNTDOWN):
        return record.deadline or _NO_DEADLINE
    if column is Column.STATUS:
        return _STATUS_ORDER[row.status]
    if column is Column.PARTIES:
        return describe_parties(record.facets).casefold()
    return describe_facet_hints(record.facets).casefold()


def normalise_search(typed: str) -> str:
    return typed.strip().casefold()


@dataclass(frozen=True)
class ProvisionFilter:
    """The filter bar's state. Empty criteria let every row through."""

    text: str = ""  # already normalised (see normalise_search)
    status: Status | None = None
    kind: Kind | None = None
    overdue_only: bool = False
    due_within_days: int | None = None

    def narrows(self, previous: ProvisionFilter) -> bool:
        """True when this filter can only drop rows that ``previous`` let through (typing on)."""
        return (
            previous.text in self.text
            and (previous.status is None or previous.status is self.status)
            and (previous.kind is None or previous.kind is self.kind)
            and (self.overdue_only or not previous.overdue_only)
            and (previous.due_within_days is None or previous.due_within_days == self.due_within_days)
        )

    def select(self, rows: Sequence[ProvisionRow], texts: Sequence[str], among: Sequence[int]) -> list[int]:
        """The positions in ``among`` whose rows pass, in the order given.

        One comprehension per criterion rather than one call per row: on 100,000 rows the
        difference is a keystroke that lags or one that does not.
        """
        kept = list(among)
        if self.status is not None:
            kept = [i for i in kept if rows[i].status is self.status]
        if self.kind is not None:
            kept = [i for i in kept if rows[i].record.kind is self.kind]
        if self.overdue_only:
            kept = [i for i in kept if rows[i].overdue]
        if self.due_within_days is not None:
            limit = self.due_within_days
            kept = [i for i in kept if (days := rows[i].countdown) is not None and 0 <= days <= limit]
        if self.text:
            needle = self.text
            kept = [i for i in kept if needle in texts[i]]
        return kept
