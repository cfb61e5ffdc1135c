"""The provisions table: the loaded provisions that pass the filter, in the chosen order.

Filtering and sorting happen here, in Python list operations over the loaded rows, rather than
in a QSortFilterProxyModel: with 100,000 rows the proxy's per-row filterAcceptsRow calls made a
keystroke cost ~140 ms, and its comparator (two data() calls per comparison) took 11 s to sort.
See docs/PERFORMANCE.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from tracker.domain import Status, describe_countdown
from tracker.gui.colours import countdown_colour, palette_is_dark
from tracker.gui.provision_rows import (
    Column,
    ProvisionFilter,
    ProvisionRow,
    describe_facet_hints,
    describe_parties,
    search_text,
    sort_key,
)
from tracker.reports.formatting import format_date

AnyIndex = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    RECORD = Qt.ItemDataRole.UserRole + 1  # the ProvisionRecord
    PROVISION_ID = Qt.ItemDataRole.UserRole + 2
    STATUS = Qt.ItemDataRole.UserRole + 3  # the Status's value as of the model's date (see status_of)
    SORT = Qt.ItemDataRole.UserRole + 4  # the native value the column sorts on
    OVERDUE = Qt.ItemDataRole.UserRole + 5


_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        *Role,
    }
)

# What each column shows, by column number.
_DISPLAY: tuple[Callable[[ProvisionRow], str], ...] = (
    lambda row: row.record.summary,
    lambda row: row.record.kind.label,
    lambda row: format_date(row.record.deadline) if row.record.deadline else "",
    lambda row: describe_countdown(row.countdown) if row.record.deadline else "",
    lambda row: row.status.label,
    lambda row: describe_parties(row.record.facets),
    lambda row: describe_facet_hints(row.record.facets),
)


def status_of(index: QModelIndex | QPersistentModelIndex) -> Status | None:
    """The Status behind Role.STATUS (Qt hands a StrEnum back as a plain str)."""
    value = index.data(Role.STATUS)
    return Status(value) if isinstance(value, str) and value else None


class ProvisionTableModel(QAbstractTableModel):
    """Provisions as of a date. Holds rows of frozen records; every change arrives as a new row."""

    def __init__(self, as_of: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._as_of = as_of
        self._loaded: list[ProvisionRow] = []  # in reading order
        self._texts: list[str] | None = None  # search text of each loaded row, built on demand
        self._index_of_id: dict[int, int] = {}  # provision id -> position in _loaded
        self._shown: list[int] = []  # positions in _loaded, in display order
        self._row_of_index: dict[int, int] | None = None  # position in _loaded -> display row
        self._filter = ProvisionFilter()
        self._sorted_by: tuple[Column, Qt.SortOrder] | None = None

    # --- reading -----------------------------------------------------------------------------

    @property
    def as_of(self) -> date:
        return self._as_of

    @property
    def filter(self) -> ProvisionFilter:
        return self._filter

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Column(section).title if 0 <= section < len(Column) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell on every paint; most are answered here at once.
        if role not in _ANSWERED_ROLES or not index.isValid() or index.row() >= len(self._shown):
            return None
        row = self._loaded[self._shown[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _DISPLAY[column](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.record.excerpt if column == Column.SUMMARY else _DISPLAY[column](row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column != Column.COUNTDOWN:
                return None
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
        return sort_key(row, Column(column))

    def row_at(self, row: int) -> ProvisionRow:
        """The row shown at ``row``."""
        return self._loaded[self._shown[row]]

    def row_of(self, provision_id: int) -> int | None:
        """Where the provision is shown, or None (not loaded, or filtered out)."""
        position = self._index_of_id.get(provision_id)
        return None if position is None else self._display_rows().get(position)

    # --- changing ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ProvisionRow], as_of: date) -> None:
        """Replace every row (worked out as of ``as_of``) in one reset, keeping filter and order."""
        loaded = list(rows)
        # The same provisions on another date: the search texts and positions still hold.
        same_records = len(loaded) == len(self._loaded) and all(
            new.record is old.record for new, old in zip(loaded, self._loaded, strict=True)
        )
        self.beginResetModel()
        self._as_of = as_of
        self._loaded = loaded
        if not same_records:
            self._texts = None
            self._index_of_id = {row.record.id: position for position, row in enumerate(loaded)}
        self._shown = self._select(range(len(loaded)))
        self.endResetModel()

    def set_filter(self, criteria: ProvisionFilter) -> None:
        if criteria == self._filter:
            return
        # Typing on in the search field only drops rows: look among those shown, already in order.
        narrowing = criteria.narrows(self._filter)
        self.beginResetModel()
        self._filter = criteria
        if narrowing:
            texts = self._search_texts() if criteria.text else []
            self._shown = criteria.select(self._loaded, texts, self._shown)
        else:
            self._shown = self._select(range(len(self._loaded)))
        self._row_of_index = None
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows on the column's native value (Role.SORT) in one Python sort; a
        column outside the table (-1, a cleared sort indicator) means reading order."""
        self._sorted_by = (Column(column), order) if 0 <= column < len(Column) else None
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [self._shown[index.row()] for index in persistent]
        self._order(self._shown)
        self._row_of_index = None
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._display_rows()[position], index.column())
                for position, index in zip(held, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _display_rows(self) -> dict[int, int]:
        """Position in the loaded rows -> display row, built when first needed after a change."""
        if self._row_of_index is None:
            self._row_of_index = {index: row for row, index in enumerate(self._shown)}
        return self._row_of_index

    def replace_row(self, row: ProvisionRow) -> bool:
        """Show a changed provision in place; False when the table does not hold it.

        The row stays where it is even if it no longer passes the filter, so that it does not
        vanish from under the user's cursor; the next filter change settles it.
        """
        position = self._index_of_id.get(row.record.id)
        if position is None:
            return False
        self._loaded[position] = row
        if self._texts is not None:
            self._texts[position] = search_text(row.record)
        shown_at = self.row_of(row.record.id)
        if shown_at is not None:
            self.dataChanged.emit(self.index(shown_at, 0), self.index(shown_at, len(Column) - 1))
        return True

    def insert_row(self, row: ProvisionRow) -> None:
        """Add a provision at the end, shown whatever the filter: the user just made it."""
        position = len(self._loaded)
        shown_at = len(self._shown)
        self.beginInsertRows(QModelIndex(), shown_at, shown_at)
        self._loaded.append(row)
        if self._texts is not None:
            self._texts.append(search_text(row.record))
        self._index_of_id[row.record.id] = position
        self._shown.append(position)
        if self._row_of_index is not None:
            self._row_of_index[position] = shown_at
        self.endInsertRows()

    def remove_provision(self, provision_id: int) -> bool:
        position = self._index_of_id.get(provision_id)
        if position is None:
            return False
        row = self.row_of(provision_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
        del self._loaded[position]
        if self._texts is not None:
            del self._texts[position]
        self._index_of_id = {row.record.id: index for index, row in enumerate(self._loaded)}
        self._shown = [index - (index > position) for index in self._shown if index != position]
        self._row_of_index = None
        if row is not None:
            self.endRemoveRows()
        return True

    # --- helpers -----------------------------------------------------------------------------

    def _search_texts(self) -> list[str]:
        if self._texts is None:
            self._texts = [search_text(row.record) for row in self._loaded]
        return self._texts

    def _select(self, among: Sequence[int]) -> list[int]:
        """The positions passing the filter, in display order."""
        self._row_of_index = None
        texts = self._search_texts() if self._filter.text else []
        shown = self._filter.select(self._loaded, texts, among)
        self._order(shown)
        return shown

    def _order(self, positions: list[int]) -> None:
        loaded = self._loaded
        if self._sorted_by is None:
            positions.sort()
            return
        column, order = self._sorted_by
        positions.sort(
            key=lambda position: sort_key(loaded[position], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
