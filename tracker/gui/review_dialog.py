"""The review before an import is saved: the agreement's metadata and every extracted provision,
each with a tick and editable facets. Nothing reaches the database until Save, and then
everything ticked is stored in one transaction."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QByteArray, QDate, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import AgreementDraft, AgreementRecord, ExtractedProvision, Extraction
from tracker.errors import TrackerError
from tracker.gui.cycle_collector import cycle_collector_paused
from tracker.gui.review_extraction import ExtractFunction, extract_for_signing_date
from tracker.gui.review_model import ProvisionReviewTableModel, ReviewColumn, ReviewItemDelegate, split_list
from tracker.gui.tasks import TaskControl, TaskHandle, run_in_background
from tracker.gui.text_offsets import to_qt_position
from tracker.services import Services

log = logging.getLogger(__name__)

# Typing a date fires a change per keystroke; wait for a pause before re-extracting.
RECOMPUTE_DELAY_MS = 600

# Where the dialog's size, its splitter and its column widths are remembered.
_GEOMETRY_KEY = "importReview/geometry"
_SPLITTER_KEY = "importReview/splitter"
_COLUMNS_KEY = "importReview/columns"

SIGNED_ON_ORIGINS = {
    "given": "as given",
    "stated": "stated in the text",
    "dateline": "from the text's dateline",
    "earliest-date": "guessed from the earliest date in the text: please check",
    "unknown": "not found in the text",
}


@dataclass(frozen=True)
class ImportCandidate:
    """A text read and analysed, waiting for the user's review. ``draft`` holds what is known
    before review (from the file or a metadata file beside it)."""

    draft: AgreementDraft
    extraction: Extraction
    # Stored agreements with the same title: probably this one, imported before.
    already_stored: tuple[AgreementRecord, ...] = ()


def suggested_parties(provisions: tuple[ExtractedProvision, ...]) -> tuple[str, ...]:
    parties: list[str] = []
    for provision in provisions:
        for party in provision.facets.responsible_parties:
            if party not in parties:
                parties.append(party)
    return tuple(parties)


class ReviewDialog(QDialog):
    """Review an import. Enter saves, Esc cancels; in the list Ctrl+A ticks or unticks all and
    Space the selected rows. ``saved`` carries the new agreement's id."""

    saved = Signal(int)
    # Emitted after the provisions were re-extracted for a changed signing date.
    deadlines_recomputed = Signal()

    def __init__(
        self,
        candidate: ImportCandidate,
        services: Services,
        *,
        extract_text: ExtractFunction,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(f"Review import: {candidate.draft.title}")
        self.resize(1100, 720)
        self._candidate = candidate
        self._services = services
        self._extract_text = extract_text
        self._computed_for: date | None = candidate.extraction.signed_on
        self._recompute_handle: TaskHandle | None = None
        self._save_handle: TaskHandle | None = None
        # Save was asked for while deadlines were being recomputed: it follows the recompute.
        self._save_after_recompute = False
        self.saved_agreement_id: int | None = None

        self._settings = settings
        self._build_widgets()
        self._restore_layout()
        self._fill(candidate)
        self._initial_form = self._form_values()
        self._connect()
        self._refresh_counts()
        self.view.setFocus()
        if self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, ReviewColumn.SUMMARY),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    # -- construction ----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("reviewNoticeLabel")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.RichText)
        self.notice_label.hide()

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("reviewTitleEdit")
        self.parties_edit = QLineEdit(self)
        self.parties_edit.setObjectName("reviewPartiesEdit")
        self.parties_edit.setPlaceholderText("Comma-separated, e.g. Russia, Turkey")
        self.signed_on_edit = QDateEdit(self)
        self.signed_on_edit.setObjectName("reviewSignedOnEdit")
        self.signed_on_edit.setCalendarPopup(True)
        self.signed_on_edit.setDisplayFormat("yyyy-MM-dd")
        self.signed_on_unknown_check = QCheckBox("&Unknown", self)
        self.signed_on_unknown_check.setObjectName("reviewSignedOnUnknownCheck")
        self.signed_on_origin_label = QLabel(self)
        self.signed_on_origin_label.setObjectName("reviewSignedOnOriginLabel")
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("reviewPlaceEdit")
        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("reviewSourceEdit")

        signed_row = QHBoxLayout()
        signed_row.addWidget(self.signed_on_edit)
        signed_row.addWidget(self.signed_on_unknown_check)
        signed_row.addWidget(self.signed_on_origin_label, 1)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Parties:", self.parties_edit)
        form.addRow("Signed &on:", signed_row)
        form.addRow("P&lace:", self.place_edit)
        form.addRow("Sou&rce:", self.source_edit)
        signed_label = form.labelForField(signed_row)
        if isinstance(signed_label, QLabel):
            signed_label.setBuddy(self.signed_on_edit)

        self.deadline_status_label = QLabel(self)
        self.deadline_status_label.setObjectName("reviewDeadlineStatusLabel")
        self.deadline_status_label.setWordWrap(True)
        self.deadline_status_label.hide()

        self.model = ProvisionReviewTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("reviewProvisionsView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ReviewItemDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        # Sized from the header text, not the contents: sizing to contents asks every row.
        header.setSectionResizeMode(ReviewColumn.ACCEPT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(ReviewColumn.ACCEPT, header.fontMetrics().horizontalAdvance("Keep") + 28)
        for column, width in (
            (ReviewColumn.SUMMARY, 280),
            (ReviewColumn.KIND, 100),
            (ReviewColumn.DEADLINE, 100),
            (ReviewColumn.DEADLINE_TEXT, 160),
            (ReviewColumn.ZONE_WIDTH, 90),
            (ReviewColumn.WEAPONS, 150),
            (ReviewColumn.PATROL_PARTIES, 130),
        ):
            self.view.setColumnWidth(column, width)

        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("reviewSourcePreview")
        self.preview.setReadOnly(True)
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("reviewSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.select_all_button = QPushButton("Tick &all", self)
        self.select_all_button.setObjectName("reviewSelectAllButton")
        self.select_all_button.setAutoDefault(False)
        self.select_none_button = QPushButton("Tick &none", self)
        self.select_none_button.setObjectName("reviewSelectNoneButton")
        self.select_none_button.setAutoDefault(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("reviewCountLabel")
        self.edit_error_label = QLabel(self)
        self.edit_error_label.setObjectName("reviewEditErrorLabel")
        self.edit_error_label.setWordWrap(True)
        self.edit_error_label.hide()

        selection_row = QHBoxLayout()
        selection_row.addWidget(self.select_all_button)
        selection_row.addWidget(self.select_none_button)
        selection_row.addWidget(self.count_label, 1)

        self.buttons = QDialogButtonBox(self)
        self.buttons.setObjectName("reviewButtons")
        self.save_button = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("reviewSaveButton")
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("reviewCancelButton")
        self.cancel_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_label)
        layout.addLayout(form)
        layout.addWidget(self.deadline_status_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(selection_row)
        layout.addWidget(self.edit_error_label)
        layout.addWidget(self.buttons)

        toggle_all = QShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll), self.view)
        toggle_all.setContext(Qt.ShortcutContext.WidgetShortcut)
        toggle_all.activated.connect(self.model.toggle_all_accepted)
        toggle_selected = QShortcut(QKeySequence(Qt.Key.Key_Space), self.view)
        toggle_selected.setContext(Qt.ShortcutContext.WidgetShortcut)
        toggle_selected.activated.connect(self._toggle_selected_rows)

        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(RECOMPUTE_DELAY_MS)

    def _fill(self, candidate: ImportCandidate) -> None:
        extraction = candidate.extraction
        draft = candidate.draft
        self.title_edit.setText(draft.title)
        parties = draft.parties or suggested_parties(extraction.provisions)
        self.parties_edit.setText(", ".join(parties))
        self.place_edit.setText(draft.place)
        self.source_edit.setText(draft.source)
        signed_on = extraction.signed_on
        if signed_on is None:
            self.signed_on_edit.setDate(QDate.currentDate())
            self.signed_on_unknown_check.setChecked(True)
            self.signed_on_edit.setEnabled(False)
        else:
            self.signed_on_edit.setDate(QDate(signed_on.year, signed_on.month, signed_on.day))
        self._show_signing_date_origin()
        self.preview.setPlainText(draft.text)
        self.model.set_provisions(extraction.provisions)
        self._show_notices()

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.select_all_button.clicked.connect(lambda: self.model.set_all_accepted(True))
        self.select_none_button.clicked.connect(lambda: self.model.set_all_accepted(False))
        self.model.acceptance_changed.connect(self._refresh_counts)
        self.model.edit_rejected.connect(self._show_edit_error)
        self.model.dataChanged.connect(self.edit_error_label.hide)
        self.view.selectionModel().currentRowChanged.connect(self._show_current_excerpt)
        self.signed_on_edit.dateChanged.connect(self._signing_date_changed)
        self.signed_on_unknown_check.toggled.connect(self._signing_date_unknown_toggled)
        self._recompute_timer.timeout.connect(self.recompute_deadlines)

    def _show_notices(self) -> None:
        notices: list[str] = []
        if self.model.rowCount() == 0:
            notices.append(
                "<b>No provisions were found in this text.</b> You can still save the agreement to "
                "keep its text and add provisions later by selecting passages in its source view, "
                "or cancel and nothing is saved."
            )
        for agreement in self._candidate.already_stored:
            imported = agreement.imported_at.date().isoformat()
            notices.append(
                f"<b>Already in the database?</b> “{html.escape(agreement.title)}” was imported on "
                f"{imported}; saving adds a second copy."
            )
        self.notice_label.setText("<br>".join(notices))
        self.notice_label.setVisible(bool(notices))

    # -- reading the form ------------------------------------------------------------------

    def signed_on(self) -> date | None:
        if self.signed_on_unknown_check.isChecked():
            return None
        chosen = self.signed_on_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def draft(self) -> AgreementDraft:
        return AgreementDraft(
            title=" ".join(self.title_edit.text().split()),
            text=self._candidate.draft.text,
            language=self._candidate.draft.language,
            parties=tuple(split_list(self.parties_edit.text())),
            signed_on=self.signed_on(),
            place=" ".join(self.place_edit.text().split()),
            source=self.source_edit.text().strip(),
        )

    def accepted_provisions(self) -> tuple[ExtractedProvision, ...]:
        return self.model.accepted_provisions()

    def is_recomputing(self) -> bool:
        return self._recompute_timer.isActive() or (
            self._recompute_handle is not None and self._recompute_handle.is_running()
        )

    def is_saving(self) -> bool:
        return self._save_handle is not None and self._save_handle.is_running()

    def _form_values(self) -> tuple[object, ...]:
        return (
            self.title_edit.text(),
            self.parties_edit.text(),
            self.signed_on(),
            self.place_edit.text(),
            self.source_edit.text(),
        )

    def has_changes(self) -> bool:
        return self.model.is_modified() or self._form_values() != self._initial_form

    # -- signing date and deadlines ----------------------------------------------------------

    def _signing_date_unknown_toggled(self, unknown: bool) -> None:
        self.signed_on_edit.setEnabled(not unknown)
        self._signing_date_changed()

    def _show_signing_date_origin(self) -> None:
        extraction = self._candidate.extraction
        if self.signed_on() == extraction.signed_on:
            origin = SIGNED_ON_ORIGINS.get(extraction.signed_on_source, extraction.signed_on_source)
        elif extraction.signed_on is None:
            origin = "set by you; the text does not say"
        else:
            origin = f"set by you; the text says {extraction.signed_on.isoformat()}"
        self.signed_on_origin_label.setText(f"({origin})")

    def _signing_date_changed(self) -> None:
        self._cancel_recompute()
        self._save_after_recompute = False
        self._show_signing_date_origin()
        if self.signed_on() == self._computed_for:
            self.deadline_status_label.hide()
            self._refresh_counts()
            return
        self.deadline_status_label.setText("Deadlines will be recomputed for the new signing date…")
        self.deadline_status_label.show()
        self._recompute_timer.start()
        self._refresh_counts()

    def recompute_deadlines(self) -> None:
        """Re-run the extraction for the chosen signing date, keeping the user's ticks and edits."""
        self._cancel_recompute()
        signed_on = self.signed_on()
        text = self._candidate.draft.text
        extract_text = self._extract_text

        def work(control: TaskControl) -> Extraction:
            with cycle_collector_paused():
                return extract_for_signing_date(
                    extract_text, text, signed_on, progress=control.report, cancelled=control.cancelled
                )

        self.deadline_status_label.setText("Recomputing deadlines for the new signing date…")
        self.deadline_status_label.show()
        self._recompute_handle = run_in_background(
            work,
            on_done=lambda extraction: self._deadlines_recomputed(signed_on, extraction),
            on_error=self._recompute_failed,
            parent=self,
        )
        self._recompute_handle.finished.connect(self._refresh_counts)
        self._refresh_counts()

    def _cancel_recompute(self) -> None:
        self._recompute_timer.stop()
        if self._recompute_handle is not None:
            self._recompute_handle.cancel()
            self._recompute_handle = None

    def _deadlines_recomputed(self, signed_on: date | None, extraction: Extraction) -> None:
        self._recompute_handle = None
        self._computed_for = signed_on
        self.model.refresh_from_extraction(extraction.provisions)
        self._show_notices()
        when = signed_on.isoformat() if signed_on else "an unknown signing date"
        note = "" if signed_on else " (deadlines counted from signing are left empty)"
        self.deadline_status_label.setText(f"Deadlines recomputed for {when}{note}; your edits were kept.")
        self._show_current_excerpt()
        self.deadlines_recomputed.emit()
        if self._save_after_recompute:
            self._save_after_recompute = False
            self.save()

    def _recompute_failed(self, error: BaseException) -> None:
        self._recompute_handle = None
        self._save_after_recompute = False  # the user decides whether to save stale deadlines
        log.error("Recomputing deadlines failed", exc_info=error)
        self.deadline_status_label.setText(
            f"Deadlines could not be recomputed ({error}); they still count from the earlier date."
        )

    # -- ticks, counts, preview --------------------------------------------------------------

    def _toggle_selected_rows(self) -> None:
        self.model.toggle_rows([index.row() for index in self.view.selectionModel().selectedRows()])

    def _refresh_counts(self) -> None:
        total = self.model.rowCount()
        accepted = self.model.accepted_count()
        self.count_label.setText(f"{accepted} of {total} provisions will be saved")
        self.select_all_button.setEnabled(total > 0)
        self.select_none_button.setEnabled(total > 0)
        if self.is_saving() or self._save_after_recompute:
            return  # the Save button shows what is under way
        self.save_button.setEnabled(True)
        self.save_button.setText("&Save" if total == 0 or accepted else "&Save without provisions")

    def _show_edit_error(self, message: str) -> None:
        self.edit_error_label.setText(message)
        self.edit_error_label.show()

    def _show_current_excerpt(self, *_indexes: QModelIndex) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            self.preview.setExtraSelections([])
            return
        provision = self.model.provision_at(current.row())
        text = self._candidate.draft.text
        cursor = QTextCursor(self.preview.document())
        cursor.setPosition(to_qt_position(text, provision.start))
        cursor.setPosition(to_qt_position(text, provision.end), QTextCursor.MoveMode.KeepAnchor)
        highlight = QTextEdit.ExtraSelection()
        highlight.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(self.palette().highlight())
        char_format.setForeground(self.palette().highlightedText())
        highlight.format = char_format
        self.preview.setExtraSelections([highlight])
        # Show the end first, then the start, so a long excerpt is seen from its beginning.
        end_cursor = QTextCursor(cursor)
        end_cursor.setPosition(cursor.selectionEnd())
        self.preview.setTextCursor(end_cursor)
        self.preview.ensureCursorVisible()
        start_cursor = QTextCursor(cursor)
        start_cursor.setPosition(cursor.selectionStart())
        self.preview.setTextCursor(start_cursor)
        self.preview.ensureCursorVisible()

    # -- saving and cancelling ---------------------------------------------------------------

    def save(self) -> None:
        """Store the agreement and the ticked provisions in one transaction, off the GUI thread."""
        if self.is_saving() or self._save_after_recompute:
            return
        if self.is_recomputing():
            self._save_after_recompute = True
            if self._recompute_timer.isActive():
                self.recompute_deadlines()
            self.deadline_status_label.setText("Recomputing deadlines for the new signing date, then saving…")
            self.save_button.setEnabled(False)
            self.save_button.setText("Saving…")
            return
        draft = self.draft()
        if not draft.title:
            self._show_edit_error("The agreement needs a title.")
            self.title_edit.setFocus()
            return
        provisions = self.accepted_provisions()
        services = self._services
        self._set_saving(True)
        self._save_handle = run_in_background(
            lambda control: services.import_agreement(draft, provisions),
            on_done=self._saved,
            on_error=self._save_failed,
            parent=self,
        )

    def _set_saving(self, saving: bool) -> None:
        for widget in (self.title_edit, self.parties_edit, self.place_edit, self.source_edit,
                       self.signed_on_unknown_check, self.view, self.select_all_button,
                       self.select_none_button, self.save_button):
            widget.setEnabled(not saving)
        self.signed_on_edit.setEnabled(not saving and not self.signed_on_unknown_check.isChecked())
        self.cancel_button.setEnabled(not saving)
        self.save_button.setText("Saving…" if saving else "&Save")
        if not saving:
            self._refresh_counts()

    def _saved(self, agreement_id: int) -> None:
        self.saved_agreement_id = agreement_id
        self.saved.emit(agreement_id)
        super().accept()

    def _save_failed(self, error: BaseException) -> None:
        self._save_handle = None
        self._set_saving(False)
        if not isinstance(error, TrackerError):
            log.error("Saving an import failed", exc_info=error)
        reason = str(error) if isinstance(error, TrackerError) else f"Unexpected error: {error!r}"
        QMessageBox.critical(
            self,
            "Could not save the agreement",
            f"{reason}\n\nNothing was saved. Your review is kept: try Save again, or Cancel.",
        )

    def _restore_layout(self) -> None:
        if self._settings is None:
            return
        for key, restore in (
            (_GEOMETRY_KEY, self.restoreGeometry),
            (_SPLITTER_KEY, self.splitter.restoreState),
            (_COLUMNS_KEY, self.view.horizontalHeader().restoreState),
        ):
            state = self._settings.value(key)
            if isinstance(state, QByteArray):
                restore(state)

    def done(self, result: int) -> None:
        if self._settings is not None:
            self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
            self._settings.setValue(_SPLITTER_KEY, self.splitter.saveState())
            self._settings.setValue(_COLUMNS_KEY, self.view.horizontalHeader().saveState())
        super().done(result)

    def accept(self) -> None:
        # Enter and the Save button both land here; the dialog closes once the save succeeded.
        self.save()

    def reject(self) -> None:
        if self.is_saving():
            return  # the transaction is under way; closing now would hide whether it was stored
        if self.has_changes():
            answer = QMessageBox.question(
                self,
                "Discard this import?",
                "Discard this import and your changes to it? Nothing will be saved.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._cancel_recompute()
        super().reject()
