"""The provisions table: one row per provision, its status and countdown as of a chosen date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from tracker.domain import Facets, ProvisionRecord, Status, describe_countdown
from tracker.gui.colours import countdown_colour, palette_is_dark
from tracker.reports.formatting import format_date, weapon_label

AnyIndex = QModelIndex | QPersistentModelIndex


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
        return _COLUMN_TITLES[self]


_COLUMN_TITLES = {
    Column.SUMMARY: "Summary",
    Column.KIND: "Kind",
    Column.DEADLINE: "Deadline",
    Column.COUNTDOWN: "Countdown",
    Column.STATUS: "Status",
    Column.PARTIES: "Parties",
    Column.FACETS: "Facets",
}


class Role(IntEnum):
    RECORD = Qt.ItemDataRole.UserRole + 1  # the ProvisionRecord
    PROVISION_ID = Qt.ItemDataRole.UserRole + 2
    STATUS = Qt.ItemDataRole.UserRole + 3  # the Status's value as of the model's date (see status_of)
    SORT = Qt.ItemDataRole.UserRole + 4  # a native value that orders the column
    OVERDUE = Qt.ItemDataRole.UserRole + 5


def status_of(index: QModelIndex | QPersistentModelIndex) -> Status | None:
    """The Status behind Role.STATUS (Qt hands a StrEnum back as a plain str)."""
    value = index.data(Role.STATUS)
    return Status(value) if isinstance(value, str) and value else None


@dataclass(frozen=True, slots=True)
class ProvisionRow:
    """A provision and what it amounts to on one date."""

    record: ProvisionRecord
    status: Status
    countdown: int | None
    overdue: bool

    @classmethod
    def of(cls, record: ProvisionRecord, as_of: date) -> ProvisionRow:
        status = record.status(as_of)
        countdown = record.countdown(as_of)
        overdue = countdown is not None and countdown < 0 and record.is_overdue(as_of)
        return cls(record, status, countdown, overdue)


def describe_parties(facets: Facets) -> str:
    return ", ".join(facets.responsible_parties or facets.patrol_parties)


def describe_facet_hints(facets: Facets) -> str:
    """The zone width and weapons, the two facets an analyst scans the table for."""
    hints = []
    if facets.zone_width_km is not None:
        low, high = facets.zone_width_km
        hints.append(f"{low:g} km" if low == high else f"{low:g}–{high:g} km")
    if facets.weapons:
        hints.append(", ".join(weapon_label(weapon) for weapon in facets.weapons))
    return "; ".join(hints)


_STATUS_ORDER = {status: position for position, status in enumerate(Status)}
# Rows without a deadline sort after every dated one.
_NO_DEADLINE = date.max


def sort_key(row: ProvisionRow, column: Column) -> Any:
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


class ProvisionTableModel(QAbstractTableModel):
    """Provisions as of a date. Holds frozen records only; every change arrives as a new record."""

    def __init__(self, as_of: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._as_of = as_of
        self._rows: list[ProvisionRow] = []
        self._row_of_id: dict[int, int] = {}
        self._search_texts: list[str] | None = None
        self._sorted_by: tuple[Column, Qt.SortOrder] | None = None
        # Position of each provision id in the order given to set_rows (the reading order).
        self._reading_order: dict[int, int] = {}

    # --- reading -----------------------------------------------------------------------------

    @property
    def as_of(self) -> date:
        return self._as_of

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Column(section).title if 0 <= section < len(Column) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.record.excerpt if column is Column.SUMMARY else self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.COUNTDOWN:
            colour = countdown_colour(row.countdown, row.overdue, palette_is_dark())
            return QBrush(colour) if colour is not None else None
        if role == Role.RECORD:
            return row.record
        if role == Role.PROVISION_ID:
            return row.record.id
        if role == Role.STATUS:
            return row.status.value
        if role == Role.OVERDUE:
            return row.overdue
        if role == Role.SORT:
            return sort_key(row, column)
        return None

    @staticmethod
    def _display(row: ProvisionRow, column: Column) -> str:
        record = row.record
        if column is Column.SUMMARY:
            return record.summary
        if column is Column.KIND:
            return record.kind.label
        if column is Column.DEADLINE:
            return format_date(record.deadline) if record.deadline else ""
        if column is Column.COUNTDOWN:
            return describe_countdown(row.countdown) if record.deadline else ""
        if column is Column.STATUS:
            return row.status.label
        if column is Column.PARTIES:
            return describe_parties(record.facets)
        return describe_facet_hints(record.facets)

    def row_at(self, row: int) -> ProvisionRow:
        return self._rows[row]

    def rows(self) -> Sequence[ProvisionRow]:
        return self._rows

    def row_of(self, provision_id: int) -> int | None:
        return self._row_of_id.get(provision_id)

    def search_texts(self) -> list[str]:
        """Summary and excerpt of every row, case-folded once for the text filter."""
        if self._search_texts is None:
            self._search_texts = [
                f"{row.record.summary}\n{row.record.excerpt}".casefold() for row in self._rows
            ]
        return self._search_texts

    # --- changing ----------------------------------------------------------------------------

    def set_rows(self, records: Sequence[ProvisionRecord], as_of: date | None = None) -> None:
        """Replace every row in one reset (keeping the current sort order)."""
        self.beginResetModel()
        if as_of is not None:
            self._as_of = as_of
        self._rows = [ProvisionRow.of(record, self._as_of) for record in records]
        self._reading_order = {record.id: position for position, record in enumerate(records)}
        if self._sorted_by is not None:
            self._rows.sort(key=self._key_function(self._sorted_by[0]), reverse=self._descending())
        self._reindex()
        self.endResetModel()

    def set_as_of(self, as_of: date) -> None:
        """Recompute statuses and countdowns for another date; rows keep their place."""
        if as_of == self._as_of:
            return
        self._as_of = as_of
        self._rows = [ProvisionRow.of(row.record, as_of) for row in self._rows]
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        if self._sorted_by is not None and self._sorted_by[0] is Column.STATUS:
            self.sort(*self._sorted_by)

    def replace_record(self, record: ProvisionRecord) -> bool:
        """Show a changed provision in place; False when the table does not hold it."""
        position = self._row_of_id.get(record.id)
        if position is None:
            return False
        self._rows[position] = ProvisionRow.of(record, self._as_of)
        if self._search_texts is not None:
            self._search_texts[position] = f"{record.summary}\n{record.excerpt}".casefold()
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))
        return True

    def insert_record(self, record: ProvisionRecord) -> None:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(ProvisionRow.of(record, self._as_of))
        self._row_of_id[record.id] = position
        self._reading_order[record.id] = len(self._reading_order)
        if self._search_texts is not None:
            self._search_texts.append(f"{record.summary}\n{record.excerpt}".casefold())
        self.endInsertRows()

    def remove_record(self, provision_id: int) -> bool:
        position = self._row_of_id.get(provision_id)
        if position is None:
            return False
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self._reindex()
        self.endRemoveRows()
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows on the column's native value (Role.SORT) in one Python sort; a
        column outside the table (-1, a cleared sort indicator) means reading order.

        Sorting here rather than in the proxy keeps 100,000 rows fast: the proxy's
        comparator would call data() twice per comparison, millions of calls from C++.
        """
        self._sorted_by = (Column(column), order) if 0 <= column < len(Column) else None
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held_ids = [self._rows[index.row()].record.id for index in persistent]
        if self._sorted_by is None:
            reading_order = self._reading_order
            self._rows.sort(key=lambda row: reading_order[row.record.id])
        else:
            self._rows.sort(key=self._key_function(self._sorted_by[0]), reverse=self._descending())
        self._reindex()
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._row_of_id[id_], index.column())
                for id_, index in zip(held_ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _descending(self) -> bool:
        return self._sorted_by is not None and self._sorted_by[1] == Qt.SortOrder.DescendingOrder

    @staticmethod
    def _key_function(column: Column) -> Any:
        return lambda row: sort_key(row, column)

    def _reindex(self) -> None:
        self._row_of_id = {row.record.id: position for position, row in enumerate(self._rows)}
        self._search_texts = None
