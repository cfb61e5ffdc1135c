"""One-line messages shown to the user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import APP_NAME


def show_error(parent: QWidget | None, message: str) -> QMessageBox:
    """Show ``message`` without blocking the caller (window-modal when there is a parent)."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def confirm(parent: QWidget | None, question: str, action: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, APP_NAME, question, QMessageBox.StandardButton.Cancel, parent
    )
    box.setObjectName("confirmMessage")
    proceed = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is proceed
