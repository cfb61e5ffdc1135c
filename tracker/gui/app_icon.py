"""The application icon, drawn from the shipped SVG (crisp at any scale) and PNG sizes."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from tracker.assets import resource


def app_icon() -> QIcon:
    """The app icon, or an empty icon when the resources are missing (e.g. a partial checkout)."""
    icon = QIcon()
    icons = resource("icons")
    try:
        entries = list(icons.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return icon
    for entry in entries:
        if entry.name.startswith("agreement-tracker") and entry.name.endswith((".svg", ".png")):
            icon.addFile(str(entry))
    return icon
