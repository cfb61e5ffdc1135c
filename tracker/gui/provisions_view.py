"""The provisions table view: badge delegate, fixed row height, sortable headers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from tracker.gui.provision_rows import Column
from tracker.gui.status_delegate import StatusBadgeDelegate

# Initial widths, from text each column typically holds; the user's own widths are remembered.
_COLUMN_SAMPLES = {
    Column.SUMMARY: "Withdraw heavy weapons from the zone by",
    Column.KIND: "Withdrawal",
    Column.DEADLINE: "30 Sep 2020",
    Column.COUNTDOWN: "12 days overdue",
    Column.STATUS: "In progress",
    Column.PARTIES: "Turkey, Russia",
    Column.FACETS: "zone 15–20 km; weapons: tanks",
}
_CELL_PADDING = 20


class ProvisionTableView(QTableView):
    def __init__(self, context_actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provisionsView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegateForColumn(Column.STATUS, StatusBadgeDelegate(self))
        # A fixed row height lets Qt lay out 100,000 rows without measuring each one.
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        header = self.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        self.addActions(context_actions)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_default_widths(self) -> None:
        metrics = self.fontMetrics()
        for column, sample in _COLUMN_SAMPLES.items():
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + _CELL_PADDING)
