"""Paints a provision's status as a coloured, rounded badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from tracker.gui.colours import palette_is_dark, readable_text_on, status_background
from tracker.gui.provisions_model import status_of
from tracker.gui.widget_parts import draw_item_background

_PADDING_X = 8
_MARGIN_Y = 3


class StatusBadgeDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        status = status_of(index)
        if status is None:
            super().paint(painter, option, index)
            return
        draw_item_background(self, painter, option, index)
        fill = status_background(status, palette_is_dark(option.palette))
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(status.label) + 2 * _PADDING_X, option.rect.width() - 4)
        badge = QRectF(
            option.rect.x() + 4, option.rect.y() + _MARGIN_Y, width, option.rect.height() - 2 * _MARGIN_Y
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        radius = badge.height() / 2
        painter.drawRoundedRect(badge, radius, radius)
        painter.setPen(readable_text_on(fill))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, status.label)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * _PADDING_X + 8, size.height() + 2 * _MARGIN_Y)
