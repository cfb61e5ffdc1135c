"""The main window driven like a user would, on temporary databases."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from lakeside import TRUCE_AS_OF, open_window
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QMessageBox, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from tracker.bootstrap import open_services
from tracker.domain import Status
from tracker.gui.main_window import MainWindow
from tracker.gui.provisions_model import Column, Role
from tracker.gui.status_dialog import StatusChangeDialog
from tracker.services import Services


def shown_column(window: MainWindow, column: Column) -> list[str]:
    proxy = window.provisions_model
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def cell(window: MainWindow, summary: str, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    proxy = window.provisions_model
    for row in range(proxy.rowCount()):
        if proxy.index(row, Column.SUMMARY).data() == summary:
            return proxy.index(row, column).data(role)
    raise AssertionError(f"{summary!r} is not shown")


def provision_id(window: MainWindow, summary: str) -> int:
    value = cell(window, summary, Column.SUMMARY, Role.PROVISION_ID)
    assert isinstance(value, int)
    return value


def agreement_line(window: MainWindow, row: int) -> str:
    return str(window.agreements_model.index(row, 0).data())


def change_status_through_dialog(qtbot: QtBot, window: MainWindow, status: Status, note: str) -> None:
    window.actions_.change_status.trigger()
    dialog = window.findChild(StatusChangeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.status.setCurrentIndex(dialog.status.findData(status))
    qtbot.keyClicks(dialog.note, note)
    click_ok(qtbot, dialog)


def click_ok(qtbot: QtBot, dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def error_messages(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox, "errorMessage") if box.isVisible()]


def test_the_sample_agreements_provisions_appear(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    sample = open_services(tmp_path / "fresh.db")  # a new database gets the sample
    expected = sample.list_provisions()
    assert expected, "the sample should have provisions"
    window = open_window(qtbot, sample, settings, date(2018, 9, 20))
    assert sorted(shown_column(window, Column.SUMMARY)) == sorted(p.summary for p in expected)
    assert "Memorandum on Stabilization" in agreement_line(window, 1)
    # As of a few days after signing, deadlines are still ahead.
    assert any(text.startswith("in ") for text in shown_column(window, Column.COUNTDOWN))


def test_the_table_shows_kind_deadline_countdown_status_and_facets(window: MainWindow) -> None:
    summary = "Withdraw tanks and artillery 15 km"
    assert cell(window, summary, Column.KIND) == "Withdrawal"
    assert cell(window, summary, Column.DEADLINE) == "15 Mar 2020"
    assert cell(window, summary, Column.COUNTDOWN) == "in 6 days"
    assert cell(window, summary, Column.STATUS) == "Pending"
    assert cell(window, summary, Column.FACETS) == "zone 15 km; weapons: tanks, artillery"
    assert cell(window, "Cease hostilities", Column.COUNTDOWN) == "7 days overdue"
    assert "1 overdue" in agreement_line(window, 1)


def test_typing_in_the_filter_narrows_the_rows(qtbot: QtBot, window: MainWindow) -> None:
    assert window.provisions_model.rowCount() == 4
    window.actions_.find.trigger()
    assert window.filter_bar.search.hasFocus()
    qtbot.keyClicks(window.filter_bar.search, "patrol")
    assert shown_column(window, Column.SUMMARY) == ["Start joint patrols"]
    window.filter_bar.search.clear()
    # The excerpt is searched too: "sixty days" only appears in the text.
    qtbot.keyClicks(window.filter_bar.search, "SIXTY")
    assert shown_column(window, Column.SUMMARY) == ["Exchange prisoners"]
    window.filter_bar.search.clear()
    window.filter_bar.overdue.setChecked(True)
    assert shown_column(window, Column.SUMMARY) == ["Cease hostilities"]
    window.filter_bar.overdue.setChecked(False)
    window.filter_bar.due_soon.setChecked(True)
    window.filter_bar.due_days.setValue(7)
    assert shown_column(window, Column.SUMMARY) == ["Withdraw tanks and artillery 15 km"]


def test_a_status_change_is_saved_and_shown_everywhere_then_undone(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    summary = "Withdraw tanks and artillery 15 km"
    assert window.select_provision(provision_id(window, summary))
    assert "score 0%" in agreement_line(window, 1)

    change_status_through_dialog(qtbot, window, Status.COMPLIED, "verified by monitors")

    history = services.history(provision_id(window, summary))
    assert [(c.status, c.effective_on, c.note) for c in history] == [
        (Status.COMPLIED, TRUCE_AS_OF, "verified by monitors")
    ]
    assert cell(window, summary, Column.STATUS) == "Complied"
    assert cell(window, summary, Column.STATUS, Role.STATUS) == "complied"
    assert "score 25%" in agreement_line(window, 1)  # one of four provisions fully implemented
    assert window.detail.history_model.rowCount() == 1
    assert window.detail.history_model.index(0, 1).data() == "Complied"

    window.actions_.undo.trigger()

    history = services.history(provision_id(window, summary))
    assert [c.status for c in history] == [Status.COMPLIED, Status.PENDING]  # append-only
    assert cell(window, summary, Column.STATUS) == "Pending"
    assert "score 0%" in agreement_line(window, 1)
    assert window.detail.history_model.index(0, 1).data() == "Pending"

    window.actions_.redo.trigger()
    assert services.get_provision(provision_id(window, summary)).status() is Status.COMPLIED
    assert cell(window, summary, Column.STATUS) == "Complied"


def test_changing_the_as_of_date_changes_the_countdowns(window: MainWindow) -> None:
    summary = "Withdraw tanks and artillery 15 km"
    assert cell(window, summary, Column.COUNTDOWN) == "in 6 days"
    window.as_of.set_day(date(2020, 3, 15))
    assert cell(window, summary, Column.COUNTDOWN) == "today"
    window.as_of.set_day(date(2020, 3, 18))
    assert cell(window, summary, Column.COUNTDOWN) == "3 days overdue"
    assert "2 overdue" in agreement_line(window, 1)


def test_statuses_are_shown_as_of_the_chosen_date(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    summary = "Cease hostilities"
    services.set_status(provision_id(window, summary), Status.VIOLATED, date(2020, 3, 5))
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    assert cell(window, summary, Column.STATUS) == "Violated"
    window.as_of.set_day(date(2020, 3, 4))
    assert cell(window, summary, Column.STATUS) == "Pending"


def test_a_typed_date_applies_when_typing_pauses(qtbot: QtBot, window: MainWindow) -> None:
    summary = "Withdraw tanks and artillery 15 km"
    edit = window.as_of.date_edit
    edit.setFocus()
    edit.setSelectedSection(edit.Section.DaySection)
    qtbot.keyClicks(edit, "14")
    assert cell(window, summary, Column.COUNTDOWN) == "in 6 days"  # not yet: the user may type on
    qtbot.waitUntil(lambda: cell(window, summary, Column.COUNTDOWN) == "tomorrow", timeout=2000)


def test_countdowns_move_on_when_the_day_changes(
    qtbot: QtBot, services: Services, settings: QSettings
) -> None:
    today = date.today()
    window = open_window(qtbot, services, settings, today)
    window.as_of.check_day(today + timedelta(days=1))
    assert window.as_of.day() == today + timedelta(days=1)
    # A date the user chose stays put.
    window.as_of.set_day(date(2020, 3, 9))
    window.as_of.check_day(today + timedelta(days=2))
    assert window.as_of.day() == date(2020, 3, 9)


def test_a_stale_edit_is_refused_and_the_window_reloads(
    qtbot: QtBot, window: MainWindow, database: Path
) -> None:
    summary = "Start joint patrols"
    target = provision_id(window, summary)
    window.select_provision(target)
    elsewhere = open_services(database)  # e.g. a second window or the command line
    elsewhere.set_status(target, Status.IN_PROGRESS, date(2020, 3, 8), note="from elsewhere")

    with qtbot.waitSignal(window.loaded, timeout=10_000):
        change_status_through_dialog(qtbot, window, Status.VIOLATED, "from this window")

    assert any("Nothing was overwritten" in text for text in error_messages(window))
    assert [c.note for c in elsewhere.history(target)] == ["from elsewhere"]
    assert cell(window, summary, Column.STATUS) == "In progress"


def test_a_facet_edit_is_saved_and_undone(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    summary = "Exchange prisoners"
    target = provision_id(window, summary)
    window.select_provision(target)
    form = window.detail.form
    form.responsible_parties.clear()
    qtbot.keyClicks(form.responsible_parties, "Red Cross, Northern Council")
    qtbot.mouseClick(window.detail.save_button, Qt.MouseButton.LeftButton)

    assert services.get_provision(target).facets.responsible_parties == (
        "Red Cross",
        "Northern Council",
    )
    assert cell(window, summary, Column.PARTIES) == "Red Cross, Northern Council"

    window.actions_.undo.trigger()
    assert services.get_provision(target).facets.responsible_parties == ()
    assert cell(window, summary, Column.PARTIES) == ""


def test_an_unknown_weapon_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    target = provision_id(window, "Exchange prisoners")
    window.select_provision(target)
    qtbot.keyClicks(window.detail.form.weapons, "catapults")
    qtbot.mouseClick(window.detail.save_button, Qt.MouseButton.LeftButton)
    assert any("Unknown weapon type: catapults" in text for text in error_messages(window))
    assert services.get_provision(target).facets.weapons == ()
    window.detail.discard_edits()  # closing the window would otherwise ask about the edit


def test_deleting_asks_and_undo_restores(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = provision_id(window, "Start joint patrols")
    window.select_provision(target)
    questions: list[str] = []

    def answer_yes(_parent: QWidget, question: str, _action: str) -> bool:
        questions.append(question)
        return True

    monkeypatch.setattr("tracker.gui.main_window.confirm", answer_yes)

    window.actions_.delete_provision.trigger()

    assert questions and "Start joint patrols" in questions[0]
    assert target not in [p.id for p in services.list_provisions()]
    assert "Start joint patrols" not in shown_column(window, Column.SUMMARY)

    window.actions_.undo.trigger()
    assert target in [p.id for p in services.list_provisions()]
    assert "Start joint patrols" in shown_column(window, Column.SUMMARY)


def test_a_new_provision_from_selected_text(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    from tracker.gui.new_provision_dialog import NewProvisionDialog

    window.select_provision(provision_id(window, "Cease hostilities"))
    source = window.detail.source
    text = source.toPlainText()
    wanted = "Signed at Lakeside on 1 March 2020"
    cursor = source.textCursor()
    cursor.setPosition(text.index(wanted))
    cursor.setPosition(text.index(wanted) + len(wanted), cursor.MoveMode.KeepAnchor)
    source.setTextCursor(cursor)
    assert source.new_from_selection.isEnabled()
    source.new_from_selection.trigger()
    dialog = window.findChild(NewProvisionDialog)
    assert dialog is not None
    dialog.form.summary.setText("Signing recorded")
    click_ok(qtbot, dialog)

    stored = [p for p in services.list_provisions() if p.summary == "Signing recorded"]
    assert len(stored) == 1 and stored[0].excerpt == wanted
    assert "Signing recorded" in shown_column(window, Column.SUMMARY)


def test_the_excerpt_is_highlighted_in_the_agreement_text(window: MainWindow) -> None:
    window.select_provision(provision_id(window, "Exchange prisoners"))
    highlighted = window.detail.source.extraSelections()
    assert [s.cursor.selectedText() for s in highlighted] == [
        "Prisoners shall be exchanged within sixty days, by 30 April 2020."
    ]


def test_sorting_by_countdown_orders_by_deadline(window: MainWindow) -> None:
    window.table.sortByColumn(Column.COUNTDOWN, Qt.SortOrder.DescendingOrder)
    assert shown_column(window, Column.SUMMARY) == [
        "Exchange prisoners",
        "Start joint patrols",
        "Withdraw tanks and artillery 15 km",
        "Cease hostilities",
    ]


def test_filters_and_the_agreement_are_remembered(
    qtbot: QtBot, services: Services, settings: QSettings
) -> None:
    first = open_window(qtbot, services, settings)
    first.select_agreement(services.list_agreements()[0].id)
    qtbot.keyClicks(first.filter_bar.search, "patrol")
    first.close()

    second = open_window(qtbot, services, settings)
    assert second.filter_bar.search.text() == "patrol"
    assert shown_column(second, Column.SUMMARY) == ["Start joint patrols"]
    assert second.selected_agreement_id() == services.list_agreements()[0].id


def part_of_a_combo_box(widget: QWidget) -> bool:
    """The popup list Qt builds inside every combo box is not ours to name."""
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parent()
    return False


def unnamed_widgets(top: QWidget) -> list[str]:
    return [
        type(widget).__name__
        for widget in top.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.objectName()
        and not isinstance(widget, QScrollBar)
        and not part_of_a_combo_box(widget)
    ]


def test_every_interactive_widget_has_an_object_name(window: MainWindow) -> None:
    from tracker.gui.new_provision_dialog import NewProvisionDialog

    assert unnamed_widgets(window) == []
    record = window.provisions_model.row_at(0).record
    assert unnamed_widgets(StatusChangeDialog(record, TRUCE_AS_OF, window)) == []
    assert unnamed_widgets(NewProvisionDialog(record.agreement_id, 0, 5, "Truce", window)) == []
    unnamed_actions = [action.text() for action in window.actions() if not action.objectName()]
    assert unnamed_actions == []


def test_the_about_box_shows_the_version() -> None:
    from tracker import __version__
    from tracker.gui.about import about_text

    assert __version__ in about_text()


def test_the_status_bar_shows_the_database_and_counts(window: MainWindow) -> None:
    assert window.status_bar.database_label.text().endswith("truce.db")
    assert window.status_bar.counts_label.text().startswith(
        "1 agreement · 4 provisions · 4 shown · 1 overdue"
    )


def test_keyboard_reaches_the_form_and_the_date(qtbot: QtBot, window: MainWindow) -> None:
    window.select_provision(provision_id(window, "Exchange prisoners"))
    window.actions_.edit_provision.trigger()
    assert window.detail.form.summary.hasFocus()
    window.actions_.choose_date.trigger()
    assert window.as_of.date_edit.hasFocus()


HARBOUR_TEXT = (
    "Harbour Arrangement\n"
    "Signed at Portsmouth on 3 February 2021.\n"
    "1. The parties shall withdraw all heavy weapons 10 km from the harbour by 1 March 2021.\n"
    "2. Prisoners shall be exchanged by 15 March 2021.\n"
)


def test_a_dropped_file_is_reviewed_saved_and_shown(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR_TEXT, encoding="utf-8")
    dropped = QMimeData()
    dropped.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        dropped,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)

    controller = window.import_controller()
    qtbot.waitUntil(
        lambda: controller.review_dialog is not None and controller.review_dialog.isVisible(), timeout=20_000
    )
    review = controller.review_dialog
    assert review is not None
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        qtbot.mouseClick(review.save_button, Qt.MouseButton.LeftButton)

    stored = [a for a in services.list_agreements() if a.id != 1]
    assert len(stored) == 1
    assert window.selected_agreement_id() == stored[0].id
    assert window.provisions_model.rowCount() == len(services.list_provisions(stored[0].id)) > 0


def test_file_menu_opens_the_paste_and_print_windows(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    window.actions_.paste_text.trigger()
    paste = window.import_controller().paste_dialog
    assert paste is not None and paste.isVisible()
    paste.close()

    window.actions_.print_summary.trigger()
    preview = window.findChild(QPrintPreviewDialog)
    assert preview is not None and preview.isVisible()
    preview.close()


def test_undo_still_works_after_a_reload(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    summary = "Exchange prisoners"
    window.select_provision(provision_id(window, summary))
    change_status_through_dialog(qtbot, window, Status.PARTIAL, "half exchanged")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.actions_.reload.trigger()
    window.actions_.undo.trigger()
    assert services.get_provision(provision_id(window, summary)).status() is Status.PENDING
    assert cell(window, summary, Column.STATUS) == "Pending"


def test_the_detail_pane_buttons_change_status_and_delete(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = provision_id(window, "Start joint patrols")
    window.select_provision(target)
    qtbot.mouseClick(window.detail.status_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(StatusChangeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.status.setCurrentIndex(dialog.status.findData(Status.IN_PROGRESS.value))
    click_ok(qtbot, dialog)
    assert services.get_provision(target).status() is Status.IN_PROGRESS

    monkeypatch.setattr("tracker.gui.main_window.confirm", lambda *_: False)
    qtbot.mouseClick(window.detail.delete_button, Qt.MouseButton.LeftButton)
    assert target in [p.id for p in services.list_provisions()]  # the user said no


def test_a_provision_deleted_elsewhere_is_reported_and_dropped(
    qtbot: QtBot, window: MainWindow, database: Path
) -> None:
    summary = "Exchange prisoners"
    target = provision_id(window, summary)
    window.select_provision(target)
    elsewhere = open_services(database)
    elsewhere.delete_provision(target, elsewhere.get_provision(target).version)

    with qtbot.waitSignal(window.loaded, timeout=10_000):
        change_status_through_dialog(qtbot, window, Status.COMPLIED, "")

    assert error_messages(window)
    assert summary not in shown_column(window, Column.SUMMARY)
    assert window.detail.record is None
