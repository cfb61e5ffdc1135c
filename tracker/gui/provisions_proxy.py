"""Which provisions the table shows: the filter bar's criteria over the provisions model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from tracker.domain import Kind, Status
from tracker.gui.provisions_model import ProvisionRow, ProvisionTableModel, Role


@dataclass(frozen=True)
class ProvisionFilter:
    """The filter bar's state. Empty criteria let every row through."""

    text: str = ""  # already case-folded and stripped (see normalise_search)
    status: Status | None = None
    kind: Kind | None = None
    overdue_only: bool = False
    due_within_days: int | None = None

    def accepts(self, row: ProvisionRow, search_text: str) -> bool:
        if self.status is not None and row.status is not self.status:
            return False
        if self.kind is not None and row.record.kind is not self.kind:
            return False
        if self.overdue_only and not row.overdue:
            return False
        if self.due_within_days is not None and (
            row.countdown is None or not 0 <= row.countdown <= self.due_within_days
        ):
            return False
        return not self.text or self.text in search_text


def normalise_search(typed: str) -> str:
    return typed.strip().casefold()


class ProvisionFilterProxyModel(QSortFilterProxyModel):
    """Filters the provisions; ordering is delegated to the source model.

    The filter is evaluated for every row in one pass when it changes, and
    filterAcceptsRow only looks the answer up: with 100,000 rows that keeps a keystroke
    in the search field well under the time Qt needs to redraw.
    """

    def __init__(self, source: ProvisionTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = ProvisionFilter()
        self._accepted: list[bool] | None = None
        # Connected before setSourceModel so that the answers are fresh by the time the
        # proxy's own handlers of these signals ask for them.
        source.modelAboutToBeReset.connect(self._forget_answers)
        source.layoutAboutToBeChanged.connect(self._forget_answers)
        source.rowsAboutToBeInserted.connect(self._forget_answers)
        source.rowsAboutToBeRemoved.connect(self._forget_answers)
        source.dataChanged.connect(self._refresh_answers)
        self.setSourceModel(source)
        self.setSortRole(Role.SORT)

    @property
    def filter(self) -> ProvisionFilter:
        return self._filter

    def set_filter(self, criteria: ProvisionFilter) -> None:
        if criteria == self._filter:
            return
        self.beginFilterChange()
        self._filter = criteria
        self._accepted = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        accepted = self._accepted
        if accepted is None:
            accepted = self._accepted = self._evaluate_all()
        return accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)

    def _evaluate_all(self) -> list[bool]:
        criteria = self._filter
        rows = self._source.rows()
        if criteria == ProvisionFilter():
            return [True] * len(rows)
        if criteria.text:
            texts = self._source.search_texts()
            return [criteria.accepts(row, text) for row, text in zip(rows, texts, strict=True)]
        return [criteria.accepts(row, "") for row in rows]

    def _forget_answers(self, *_: object) -> None:
        self._accepted = None

    def _refresh_answers(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        accepted = self._accepted
        if accepted is None:
            return
        texts = self._source.search_texts() if self._filter.text else None
        for source_row in range(top_left.row(), bottom_right.row() + 1):
            text = texts[source_row] if texts is not None else ""
            accepted[source_row] = self._filter.accepts(self._source.row_at(source_row), text)
