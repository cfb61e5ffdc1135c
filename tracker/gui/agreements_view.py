"""The agreements list on the left of the window, each entry a bold title over its figures."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tracker.gui.agreements_model import AgreementListModel, AgreementRole, summary_details, summary_title
from tracker.gui.catalogue import AgreementSummary
from tracker.gui.widget_parts import draw_item_background

_PADDING = 6
_LINE_GAP = 2


class AgreementDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        summary = index.data(AgreementRole.SUMMARY)
        if not isinstance(summary, AgreementSummary):
            super().paint(painter, option, index)
            return
        draw_item_background(self, painter, option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = option.rect.adjusted(_PADDING, _PADDING // 2, -_PADDING, -_PADDING // 2)
        title_font = self._title_font(option.font)
        title_metrics = QFontMetrics(title_font)
        painter.save()
        painter.setPen(option.palette.color(text_role))
        painter.setFont(title_font)
        title = title_metrics.elidedText(summary_title(summary), Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(QRect(area.x(), area.y(), area.width(), title_metrics.height()), 0, title)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(
                option.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
            )
        details_top = area.y() + title_metrics.height() + _LINE_GAP
        details = option.fontMetrics.elidedText(
            summary_details(summary), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(QRect(area.x(), details_top, area.width(), option.fontMetrics.height()), 0, details)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        height = QFontMetrics(self._title_font(option.font)).height() + option.fontMetrics.height()
        return QSize(option.rect.width(), height + _LINE_GAP + _PADDING)

    @staticmethod
    def _title_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setBold(True)
        return font


class AgreementListView(QListView):
    def __init__(self, model: AgreementListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsView")
        self.setModel(model)
        self.setItemDelegate(AgreementDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        # Every entry is two lines high: Qt need not measure each of 1,000 agreements.
        self.setUniformItemSizes(True)
        # Titles are elided to the list's width (the tooltip has them whole), never scrolled.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
