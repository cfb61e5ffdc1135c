"""The About box."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import APP_NAME, __version__


def about_text() -> str:
    python = ".".join(str(part) for part in sys.version_info[:3])
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>What each ceasefire or peace agreement promised, by whom, by when, and whether it happened.</p>"
        f"<p>Python {python} · Qt {qVersion()} · PySide6 {pyside_version}</p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text())
