"""Edit > Deleted provisions: deleted provisions can be seen and restored after a restart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lakeside import open_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_main_window import provision_id, shown_column, unnamed_widgets

from tracker.bootstrap import open_services
from tracker.domain import Status
from tracker.gui.deleted_dialog import DeletedColumn, DeletedProvisionsDialog
from tracker.gui.history_model import HistoryColumn
from tracker.gui.main_window import MainWindow
from tracker.gui.provisions_model import Column
from tracker.services import Services


def answer_yes(_parent: QWidget, _question: str, _action: str) -> bool:
    return True


def open_deleted_by_keyboard(qtbot: QtBot, window: MainWindow) -> DeletedProvisionsDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.table, Qt.Key.Key_Delete, modifiers)
    dialog = window.findChild(DeletedProvisionsDialog, "deletedProvisionsDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def history_notes(table_model: object) -> list[str]:
    from PySide6.QtCore import QAbstractItemModel

    assert isinstance(table_model, QAbstractItemModel)
    return [table_model.index(row, HistoryColumn.NOTE).data() for row in range(table_model.rowCount())]


def test_a_provision_deleted_before_a_restart_is_listed_and_restored_with_its_history(
    qtbot: QtBot, database: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_session = open_services(database)
    window = open_window(qtbot, first_session, settings)
    target = provision_id(window, "Withdraw tanks and artillery 15 km")
    first_session.set_status(target, Status.IN_PROGRESS, date(2020, 3, 5), note="first column left")
    first_session.set_status(target, Status.VIOLATED, date(2020, 3, 8), note="tanks back at the line")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    monkeypatch.setattr("tracker.gui.main_window.confirm", answer_yes)
    window.select_provision(target)
    window.actions_.delete_provision.trigger()
    assert target not in [p.id for p in first_session.list_provisions()]
    window.close()

    # A new session: the undo stack is gone, the deleted provision is not.
    restarted = open_window(qtbot, open_services(database), settings)
    assert "Withdraw tanks and artillery 15 km" not in shown_column(restarted, Column.SUMMARY)
    dialog = open_deleted_by_keyboard(qtbot, restarted)
    assert unnamed_widgets(dialog) == []
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, DeletedColumn.SUMMARY).data() == "Withdraw tanks and artillery 15 km"
    assert dialog.model.index(0, DeletedColumn.AGREEMENT).data() == "Truce of Lakeside"
    assert dialog.model.index(0, DeletedColumn.STATUS).data() == Status.VIOLATED.label
    assert history_notes(dialog.history_model) == ["tanks back at the line", "first column left"]

    qtbot.waitUntil(dialog.view.hasFocus)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # Enter restores the selected one

    assert target in [p.id for p in restarted.services.list_provisions()]
    assert "Withdraw tanks and artillery 15 km" in shown_column(restarted, Column.SUMMARY)
    assert restarted.detail.record is not None and restarted.detail.record.id == target
    assert history_notes(restarted.detail.history_model) == ["tanks back at the line", "first column left"]
    assert dialog.model.rowCount() == 0
    assert dialog.explanation.text() == "No provision has been deleted."
    assert not dialog.restore_button.isEnabled()

    # The restore is undoable like the deletion was: undo hides the provision again.
    restarted.actions_.undo.trigger()
    assert target not in [p.id for p in restarted.services.list_provisions()]
    assert [p.id for p in restarted.services.list_deleted_provisions()] == [target]


def test_restoring_shows_the_provisions_agreement(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = provision_id(window, "Exchange prisoners")
    services.delete_provision(target, services.get_provision(target).version)
    window.reload()
    qtbot.waitUntil(lambda: "Exchange prisoners" not in shown_column(window, Column.SUMMARY))

    dialog = window.show_deleted_provisions()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert window.detail.record is not None and window.detail.record.summary == "Exchange prisoners"
    assert "restored" in window.statusBar().currentMessage().casefold()


def test_a_provision_restored_elsewhere_meanwhile_is_not_listed_twice(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    target = provision_id(window, "Cease hostilities")
    services.delete_provision(target, services.get_provision(target).version)
    window.reload()
    qtbot.waitUntil(lambda: "Cease hostilities" not in shown_column(window, Column.SUMMARY))
    dialog = window.show_deleted_provisions()
    services.restore_provision(target)  # from the command line, say, while the dialog is open
    window.reload()
    qtbot.waitUntil(lambda: "Cease hostilities" in shown_column(window, Column.SUMMARY))

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert shown_column(window, Column.SUMMARY).count("Cease hostilities") == 1
    assert dialog.model.rowCount() == 0
