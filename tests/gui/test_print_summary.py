"""File > Print summary (print preview) and File > Export summary as PDF, offscreen."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind
from tracker.gui.main_window import MainWindow
from tracker.gui.print_summary import SummaryPreviewDialog, export_summary_pdf, show_print_preview
from tracker.reports.model import build_summary
from tracker.reports.pdf import paint_summary, pdf_bytes
from tracker.services import Services

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = date(2020, 3, 20)

# A short agreement of our own, so that these tests do not depend on other fixtures' data.
HARBOUR_TEXT = (
    "Harbour Accord\n"
    "1. The parties shall cease all hostilities in the harbour district from 2 March 2020.\n"
    "2. Tanks and artillery shall be withdrawn 15 km from the harbour by 15 March 2020.\n"
    "3. Joint patrols shall start by 1 April 2020.\n"
)
HARBOUR = (
    (
        "The parties shall cease all hostilities in the harbour district from 2 March 2020.",
        Kind.CEASEFIRE,
        "Cease hostilities in the harbour district",
        date(2020, 3, 2),
        Facets(),
    ),
    (
        "Tanks and artillery shall be withdrawn 15 km from the harbour by 15 March 2020.",
        Kind.WITHDRAWAL,
        "Withdraw tanks and artillery 15 km",
        date(2020, 3, 15),
        Facets(zone_width_km=(15.0, 15.0), weapons=("tanks", "artillery")),
    ),
    (
        "Joint patrols shall start by 1 April 2020.",
        Kind.PATROL,
        "Start joint patrols",
        date(2020, 4, 1),
        Facets(patrol_parties=("North", "South")),
    ),
)


@pytest.fixture
def harbour(tmp_path: Path) -> Services:
    """A database holding the Harbour Accord and nothing else."""
    opened = open_services(tmp_path / "harbour.sqlite3", with_sample=False)
    provisions = []
    for excerpt, kind, summary, deadline, facets in HARBOUR:
        start = HARBOUR_TEXT.index(excerpt)
        provisions.append(
            ExtractedProvision(start, start + len(excerpt), excerpt, kind, summary, deadline, None, facets)
        )
    draft = AgreementDraft("Harbour Accord", HARBOUR_TEXT, ("North", "South"), date(2020, 3, 1), "Port Town")
    opened.import_agreement(draft, provisions)
    return opened


@pytest.fixture
def parent(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_print_preview_opens_with_the_summary_pages(
    qtbot: QtBot, parent: QMainWindow, harbour: Services
) -> None:
    show_print_preview(parent, harbour, None, AS_OF)
    dialog = parent.findChild(QPrintPreviewDialog, "printPreview")
    assert dialog is not None and dialog.isVisible()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    expected = len(PdfReader(io.BytesIO(pdf_bytes(build_summary(harbour, None, AS_OF)))).pages)
    qtbot.waitUntil(lambda: preview.pageCount() == expected >= 2)
    dialog.close()


def test_printing_draws_the_same_pages_as_the_pdf(qtbot: QtBot, harbour: Services, tmp_path: Path) -> None:
    summary = build_summary(harbour, None, AS_OF)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = paint_summary(summary, printer)
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages >= 2
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Withdraw tanks and artillery 15 km" in text and "15 Mar 2020" in text


def test_export_writes_a_pdf_where_the_user_chose(
    qtbot: QtBot, parent: QMainWindow, harbour: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "for the mission"  # no suffix: .pdf is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), "PDF files (*.pdf)")
    )
    agreement_id = harbour.list_agreements()[0].id
    export_summary_pdf(parent, harbour, agreement_id, AS_OF)
    written = tmp_path / "for the mission.pdf"
    text = " ".join((p.extract_text() or "") for p in PdfReader(written).pages)
    assert "Harbour Accord" in " ".join(text.split())
    assert str(written) in parent.statusBar().currentMessage()


def test_cancelling_the_save_dialog_writes_nothing(
    qtbot: QtBot, parent: QMainWindow, harbour: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    export_summary_pdf(parent, harbour, None, AS_OF)
    assert list(tmp_path.glob("*.pdf")) == []


def test_an_unwritable_export_path_is_shown_not_raised(
    qtbot: QtBot, parent: QMainWindow, harbour: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing" / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    export_summary_pdf(parent, harbour, None, AS_OF)
    message = parent.findChild(QMessageBox, "errorMessage")
    assert message is not None and "Cannot write" in message.text()


def test_an_agreement_deleted_meanwhile_is_a_message(
    qtbot: QtBot, parent: QMainWindow, harbour: Services
) -> None:
    show_print_preview(parent, harbour, 999, AS_OF)
    message = parent.findChild(QMessageBox, "errorMessage")
    assert message is not None and "No agreement with id 999" in message.text()
    assert parent.findChild(QPrintPreviewDialog) is None


def wait_for_summary_tasks(qtbot: QtBot) -> None:
    from tracker.gui.tasks import running_tasks

    qtbot.waitUntil(lambda: not running_tasks(), timeout=10_000)


def test_a_big_summary_is_built_in_the_background_behind_a_busy_indicator(
    qtbot: QtBot, parent: QMainWindow, harbour: Services
) -> None:
    from tracker.gui.print_summary import BACKGROUND_FROM_PROVISIONS

    show_print_preview(parent, harbour, None, AS_OF, provisions=BACKGROUND_FROM_PROVISIONS)
    busy = parent.findChild(QProgressDialog, "summaryProgress")
    assert busy is not None and busy.isVisible()
    assert parent.findChild(QPrintPreviewDialog) is None  # not yet: the summary is being built

    qtbot.waitUntil(lambda: parent.findChild(QPrintPreviewDialog, "printPreview") is not None, timeout=10_000)
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog, "summaryProgress") is None)
    dialog = parent.findChild(QPrintPreviewDialog, "printPreview")
    assert isinstance(dialog, SummaryPreviewDialog)
    assert [agreement.title for agreement in dialog.summary.agreements] == ["Harbour Accord"]
    dialog.close()


def test_cancelling_the_busy_indicator_opens_nothing(
    qtbot: QtBot, parent: QMainWindow, harbour: Services
) -> None:
    show_print_preview(parent, harbour, None, AS_OF, provisions=1_000_000)
    busy = parent.findChild(QProgressDialog, "summaryProgress")
    cancel = parent.findChild(QPushButton, "summaryCancelButton")
    assert busy is not None and cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    wait_for_summary_tasks(qtbot)
    assert parent.findChild(QPrintPreviewDialog) is None
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog, "summaryProgress") is None)


def test_a_big_export_writes_the_pdf_once_built(
    qtbot: QtBot, parent: QMainWindow, harbour: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "big.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    export_summary_pdf(parent, harbour, None, AS_OF, provisions=1_000_000)
    assert not chosen.exists()  # written once the summary has been built off the GUI thread
    qtbot.waitUntil(chosen.exists, timeout=10_000)
    qtbot.waitUntil(lambda: str(chosen) in parent.statusBar().currentMessage(), timeout=10_000)
    text = " ".join((p.extract_text() or "") for p in PdfReader(chosen).pages)
    assert "Harbour Accord" in " ".join(text.split())


def test_a_background_failure_is_a_message(qtbot: QtBot, parent: QMainWindow, harbour: Services) -> None:
    show_print_preview(parent, harbour, 999, AS_OF, provisions=1_000_000)
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "errorMessage") is not None, timeout=10_000)
    message = parent.findChild(QMessageBox, "errorMessage")
    assert message is not None and "No agreement with id 999" in message.text()
    assert parent.findChild(QPrintPreviewDialog) is None


def test_the_window_builds_a_big_summary_in_the_background(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The truce's four provisions count as many here, as 100,000 would on a real database.
    monkeypatch.setattr("tracker.gui.print_summary.BACKGROUND_FROM_PROVISIONS", 4)
    window.actions_.print_summary.trigger()
    assert window.findChild(QProgressDialog, "summaryProgress") is not None
    qtbot.waitUntil(lambda: window.findChild(QPrintPreviewDialog, "printPreview") is not None, timeout=10_000)
    preview = window.findChild(QPrintPreviewDialog, "printPreview")
    assert preview is not None
    preview.close()
