"""The review dialog opened from the main window remembers its size in the window's settings."""

from __future__ import annotations

from pathlib import Path

from lakeside import open_window
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tracker.gui.import_flow import ImportController
from tracker.gui.review_dialog import ReviewDialog
from tracker.services import Services

MEMORANDUM = (
    "Memorandum on the Eastern Crossing\n\n"
    "Signed at Lakeside on 3 May 2021.\n\n"
    "1. The parties shall withdraw all mortars 5 km from the crossing by 20 May 2021.\n"
)


def review_of(qtbot: QtBot, path: Path, controller: ImportController) -> ReviewDialog:
    controller.import_files([path])
    qtbot.waitUntil(lambda: controller.review_dialog is not None, timeout=10_000)
    dialog = controller.review_dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_review_dialog_size_is_remembered_between_imports(
    qtbot: QtBot, tmp_path: Path, services: Services, settings: QSettings
) -> None:
    path = tmp_path / "eastern-crossing.txt"
    path.write_text(MEMORANDUM, encoding="utf-8")
    window = open_window(qtbot, services, settings)
    controller = window.import_controller()

    first = review_of(qtbot, path, controller)
    first.resize(777, 555)
    first.reject()  # nothing changed in the review: it closes without asking
    qtbot.waitUntil(lambda: controller.review_dialog is None)
    assert settings.contains("importReview/geometry")

    second = review_of(qtbot, path, controller)
    assert (second.width(), second.height()) == (777, 555)
    second.reject()
