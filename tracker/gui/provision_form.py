"""Form for a provision's editable fields: kind, summary, deadline and facets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from tracker.domain import WEAPON_IDS, Facets, Kind
from tracker.errors import InvalidInput
from tracker.gui.dates import date_edit, date_of, to_qdate
from tracker.gui.editing import ProvisionFields
from tracker.gui.naming import named
from tracker.gui.review_model import InvalidCellValue, format_weapons, parse_weapons, split_list

_MAX_ZONE_KM = 10_000.0


def weapons_from(text: str) -> tuple[str, ...]:
    try:
        return parse_weapons(text)
    except InvalidCellValue as error:
        raise InvalidInput(str(error).rstrip(".")) from None


class ProvisionForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = named("kindCombo", QComboBox())
        for kind in Kind:
            self.kind.addItem(kind.label, kind.value)
        self.summary = named("summaryEdit", QLineEdit())
        self.has_deadline = named("hasDeadlineCheck", QCheckBox("Deadline"))
        self.deadline = named("deadlineEdit", date_edit(date.today()))
        self.deadline_text = named("deadlineTextEdit", QLineEdit(placeholderText="as worded in the text"))
        self.has_zone = named("hasZoneCheck", QCheckBox("Zone width"))
        self.zone_from = self._km_box("zoneFromSpin")
        self.zone_to = self._km_box("zoneToSpin")
        self.weapons = named("weaponsEdit", QLineEdit(placeholderText="e.g. tanks, mlrs, heavy weapons"))
        self.weapons.setToolTip("Known weapons: " + format_weapons(WEAPON_IDS))
        self.patrol_parties = named("patrolPartiesEdit", QLineEdit(placeholderText="comma-separated"))
        self.responsible_parties = named(
            "responsiblePartiesEdit", QLineEdit(placeholderText="comma-separated")
        )

        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline, 1)
        zone_row = QHBoxLayout()
        zone_row.addWidget(self.has_zone)
        zone_row.addWidget(self.zone_from, 1)
        zone_row.addWidget(QLabel("to"))
        zone_row.addWidget(self.zone_to, 1)

        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow("Kind", self.kind)
        layout.addRow("Summary", self.summary)
        layout.addRow("Deadline", deadline_row)
        layout.addRow("Deadline wording", self.deadline_text)
        layout.addRow("Zone", zone_row)
        layout.addRow("Weapons", self.weapons)
        layout.addRow("Patrols by", self.patrol_parties)
        layout.addRow("Responsible", self.responsible_parties)

        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.has_zone.toggled.connect(self.zone_from.setEnabled)
        self.has_zone.toggled.connect(self.zone_to.setEnabled)
        for line in (
            self.summary,
            self.deadline_text,
            self.weapons,
            self.patrol_parties,
            self.responsible_parties,
        ):
            line.textEdited.connect(self.edited)
        for box in (self.has_deadline, self.has_zone):
            box.toggled.connect(self.edited)
        self.kind.activated.connect(self.edited)
        self.deadline.dateChanged.connect(self.edited)
        self.zone_from.valueChanged.connect(self.edited)
        self.zone_to.valueChanged.connect(self.edited)

    @staticmethod
    def _km_box(name: str) -> QDoubleSpinBox:
        box = named(name, QDoubleSpinBox(suffix=" km", decimals=1, maximum=_MAX_ZONE_KM))
        return box

    def set_fields(self, fields: ProvisionFields) -> None:
        """Show ``fields`` without emitting ``edited``."""
        self.blockSignals(True)
        for child in self.findChildren(QWidget):
            child.blockSignals(True)
        try:
            self.kind.setCurrentIndex(max(self.kind.findData(fields.kind.value), 0))
            self.summary.setText(fields.summary)
            self.summary.setCursorPosition(0)
            self.has_deadline.setChecked(fields.deadline is not None)
            self.deadline.setEnabled(fields.deadline is not None)
            shown = fields.deadline or date.today()
            self.deadline.setDate(to_qdate(shown))
            self.deadline_text.setText(fields.deadline_text or "")
            width = fields.facets.zone_width_km
            self.has_zone.setChecked(width is not None)
            self.zone_from.setEnabled(width is not None)
            self.zone_to.setEnabled(width is not None)
            self.zone_from.setValue(width[0] if width else 0.0)
            self.zone_to.setValue(width[1] if width else 0.0)
            self.weapons.setText(format_weapons(fields.facets.weapons))
            self.patrol_parties.setText(", ".join(fields.facets.patrol_parties))
            self.responsible_parties.setText(", ".join(fields.facets.responsible_parties))
        finally:
            for child in self.findChildren(QWidget):
                child.blockSignals(False)
            self.blockSignals(False)

    def fields(self) -> ProvisionFields:
        """What the form says; InvalidInput with a one-line message when it cannot be saved."""
        summary = " ".join(self.summary.text().split())
        if not summary:
            raise InvalidInput("the summary cannot be empty")
        deadline: date | None = None
        if self.has_deadline.isChecked():
            deadline = date_of(self.deadline)
        zone: tuple[float, float] | None = None
        if self.has_zone.isChecked():
            low, high = self.zone_from.value(), self.zone_to.value()
            if high < low:
                raise InvalidInput(
                    f"the zone width runs from {low:g} km to {high:g} km: the end is below the start"
                )
            zone = (low, high)
        facets = Facets(
            zone_width_km=zone,
            weapons=weapons_from(self.weapons.text()),
            patrol_parties=tuple(split_list(self.patrol_parties.text())),
            responsible_parties=tuple(split_list(self.responsible_parties.text())),
        )
        kind = Kind(self.kind.currentData())
        return ProvisionFields(kind, summary, deadline, self.deadline_text.text().strip() or None, facets)

    def set_read_only(self, read_only: bool) -> None:
        for child in self.findChildren(QWidget):
            child.setEnabled(not read_only)
        if not read_only:
            self.deadline.setEnabled(self.has_deadline.isChecked())
            self.zone_from.setEnabled(self.has_zone.isChecked())
            self.zone_to.setEnabled(self.has_zone.isChecked())
