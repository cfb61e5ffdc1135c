"""The question asked before unsaved edits of a provision would be left behind."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import APP_NAME


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


_ANSWERS = {
    QMessageBox.StandardButton.Save: UnsavedChoice.SAVE,
    QMessageBox.StandardButton.Discard: UnsavedChoice.DISCARD,
}


def ask_about_unsaved_edits(parent: QWidget | None, summary: str) -> UnsavedChoice:
    """Save, Discard or Cancel (Escape, or closing the box, is Cancel: nothing is lost)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        APP_NAME,
        f"The provision “{summary}” has changes that are not saved.\n\nSave them before leaving it?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsavedEditsMessage")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    for button, name in (
        (QMessageBox.StandardButton.Save, "unsavedSaveButton"),
        (QMessageBox.StandardButton.Discard, "unsavedDiscardButton"),
        (QMessageBox.StandardButton.Cancel, "unsavedCancelButton"),
    ):
        box.button(button).setObjectName(name)
    answer = box.exec()
    box.deleteLater()
    return _ANSWERS.get(QMessageBox.StandardButton(answer), UnsavedChoice.CANCEL)
