"""File > Paste agreement text: a title and a plain-text editor; empty text is refused."""

from __future__ import annotations

from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

DEFAULT_PASTED_TITLE = "Pasted agreement"


class PasteDialog(QDialog):
    """Collects an agreement's text by pasting. Ctrl+Enter continues, Esc cancels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteDialog")
        self.setWindowTitle("Paste agreement text")
        self.resize(720, 560)

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("pasteTitleEdit")
        self.title_edit.setPlaceholderText("Taken from the first line of the text if left empty")

        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("pasteTextEdit")
        self.text_edit.setPlaceholderText("Paste the full text of the agreement here.")
        # Enter inserts a new line in the text; the dialog's buttons answer to Ctrl+Enter.
        self.text_edit.setTabChangesFocus(True)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("pasteErrorLabel")
        self.error_label.setWordWrap(True)
        error_font = QFont(self.error_label.font())
        error_font.setBold(True)
        self.error_label.setFont(error_font)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("pasteButtons")
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText("Find provisions")
        ok_button.setObjectName("pasteFindButton")
        ok_button.setToolTip("Extract the provisions and review them before anything is saved (Ctrl+Enter)")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("pasteCancelButton")
        self.buttons.accepted.connect(self.accept)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        text_label = QLabel("&Text:", self)
        text_label.setBuddy(self.text_edit)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self.error_label.hide)
        self.text_edit.setFocus()

    def title(self) -> str:
        """The title typed, or "" to take it from the text's first line."""
        return " ".join(self.title_edit.text().split())

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def accept(self) -> None:
        if not self.text().strip():
            self.error_label.setText("Paste the agreement's text first: there is nothing to read.")
            self.error_label.show()
            self.text_edit.setFocus()
            return
        super().accept()
