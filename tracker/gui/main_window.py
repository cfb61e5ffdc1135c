"""The main window: agreements on the left, provisions in the middle, the selected one on the right.

It wires panes, models and dialogs together; each of those lives in its own module.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from tracker import APP_NAME
from tracker.domain import AgreementRecord, ProvisionRecord
from tracker.errors import TrackerError
from tracker.gui.about import show_about
from tracker.gui.actions import build_actions, build_menus
from tracker.gui.agreements_model import AgreementListModel, AgreementRole
from tracker.gui.agreements_view import AgreementListView
from tracker.gui.app_icon import app_icon
from tracker.gui.as_of_control import AsOfControl
from tracker.gui.catalogue import Catalogue, load_catalogue
from tracker.gui.cycle_collector import cycle_collector_paused
from tracker.gui.detail_pane import DetailPane
from tracker.gui.editing import ProvisionEditor, ProvisionFields
from tracker.gui.filter_bar import FilterBar
from tracker.gui.messages import confirm, show_error
from tracker.gui.naming import named
from tracker.gui.new_provision_dialog import NewProvisionDialog
from tracker.gui.provision_rows import ProvisionFilter
from tracker.gui.provisions_model import ProvisionTableModel, Role
from tracker.gui.provisions_view import ProvisionTableView
from tracker.gui.status_bar import WindowStatusBar
from tracker.gui.status_dialog import StatusChangeDialog
from tracker.gui.tasks import TaskControl, TaskHandle, run_in_background
from tracker.gui.unsaved_edits import UnsavedChoice, ask_about_unsaved_edits
from tracker.gui.window_state import WindowState

if TYPE_CHECKING:
    from tracker.gui.deleted_dialog import DeletedProvisionsDialog
    from tracker.gui.import_flow import ImportController
    from tracker.services import Services

_PROVISIONS_HEADER = "provisions"


class MainWindow(QMainWindow):
    # Emitted each time a load from the database has been shown.
    loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, services: Services, settings: QSettings, as_of: date | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.services = services
        self._settings = settings
        self._state = WindowState(settings)
        self._catalogue: Catalogue | None = None
        self._texts: dict[int, AgreementRecord] = {}  # agreements with their full text, by id
        self._load_task: TaskHandle | None = None
        self._wanted_agreement: int | None = self._state.agreement()
        self._wanted_provision: int | None = None
        self._resetting = False  # while the provisions model resets, selection changes are transient
        # While a selection the user left is put back (they kept unsaved edits), nothing is asked.
        self._keeping_selection = False
        self._importer: ImportController | None = None

        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.actions_ = build_actions(self)
        build_menus(self, self.actions_)

        self.as_of = AsOfControl(as_of, self)
        toolbar = named("mainToolbar", QToolBar("Main", self, movable=False))
        toolbar.addAction(self.actions_.import_file)
        toolbar.addAction(self.actions_.change_status)
        toolbar.addSeparator()
        toolbar.addWidget(self.as_of)
        self.addToolBar(toolbar)

        self.agreements_model = AgreementListModel(self)
        self.agreements = AgreementListView(self.agreements_model)

        self.provisions_model = ProvisionTableModel(self.as_of.day(), self)
        self.filter_bar = FilterBar(self)
        self.table = ProvisionTableView(
            [self.actions_.change_status, self.actions_.edit_provision, self.actions_.delete_provision]
        )
        self.table.setModel(self.provisions_model)
        self.table.set_default_widths()
        self._state.restore_header(_PROVISIONS_HEADER, self.table.horizontalHeader())
        self.table.setSortingEnabled(True)
        middle = named("provisionsPane", QWidget())
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.filter_bar)
        middle_layout.addWidget(self.table, 1)

        self.detail = DetailPane(self)
        self.splitter = named("mainSplitter", QSplitter(Qt.Orientation.Horizontal))
        self.splitter.addWidget(self.agreements)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([260, 900, 440])
        self.setCentralWidget(self.splitter)

        self.status_bar = WindowStatusBar(services.database_location, self)
        self.setStatusBar(self.status_bar)

        self.editor = ProvisionEditor(services, self._current_record, self)
        self._connect()
        self.filter_bar.restore(self._state.filters())
        self.provisions_model.set_filter(self.filter_bar.criteria())
        if not self._state.restore_window(self):
            self.resize(1500, 860)
        self._state.restore_splitter(self.splitter)
        self._state.restore_splitter(self.detail.splitter)

    @property
    def undo_stack(self) -> QUndoStack:
        return self.editor.undo_stack

    # --- wiring ------------------------------------------------------------------------------

    def _connect(self) -> None:
        actions = self.actions_
        actions.import_file.triggered.connect(self._choose_and_import_file)
        actions.paste_text.triggered.connect(self._paste_text)
        actions.print_summary.triggered.connect(self._print_summary)
        actions.export_pdf.triggered.connect(self._export_pdf)
        actions.reload.triggered.connect(self.reload)
        actions.quit.triggered.connect(self.close)
        actions.undo.triggered.connect(self.undo_stack.undo)
        actions.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(actions.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(actions.redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._name_undo)
        self.undo_stack.redoTextChanged.connect(self._name_redo)
        actions.change_status.triggered.connect(self._status_action_triggered)
        actions.delete_provision.triggered.connect(self._delete_action_triggered)
        actions.deleted_provisions.triggered.connect(self.show_deleted_provisions)
        actions.find.triggered.connect(self.filter_bar.focus_search)
        actions.edit_provision.triggered.connect(self.detail.focus_form)
        actions.choose_date.triggered.connect(self.as_of.focus_date)
        actions.show_today.triggered.connect(self._show_today)
        actions.about.triggered.connect(self._show_about)

        self.agreements.selectionModel().selectionChanged.connect(self._agreement_selected)
        self.table.selectionModel().selectionChanged.connect(self._provision_selected)
        self.table.doubleClicked.connect(self._row_double_clicked)
        self.filter_bar.changed.connect(self._filter_changed)
        self.as_of.changed.connect(self._as_of_changed)
        self.provisions_model.rowsInserted.connect(self._update_counts)
        self.provisions_model.rowsRemoved.connect(self._update_counts)
        self.provisions_model.modelAboutToBeReset.connect(self._hold_selection)
        self.provisions_model.modelReset.connect(self._restore_selection)

        self.detail.save_requested.connect(self._save_fields)
        self.detail.status_change_requested.connect(self._ask_status_change)
        self.detail.delete_requested.connect(self._ask_delete)
        self.detail.failed.connect(self._show_error)
        self.detail.source.new_provision_requested.connect(self._ask_new_provision)

        self.editor.provision_changed.connect(self._provision_changed)
        self.editor.provision_added.connect(self._provision_added)
        self.editor.provision_removed.connect(self._provision_removed)
        self.editor.out_of_date.connect(self._out_of_date)
        self.editor.failed.connect(self._show_error)

    def _name_undo(self, text: str) -> None:
        self.actions_.undo.setText(f"&Undo {text}".strip())

    def _name_redo(self, text: str) -> None:
        self.actions_.redo.setText(f"&Redo {text}".strip())

    def _show_today(self) -> None:
        self.as_of.set_day(date.today())

    def _show_about(self) -> None:
        show_about(self)

    def _show_error(self, message: str) -> None:
        show_error(self, message)

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read everything again from the database, off the GUI thread; the selection is kept."""
        if self._load_task is not None and self._load_task.is_running():
            self._load_task.cancel()
        if self._wanted_provision is None and self.detail.record is not None:
            self._wanted_provision = self.detail.record.id
        self.status_bar.show_loading()
        as_of = self.as_of.day()

        def work(control: TaskControl) -> Catalogue:
            return load_catalogue(self.services, as_of)

        self._load_task = run_in_background(
            work, on_done=self._show_catalogue, on_error=self._load_failed, parent=self
        )

    def _show_catalogue(self, catalogue: Catalogue) -> None:
        self._catalogue = catalogue
        self._texts.clear()
        catalogue.set_as_of(self.as_of.day())
        wanted = self._wanted_agreement
        self.agreements_model.set_summaries(catalogue.summaries())
        row = self.agreements_model.row_of(wanted if catalogue.agreement(wanted or 0) else None)
        self.agreements.setCurrentIndex(self.agreements_model.index(row or 0, 0))
        self._update_counts()
        if self.focusWidget() in (None, self.as_of.date_edit):
            self.table.setFocus()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, TrackerError) else f"Could not load the database: {error}"
        self.status_bar.show_not_loaded()
        show_error(self, message)
        self.load_failed.emit(message)

    # --- selection ---------------------------------------------------------------------------

    def selected_agreement_id(self) -> int | None:
        index = self.agreements.currentIndex()
        return (index.data(AgreementRole.AGREEMENT_ID) or None) if index.isValid() else None

    def select_agreement(self, agreement_id: int | None) -> None:
        row = self.agreements_model.row_of(agreement_id)
        if row is not None:
            self.agreements.setCurrentIndex(self.agreements_model.index(row, 0))

    def select_provision(self, provision_id: int) -> bool:
        row = self.provisions_model.row_of(provision_id)
        if row is None:
            return False
        index = self.provisions_model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def select_first_provision(self) -> bool:
        index = self.provisions_model.index(0, 0)
        if index.isValid():
            self.table.setCurrentIndex(index)
        return index.isValid()

    def _agreement_selected(self, *_: QItemSelection) -> None:
        if self._catalogue is None or self._keeping_selection:
            return
        agreement_id = self.selected_agreement_id()
        shown = self.detail.record
        leaving = shown is not None and agreement_id not in (None, shown.agreement_id)
        if leaving and not self._settle_unsaved_edits():
            self._keeping_selection = True
            try:
                self.select_agreement(self._wanted_agreement)
            finally:
                self._keeping_selection = False
            return
        self._wanted_agreement = agreement_id
        self.provisions_model.set_rows(self._catalogue.rows(agreement_id), self._catalogue.as_of)

    def _hold_selection(self) -> None:
        # A reset clears the selection; the provision shown is picked again afterwards.
        self._resetting = True
        if self._wanted_provision is None and self.detail.record is not None:
            self._wanted_provision = self.detail.record.id

    def _restore_selection(self) -> None:
        self._resetting = False
        wanted, self._wanted_provision = self._wanted_provision, None
        if wanted is None or not self.select_provision(wanted):
            if self.detail.has_unsaved_edits():
                # Filtered out while being edited: the pane keeps it rather than ask mid-keystroke.
                self._enable_provision_actions(False)
            else:
                self._provision_selected()
        self._update_counts()

    def _current_record(self, provision_id: int) -> ProvisionRecord | None:
        return self._catalogue.provision(provision_id) if self._catalogue else None

    def _selected_record(self) -> ProvisionRecord | None:
        index = self.table.currentIndex()
        record = index.data(Role.RECORD) if index.isValid() else None
        return record if isinstance(record, ProvisionRecord) else None

    def _provision_selected(self, *_: QItemSelection) -> None:
        if self._resetting or self._keeping_selection:
            return
        record = self._selected_record()
        shown = self.detail.record
        leaving = shown is not None and (record is None or record.id != shown.id)
        if shown is not None and leaving and not self._settle_unsaved_edits():
            self._keeping_selection = True
            try:
                self.select_provision(shown.id)
            finally:
                self._keeping_selection = False
            return
        self._enable_provision_actions(record is not None)
        self.detail.show_provision(record, self._agreement_text(record.agreement_id) if record else None)

    def _settle_unsaved_edits(self) -> bool:
        """Before the detail pane leaves a provision with unsaved edits: ask to save or discard
        them. False when they stay (Cancel, or a save that was refused)."""
        record = self.detail.record
        if record is None or not self.detail.has_unsaved_edits():
            return True
        choice = ask_about_unsaved_edits(self, record.summary)
        if choice is UnsavedChoice.CANCEL:
            return False
        if choice is UnsavedChoice.DISCARD:
            self.detail.discard_edits()
            return True
        try:
            fields = self.detail.edited_fields()
        except TrackerError as error:
            show_error(self, f"Not saved: {error}.")
            return False
        return self.editor.update_provision(record, fields) is not None

    def _enable_provision_actions(self, enabled: bool) -> None:
        self.actions_.change_status.setEnabled(enabled)
        self.actions_.edit_provision.setEnabled(enabled)
        self.actions_.delete_provision.setEnabled(enabled)

    def _agreement_text(self, agreement_id: int) -> AgreementRecord | None:
        if agreement_id not in self._texts:
            try:
                self._texts[agreement_id] = self.services.get_agreement(agreement_id)
            except TrackerError as error:
                show_error(self, str(error))
                return None
        return self._texts[agreement_id]

    # --- filters and date --------------------------------------------------------------------

    def _filter_changed(self, criteria: ProvisionFilter) -> None:
        self.provisions_model.set_filter(criteria)

    def _as_of_changed(self, as_of: date) -> None:
        if self._catalogue is None:
            return
        # Every row is rebuilt: 100,000 new tuples would set off the cycle collector over and
        # over, each time re-scanning every loaded record (three quarters of the time).
        with cycle_collector_paused():
            self._catalogue.set_as_of(as_of)
            self.provisions_model.set_rows(self._catalogue.rows(self.selected_agreement_id()), as_of)
            self.agreements_model.refresh_summaries(self._catalogue.summaries())
        self._update_counts()

    def _update_counts(self, *_: object) -> None:
        if self._catalogue is None:
            return
        summary = self._catalogue.summary(None)
        self.status_bar.show_counts(
            self._catalogue.agreement_count(),
            summary.provisions,
            self.provisions_model.rowCount(),
            summary.overdue,
            self.as_of.day(),
        )

    # --- edits -------------------------------------------------------------------------------

    def _status_action_triggered(self) -> None:
        self._ask_status_change(None)

    def _delete_action_triggered(self) -> None:
        self._ask_delete(None)

    def _row_double_clicked(self, _: QModelIndex) -> None:
        self._ask_status_change(None)

    def _ask_status_change(self, record: ProvisionRecord | None = None) -> None:
        record = record or self._selected_record()
        if record is None:
            return
        dialog = StatusChangeDialog(record, self.as_of.day(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def apply() -> None:
            decision = dialog.decision()
            self.editor.change_status(
                record, decision.status, decision.effective_on, decision.note, decision.evidence
            )

        dialog.accepted.connect(apply)
        dialog.open()

    def _ask_delete(self, record: ProvisionRecord | None = None) -> None:
        record = record or self._selected_record()
        if record is None:
            return
        question = (
            f"Delete the provision “{record.summary}”?\n\n"
            "Its status history is kept; Edit > Undo or Edit > Deleted provisions brings it back."
        )
        if confirm(self, question, "Delete"):
            self.editor.delete_provision(record)

    def show_deleted_provisions(self) -> DeletedProvisionsDialog:
        """Edit > Deleted provisions: a window-modal list of them with Restore."""
        from tracker.gui.deleted_dialog import DeletedProvisionsDialog

        dialog = DeletedProvisionsDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(lambda record: self._restore_deleted(record, dialog))
        dialog.open()
        return dialog

    def _restore_deleted(self, record: ProvisionRecord, dialog: DeletedProvisionsDialog) -> None:
        restored = self.editor.restore_deleted(record)
        dialog.reload()
        if restored is None:
            return
        if self.selected_agreement_id() not in (None, restored.agreement_id):
            self.select_agreement(restored.agreement_id)
        self.select_provision(restored.id)
        self.status_bar.showMessage(f"Restored “{restored.summary}” with its status history", 6000)

    def _save_fields(self, record: ProvisionRecord, fields: ProvisionFields) -> None:
        self.editor.update_provision(record, fields)

    def _ask_new_provision(self, start: int, end: int) -> None:
        agreement_id = self.detail.source.agreement_id
        agreement = self._texts.get(agreement_id) if agreement_id is not None else None
        if agreement is None:
            return
        dialog = NewProvisionDialog(agreement.id, start, end, agreement.text[start:end], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.editor.add_provision(dialog.agreement_id, dialog.provision()))
        dialog.open()

    def _provision_changed(self, record: ProvisionRecord) -> None:
        if self._catalogue is None:
            return
        self.provisions_model.replace_row(self._catalogue.put_provision(record))
        self._refresh_summaries(record.agreement_id)
        if self.detail.record is not None and self.detail.record.id == record.id:
            self.detail.show_provision(record, self._texts.get(record.agreement_id))

    def _provision_added(self, record: ProvisionRecord) -> None:
        if self._catalogue is None:
            return
        row = self._catalogue.put_provision(record)
        if self.selected_agreement_id() in (None, record.agreement_id):
            self.provisions_model.insert_row(row)
            self.select_provision(record.id)
        self._refresh_summaries(record.agreement_id)

    def _provision_removed(self, record: ProvisionRecord) -> None:
        if self._catalogue is None:
            return
        if self.detail.record is not None and self.detail.record.id == record.id:
            self.detail.discard_edits()  # the user deleted it: its unsaved edits go with it
        self._catalogue.drop_provision(record)
        self.provisions_model.remove_provision(record.id)
        self._refresh_summaries(record.agreement_id)

    def _refresh_summaries(self, agreement_id: int) -> None:
        assert self._catalogue is not None
        self.agreements_model.update_summary(self._catalogue.summary(agreement_id))
        self.agreements_model.update_summary(self._catalogue.summary(None))
        self._update_counts()

    def _out_of_date(self, message: str) -> None:
        show_error(self, message)
        self.reload()

    # --- import, print -----------------------------------------------------------------------

    def _choose_and_import_file(self) -> None:
        self.import_controller().choose_and_import_file()

    def _paste_text(self) -> None:
        self.import_controller().paste_text()

    def import_controller(self) -> ImportController:
        """The window's import flow, made on first use: start-up does not need the extraction engine."""
        if self._importer is None:
            from tracker.gui.import_flow import ImportController

            self._importer = ImportController(self, self.services, settings=self._settings)
            self._importer.imported.connect(self._imported)
        return self._importer

    def _imported(self, agreement_id: int) -> None:
        self._wanted_agreement = agreement_id
        self._wanted_provision = None
        self.reload()

    def _print_summary(self) -> None:
        from tracker.gui.print_summary import show_print_preview

        agreement_id = self.selected_agreement_id()
        size = self._summary_size(agreement_id)
        show_print_preview(self, self.services, agreement_id, self.as_of.day(), provisions=size)

    def _export_pdf(self) -> None:
        from tracker.gui.print_summary import export_summary_pdf

        agreement_id = self.selected_agreement_id()
        size = self._summary_size(agreement_id)
        export_summary_pdf(self, self.services, agreement_id, self.as_of.day(), provisions=size)

    def _summary_size(self, agreement_id: int | None) -> int:
        """How many provisions a summary would cover; unknown before loading, so taken as many."""
        if self._catalogue is None or (
            agreement_id is not None and not self._catalogue.agreement(agreement_id)
        ):
            return sys.maxsize
        return self._catalogue.summary(agreement_id).provisions

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_controller().import_files(files)

    # --- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._settle_unsaved_edits():
            event.ignore()
            return
        self._state.save_window(self)
        self._state.save_splitter(self.splitter)
        self._state.save_splitter(self.detail.splitter)
        self._state.save_header(_PROVISIONS_HEADER, self.table.horizontalHeader())
        self._state.save_filters(self.filter_bar.state())
        self._state.save_agreement(self.selected_agreement_id())
        self._state.sync()
        if self._load_task is not None:
            self._load_task.cancel()
        super().closeEvent(event)
