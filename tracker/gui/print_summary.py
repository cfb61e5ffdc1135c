"""File > Print summary (a print preview) and File > Export summary as PDF.

Both draw the same pages as ``agreement-tracker summary --format pdf``: the summary is
computed once when the command is chosen, then painted on the printer or the PDF file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from tracker.errors import TrackerError
from tracker.gui.messages import show_error
from tracker.reports.formatting import REPORT_TITLE
from tracker.reports.model import Summary, build_summary
from tracker.reports.pdf import paint_summary, prepare_page_layout, write_pdf

if TYPE_CHECKING:
    from tracker.services import Services

STATUS_MESSAGE_MS = 6000


def show_print_preview(parent: QWidget, services: Services, agreement_id: int | None, as_of: date) -> None:
    """Opens a print preview of the summary (window-modal; returns at once)."""
    try:
        summary = build_summary(services, agreement_id, as_of)
    except TrackerError as error:
        show_error(parent, str(error))
        return
    SummaryPreviewDialog(parent, summary).open()


class SummaryPreviewDialog(QPrintPreviewDialog):
    """A print preview of one summary; A4 with our margins unless the user changes the page."""

    def __init__(self, parent: QWidget, summary: Summary) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(f"{REPORT_TITLE} {summary.as_of.isoformat()}")
        prepare_page_layout(printer, page_size=False)
        super().__init__(printer, parent)
        # The dialog does not own its printer: keep it alive as long as the dialog.
        self._own_printer = printer
        self.summary = summary
        self.setObjectName("printPreview")
        self.setWindowTitle(f"Print preview: {REPORT_TITLE}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 1000)
        self.paintRequested.connect(self._paint)

    def _paint(self, device: QPrinter) -> None:
        try:
            paint_summary(self.summary, device)
        except TrackerError as error:
            show_error(self, str(error))


def default_pdf_path(summary: Summary) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / f"compliance-summary-{summary.as_of.isoformat()}.pdf"


def export_summary_pdf(parent: QWidget, services: Services, agreement_id: int | None, as_of: date) -> None:
    """Asks where to save, then writes the summary there as PDF; problems are shown, not raised."""
    try:
        summary = build_summary(services, agreement_id, as_of)
    except TrackerError as error:
        show_error(parent, str(error))
        return
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export summary as PDF", str(default_pdf_path(summary)), "PDF files (*.pdf)"
    )
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_pdf(summary, path)
    except TrackerError as error:
        show_error(parent, str(error))
        return
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(f"Summary saved to {path}", STATUS_MESSAGE_MS)
