"""Status and urgency colours that stay readable on the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tracker.domain import Status

# (background on a light palette, background on a dark palette); text is chosen for contrast.
_STATUS_BACKGROUNDS: dict[Status, tuple[str, str]] = {
    Status.PENDING: ("#e0e0e0", "#4a4a4a"),
    Status.IN_PROGRESS: ("#cfe3ff", "#1f4f8f"),
    Status.PARTIAL: ("#ffe8b3", "#7a5a00"),
    Status.COMPLIED: ("#c8f0c8", "#1e6b2e"),
    Status.VIOLATED: ("#ffc9c9", "#8f1f1f"),
    Status.DISPUTED: ("#ecd4ff", "#5e2a8a"),
    Status.SUPERSEDED: ("#d9d9d0", "#55554a"),
}

# Countdown text colours: (light palette, dark palette).
_OVERDUE = ("#b00020", "#ff8a80")
_DUE_SOON = ("#a05a00", "#ffcc66")

# A deadline this close counts as urgent.
DUE_SOON_DAYS = 7


def palette_is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def status_background(status: Status, dark: bool) -> QColor:
    light_colour, dark_colour = _STATUS_BACKGROUNDS[status]
    return QColor(dark_colour if dark else light_colour)


def readable_text_on(background: QColor) -> QColor:
    return QColor("#000000") if background.lightness() >= 140 else QColor("#ffffff")


def countdown_colour(days: int | None, overdue: bool, dark: bool) -> QColor | None:
    """The colour of a countdown, or None for the palette's ordinary text colour."""
    if overdue:
        return QColor(_OVERDUE[dark])
    if days is not None and 0 <= days <= DUE_SOON_DAYS:
        return QColor(_DUE_SOON[dark])
    return None
