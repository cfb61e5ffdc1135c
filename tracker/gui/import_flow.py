"""File > Import agreement and File > Paste agreement text: read, extract, review, save.

Reading and extraction run off the GUI thread behind a cancellable progress dialog; the
review dialog decides what is saved. Several files (a multiple selection, a drop) are
imported one after the other, each with its own review.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from tracker.domain import AgreementDraft, AgreementRecord
from tracker.errors import ExtractionCancelled, TrackerError
from tracker.extraction import extract
from tracker.gui.cycle_collector import cycle_collector_paused
from tracker.gui.paste_dialog import DEFAULT_PASTED_TITLE, PasteDialog
from tracker.gui.review_dialog import ImportCandidate, ReviewDialog
from tracker.gui.review_extraction import ExtractFunction
from tracker.gui.tasks import TaskControl, TaskHandle, run_in_background
from tracker.metadata import read_sidecar_metadata
from tracker.readers import normalise_text, read_document
from tracker.readers.titles import first_line_title
from tracker.services import Services

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
FILE_FILTER = ";;".join(
    (
        "Agreements (" + " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES) + ")",
        "Text (*.txt *.md)",
        "Web pages (*.html *.htm)",
        "PDF (*.pdf)",
        "Word (*.docx)",
    )
)

# Share of the progress bar given to reading the file; extraction gets the rest.
READING_SHARE = 0.1
# Quick imports finish before the progress dialog would flash up and vanish.
PROGRESS_DELAY_MS = 400


@dataclass(frozen=True)
class FileImport:
    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    def load(self) -> AgreementDraft:
        """The file's text, with what a metadata file beside it says (memo.txt -> memo.json)."""
        document = read_document(self.path)
        metadata = read_sidecar_metadata(self.path)
        return AgreementDraft(
            title=metadata.title or document.title or self.path.stem,
            text=document.text,
            parties=metadata.parties,
            signed_on=metadata.signed_on,
            place=metadata.place,
            source=metadata.source or document.source,
            language=metadata.language or "en",
        )


@dataclass(frozen=True)
class PastedImport:
    title: str  # "" when the user typed none
    raw_text: str

    @property
    def name(self) -> str:
        return self.title or "the pasted text"

    def load(self) -> AgreementDraft:
        text = normalise_text(self.raw_text)
        title = self.title or first_line_title(text) or DEFAULT_PASTED_TITLE
        return AgreementDraft(title=title, text=text, source="pasted text")


PendingImport = FileImport | PastedImport


def agreements_titled(services: Services, title: str) -> tuple[AgreementRecord, ...]:
    """Stored agreements with this title (ignoring case), to warn about importing one twice."""
    wanted = title.casefold()
    try:
        stored = services.list_agreements()
    except TrackerError:
        # Only a courtesy check: a database problem is reported by the save itself.
        return ()
    return tuple(agreement for agreement in stored if agreement.title.casefold() == wanted)


class ImportController(QObject):
    """Drives imports for a window. ``imported`` carries each new agreement's id; ``idle`` is
    emitted whenever the last queued import is done (saved, cancelled or failed)."""

    imported = Signal(int)
    idle = Signal()

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        *,
        settings: QSettings | None = None,
        extract_text: ExtractFunction = extract,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importController")
        self._window = parent
        self._services = services
        self._extract_text = extract_text
        # Where the review dialog remembers its size and column widths; None forgets them.
        self._settings = settings
        self._queue: deque[PendingImport] = deque()
        self._current: PendingImport | None = None
        self._task: TaskHandle | None = None
        self._last_directory = str(Path.home())
        self.progress_dialog: QProgressDialog | None = None
        self.review_dialog: ReviewDialog | None = None
        self.paste_dialog: PasteDialog | None = None

    def is_busy(self) -> bool:
        return self._current is not None or bool(self._queue)

    # -- entry points ------------------------------------------------------------------------

    @Slot()
    def choose_and_import_file(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self._window, "Import agreement", self._last_directory, FILE_FILTER
        )
        if paths:
            self._last_directory = str(Path(paths[0]).parent)
            self.import_files(Path(path) for path in paths)

    @Slot(Path)
    def import_file(self, path: Path) -> None:
        self.import_files([path])

    def import_files(self, paths: Iterable[Path]) -> None:
        """Queue files (e.g. dropped on the window); unsupported ones are reported, not queued."""
        unsupported: list[str] = []
        for path in paths:
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                self._queue.append(FileImport(Path(path)))
            else:
                unsupported.append(path.name)
        if unsupported:
            QMessageBox.warning(
                self._window,
                "Cannot import",
                f"Not an agreement file: {', '.join(unsupported)}.\n"
                f"Supported: {' '.join(SUPPORTED_SUFFIXES)}.",
            )
        self._start_next()

    @Slot()
    def paste_text(self) -> None:
        if self.paste_dialog is not None:
            self.paste_dialog.raise_()
            self.paste_dialog.activateWindow()
            return
        dialog = PasteDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._queue_pasted(dialog.title(), dialog.text()))
        dialog.finished.connect(self._paste_dialog_closed)
        self.paste_dialog = dialog
        dialog.open()

    def _queue_pasted(self, title: str, text: str) -> None:
        self._queue.append(PastedImport(title, text))
        self._start_next()

    def _paste_dialog_closed(self) -> None:
        self.paste_dialog = None

    # -- reading and extraction ----------------------------------------------------------------

    def _start_next(self) -> None:
        if self._current is not None:
            return
        if not self._queue:
            self.idle.emit()
            return
        pending = self._queue.popleft()
        self._current = pending
        extract_text = self._extract_text
        services = self._services

        def work(control: TaskControl) -> ImportCandidate:
            control.report(0.0)
            draft = pending.load()
            if control.cancelled():
                raise ExtractionCancelled("Import cancelled.")
            control.report(READING_SHARE)
            with cycle_collector_paused():
                extraction = extract_text(
                    draft.text,
                    draft.signed_on,
                    progress=lambda fraction: control.report(READING_SHARE + (1 - READING_SHARE) * fraction),
                    cancelled=control.cancelled,
                )
            return ImportCandidate(draft, extraction, agreements_titled(services, draft.title))

        progress = QProgressDialog(f"Reading “{pending.name}”…", "Cancel", 0, 100, self._window)
        progress.setObjectName("importProgressDialog")
        progress.setWindowTitle("Importing")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        self.progress_dialog = progress

        self._task = run_in_background(
            work,
            on_done=self._extracted,
            on_error=self._failed,
            on_progress=lambda fraction: self._show_progress(pending, fraction),
            on_cancelled=self._finish_current,
            parent=self,
        )
        progress.canceled.connect(self.cancel_current)

    def _show_progress(self, pending: PendingImport, fraction: float) -> None:
        if self.progress_dialog is None:
            return
        if fraction >= READING_SHARE and self.progress_dialog.value() < round(READING_SHARE * 100):
            self.progress_dialog.setLabelText(f"Finding the provisions in “{pending.name}”…")
        self.progress_dialog.setValue(round(fraction * 100))

    @Slot()
    def cancel_current(self) -> None:
        """Stop the running read or extraction; nothing is saved."""
        if self._task is not None and self._task.is_running():
            self._task.cancel()
            if self.progress_dialog is not None:
                self.progress_dialog.setLabelText("Cancelling…")

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self.cancel_current)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _extracted(self, candidate: ImportCandidate) -> None:
        self._close_progress()
        self._task = None
        if not candidate.extraction.provisions:
            answer = QMessageBox.question(
                self._window,
                "No provisions found",
                f"No provisions were found in “{self._describe_current()}”.\n\n"
                "Review and save the agreement anyway? You can add provisions later by selecting "
                "passages in its source view.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._finish_current()
                return
        dialog = ReviewDialog(
            candidate, self._services, extract_text=self._extract_text, settings=self._settings,
            parent=self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.imported)
        dialog.finished.connect(self._review_closed)
        self.review_dialog = dialog
        dialog.open()

    def _review_closed(self) -> None:
        self.review_dialog = None
        self._finish_current()

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        self._task = None
        name = self._describe_current()
        if isinstance(error, TrackerError):
            reason = str(error)
        else:
            log.error("Importing %s failed", name, exc_info=error)
            reason = f"Unexpected error while reading it: {error!r}"
        QMessageBox.warning(self._window, "Could not import", f"Could not import “{name}”.\n\n{reason}")
        self._finish_current()

    def _describe_current(self) -> str:
        return self._current.name if self._current is not None else "the agreement"

    def _finish_current(self) -> None:
        self._close_progress()
        self._task = None
        self._current = None
        self._start_next()
