"""Unsaved edits in the detail pane's form are never dropped silently: leaving the provision
(another row, another agreement, closing the window) asks to save, discard or stay."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from test_main_window import provision_id

from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind, Status
from tracker.gui.main_window import MainWindow
from tracker.services import Services

EDITED = "Cease hostilities everywhere"


class Answerer:
    """Answers the unsaved-edits question with one button as soon as it is asked."""

    def __init__(self, button_name: str) -> None:
        self.button_name = button_name
        self.questions: list[str] = []
        self._attempts = 0
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "unsavedEditsMessage":
            self.questions.append(box.text())
            button = box.findChild(QPushButton, self.button_name)
            assert button is not None
            button.click()
        elif self._attempts < 500:
            self._attempts += 1
            QTimer.singleShot(10, self._answer)


def edit_summary(qtbot: QtBot, window: MainWindow, summary: str, new_text: str) -> int:
    target = provision_id(window, summary)
    window.select_provision(target)
    window.table.setFocus()
    summary_edit = window.detail.form.summary
    summary_edit.clear()
    qtbot.keyClicks(summary_edit, new_text)
    assert window.detail.has_unsaved_edits()
    return target


def move_down(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)


def test_save_stores_the_edits_and_moves_on(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)
    answer = Answerer("unsavedSaveButton")
    move_down(qtbot, window)

    assert answer.questions and "Cease hostilities" in answer.questions[0]
    assert services.get_provision(target).summary == EDITED
    assert window.detail.record is not None and window.detail.record.id != target
    assert not window.detail.has_unsaved_edits()


def test_discard_drops_the_edits_and_moves_on(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)
    answer = Answerer("unsavedDiscardButton")
    move_down(qtbot, window)

    assert answer.questions
    assert services.get_provision(target).summary == "Cease hostilities"
    assert window.detail.record is not None and window.detail.record.id != target
    window.select_provision(target)
    assert window.detail.form.summary.text() == "Cease hostilities"


def test_cancel_keeps_the_selection_and_the_edits(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)
    answer = Answerer("unsavedCancelButton")
    move_down(qtbot, window)

    assert answer.questions
    assert window.table.currentIndex().row() == window.provisions_model.row_of(target)
    assert window.detail.record is not None and window.detail.record.id == target
    assert window.detail.form.summary.text() == EDITED
    assert window.detail.save_button.isEnabled()
    assert services.get_provision(target).summary == "Cease hostilities"
    window.detail.discard_edits()  # else closing the window at the end of the test would ask


def test_changing_the_agreement_asks_and_cancel_stays(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    text = "1. The ferry shall resume service by 1 May 2020.\n"
    other = services.import_agreement(
        AgreementDraft("Ferry Arrangement", text, ("North", "South"), date(2020, 3, 20)),
        [
            ExtractedProvision(
                3, len(text) - 1, text[3:-1], Kind.OTHER, "Resume the ferry", None, None, Facets()
            )
        ],
    )
    truce = next(a.id for a in services.list_agreements() if a.title == "Truce of Lakeside")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    window.select_agreement(truce)
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)

    answer = Answerer("unsavedCancelButton")
    window.select_agreement(other)
    assert answer.questions
    assert window.selected_agreement_id() == truce
    assert window.detail.record is not None and window.detail.record.id == target
    assert window.detail.form.summary.text() == EDITED

    answer = Answerer("unsavedSaveButton")
    window.select_agreement(other)
    assert answer.questions
    assert window.selected_agreement_id() == other
    assert services.get_provision(target).summary == EDITED


def test_closing_the_window_asks_and_cancel_keeps_it_open(
    qtbot: QtBot, window: MainWindow, services: Services, settings: QSettings
) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)
    answer = Answerer("unsavedCancelButton")
    window.close()
    assert answer.questions and window.isVisible()

    answer = Answerer("unsavedSaveButton")
    window.close()
    assert answer.questions and not window.isVisible()
    assert services.get_provision(target).summary == EDITED


def test_an_invalid_edit_is_not_saved_and_the_provision_stays(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", " ")  # an empty summary cannot be saved
    Answerer("unsavedSaveButton")
    move_down(qtbot, window)

    assert window.detail.record is not None and window.detail.record.id == target
    errors = [box.text() for box in window.findChildren(QMessageBox, "errorMessage") if box.isVisible()]
    assert any("summary cannot be empty" in text for text in errors)
    assert services.get_provision(target).summary == "Cease hostilities"
    window.detail.discard_edits()  # else closing the window at the end of the test would ask


def test_a_status_change_while_editing_keeps_the_edits(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)
    record = window.detail.record
    assert record is not None
    window.editor.change_status(record, Status.COMPLIED, date(2020, 3, 5), "guns silent", "")

    assert window.detail.form.summary.text() == EDITED
    assert window.detail.history_model.rowCount() == 1
    qtbot.mouseClick(window.detail.save_button, Qt.MouseButton.LeftButton)
    saved = services.get_provision(target)
    assert saved.summary == EDITED and saved.status() is Status.COMPLIED


def test_filtering_out_the_provision_being_edited_keeps_it_in_the_pane(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)
    window.filter_bar.search.setFocus()
    qtbot.keyClicks(window.filter_bar.search, "prisoners")
    qtbot.waitUntil(lambda: window.provisions_model.rowCount() == 1)

    assert window.detail.record is not None and window.detail.record.id == target
    assert window.detail.form.summary.text() == EDITED
    window.detail.discard_edits()  # else closing the window at the end of the test would ask


def test_a_field_edit_made_elsewhere_meanwhile_is_not_overwritten(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    target = edit_summary(qtbot, window, "Cease hostilities", EDITED)
    stored = services.get_provision(target)
    services.update_provision(target, stored.version, summary="Cease fire (agreed wording)")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    assert window.detail.form.summary.text() == EDITED  # still there after the reload

    qtbot.mouseClick(window.detail.save_button, Qt.MouseButton.LeftButton)
    assert services.get_provision(target).summary == "Cease fire (agreed wording)"
    qtbot.mouseClick(window.detail.revert_button, Qt.MouseButton.LeftButton)
    assert window.detail.form.summary.text() == "Cease fire (agreed wording)"
