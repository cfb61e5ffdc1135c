"""Small pieces several dialogs and delegates share."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialogButtonBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from tracker.gui.naming import named


def ok_cancel_buttons(name: str, ok_text: str) -> QDialogButtonBox:
    """OK/Cancel with OK saying what it does; the box and both buttons named after ``name``."""
    buttons = named(
        f"{name}Buttons",
        QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel),
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName(f"{name}OkButton")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(f"{name}CancelButton")
    return buttons


def draw_item_background(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> None:
    """The cell's background, selection highlight and focus frame, without its text."""
    style = option.widget.style() if option.widget is not None else None
    if style is None:
        return
    background = QStyleOptionViewItem(option)
    delegate.initStyleOption(background, index)
    background.text = ""
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
