"""Asks for a provision's new status: status, effective date, note and evidence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tracker.domain import ProvisionRecord, Status
from tracker.gui.dates import date_edit
from tracker.gui.naming import named
from tracker.gui.widget_parts import ok_cancel_buttons


@dataclass(frozen=True)
class StatusDecision:
    status: Status
    effective_on: date
    note: str
    evidence: str


class StatusChangeDialog(QDialog):
    def __init__(self, record: ProvisionRecord, as_of: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusChangeDialog")
        self.setWindowTitle("Change status")
        heading = named("statusProvisionLabel", QLabel(record.summary, wordWrap=True))
        self.status = named("statusCombo", QComboBox())
        for status in Status:
            self.status.addItem(status.label, status.value)
        current = record.status(as_of)
        self.status.setCurrentIndex(self.status.findData(current.value))
        self.effective_on = named("effectiveDateEdit", date_edit(as_of))
        self.note = named("noteEdit", QPlainTextEdit(placeholderText="what happened, according to whom"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.evidence = named("evidenceEdit", QLineEdit(placeholderText="link or reference to a source"))
        buttons = ok_cancel_buttons("status", "Save status")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QFormLayout(self)
        layout.addRow(heading)
        layout.addRow(f"Now ({as_of.isoformat()})", QLabel(current.label))
        layout.addRow("New status", self.status)
        layout.addRow("Effective on", self.effective_on)
        layout.addRow("Note", self.note)
        layout.addRow("Evidence", self.evidence)
        layout.addRow(buttons)
        self.resize(480, self.sizeHint().height())
        self.status.setFocus()

    def decision(self) -> StatusDecision:
        status = Status(self.status.currentData())
        effective_on: date = self.effective_on.date().toPython()  # type: ignore[assignment]
        return StatusDecision(
            status, effective_on, self.note.toPlainText().strip(), self.evidence.text().strip()
        )
