"""Status badges and countdowns stay readable on light and dark palettes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from tracker.domain import Status
from tracker.gui.colours import countdown_colour, readable_text_on, status_background


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio."""

    def luminance(colour: QColor) -> float:
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        red, green, blue = channels
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("status", list(Status))
def test_badge_text_is_readable(status: Status, dark: bool) -> None:
    background = status_background(status, dark)
    assert contrast(background, readable_text_on(background)) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_urgent_countdowns_are_readable_on_the_palette_background(dark: bool) -> None:
    window = QColor("#202020" if dark else "#ffffff")
    for days, overdue in ((-3, True), (2, False)):
        colour = countdown_colour(days, overdue, dark)
        assert colour is not None
        assert contrast(colour, window) >= 4.5
    assert countdown_colour(40, False, dark) is None
