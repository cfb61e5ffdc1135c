"""Import and paste: read and extract off the GUI thread, review, then one save; errors are
told plainly and leave the database as it was."""

from __future__ import annotations

import gc
import json
import os
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from lakeside import open_window
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tracker.domain import Extraction, Kind
from tracker.extraction import extract
from tracker.gui.import_flow import ImportController
from tracker.gui.review_dialog import ReviewDialog
from tracker.gui.review_model import ReviewColumn
from tracker.services import Services

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AGREEMENT = (
    "Memorandum on the Northern Zone\n\n"
    "Signed at Lakeside on 17 September 2018.\n\n"
    "1. The parties shall establish a demilitarised zone 15-20 km deep by 15 October 2018.\n\n"
    "2. All tanks and artillery shall be withdrawn from the zone within 30 days of signing.\n\n"
    "3. Joint patrols by Northern and Southern units shall begin in the zone.\n"
)


class MessageBoxes:
    """Stands in for QMessageBox's blocking static calls; records what the user was told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: dict[str, QMessageBox.StandardButton] = {
            "question": QMessageBox.StandardButton.Discard,
        }

        def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
            def record(
                parent: QWidget | None, title: str, text: str, *args: object
            ) -> QMessageBox.StandardButton:
                self.shown.append((kind, title, text))
                return self.answers.get(kind, QMessageBox.StandardButton.Ok)

            return record

        for kind in ("critical", "warning", "information", "question"):
            monkeypatch.setattr(QMessageBox, kind, recorder(kind))


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    return MessageBoxes(monkeypatch)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.setObjectName("testWindow")
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def controller(window: QWidget, empty_services: Services) -> Iterator[ImportController]:
    importer = ImportController(window, empty_services)
    yield importer
    if importer.review_dialog is not None and importer.review_dialog.isVisible():
        QDialog.reject(importer.review_dialog)  # the base class's: teardown must not ask


def choose_row(view: QTableView, row: int) -> None:
    """Make ``row`` the current and only selected row, as a plain click does."""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, ReviewColumn.SUMMARY), flags)


def wait_for_review(qtbot: QtBot, controller: ImportController) -> ReviewDialog:
    qtbot.waitUntil(lambda: controller.review_dialog is not None, timeout=10_000)
    dialog = controller.review_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def wait_until_idle(qtbot: QtBot, controller: ImportController) -> None:
    qtbot.waitUntil(lambda: not controller.is_busy(), timeout=10_000)


def save(qtbot: QtBot, controller: ImportController, dialog: ReviewDialog) -> int:
    with qtbot.waitSignal(controller.imported, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    agreement_id = blocker.args[0]
    assert isinstance(agreement_id, int)
    return agreement_id


def test_an_imported_text_file_is_reviewed_then_stored(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services
) -> None:
    path = tmp_path / "northern-zone.txt"
    path.write_text(AGREEMENT, encoding="utf-8")

    controller.import_file(path)
    dialog = wait_for_review(qtbot, controller)
    assert empty_services.list_agreements() == []  # nothing is stored before Save
    assert dialog.title_edit.text() == "Memorandum on the Northern Zone"
    assert dialog.signed_on() == date(2018, 9, 17)
    assert dialog.model.rowCount() == 3

    agreement_id = save(qtbot, controller, dialog)
    wait_until_idle(qtbot, controller)

    agreement = empty_services.get_agreement(agreement_id)
    assert agreement.text == AGREEMENT
    assert agreement.signed_on == date(2018, 9, 17)
    assert str(path) in agreement.source or path.name in agreement.source
    kinds = [p.kind for p in empty_services.list_provisions(agreement_id)]
    assert kinds == [Kind.ZONE, Kind.WITHDRAWAL, Kind.PATROL]
    assert controller.review_dialog is None
    assert gc.isenabled()


def test_an_unticked_provision_is_left_out(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services
) -> None:
    path = tmp_path / "northern-zone.md"
    path.write_text(AGREEMENT, encoding="utf-8")
    controller.import_file(path)
    dialog = wait_for_review(qtbot, controller)

    choose_row(dialog.view, 1)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert dialog.model.index(1, ReviewColumn.ACCEPT).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    agreement_id = save(qtbot, controller, dialog)

    kinds = [p.kind for p in empty_services.list_provisions(agreement_id)]
    assert kinds == [Kind.ZONE, Kind.PATROL]


def test_cancelling_the_review_saves_nothing(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services
) -> None:
    path = tmp_path / "northern-zone.txt"
    path.write_text(AGREEMENT, encoding="utf-8")
    controller.import_file(path)
    dialog = wait_for_review(qtbot, controller)

    with qtbot.assertNotEmitted(controller.imported):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        wait_until_idle(qtbot, controller)
    assert empty_services.list_agreements() == []
    assert empty_services.list_provisions() == []


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n   \n", "blank"),
        ("photo.txt", bytes(range(256)) * 40, "binary"),
        ("scan.pdf", b"\x00\x01\x02 not a pdf at all", "PDF"),
    ],
)
def test_an_unreadable_file_is_reported_and_nothing_is_saved(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services,
    boxes: MessageBoxes, name: str, content: bytes, reason: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    controller.import_file(path)
    wait_until_idle(qtbot, controller)

    assert len(boxes.shown) == 1
    kind, title, text = boxes.shown[0]
    assert (kind, title) == ("warning", "Could not import")
    assert name in text and reason in text
    assert "Traceback" not in text
    assert controller.review_dialog is None and controller.progress_dialog is None
    assert empty_services.list_agreements() == []


def test_an_unsupported_file_type_is_refused_at_once(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services,
    boxes: MessageBoxes,
) -> None:
    path = tmp_path / "installer.exe"
    path.write_bytes(b"MZ\x90\x00")
    controller.import_files([path])

    assert boxes.shown and boxes.shown[0][0] == "warning"
    assert "installer.exe" in boxes.shown[0][2] and ".docx" in boxes.shown[0][2]
    assert not controller.is_busy()
    assert empty_services.list_agreements() == []


def test_a_text_with_no_provisions_says_so_and_can_be_declined(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services,
    boxes: MessageBoxes,
) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear colleagues,\n\nThank you for a pleasant meeting.\n", encoding="utf-8")
    boxes.answers["question"] = QMessageBox.StandardButton.No

    controller.import_file(path)
    wait_until_idle(qtbot, controller)

    assert boxes.shown[0][:2] == ("question", "No provisions found")
    assert "letter.txt" in boxes.shown[0][2]
    assert controller.review_dialog is None
    assert empty_services.list_agreements() == []


def test_a_text_with_no_provisions_can_still_be_kept(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services,
    boxes: MessageBoxes,
) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear colleagues,\n\nThank you for a pleasant meeting.\n", encoding="utf-8")
    boxes.answers["question"] = QMessageBox.StandardButton.Yes

    controller.import_file(path)
    dialog = wait_for_review(qtbot, controller)
    assert dialog.notice_label.isVisible()
    agreement_id = save(qtbot, controller, dialog)

    assert empty_services.list_provisions(agreement_id) == []
    assert "Thank you" in empty_services.get_agreement(agreement_id).text


def test_metadata_beside_the_file_prefills_the_review(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services
) -> None:
    path = tmp_path / "memo.txt"
    path.write_text(AGREEMENT, encoding="utf-8")
    (tmp_path / "memo.json").write_text(
        json.dumps({"title": "Northern Zone memorandum", "parties": ["North", "South"], "place": "Lakeside"}),
        encoding="utf-8",
    )
    controller.import_file(path)
    dialog = wait_for_review(qtbot, controller)

    assert dialog.title_edit.text() == "Northern Zone memorandum"
    assert dialog.parties_edit.text() == "North, South"
    assert dialog.place_edit.text() == "Lakeside"
    agreement_id = save(qtbot, controller, dialog)
    assert empty_services.get_agreement(agreement_id).parties == ("North", "South")


def test_several_files_are_reviewed_one_after_the_other(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(AGREEMENT, encoding="utf-8")
    second.write_text(AGREEMENT.replace("Northern Zone", "Southern Zone"), encoding="utf-8")

    controller.import_files([first, second])
    dialog = wait_for_review(qtbot, controller)
    assert dialog.title_edit.text() == "Memorandum on the Northern Zone"
    save(qtbot, controller, dialog)

    qtbot.waitUntil(lambda: controller.review_dialog not in (None, dialog), timeout=10_000)
    dialog = wait_for_review(qtbot, controller)
    assert dialog.title_edit.text() == "Memorandum on the Southern Zone"
    save(qtbot, controller, dialog)
    wait_until_idle(qtbot, controller)

    titles = sorted(agreement.title for agreement in empty_services.list_agreements())
    assert titles == ["Memorandum on the Northern Zone", "Memorandum on the Southern Zone"]


def test_pasted_text_goes_through_review_into_the_database(
    qtbot: QtBot, controller: ImportController, empty_services: Services
) -> None:
    controller.paste_text()
    paste = controller.paste_dialog
    assert paste is not None
    qtbot.waitExposed(paste)
    paste.text_edit.setPlainText(AGREEMENT.replace("\n", "\r\n"))
    qtbot.mouseClick(paste.buttons.button(paste.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    dialog = wait_for_review(qtbot, controller)
    assert dialog.title_edit.text() == "Memorandum on the Northern Zone"  # its first line
    assert dialog.source_edit.text() == "pasted text"
    agreement_id = save(qtbot, controller, dialog)

    agreement = empty_services.get_agreement(agreement_id)
    assert agreement.text == AGREEMENT  # line endings normalised, offsets valid
    assert agreement.title == "Memorandum on the Northern Zone"
    assert len(empty_services.list_provisions(agreement_id)) == 3


def test_empty_pasted_text_is_refused_with_a_message(
    qtbot: QtBot, controller: ImportController, empty_services: Services
) -> None:
    controller.paste_text()
    paste = controller.paste_dialog
    assert paste is not None
    paste.text_edit.setPlainText("  \n\t\n")
    qtbot.mouseClick(paste.buttons.button(paste.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert paste.isVisible()
    assert paste.error_label.isVisible()
    assert "nothing to read" in paste.error_label.text()
    assert not controller.is_busy()

    qtbot.keyClick(paste.text_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: controller.paste_dialog is None)
    assert empty_services.list_agreements() == []


def test_a_running_extraction_can_be_cancelled(
    qtbot: QtBot, tmp_path: Path, window: QWidget, empty_services: Services, request: pytest.FixtureRequest
) -> None:
    started = threading.Event()
    saw_cancel = threading.Event()
    test_over = threading.Event()
    request.addfinalizer(test_over.set)  # never leave a worker spinning if the test fails

    def slow_extract(text: str, signed_on: date | None = None, *,
                     progress: Callable[[float], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> Extraction:
        """The real engine, held back until the user cancels, as a long text would be."""
        assert progress is not None and cancelled is not None
        progress(0.3)
        started.set()
        while not cancelled() and not test_over.is_set():
            test_over.wait(0.01)
        saw_cancel.set()
        return extract(text, signed_on, progress=progress, cancelled=cancelled)

    controller = ImportController(window, empty_services, extract_text=slow_extract)
    path = tmp_path / "long.txt"
    path.write_text(AGREEMENT * 50, encoding="utf-8")
    controller.import_file(path)

    assert started.wait(10)
    progress_dialog = controller.progress_dialog
    assert progress_dialog is not None
    qtbot.waitUntil(lambda: progress_dialog.value() >= 37, timeout=5000)  # the window kept running
    assert progress_dialog.labelText() == "Finding the provisions in “long.txt”…"
    cancel_button = progress_dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    with qtbot.assertNotEmitted(controller.imported):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
        wait_until_idle(qtbot, controller)

    assert saw_cancel.is_set()
    assert controller.review_dialog is None and controller.progress_dialog is None
    assert empty_services.list_agreements() == []
    assert gc.isenabled()  # paused during the extraction, back on although it was cut short


def test_file_import_from_the_main_window_shows_the_new_agreement(
    qtbot: QtBot, tmp_path: Path, services: Services, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "northern-zone.txt"
    path.write_text(AGREEMENT, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(path)], ""))
    main = open_window(qtbot, services, settings)

    main.actions_.import_file.trigger()
    qtbot.waitUntil(lambda: main.findChild(ReviewDialog, "reviewDialog") is not None, timeout=10_000)
    review = main.findChild(ReviewDialog, "reviewDialog")
    assert isinstance(review, ReviewDialog)
    with qtbot.waitSignal(main.loaded, timeout=10_000):
        qtbot.mouseClick(review.save_button, Qt.MouseButton.LeftButton)

    model = main.agreements_model
    shown = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    assert any("Memorandum on the Northern Zone" in text for text in shown)
    assert main.selected_agreement_id() == max(a.id for a in services.list_agreements())


def test_ctrl_enter_in_the_pasted_text_finds_the_provisions(
    qtbot: QtBot, controller: ImportController, empty_services: Services
) -> None:
    controller.paste_text()
    paste = controller.paste_dialog
    assert paste is not None
    paste.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is paste)
    paste.text_edit.setFocus()
    qtbot.keyClicks(paste.text_edit, "1. All heavy weapons shall be withdrawn by 10 October 2018.")
    qtbot.keyClick(paste.text_edit, Qt.Key.Key_Return)
    assert paste.isVisible()  # Enter alone starts a new line
    qtbot.keyClick(paste.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    dialog = wait_for_review(qtbot, controller)
    assert dialog.title_edit.text() == "1. All heavy weapons shall be withdrawn by 10 October 2018."
    assert dialog.model.rowCount() == 1


def test_importing_the_same_agreement_again_is_pointed_out(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services
) -> None:
    path = tmp_path / "northern-zone.txt"
    path.write_text(AGREEMENT, encoding="utf-8")
    controller.import_file(path)
    first = wait_for_review(qtbot, controller)
    assert not first.notice_label.isVisible()
    save(qtbot, controller, first)
    wait_until_idle(qtbot, controller)

    controller.import_file(path)
    again = wait_for_review(qtbot, controller)
    assert again.notice_label.isVisible()
    assert "Already in the database?" in again.notice_label.text()
    assert "Memorandum on the Northern Zone" in again.notice_label.text()


PARAGRAPHS = [line for line in AGREEMENT.splitlines() if line]


def write_html(path: Path) -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    path.write_text(f"<html><head><title>Northern Zone</title></head><body>{body}</body></html>",
                    encoding="utf-8")


def write_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.save(str(path))


def write_pdf(path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText("\n\n".join(PARAGRAPHS))
    document.print_(writer)
    del writer  # the file is complete once the writer is gone


@pytest.mark.parametrize(
    ("name", "write"), [("zone.html", write_html), ("zone.docx", write_docx), ("zone.pdf", write_pdf)]
)
def test_web_pages_word_documents_and_pdfs_are_imported_too(
    qtbot: QtBot, tmp_path: Path, controller: ImportController, empty_services: Services,
    name: str, write: Callable[[Path], None],
) -> None:
    path = tmp_path / name
    write(path)
    controller.import_file(path)
    dialog = wait_for_review(qtbot, controller)
    assert dialog.signed_on() == date(2018, 9, 17)
    agreement_id = save(qtbot, controller, dialog)

    kinds = [p.kind for p in empty_services.list_provisions(agreement_id)]
    assert kinds == [Kind.ZONE, Kind.WITHDRAWAL, Kind.PATROL]


def test_a_typed_title_wins_over_the_first_line(
    qtbot: QtBot, controller: ImportController, empty_services: Services
) -> None:
    controller.paste_text()
    paste = controller.paste_dialog
    assert paste is not None
    paste.title_edit.setText("  Northern   Zone memorandum ")
    paste.text_edit.setPlainText(AGREEMENT)
    qtbot.mouseClick(paste.buttons.button(paste.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    dialog = wait_for_review(qtbot, controller)
    assert dialog.title_edit.text() == "Northern Zone memorandum"
    agreement_id = save(qtbot, controller, dialog)
    assert empty_services.get_agreement(agreement_id).title == "Northern Zone memorandum"
