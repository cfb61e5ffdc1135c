"""A provision's status history, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.domain import StatusChange
from tracker.gui.provisions_model import Role
from tracker.reports.formatting import format_date, format_timestamp

AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryColumn(IntEnum):
    EFFECTIVE = 0
    STATUS = 1
    NOTE = 2
    EVIDENCE = 3
    AUTHOR = 4
    RECORDED = 5


_TITLES = ("Effective", "Status", "Note", "Evidence", "Author", "Recorded")


class HistoryTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[StatusChange] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _TITLES[section] if 0 <= section < len(_TITLES) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._changes):
            return None
        change = self._changes[index.row()]
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
        self.beginResetModel()
        self._changes = sorted(
            history, key=lambda change: (change.effective_on, change.recorded_at, change.id), reverse=True
        )
        self.endResetModel()
