"""The selected provision: its excerpt inside the agreement text, its fields and its history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import AgreementRecord, ProvisionRecord
from tracker.errors import InvalidInput
from tracker.gui.colours import palette_is_dark
from tracker.gui.editing import ProvisionFields
from tracker.gui.history_model import HistoryColumn, HistoryTableModel
from tracker.gui.naming import named
from tracker.gui.provision_form import ProvisionForm
from tracker.gui.status_delegate import StatusBadgeDelegate
from tracker.gui.text_offsets import from_qt_position, to_qt_position

_HIGHLIGHT = ("#fff1a8", "#6b5a00")


class SourceView(QPlainTextEdit):
    """The agreement's full text, read-only, with the selected provision highlighted."""

    new_provision_requested = Signal(int, int)  # start, end as offsets into the stored text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, readOnly=True)
        self.setObjectName("sourceView")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._text = ""
        self._agreement_id: int | None = None
        self.new_from_selection = named(
            "newFromSelectionAction", QAction("New provision from selection", self)
        )
        self.new_from_selection.setShortcut("Ctrl+Shift+N")
        self.new_from_selection.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.new_from_selection.triggered.connect(self._request_new_provision)
        self.addAction(self.new_from_selection)
        self.selectionChanged.connect(self._update_action)
        self._update_action()

    def show_agreement(self, agreement: AgreementRecord | None) -> None:
        agreement_id = agreement.id if agreement else None
        if agreement_id == self._agreement_id:
            return
        self._agreement_id = agreement_id
        self._text = agreement.text if agreement else ""
        self.setPlainText(self._text)

    @property
    def agreement_id(self) -> int | None:
        return self._agreement_id

    def highlight(self, start: int, end: int) -> None:
        """Mark text[start:end] and scroll it to the middle of the view."""
        if not self._text:
            self.setExtraSelections([])
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(to_qt_position(self._text, start))
        cursor.setPosition(to_qt_position(self._text, end), QTextCursor.MoveMode.KeepAnchor)
        marked = QTextEdit.ExtraSelection()
        marked.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(_HIGHLIGHT[palette_is_dark(self.palette())]))
        marked.format = char_format
        self.setExtraSelections([marked])
        # Show the end first, then the start, so that a long excerpt is shown from its beginning.
        caret = QTextCursor(self.document())
        caret.setPosition(to_qt_position(self._text, end))
        self.setTextCursor(caret)
        self.ensureCursorVisible()
        caret.setPosition(to_qt_position(self._text, start))
        self.setTextCursor(caret)
        self.centerCursor()

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._agreement_id is None:
            return None
        start = from_qt_position(self._text, cursor.selectionStart())
        end = from_qt_position(self._text, cursor.selectionEnd())
        return (start, end) if self._text[start:end].strip() else None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.setObjectName("sourceContextMenu")
        menu.addSeparator()
        menu.addAction(self.new_from_selection)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _update_action(self) -> None:
        self.new_from_selection.setEnabled(self.selected_span() is not None)

    def _request_new_provision(self) -> None:
        span = self.selected_span()
        if span is not None:
            self.new_provision_requested.emit(*span)


def disabled_button(name: str, text: str) -> QPushButton:
    button = named(name, QPushButton(text))
    button.setEnabled(False)
    return button


class DetailPane(QWidget):
    save_requested = Signal(object, object)  # ProvisionRecord, ProvisionFields
    status_change_requested = Signal(object)  # ProvisionRecord
    delete_requested = Signal(object)  # ProvisionRecord
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        # The provision the form's edits are based on, and the newest version of it seen: they
        # differ only when its fields were changed elsewhere while the user was editing them.
        self._record: ProvisionRecord | None = None
        self._saved: ProvisionRecord | None = None
        self._edited = False

        self.heading = named("detailHeading", QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText))
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source = SourceView(self)

        self.form = ProvisionForm(self)
        self.save_button = disabled_button("saveProvisionButton", "Save changes")
        self.revert_button = disabled_button("revertProvisionButton", "Revert")
        self.status_button = disabled_button("changeStatusButton", "Change status…")
        self.delete_button = disabled_button("deleteProvisionButton", "Delete…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        fields = named("detailFields", QWidget())
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.form)
        fields_layout.addLayout(buttons)

        self.history_model = HistoryTableModel(self)
        self.history = named("historyView", QTableView())
        self.history.setModel(self.history_model)
        self.history.setItemDelegateForColumn(HistoryColumn.STATUS, StatusBadgeDelegate(self.history))
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        history_header = self.history.horizontalHeader()
        for column in HistoryColumn:
            history_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(HistoryColumn.NOTE, QHeaderView.ResizeMode.Stretch)
        history_header.setStretchLastSection(False)
        history_box = named("historyBox", QWidget())
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel("Status history (newest first)"))
        history_layout.addWidget(self.history)

        self.splitter = named("detailSplitter", QSplitter(Qt.Orientation.Vertical))
        self.splitter.addWidget(self.source)
        self.splitter.addWidget(fields)
        self.splitter.addWidget(history_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setStretchFactor(2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

        self.form.edited.connect(self._mark_edited)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self._revert)
        self.status_button.clicked.connect(self._request_status_change)
        self.delete_button.clicked.connect(self._request_delete)
        self.show_provision(None, None)

    @property
    def record(self) -> ProvisionRecord | None:
        return self._record

    def has_unsaved_edits(self) -> bool:
        return self._edited and self._record is not None

    def edited_fields(self) -> ProvisionFields:
        """What the form says; InvalidInput with a one-line message when it cannot be saved."""
        return self.form.fields()

    def discard_edits(self) -> None:
        """Show the provision as saved again, dropping the form's edits."""
        self._revert()

    def show_provision(self, record: ProvisionRecord | None, agreement: AgreementRecord | None) -> None:
        """Show a provision (None: nothing selected).

        Showing another provision drops unsaved edits, so the window settles them first (see
        has_unsaved_edits). A newer version of the provision being edited keeps the edits.
        """
        if record is not None and record == self._record:
            return
        if (
            self.has_unsaved_edits()
            and record is not None
            and self._record is not None
            and record.id == self._record.id
            and self._keep_edits_for(record)
        ):
            return
        self._record = self._saved = record
        self.source.show_agreement(agreement)
        for button in (self.status_button, self.delete_button):
            button.setEnabled(record is not None)
        self.form.set_read_only(record is None)
        self._set_edited(False)
        if record is None:
            self.heading.setText("Select a provision to see its text and history.")
            self.history_model.set_history([])
            self.source.setExtraSelections([])
            return
        title = agreement.title if agreement else ""
        self.heading.setText(f"{record.summary}\n{title}")
        self.form.set_fields(ProvisionFields.of(record))
        self.history_model.set_history(record.history)
        self.source.highlight(record.start, record.end)

    def _keep_edits_for(self, newer: ProvisionRecord) -> bool:
        """Follow a newer version of the provision being edited; False when the edits are in it
        (just saved) and the form can simply show it."""
        assert self._record is not None
        try:
            typed: ProvisionFields | None = self.form.fields()
        except InvalidInput:
            typed = None
        if typed == ProvisionFields.of(newer):
            return False
        self._saved = newer
        self.history_model.set_history(newer.history)
        if ProvisionFields.of(newer) == ProvisionFields.of(self._record):
            # Only its status changed: the edits now apply to the newer version.
            self._record = newer
        # Otherwise its fields were changed elsewhere: the edits stay based on the version they
        # were made on, so saving them is refused as stale instead of overwriting; Revert shows
        # what is saved now.
        return True

    def focus_form(self) -> None:
        if self._record is not None:
            self.form.summary.setFocus()
            self.form.summary.selectAll()

    def _request_status_change(self) -> None:
        if self._record is not None:
            self.status_change_requested.emit(self._record)

    def _request_delete(self) -> None:
        if self._record is not None:
            self.delete_requested.emit(self._record)

    def _mark_edited(self) -> None:
        self._set_edited(self._record is not None)

    def _set_edited(self, edited: bool) -> None:
        self._edited = edited
        self.save_button.setEnabled(edited)
        self.revert_button.setEnabled(edited)

    def _save(self) -> None:
        if self._record is None:
            return
        try:
            fields = self.form.fields()
        except InvalidInput as error:
            self.failed.emit(f"Not saved: {error}.")
            return
        self.save_requested.emit(self._record, fields)

    def _revert(self) -> None:
        self._record = self._saved
        if self._record is not None:
            self.form.set_fields(ProvisionFields.of(self._record))
            self.history_model.set_history(self._record.history)
        self._set_edited(False)
