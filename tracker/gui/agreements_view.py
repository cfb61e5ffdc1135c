"""The agreements list on the left of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from tracker.gui.agreements_model import AgreementListModel


class AgreementListView(QListView):
    def __init__(self, model: AgreementListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsView")
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Long titles wrap rather than scroll sideways.
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
