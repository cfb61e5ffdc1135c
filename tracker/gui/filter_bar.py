"""The row of filter controls above the provisions table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from tracker.domain import Kind, Status
from tracker.gui.naming import named
from tracker.gui.provision_rows import ProvisionFilter, normalise_search

_DEFAULT_DUE_DAYS = 30
_MAX_DUE_DAYS = 3650


class FilterBar(QWidget):
    changed = Signal(object)  # ProvisionFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.search = named("searchEdit", QLineEdit(clearButtonEnabled=True))
        self.search.setPlaceholderText("Search summaries and excerpts (Ctrl+F)")
        self.status = named("statusFilterCombo", QComboBox())
        self.status.addItem("Any status", "")
        for status in Status:
            self.status.addItem(status.label, status.value)
        self.kind = named("kindFilterCombo", QComboBox())
        self.kind.addItem("Any kind", "")
        for kind in Kind:
            self.kind.addItem(kind.label, kind.value)
        self.overdue = named("overdueOnlyCheck", QCheckBox("Overdue only"))
        self.due_soon = named("dueWithinCheck", QCheckBox("Due within"))
        self.due_days = named("dueWithinSpin", QSpinBox(minimum=0, maximum=_MAX_DUE_DAYS, suffix=" days"))
        self.due_days.setValue(_DEFAULT_DUE_DAYS)
        self.due_days.setEnabled(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Filter:"))
        layout.addWidget(self.search, 3)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.kind, 1)
        layout.addWidget(self.overdue)
        layout.addWidget(self.due_soon)
        layout.addWidget(self.due_days)

        self.search.textChanged.connect(self._emit)
        self.status.currentIndexChanged.connect(self._emit)
        self.kind.currentIndexChanged.connect(self._emit)
        self.overdue.toggled.connect(self._emit)
        self.due_soon.toggled.connect(self.due_days.setEnabled)
        self.due_soon.toggled.connect(self._emit)
        self.due_days.valueChanged.connect(self._emit)

    def criteria(self) -> ProvisionFilter:
        return ProvisionFilter(
            text=normalise_search(self.search.text()),
            status=Status(self.status.currentData()) if self.status.currentData() else None,
            kind=Kind(self.kind.currentData()) if self.kind.currentData() else None,
            overdue_only=self.overdue.isChecked(),
            due_within_days=self.due_days.value() if self.due_soon.isChecked() else None,
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def state(self) -> dict[str, Any]:
        """What to remember between sessions."""
        return {
            "text": self.search.text(),
            "status": self.status.currentData(),
            "kind": self.kind.currentData(),
            "overdue": self.overdue.isChecked(),
            "due_soon": self.due_soon.isChecked(),
            "due_days": self.due_days.value(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Apply a remembered state; unknown or malformed values are ignored."""
        self.search.setText(str(state.get("text", "")))
        self._select(self.status, state.get("status"))
        self._select(self.kind, state.get("kind"))
        self.overdue.setChecked(_as_bool(state.get("overdue")))
        self.due_soon.setChecked(_as_bool(state.get("due_soon")))
        try:
            self.due_days.setValue(int(state.get("due_days", _DEFAULT_DUE_DAYS)))
        except (TypeError, ValueError):
            self.due_days.setValue(_DEFAULT_DUE_DAYS)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(combo.findData(str(value or "")), 0))

    def _emit(self, *_: object) -> None:
        self.changed.emit(self.criteria())


def _as_bool(value: object) -> bool:
    # QSettings' INI backend hands booleans back as the strings "true"/"false".
    return value is True or str(value).lower() == "true"
