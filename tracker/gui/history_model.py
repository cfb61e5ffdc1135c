"""A provision's status history, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from tracker.domain import StatusChange
from tracker.gui.provisions_model import Role
from tracker.gui.row_table_model import AnyIndex, RowTableModel
from tracker.reports.formatting import format_date, format_timestamp


class HistoryColumn(IntEnum):
    EFFECTIVE = 0
    STATUS = 1
    NOTE = 2
    EVIDENCE = 3
    AUTHOR = 4
    RECORDED = 5




class HistoryTableModel(RowTableModel):
    TITLES = ("Effective", "Status", "Note", "Evidence", "Author", "Recorded")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        change: StatusChange | None = self.row_at(index)
        if change is None:
            return None
        column = HistoryColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is HistoryColumn.EFFECTIVE:
                return format_date(change.effective_on)
            if column is HistoryColumn.STATUS:
                return change.status.label
            if column is HistoryColumn.NOTE:
                return change.note
            if column is HistoryColumn.EVIDENCE:
                return change.evidence
            if column is HistoryColumn.AUTHOR:
                return change.author
            return format_timestamp(change.recorded_at)
        if role == Role.STATUS and column is HistoryColumn.STATUS:
            return change.status.value
        return None

    def set_history(self, history: Sequence[StatusChange]) -> None:
        newest_first = sorted(
            history, key=lambda change: (change.effective_on, change.recorded_at, change.id), reverse=True
        )
        self._replace_rows(newest_first)
