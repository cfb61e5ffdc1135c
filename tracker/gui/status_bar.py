"""The window's status bar: what is loaded and shown, and which database it comes from."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from tracker.gui.naming import named
from tracker.reports.formatting import plural


class WindowStatusBar(QStatusBar):
    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.counts_label = named("countsLabel", QLabel("Loading…"))
        self.database_label = named("databaseLabel", QLabel(f"Database: {database_location}"))
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addWidget(self.counts_label, 1)
        self.addPermanentWidget(self.database_label)

    def show_loading(self) -> None:
        self.counts_label.setText("Loading…")

    def show_not_loaded(self) -> None:
        self.counts_label.setText("Not loaded")

    def show_counts(self, agreements: int, provisions: int, shown: int, overdue: int, as_of: date) -> None:
        self.counts_label.setText(
            f"{plural(agreements, 'agreement')} · {plural(provisions, 'provision')} · {shown} shown · "
            f"{overdue} overdue as of {as_of.isoformat()}"
        )
