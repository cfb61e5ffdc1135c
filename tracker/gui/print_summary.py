"""File > Print summary (a print preview) and File > Export summary as PDF.

Both draw the same pages as ``agreement-tracker summary --format pdf``: the summary is
computed once when the command is chosen, then painted on the printer or the PDF file. A
summary of many provisions takes a while to build (about a second at 100,000), so it is then
built on a worker thread behind a busy indicator that can be cancelled; a small one is built at
once, as a flashing indicator would only distract.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressDialog, QPushButton, QWidget

from tracker.errors import TrackerError
from tracker.gui.messages import show_error
from tracker.gui.naming import named
from tracker.gui.tasks import TaskControl, run_in_background
from tracker.reports.formatting import REPORT_TITLE
from tracker.reports.model import Summary, build_summary
from tracker.reports.pdf import paint_summary, prepare_page_layout, write_pdf

if TYPE_CHECKING:
    from tracker.services import Services

STATUS_MESSAGE_MS = 6000
# From this many provisions on, the summary is built off the GUI thread (~20 ms per 1,000).
BACKGROUND_FROM_PROVISIONS = 2_000


def show_print_preview(
    parent: QWidget, services: Services, agreement_id: int | None, as_of: date, *, provisions: int = 0
) -> None:
    """Opens a print preview of the summary (window-modal; returns at once).

    ``provisions``: how many provisions the summary covers, as far as the caller knows; a big
    summary is built in the background and the preview opens when it is ready.
    """
    with_summary(
        parent,
        services,
        agreement_id,
        as_of,
        provisions,
        lambda summary: SummaryPreviewDialog(parent, summary).open(),
    )


def with_summary(
    parent: QWidget,
    services: Services,
    agreement_id: int | None,
    as_of: date,
    provisions: int,
    use: Callable[[Summary], None],
) -> None:
    """Build the summary, then hand it to ``use`` on the GUI thread; problems are shown."""
    if provisions < BACKGROUND_FROM_PROVISIONS:
        try:
            summary = build_summary(services, agreement_id, as_of)
        except TrackerError as error:
            show_error(parent, str(error))
            return
        use(summary)
        return

    busy = named("summaryProgress", QProgressDialog("Preparing the summary…", "Cancel", 0, 0, parent))
    busy.setWindowTitle("Summary")
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(0)
    busy.setAutoClose(False)
    busy.setAutoReset(False)
    busy.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    busy.setCancelButton(named("summaryCancelButton", QPushButton("Cancel")))

    def work(control: TaskControl) -> Summary:
        return build_summary(services, agreement_id, as_of)

    def done(summary: Summary) -> None:
        busy.close()
        use(summary)

    def failed(error: BaseException) -> None:
        busy.close()
        reason = str(error) if isinstance(error, TrackerError) else f"Could not prepare the summary: {error}"
        show_error(parent, reason)

    def cancelled() -> None:
        busy.close()

    task = run_in_background(work, on_done=done, on_error=failed, on_cancelled=cancelled, parent=parent)
    busy.canceled.connect(task.cancel)
    busy.show()


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


def default_pdf_path(as_of: date) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / f"compliance-summary-{as_of.isoformat()}.pdf"


def export_summary_pdf(
    parent: QWidget, services: Services, agreement_id: int | None, as_of: date, *, provisions: int = 0
) -> None:
    """Asks where to save, then writes the summary there as PDF; problems are shown, not raised.

    ``provisions`` as for show_print_preview: a big summary is built in the background.
    """
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export summary as PDF", str(default_pdf_path(as_of)), "PDF files (*.pdf)"
    )
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    with_summary(
        parent, services, agreement_id, as_of, provisions, lambda summary: _write(parent, summary, path)
    )


def _write(parent: QWidget, summary: Summary, path: Path) -> None:
    try:
        write_pdf(summary, path)
    except TrackerError as error:
        show_error(parent, str(error))
        return
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(f"Summary saved to {path}", STATUS_MESSAGE_MS)
