"""Edit > Deleted provisions: the provisions deleted at any time, with their history, and Restore.

Deletion only hides a provision (its row and status history stay in the database), so this
list survives a restart, unlike the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import ProvisionRecord
from tracker.errors import TrackerError
from tracker.gui.history_model import HistoryColumn, HistoryTableModel
from tracker.gui.naming import named
from tracker.gui.row_table_model import AnyIndex, RowTableModel
from tracker.gui.status_delegate import StatusBadgeDelegate
from tracker.reports.formatting import format_timestamp

if TYPE_CHECKING:
    from tracker.services import Services

class DeletedColumn(IntEnum):
    SUMMARY = 0
    AGREEMENT = 1
    STATUS = 2
    DELETED = 3


_EXPLANATION = (
    "Deleted provisions keep their status history. Restore puts the selected one back in its agreement."
)


class DeletedProvisionsModel(RowTableModel):
    """Deleted provisions, most recently deleted first; a deleted provision's last edit is its deletion."""

    TITLES = ("Summary", "Agreement", "Status", "Deleted")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._titles: dict[int, str] = {}

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record: ProvisionRecord | None = self.row_at(index)
        if record is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = DeletedColumn(index.column())
        if column is DeletedColumn.SUMMARY:
            return record.excerpt if role == Qt.ItemDataRole.ToolTipRole else record.summary
        if column is DeletedColumn.AGREEMENT:
            return self._titles.get(record.agreement_id, "")
        if column is DeletedColumn.STATUS:
            return record.status().label
        return format_timestamp(record.edited_at)

    def set_records(self, records: Sequence[ProvisionRecord], titles: dict[int, str]) -> None:
        self._titles = dict(titles)
        self._replace_rows(list(records))

    def record_at(self, row: int) -> ProvisionRecord | None:
        return self.row_at(self.index(row, 0))


class DeletedProvisionsDialog(QDialog):
    """Lists deleted provisions; Restore asks the window to bring the selected one back."""

    restore_requested = Signal(object)  # the deleted ProvisionRecord

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deletedProvisionsDialog")
        self.setWindowTitle("Deleted provisions")
        self._services = services

        self.explanation = named("deletedExplanation", QLabel(_EXPLANATION, wordWrap=True))
        self.model = DeletedProvisionsModel(self)
        self.view = named("deletedProvisionsView", QTableView())
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(DeletedColumn.SUMMARY, QHeaderView.ResizeMode.Stretch)
        for column in (DeletedColumn.AGREEMENT, DeletedColumn.STATUS, DeletedColumn.DELETED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._restore_selected)  # Enter or a double click

        self.history_model = HistoryTableModel(self)
        self.history = named("deletedHistoryView", QTableView())
        self.history.setModel(self.history_model)
        self.history.setItemDelegateForColumn(HistoryColumn.STATUS, StatusBadgeDelegate(self.history))
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(
            HistoryColumn.NOTE, QHeaderView.ResizeMode.Stretch
        )

        buttons = named("deletedButtons", QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("deletedCloseButton")
        self.restore_button = named("restoreProvisionButton", QPushButton("&Restore"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_selected)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.view, 3)
        layout.addWidget(QLabel("Status history (newest first)"))
        layout.addWidget(self.history, 2)
        layout.addWidget(buttons)
        self.resize(760, 520)

        self.view.selectionModel().currentRowChanged.connect(self._show_history)
        self.reload()

    def reload(self) -> None:
        """Read the deleted provisions again; the first is selected."""
        try:
            records = self._services.list_deleted_provisions()
            titles = {agreement.id: agreement.title for agreement in self._services.list_agreements()}
        except TrackerError as error:
            self.model.set_records([], {})
            self.explanation.setText(f"The deleted provisions could not be read: {error}")
            self._show_history()
            return
        self.model.set_records(records, titles)
        self.explanation.setText(_EXPLANATION if records else "No provision has been deleted.")
        if records:
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.setFocus()
        self._show_history()

    def selected(self) -> ProvisionRecord | None:
        index = self.view.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def _show_history(self, *_: QModelIndex) -> None:
        record = self.selected()
        self.history_model.set_history(record.history if record else [])
        self.restore_button.setEnabled(record is not None)

    def _restore_selected(self, *_: object) -> None:
        record = self.selected()
        if record is not None:
            self.restore_requested.emit(record)
