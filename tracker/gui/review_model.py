"""The table of extracted provisions in the review dialog: accept checkboxes and editable facets.

Each row keeps the provision as extracted and as edited by the user, so that re-running the
extraction (after the signing date changed) refreshes the computed values while keeping
whatever the user typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tracker.domain import WEAPON_IDS, ExtractedProvision, Facets, Kind
from tracker.gui.cycle_collector import cycle_collector_paused

AnyIndex = QModelIndex | QPersistentModelIndex

# The provision (as currently edited) behind a row, for views that need more than text.
ProvisionRole = Qt.ItemDataRole.UserRole + 1


class ReviewColumn(IntEnum):
    ACCEPT = 0
    SUMMARY = 1
    KIND = 2
    DEADLINE = 3
    DEADLINE_TEXT = 4
    ZONE_WIDTH = 5
    WEAPONS = 6
    PATROL_PARTIES = 7
    EXCERPT = 8


HEADERS: dict[ReviewColumn, str] = {
    ReviewColumn.ACCEPT: "Keep",
    ReviewColumn.SUMMARY: "Summary",
    ReviewColumn.KIND: "Kind",
    ReviewColumn.DEADLINE: "Deadline",
    ReviewColumn.DEADLINE_TEXT: "Deadline as written",
    ReviewColumn.ZONE_WIDTH: "Zone width",
    ReviewColumn.WEAPONS: "Weapons",
    ReviewColumn.PATROL_PARTIES: "Patrol parties",
    ReviewColumn.EXCERPT: "Excerpt",
}

HEADER_TIPS: dict[ReviewColumn, str] = {
    ReviewColumn.ACCEPT: "Only ticked provisions are saved (Space toggles the selected rows, Ctrl+A all)",
    ReviewColumn.DEADLINE: "YYYY-MM-DD; leave empty for no deadline",
    ReviewColumn.ZONE_WIDTH: "Kilometres, e.g. 15 or 15-20; leave empty for none",
    ReviewColumn.WEAPONS: "Comma-separated, from: " + ", ".join(w.replace("_", " ") for w in WEAPON_IDS),
    ReviewColumn.PATROL_PARTIES: "Comma-separated",
}


class InvalidCellValue(ValueError):
    """A value typed into a cell that cannot be stored; the message says what is expected."""


def format_zone_width(width: tuple[float, float] | None) -> str:
    if width is None:
        return ""
    low, high = (_format_number(value) for value in width)
    return f"{low} km" if low == high else f"{low}–{high} km"


def parse_zone_width(text: str) -> tuple[float, float] | None:
    cleaned = re.sub(r"\s*(km|kilometres|kilometers)\.?\s*$", "", text.strip(), flags=re.IGNORECASE)
    if not cleaned:
        return None
    parts = re.split(r"\s*(?:-|–|—|to)\s*", cleaned)
    try:
        values = [float(part.replace(",", ".")) for part in parts]
    except ValueError:
        raise InvalidCellValue(
            f"Zone width “{text}” is not a number of kilometres (e.g. 15 or 15-20)."
        ) from None
    if len(values) not in (1, 2) or any(value <= 0 for value in values):
        raise InvalidCellValue(f"Zone width “{text}” must be one or two positive numbers (e.g. 15 or 15-20).")
    low, high = min(values), max(values)
    return (low, high)


def format_weapons(weapons: Sequence[str]) -> str:
    return ", ".join(weapon.replace("_", " ") for weapon in weapons)


def parse_weapons(text: str) -> tuple[str, ...]:
    weapons: list[str] = []
    unknown: list[str] = []
    for item in split_list(text):
        weapon_id = re.sub(r"[\s-]+", "_", item.lower())
        if weapon_id in WEAPON_IDS:
            if weapon_id not in weapons:
                weapons.append(weapon_id)
        else:
            unknown.append(item)
    if unknown:
        raise InvalidCellValue(
            f"Unknown weapon type: {', '.join(unknown)}. Use: {format_weapons(WEAPON_IDS)}."
        )
    return tuple(weapons)


def parse_deadline(text: str) -> date | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise InvalidCellValue(f"Deadline “{cleaned}” is not a date; use YYYY-MM-DD.") from None


def split_list(text: str) -> list[str]:
    """Items of a comma- or semicolon-separated list, trimmed, without empties or repeats."""
    items: list[str] = []
    for raw in re.split(r"[,;]", text):
        item = " ".join(raw.split())
        if item and item not in items:
            items.append(item)
    return items


def _format_number(value: float) -> str:
    return f"{value:g}"


# Facet fields the user can edit, and the provision fields likewise; a re-extraction keeps
# every one of them that the user changed.
_EDITABLE_FIELDS = ("summary", "kind", "deadline", "deadline_text")
_EDITABLE_FACETS = ("zone_width_km", "weapons", "patrol_parties")


def keep_user_edits(
    fresh: ExtractedProvision, original: ExtractedProvision, edited: ExtractedProvision
) -> ExtractedProvision:
    """``fresh`` with every field the user changed (``edited`` differs from ``original``) kept."""
    changes = {
        name: getattr(edited, name)
        for name in _EDITABLE_FIELDS
        if getattr(edited, name) != getattr(original, name)
    }
    facet_changes = {
        name: getattr(edited.facets, name)
        for name in _EDITABLE_FACETS
        if getattr(edited.facets, name) != getattr(original.facets, name)
    }
    if facet_changes:
        changes["facets"] = replace(fresh.facets, **facet_changes)
    return replace(fresh, **changes) if changes else fresh


@dataclass
class ReviewRow:
    original: ExtractedProvision
    current: ExtractedProvision
    accepted: bool = True

    @property
    def edited(self) -> bool:
        return self.current != self.original


class ProvisionReviewTableModel(QAbstractTableModel):
    """Extracted provisions, each with an accept flag and editable facets."""

    # Emitted with a one-line reason when a typed value is refused.
    edit_rejected = Signal(str)
    # Emitted when the number of accepted rows may have changed.
    acceptance_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewRow] = []
        self._touched = False

    # -- reading -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(ReviewColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ReviewColumn):
            return None
        column = ReviewColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(column)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = ReviewColumn(index.column())
        if column == ReviewColumn.ACCEPT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column == ReviewColumn.EXCERPT:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = ReviewColumn(index.column())
        if role == ProvisionRole:
            return row.current
        if role == Qt.ItemDataRole.CheckStateRole and column == ReviewColumn.ACCEPT:
            return Qt.CheckState.Checked if row.accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display_text(row.current, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == ReviewColumn.KIND:
                return row.current.kind.value
            if column == ReviewColumn.DEADLINE:
                return row.current.deadline.isoformat() if row.current.deadline else ""
            return self._display_text(row.current, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ReviewColumn.EXCERPT:
                return row.current.excerpt
            return HEADER_TIPS.get(column)
        return None

    def _display_text(self, provision: ExtractedProvision, column: ReviewColumn) -> str:
        match column:
            case ReviewColumn.ACCEPT:
                return ""
            case ReviewColumn.SUMMARY:
                return provision.summary
            case ReviewColumn.KIND:
                return provision.kind.label
            case ReviewColumn.DEADLINE:
                return provision.deadline.isoformat() if provision.deadline else ""
            case ReviewColumn.DEADLINE_TEXT:
                return provision.deadline_text or ""
            case ReviewColumn.ZONE_WIDTH:
                return format_zone_width(provision.facets.zone_width_km)
            case ReviewColumn.WEAPONS:
                return format_weapons(provision.facets.weapons)
            case ReviewColumn.PATROL_PARTIES:
                return ", ".join(provision.facets.patrol_parties)
            case ReviewColumn.EXCERPT:
                return " ".join(provision.excerpt.split())

    def provision_at(self, row: int) -> ExtractedProvision:
        return self._rows[row].current

    def accepted_provisions(self) -> tuple[ExtractedProvision, ...]:
        return tuple(row.current for row in self._rows if row.accepted)

    def accepted_count(self) -> int:
        return sum(row.accepted for row in self._rows)

    def is_modified(self) -> bool:
        """True once the user changed anything: a value or a tick."""
        return self._touched

    # -- writing -------------------------------------------------------------------------

    def set_provisions(self, provisions: Sequence[ExtractedProvision]) -> None:
        self.beginResetModel()
        with cycle_collector_paused():
            self._rows = [ReviewRow(original=p, current=p) for p in provisions]
        self._touched = False
        self.endResetModel()
        self.acceptance_changed.emit()

    def refresh_from_extraction(self, provisions: Sequence[ExtractedProvision]) -> None:
        """Replace the computed values by a new extraction's, keeping the user's ticks and edits.

        Rows are matched by their span in the text, which does not depend on the signing date.
        """
        previous = {(row.original.start, row.original.end): row for row in self._rows}
        with cycle_collector_paused():
            rows = [self._refreshed_row(fresh, previous) for fresh in provisions]
        same_spans = [(r.original.start, r.original.end) for r in rows] == list(previous)
        if same_spans and rows:
            # Only values changed: views keep their selection, current row and scroll position.
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(ReviewColumn) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        self.acceptance_changed.emit()

    @staticmethod
    def _refreshed_row(fresh: ExtractedProvision, previous: dict[tuple[int, int], ReviewRow]) -> ReviewRow:
        old = previous.get((fresh.start, fresh.end))
        if old is None:
            return ReviewRow(original=fresh, current=fresh)
        current = keep_user_edits(fresh, old.original, old.current)
        return ReviewRow(original=fresh, current=current, accepted=old.accepted)

    def set_all_accepted(self, accepted: bool) -> None:
        if not self._rows:
            return
        for row in self._rows:
            row.accepted = accepted
        self._touched = True
        self._emit_column_changed(ReviewColumn.ACCEPT, 0, len(self._rows) - 1)
        self.acceptance_changed.emit()

    def toggle_all_accepted(self) -> None:
        """Tick every row, or untick them all when all are already ticked."""
        self.set_all_accepted(not all(row.accepted for row in self._rows))

    def toggle_rows(self, rows: Sequence[int]) -> None:
        """Flip the ticks of the given rows together: all on unless all are already on."""
        valid = sorted({row for row in rows if 0 <= row < len(self._rows)})
        if not valid:
            return
        accept = not all(self._rows[row].accepted for row in valid)
        for row in valid:
            self._rows[row].accepted = accept
        self._touched = True
        self._emit_column_changed(ReviewColumn.ACCEPT, valid[0], valid[-1])
        self.acceptance_changed.emit()

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        column = ReviewColumn(index.column())
        if column == ReviewColumn.ACCEPT and role == Qt.ItemDataRole.CheckStateRole:
            row.accepted = Qt.CheckState(value) == Qt.CheckState.Checked
            self._touched = True
            self.dataChanged.emit(index, index, [role])
            self.acceptance_changed.emit()
            return True
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        try:
            updated = self._edited(row.current, column, value)
        except InvalidCellValue as error:
            self.edit_rejected.emit(str(error))
            return False
        if updated != row.current:
            row.current = updated
            self._touched = True
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def _edited(self, provision: ExtractedProvision, column: ReviewColumn, value: Any) -> ExtractedProvision:
        text = value if isinstance(value, str) else str(value)
        facets: Facets = provision.facets
        match column:
            case ReviewColumn.SUMMARY:
                summary = " ".join(text.split())
                if not summary:
                    raise InvalidCellValue("A provision needs a summary.")
                return replace(provision, summary=summary)
            case ReviewColumn.KIND:
                try:
                    return replace(provision, kind=Kind(text.strip().lower()))
                except ValueError:
                    kinds = ", ".join(kind.value for kind in Kind)
                    raise InvalidCellValue(f"Unknown kind “{text}”; use one of: {kinds}.") from None
            case ReviewColumn.DEADLINE:
                return replace(provision, deadline=parse_deadline(text))
            case ReviewColumn.DEADLINE_TEXT:
                return replace(provision, deadline_text=" ".join(text.split()) or None)
            case ReviewColumn.ZONE_WIDTH:
                return replace(provision, facets=replace(facets, zone_width_km=parse_zone_width(text)))
            case ReviewColumn.WEAPONS:
                return replace(provision, facets=replace(facets, weapons=parse_weapons(text)))
            case ReviewColumn.PATROL_PARTIES:
                return replace(provision, facets=replace(facets, patrol_parties=tuple(split_list(text))))
            case _:
                return provision

    def _emit_column_changed(self, column: ReviewColumn, first_row: int, last_row: int) -> None:
        self.dataChanged.emit(
            self.index(first_row, column), self.index(last_row, column), [Qt.ItemDataRole.CheckStateRole]
        )


class ReviewItemDelegate(QStyledItemDelegate):
    """A drop-down of kinds for the kind column; plain line edits elsewhere."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        if index.column() == ReviewColumn.KIND:
            combo = QComboBox(parent)
            combo.setObjectName("reviewKindEditor")
            for kind in Kind:
                combo.addItem(kind.label, kind.value)
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setObjectName(f"review{ReviewColumn(index.column()).name.title().replace('_', '')}Editor")
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(position, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
