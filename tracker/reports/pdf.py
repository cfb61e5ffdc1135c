"""The compliance summary as a paged document drawn with QPainter: PDF files and printing.

``paint_summary`` draws on any QPagedPaintDevice, so the same pages go to a PDF file
(QPdfWriter) and to the print preview (QPrinter). The document is first laid out as a flow
of blocks that know their height and how to draw themselves; pagination then places them
on pages (a table's header repeats on each page it continues on), and a second pass draws
the pages with a running header and a "Page n of N" footer.

This is the only module of ``tracker.reports`` that imports Qt.
"""

from __future__ import annotations

import os
import sys
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication

from tracker import APP_NAME
from tracker.domain import Status
from tracker.errors import TrackerError
from tracker.reports.chart import (
    AS_OF_COLOUR,
    OVERDUE_COLOUR,
    STATUS_COLOURS,
    Timeline,
    month_ticks,
    status_rows,
    timeline,
)
from tracker.reports.files import write_file
from tracker.reports.formatting import (
    NO_EXCERPT,
    REPORT_TITLE,
    SCORE_NOTE,
    describe_countdown_of,
    describe_deadline,
    describe_facets,
    describe_next_deadline,
    describe_status,
    format_date,
    format_parties,
    format_score,
    format_signing,
    format_timestamp,
    plural,
)
from tracker.reports.model import AgreementSummary, Figures, ProvisionLine, Summary

INK = QColor("#1f2933")
MUTED = QColor("#52606d")
RULE = QColor("#cbd2d9")
SHADE = QColor("#f1f3f5")
ACCENT = QColor("#1d4e89")

_SERIF = ["Source Serif 4", "Georgia", "Cambria", "DejaVu Serif", "Liberation Serif", "Times New Roman"]
_SANS = ["Source Sans 3", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans"]

# Millimetres of paper left blank around the running header, the content and the footer.
_MARGINS_MM = QMarginsF(18, 16, 18, 14)


def _font(points: float, *, serif: bool = False, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    # The first installed family wins; the hint picks a like one when none of them is.
    font.setFamilies(_SERIF if serif else _SANS)
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    # Without ligatures "fi" stays two letters, so that searching and copying the PDF work.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


@dataclass(frozen=True)
class TextStyle:
    font: QFont
    colour: QColor = field(default_factory=lambda: QColor(INK))
    leading: float = 1.4  # line height as a multiple of the font size


def _styles() -> dict[str, TextStyle]:
    return {
        "kicker": TextStyle(_font(8.5, bold=True), QColor(ACCENT)),
        "title": TextStyle(_font(19, serif=True, bold=True), leading=1.25),
        "cover": TextStyle(_font(28, serif=True, bold=True), leading=1.2),
        "h2": TextStyle(_font(13, serif=True, bold=True), QColor(ACCENT), leading=1.3),
        "h3": TextStyle(_font(10, bold=True), leading=1.35),
        "body": TextStyle(_font(9)),
        "small": TextStyle(_font(7.5), QColor(MUTED)),
        "label": TextStyle(_font(7.5, bold=True), QColor(MUTED)),
        "cell": TextStyle(_font(8.5), leading=1.35),
        "cell_bold": TextStyle(_font(8.5, bold=True), leading=1.35),
        "head": TextStyle(_font(7.5, bold=True), QColor(MUTED), leading=1.4),
        "quote": TextStyle(_font(9, serif=True, italic=True), QColor("#323f4b"), leading=1.45),
        "figure": TextStyle(_font(20, serif=True, bold=True), leading=1.2),
        "figure_small": TextStyle(_font(12, serif=True, bold=True), leading=1.3),
    }


class Canvas:
    """The device being drawn on, its units, its styles and text layout."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter) -> None:
        self.device = device
        self.painter = painter
        self.unit = device.logicalDpiY() / 72.0  # device pixels per point
        self.width = float(device.width())
        self.height = float(device.height())
        self.styles = _styles()
        self._metrics: dict[str, QFontMetricsF] = {}

    def pt(self, points: float) -> float:
        return points * self.unit

    def metrics(self, style: str) -> QFontMetricsF:
        if style not in self._metrics:
            self._metrics[style] = QFontMetricsF(self.styles[style].font, self.device)
        return self._metrics[style]

    def line_height(self, style: str) -> float:
        return self.pt(self.styles[style].font.pointSizeF() * self.styles[style].leading)

    def text_width(self, style: str, text: str) -> float:
        return self.metrics(style).horizontalAdvance(text)

    def wrap(self, style: str, text: str, width: float) -> list[str]:
        """The lines ``text`` breaks into at ``width``; explicit newlines start new lines."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            paragraph = " ".join(paragraph.split())
            if not paragraph:
                continue
            if self.text_width(style, paragraph) <= width:
                lines.append(paragraph)
                continue
            lines.extend(self._layout_lines(style, paragraph, width))
        return lines or [""]

    def _layout_lines(self, style: str, text: str, width: float) -> list[str]:
        layout = QTextLayout(text, self.styles[style].font, self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        to_python = _utf16_to_python(text)
        lines = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, end = line.textStart(), line.textStart() + line.textLength()
            lines.append(text[to_python(start) : to_python(end)].strip())
        layout.endLayout()
        return lines

    def draw_lines(
        self,
        style: str,
        lines: Sequence[str],
        x: float,
        y: float,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        baseline: float | None = None,
    ) -> float:
        """Draws ``lines`` from top ``y``; returns the height used.

        ``baseline`` puts the first baseline that far below ``y`` (to line up cells in
        different fonts); by default the glyphs are centred in their line box.
        """
        text_style = self.styles[style]
        self.painter.setFont(text_style.font)
        self.painter.setPen(text_style.colour)
        step = self.line_height(style)
        offset = self.baseline(style) if baseline is None else baseline
        for index, line in enumerate(lines):
            left = x
            if align == Qt.AlignmentFlag.AlignRight:
                left = x + width - self.text_width(style, line)
            elif align == Qt.AlignmentFlag.AlignHCenter:
                left = x + (width - self.text_width(style, line)) / 2
            self.painter.drawText(QPointF(left, y + index * step + offset), line)
        return step * len(lines)

    def draw_link(
        self, style: str, lines: Sequence[str], x: float, y: float, baseline: float, href: str
    ) -> None:
        """Draws ``lines`` as a link: the PDF gets a clickable area for each of them."""
        link = QTextCharFormat()
        link.setAnchor(True)
        link.setAnchorHref(href)
        link.setForeground(ACCENT)
        link.setFontUnderline(True)
        step = self.line_height(style)
        for index, text in enumerate(lines):
            layout = QTextLayout(text, self.styles[style].font, self.device)
            whole = QTextLayout.FormatRange()
            whole.start, whole.length, whole.format = 0, len(text.encode("utf-16-le")) // 2, link
            layout.setFormats([whole])
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(self.width)
            layout.endLayout()
            # QTextLayout draws from the line's top; put its baseline where the row wants it.
            layout.draw(self.painter, QPointF(x, y + index * step + baseline - line.ascent()))

    def baseline(self, style: str) -> float:
        """Where the baseline falls in a line box of ``style``: extra leading split above and below."""
        metrics = self.metrics(style)
        return (self.line_height(style) - metrics.height()) / 2 + metrics.ascent()

    def fill(self, rect: QRectF, colour: QColor | str) -> None:
        self.painter.fillRect(rect, QColor(colour))

    def rule(
        self, x1: float, y1: float, x2: float, y2: float, colour: QColor | str = RULE, width_pt: float = 0.5
    ) -> None:
        self.painter.setPen(QPen(QColor(colour), self.pt(width_pt)))
        self.painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))


def _utf16_to_python(text: str) -> Callable[[int], int]:
    """Qt counts UTF-16 code units; Python counts code points. They differ beyond the BMP."""
    if all(ord(c) <= 0xFFFF for c in text):
        return _identity
    offsets: list[int] = []
    for index, char in enumerate(text):
        offsets.extend([index] * (2 if ord(char) > 0xFFFF else 1))
    offsets.append(len(text))
    return lambda i: offsets[min(i, len(offsets) - 1)]


def _identity(index: int) -> int:
    return index


# --- blocks ---------------------------------------------------------------------------------


class Block(ABC):
    """A piece of the document flow: measured at a width, then drawn at a place."""

    keep_with_next = False
    space_before = 0.0  # points, dropped at the top of a page

    @abstractmethod
    def measure(self, canvas: Canvas, width: float) -> float: ...

    def min_height(self, canvas: Canvas, width: float) -> float:
        """The least room the block needs on a page (its first line when it can split)."""
        return self.measure(canvas, width)

    def split(self, canvas: Canvas, width: float, room: float) -> tuple[Block, Block] | None:
        """A part that fits in ``room`` and the rest, or None when the block cannot split."""
        return None

    @abstractmethod
    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None: ...


class PageBreak(Block):
    def measure(self, canvas: Canvas, width: float) -> float:
        return 0.0

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        return None


class RunningHeader(Block):
    """Sets the text in the header of the pages that follow (not shown on its own page)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def measure(self, canvas: Canvas, width: float) -> float:
        return 0.0

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        return None


class Spacer(Block):
    def __init__(self, points: float) -> None:
        self.points = points

    def measure(self, canvas: Canvas, width: float) -> float:
        return canvas.pt(self.points)

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        return None


class Paragraph(Block):
    """Wrapped text in one style; splits between lines. A quote gets a bar in the margin.

    ``indent`` is a fraction of the width, so that text lines up with table columns.
    """

    def __init__(
        self,
        text: str,
        style: str = "body",
        *,
        space_before: float = 0.0,
        indent: float = 0.0,
        quote: bool = False,
        keep_with_next: bool = False,
        rule_below: bool = False,
        lines: list[str] | None = None,
    ) -> None:
        self.text = text
        self.style = style
        self.space_before = space_before
        self.indent = indent
        self.quote = quote
        self.keep_with_next = keep_with_next
        self.rule_below = rule_below
        self._lines = lines
        self._width = -1.0

    def _inner(self, canvas: Canvas, width: float) -> float:
        return self.indent * width + canvas.pt(10 if self.quote else 0)

    def lines(self, canvas: Canvas, width: float) -> list[str]:
        if self._lines is None or (self._width != width and self.text):
            self._lines = canvas.wrap(self.style, self.text, width - self._inner(canvas, width))
            self._width = width
        return self._lines

    def _extra(self, canvas: Canvas) -> float:
        return canvas.pt(4) if self.rule_below else 0.0

    def measure(self, canvas: Canvas, width: float) -> float:
        return len(self.lines(canvas, width)) * canvas.line_height(self.style) + self._extra(canvas)

    def min_height(self, canvas: Canvas, width: float) -> float:
        return min(self.measure(canvas, width), 2 * canvas.line_height(self.style))

    def split(self, canvas: Canvas, width: float, room: float) -> tuple[Block, Block] | None:
        lines = self.lines(canvas, width)
        fitting = int(room // canvas.line_height(self.style))
        if fitting < 2 or fitting >= len(lines):  # no single line alone at a page's foot
            return None
        head = Paragraph("", self.style, indent=self.indent, quote=self.quote, lines=lines[:fitting])
        tail = Paragraph(
            "",
            self.style,
            indent=self.indent,
            quote=self.quote,
            rule_below=self.rule_below,
            lines=lines[fitting:],
        )
        return head, tail

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        lines = self.lines(canvas, width)
        inner = self._inner(canvas, width)
        height = canvas.draw_lines(self.style, lines, x + inner, y, width - inner)
        if self.quote:
            bar = x + self.indent * width + canvas.pt(3)
            canvas.rule(bar, y + canvas.pt(1), bar, y + height - canvas.pt(1), "#9aa5b1", 1.5)
        if self.rule_below:
            canvas.rule(x, y + height + canvas.pt(2), x + width, y + height + canvas.pt(2), ACCENT, 0.8)


@dataclass
class Cell:
    text: str
    style: str = "cell"
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    colour: str | None = None  # a status chip behind the text
    link: str | None = None  # a web address the text opens when clicked in a PDF reader


class Row(Block):
    """A table row: cells side by side in columns given as fractions of the width."""

    def __init__(
        self,
        cells: Sequence[Cell],
        columns: Sequence[float],
        *,
        header: Row | None = None,
        shaded: bool = False,
        rule: bool = True,
        keep_with_next: bool = False,
        space_before: float = 0.0,
        padding: float = 3.0,
    ) -> None:
        self.cells = list(cells)
        self.columns = list(columns)
        self.header = header  # repeated above this row when it starts a page
        self.shaded = shaded
        self.rule = rule
        self.keep_with_next = keep_with_next
        self.space_before = space_before
        self.padding = padding
        self._layout: tuple[float, list[list[str]]] | None = None

    def _lines(self, canvas: Canvas, width: float) -> list[list[str]]:
        if self._layout is None or self._layout[0] != width:
            gap = canvas.pt(6)
            self._layout = (
                width,
                [
                    canvas.wrap(
                        cell.style, cell.text, fraction * width - gap - (canvas.pt(8) if cell.colour else 0)
                    )
                    for cell, fraction in zip(self.cells, self.columns, strict=True)
                ],
            )
        return self._layout[1]

    def measure(self, canvas: Canvas, width: float) -> float:
        tallest = max(
            len(lines) * canvas.line_height(cell.style)
            for cell, lines in zip(self.cells, self._lines(canvas, width), strict=True)
        )
        return tallest + 2 * canvas.pt(self.padding)

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        height = self.measure(canvas, width)
        if self.shaded:
            canvas.fill(QRectF(x, y, width, height), SHADE)
        left = x
        top = y + canvas.pt(self.padding)
        # Every cell's first line sits on one baseline, whatever its font size.
        baseline = max(canvas.baseline(cell.style) for cell in self.cells)
        for cell, fraction, lines in zip(self.cells, self.columns, self._lines(canvas, width), strict=True):
            column = fraction * width
            inner = column - canvas.pt(6)
            if cell.colour:
                chip_top = top + baseline - canvas.baseline(cell.style)
                _chip(canvas, cell, lines, left + canvas.pt(3), chip_top, inner)
            elif cell.link:
                canvas.draw_link(cell.style, lines, left + canvas.pt(3), top, baseline, cell.link)
            else:
                canvas.draw_lines(cell.style, lines, left + canvas.pt(3), top, inner, cell.align, baseline)
            left += column
        if self.rule:
            canvas.rule(x, y + height, x + width, y + height)


def _chip(canvas: Canvas, cell: Cell, lines: list[str], x: float, y: float, room: float) -> None:
    """Text on a rounded, coloured label: how a status is shown everywhere in the document."""
    assert cell.colour is not None
    step = canvas.line_height(cell.style)
    width = max(canvas.text_width(cell.style, line) for line in lines) + canvas.pt(8)
    if cell.align == Qt.AlignmentFlag.AlignRight:
        x += room - width
    rect = QRectF(x, y, width, step * len(lines))
    canvas.painter.setPen(Qt.PenStyle.NoPen)
    canvas.painter.setBrush(QColor(cell.colour))
    canvas.painter.drawRoundedRect(rect, canvas.pt(2.5), canvas.pt(2.5))
    canvas.painter.setBrush(Qt.BrushStyle.NoBrush)
    text_colour = "#1f2933" if QColor(cell.colour).lightnessF() > 0.6 else "#ffffff"
    canvas.painter.setFont(canvas.styles[cell.style].font)
    canvas.painter.setPen(QColor(text_colour))
    offset = (step - canvas.metrics(cell.style).height()) / 2 + canvas.metrics(cell.style).ascent()
    for index, line in enumerate(lines):
        canvas.painter.drawText(QPointF(x + canvas.pt(4), y + index * step + offset), line)


class FigureTiles(Block):
    """The headline figures as four boxed numbers."""

    space_before = 8.0

    def __init__(self, figures: Figures) -> None:
        self.figures = figures

    def measure(self, canvas: Canvas, width: float) -> float:
        return canvas.pt(58)

    def _tiles(self) -> list[tuple[str, str, str, str]]:
        f = self.figures
        scored = (
            f"over {plural(f.scored_count, 'scorable provision')}"
            if f.score is not None
            else "nothing scorable"
        )
        next_line = f.next_deadline
        if next_line is None:
            upcoming = ("Next deadline", "none", "no open deadline ahead", "figure_small")
        else:
            upcoming = (
                "Next deadline",
                format_date(next_line.deadline),
                describe_countdown_of(next_line),
                "figure_small",
            )
        return [
            ("Implementation score", format_score(f.score), scored, "figure"),
            ("Overdue", str(f.overdue_count), f"of {plural(f.provision_count, 'provision')}", "figure"),
            ("Due within 30 days", str(f.due_soon_count), "open provisions", "figure"),
            upcoming,
        ]

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        gap = canvas.pt(8)
        tile = (width - 3 * gap) / 4
        height = self.measure(canvas, width)
        for index, (label, value, caption, style) in enumerate(self._tiles()):
            left = x + index * (tile + gap)
            canvas.fill(QRectF(left, y, tile, height), SHADE)
            accent = OVERDUE_COLOUR if label == "Overdue" and self.figures.overdue_count else ACCENT
            canvas.fill(QRectF(left, y, canvas.pt(2.5), height), accent)
            inner = left + canvas.pt(9)
            room = tile - canvas.pt(13)
            canvas.draw_lines("label", [label.upper()], inner, y + canvas.pt(6), room)
            value_top = y + canvas.pt(18) if style == "figure" else y + canvas.pt(21)
            canvas.draw_lines(style, canvas.wrap(style, value, room)[:1], inner, value_top, room)
            canvas.draw_lines(
                "small", canvas.wrap("small", caption, room)[:1], inner, y + canvas.pt(43), room
            )


class StatusChart(Block):
    """Horizontal bars: how many provisions are in each status."""

    space_before = 4.0

    def __init__(self, figures: Figures) -> None:
        self.rows = status_rows(figures)
        self.total = figures.provision_count

    def measure(self, canvas: Canvas, width: float) -> float:
        return canvas.pt(15) * max(1, len(self.rows)) + canvas.pt(4)

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        if not self.rows:
            canvas.draw_lines("small", ["No provisions recorded."], x, y, width)
            return
        label_width = canvas.pt(70)
        figure_width = canvas.pt(70)
        bar_room = width - label_width - figure_width
        row = canvas.pt(15)
        for index, (status, count, fraction) in enumerate(self.rows):
            top = y + index * row
            canvas.draw_lines("cell", [status.label], x, top + canvas.pt(2), label_width)
            bar = QRectF(
                x + label_width, top + canvas.pt(3), max(canvas.pt(1.5), bar_room * fraction), canvas.pt(9)
            )
            canvas.fill(bar, STATUS_COLOURS[status])
            share = f"{count}  ({100 * count / self.total:.0f}%)"
            canvas.draw_lines("cell", [share], bar.right() + canvas.pt(5), top + canvas.pt(2), figure_width)
        base = x + label_width
        canvas.rule(base, y, base, y + row * len(self.rows), MUTED, 0.6)


class TimelineChart(Block):
    """Deadlines per interval as stacked columns, with the as-of date marked."""

    space_before = 6.0

    def __init__(self, chart: Timeline) -> None:
        self.chart = chart

    def measure(self, canvas: Canvas, width: float) -> float:
        return canvas.pt(92)

    def draw(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        chart = self.chart
        plot_top = y + canvas.pt(14)
        plot_height = canvas.pt(46)
        base = plot_top + plot_height
        count = len(chart.buckets)
        column = width / count
        tallest = max(chart.tallest, 1)
        # Gridlines at whole counts keep the columns readable without an axis of numbers.
        for step in range(1, tallest + 1) if tallest <= 6 else ():
            level = base - plot_height * step / tallest
            canvas.rule(x, level, x + width, level, "#e4e7eb", 0.4)
        for index, statuses in enumerate(chart.buckets):
            top = base
            for status in statuses:
                height = plot_height / tallest
                top -= height
                canvas.fill(
                    QRectF(
                        x + index * column + column * 0.12,
                        top + canvas.pt(0.4),
                        column * 0.76,
                        height - canvas.pt(0.8),
                    ),
                    STATUS_COLOURS[status],
                )
        canvas.rule(x, base, x + width, base, MUTED, 0.8)
        # The as-of line, labelled at the top on whichever side has room.
        marker = x + chart.as_of_position * width
        canvas.rule(marker, y + canvas.pt(10), marker, base + canvas.pt(3), AS_OF_COLOUR, 1.2)
        label = f"as of {format_date(chart.as_of)}"
        label_width = canvas.text_width("label", label) + canvas.pt(4)
        left = marker + canvas.pt(3) if marker + label_width < x + width else marker - label_width
        canvas.draw_lines("label", [label], left, y, label_width)
        overdue_zone = QRectF(x, plot_top, marker - x, plot_height)
        canvas.painter.fillRect(overdue_zone, QColor(179, 38, 30, 14))
        self._axis_labels(canvas, x, base, width)
        self._legend(canvas, x, base + canvas.pt(18), width)

    def _axis_labels(self, canvas: Canvas, x: float, base: float, width: float) -> None:
        """Month ticks under the axis; the two end dates when the span is under two months."""
        top = base + canvas.pt(4)
        ticks = month_ticks(self.chart, 8)
        if len(ticks) < 2:
            canvas.draw_lines("small", [format_date(self.chart.start)], x, top, width / 3)
            end = [format_date(self.chart.end)]
            canvas.draw_lines("small", end, x + width * 2 / 3, top, width / 3, Qt.AlignmentFlag.AlignRight)
            return
        for tick, label in ticks:
            at = x + self.chart.position(tick) * width
            canvas.rule(at, base, at, base + canvas.pt(3), MUTED, 0.6)
            half = canvas.text_width("small", label) / 2
            left = min(max(x, at - half), x + width - 2 * half)
            canvas.draw_lines("small", [label], left, top, 2 * half + canvas.pt(1))

    def _legend(self, canvas: Canvas, x: float, y: float, width: float) -> None:
        present = [s for s in Status if any(s in bucket for bucket in self.chart.buckets)]
        left = x
        for status in present:
            canvas.fill(QRectF(left, y + canvas.pt(2.5), canvas.pt(7), canvas.pt(7)), STATUS_COLOURS[status])
            left += canvas.pt(10)
            canvas.draw_lines("small", [status.label], left, y, width)
            left += canvas.text_width("small", status.label) + canvas.pt(12)
        canvas.fill(QRectF(left, y + canvas.pt(2.5), canvas.pt(10), canvas.pt(7)), QColor(179, 38, 30, 40))
        left += canvas.pt(13)
        canvas.draw_lines("small", ["before the as-of date"], left, y, width)


# --- the document --------------------------------------------------------------------------


def _heading(text: str, *, space_before: float = 14.0) -> Paragraph:
    return Paragraph(text, "h2", space_before=space_before, keep_with_next=True, rule_below=True)


def _status_cell(line: ProvisionLine, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> Cell:
    return Cell(line.status.label, "cell", align, colour=STATUS_COLOURS[line.status])


def _field_rows(
    rows: Sequence[tuple[str, str]],
    label_width: float = 0.2,
    indent: float = 0.0,
    keep_together: bool = False,
) -> Iterator[Row]:
    """Label and value pairs; ``indent`` (a fraction of the width) leaves an empty first column."""
    columns = [label_width, 1 - indent - label_width]
    for label, value in rows:
        web = value.startswith(("http://", "https://")) and " " not in value
        cells = [Cell(label.upper(), "head"), Cell(value, link=value if web else None)]
        if indent:
            yield Row(
                [Cell(""), *cells], [indent, *columns], rule=False, padding=1.5, keep_with_next=keep_together
            )
        else:
            yield Row(cells, columns, rule=False, padding=1.5, keep_with_next=keep_together)


def _meta(summary: Summary, agreement: AgreementSummary) -> Iterator[Block]:
    yield Paragraph(REPORT_TITLE.upper(), "kicker")
    yield Paragraph(agreement.title, "title", space_before=2)
    yield Spacer(6)
    yield from _field_rows(
        [
            ("Parties", format_parties(agreement.parties)),
            ("Signed", format_signing(agreement.signed_on, agreement.place)),
            ("Status as of", format_date(summary.as_of)),
            ("Generated", format_timestamp(summary.generated_at)),
        ]
    )


def _table(
    headers: Sequence[Cell], rows: Sequence[Sequence[Cell]], columns: Sequence[float]
) -> Iterator[Row]:
    header = Row(headers, columns, keep_with_next=True, shaded=True)
    yield header
    for index, cells in enumerate(rows):
        yield Row(cells, columns, header=header, shaded=index % 2 == 1, rule=True)


def _deadline_table(lines: Sequence[ProvisionLine], *, overdue: bool) -> Iterator[Row]:
    columns = (0.06, 0.34, 0.13, 0.12, 0.13, 0.22)
    middle = "Days overdue" if overdue else "Countdown"
    headers = [Cell(h, "head") for h in ("No.", "Provision", "Deadline", middle, "Status", "Latest note")]
    rows = [
        [
            Cell(str(line.number)),
            Cell(line.summary, "cell_bold"),
            Cell(format_date(line.deadline)),
            Cell(str(line.days_overdue) if overdue else describe_countdown_of(line)),
            _status_cell(line),
            Cell(_shortened(line.latest_note, _TABLE_NOTE_CHARS) or "—"),
        ]
        for line in lines
    ]
    yield from _table(headers, rows, columns)


# A table row cannot break across pages, so a long note is cut short there; the provision's
# own entry further on gives it in full.
_TABLE_NOTE_CHARS = 240


def _shortened(text: str, most: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1].rstrip() + "…"


def _provision(line: ProvisionLine) -> Iterator[Block]:
    yield Row(
        [
            Cell(f"{line.number}.", "h3"),
            Cell(line.summary, "h3"),
            _status_cell(line, Qt.AlignmentFlag.AlignRight),
        ],
        (_NUMBER_COLUMN, 0.76, 0.18),
        rule=False,
        keep_with_next=True,
        space_before=10,
        padding=1,
    )
    rows = [("Kind", line.kind.label)]
    facets = describe_facets(line.facets)
    if facets:
        rows.append(("Facets", facets))
    deadline = describe_deadline(line)
    if line.deadline_text:
        deadline += f" — “{line.deadline_text}”"
    rows.append(("Deadline", deadline))
    rows.append(("Status", describe_status(line)))
    if line.latest_note:
        rows.append(("Latest note", line.latest_note))
    if line.evidence:
        rows.append(("Evidence", line.evidence))
    # The fields stay together with the heading and the first lines of the excerpt.
    yield from _field_rows(rows, label_width=0.14, indent=_NUMBER_COLUMN, keep_together=True)
    if line.excerpt.strip():
        yield Paragraph(f"“{line.excerpt}”", "quote", indent=_NUMBER_COLUMN, quote=True, space_before=3)
    else:
        yield Paragraph(NO_EXCERPT, "small", indent=_NUMBER_COLUMN + 0.01, space_before=3)
    yield Spacer(2)


_NUMBER_COLUMN = 0.06


def _agreement(summary: Summary, agreement: AgreementSummary) -> Iterator[Block]:
    yield RunningHeader(agreement.title)
    yield from _meta(summary, agreement)
    yield _heading("Headline figures", space_before=12)
    yield FigureTiles(agreement.figures)
    yield _heading("Provisions by status")
    yield StatusChart(agreement.figures)
    chart = timeline(agreement.provisions, summary.as_of, 72)
    if chart is not None:
        yield Paragraph("Deadlines against the as-of date", "h3", space_before=10, keep_with_next=True)
        yield TimelineChart(chart)
    yield _heading(f"Overdue on {format_date(summary.as_of)} ({len(agreement.overdue)})")
    if agreement.overdue:
        yield from _deadline_table(agreement.overdue, overdue=True)
    else:
        yield Paragraph("Nothing is overdue.", space_before=4)
    yield _heading(f"Due in the next 30 days ({len(agreement.due_soon)})")
    if agreement.due_soon:
        yield from _deadline_table(agreement.due_soon, overdue=False)
    else:
        yield Paragraph("No open provision falls due in the next 30 days.", space_before=4)
    yield _heading(f"All provisions ({len(agreement.provisions)})")
    if not agreement.provisions:
        yield Paragraph("No provisions recorded.", space_before=4)
    for line in agreement.provisions:
        yield from _provision(line)
    yield Paragraph(SCORE_NOTE, "small", space_before=14)


def _cover(summary: Summary) -> Iterator[Block]:
    yield RunningHeader(REPORT_TITLE)
    yield Spacer(40)
    yield Paragraph(REPORT_TITLE.upper(), "kicker")
    yield Paragraph(
        f"Implementation of {plural(len(summary.agreements), 'agreement')}", "cover", space_before=4
    )
    yield Spacer(8)
    yield from _field_rows(
        [
            ("Status as of", format_date(summary.as_of)),
            ("Generated", format_timestamp(summary.generated_at)),
            ("Provisions", str(summary.totals.provision_count)),
            ("Next deadline", describe_next_deadline(summary.totals)),
        ]
    )
    yield _heading("All agreements together", space_before=16)
    yield FigureTiles(summary.totals)
    yield Paragraph("Provisions by status", "h3", space_before=12, keep_with_next=True)
    yield StatusChart(summary.totals)
    yield _heading("Agreements in this summary")
    columns = (0.42, 0.14, 0.11, 0.1, 0.1, 0.13)
    headers = [
        Cell(h, "head") for h in ("Agreement", "Signed", "Provisions", "Score", "Overdue", "Next deadline")
    ]
    rows = [
        [
            Cell(a.title, "cell_bold"),
            Cell(format_date(a.signed_on)),
            Cell(str(a.figures.provision_count)),
            Cell(format_score(a.figures.score)),
            Cell(str(a.figures.overdue_count)),
            Cell(format_date(a.figures.next_deadline.deadline) if a.figures.next_deadline else "—"),
        ]
        for a in summary.agreements
    ]
    yield from _table(headers, rows, columns)


def _story(summary: Summary) -> Iterator[Block]:
    if not summary.agreements:
        yield RunningHeader(REPORT_TITLE)
        yield Paragraph(REPORT_TITLE.upper(), "kicker")
        yield Paragraph("No agreements recorded", "title", space_before=2)
        return
    if summary.has_cover:
        yield from _cover(summary)
    for index, agreement in enumerate(summary.agreements):
        if index or summary.has_cover:
            yield PageBreak()
        yield from _agreement(summary, agreement)


# --- pagination and drawing ----------------------------------------------------------------


@dataclass
class Page:
    header: str
    shows_header: bool
    placed: list[tuple[Block, float]] = field(default_factory=list)


def _paginate(blocks: Sequence[Block], canvas: Canvas, width: float, top: float, bottom: float) -> list[Page]:
    header = REPORT_TITLE
    pages = [Page(header, shows_header=False)]
    queue = deque(blocks)
    y = top

    def new_page() -> None:
        nonlocal y
        pages.append(Page(header, shows_header=True))
        y = top

    while queue:
        block = queue.popleft()
        if isinstance(block, PageBreak):
            if pages[-1].placed:
                new_page()
            continue
        if isinstance(block, RunningHeader):
            header = block.text
            if not pages[-1].placed:  # it names the page it opens too
                pages[-1].header = header
            continue
        at_top = not pages[-1].placed
        space = 0.0 if at_top else canvas.pt(block.space_before)
        room = bottom - y - space
        height = block.measure(canvas, width)
        if not at_top:
            if block.keep_with_next:
                if height + _chain_height(queue, canvas, width) > room:
                    new_page()
                    space = 0.0
            elif height > room:
                parts = block.split(canvas, width, room)
                if parts is not None:
                    pages[-1].placed.append((parts[0], y + space))
                    queue.appendleft(parts[1])
                    new_page()
                    continue
                new_page()
                space = 0.0
                if isinstance(block, Row) and block.header is not None:
                    pages[-1].placed.append((block.header, y))
                    y += block.header.measure(canvas, width)
        pages[-1].placed.append((block, y + space))
        y += space + height
    return pages


def _chain_height(queue: deque[Block], canvas: Canvas, width: float) -> float:
    """The room that the blocks kept with the one before them need: up to the first free one."""
    total = 0.0
    for block in queue:
        if isinstance(block, (PageBreak, RunningHeader)):
            break
        total += canvas.pt(block.space_before)
        if not block.keep_with_next:
            return total + block.min_height(canvas, width)
        total += block.measure(canvas, width)
    return total


def _draw_page(
    canvas: Canvas,
    page: Page,
    number: int,
    count: int,
    summary: Summary,
    width: float,
    header_height: float,
    footer_top: float,
) -> None:
    if page.shows_header:
        canvas.draw_lines("small", [_elide(canvas, page.header, width * 0.62)], 0, 0, width * 0.65)
        canvas.draw_lines(
            "small",
            [f"{REPORT_TITLE} as of {format_date(summary.as_of)}"],
            width * 0.6,
            0,
            width * 0.4,
            Qt.AlignmentFlag.AlignRight,
        )
        canvas.rule(0, header_height - canvas.pt(6), width, header_height - canvas.pt(6))
    # A block taller than a whole page (a very long note) is cut at the footer, not drawn over it.
    canvas.painter.save()
    canvas.painter.setClipRect(QRectF(0, 0, width, footer_top - canvas.pt(2)))
    for block, y in page.placed:
        block.draw(canvas, 0, y, width)
    canvas.painter.restore()
    canvas.rule(0, footer_top, width, footer_top)
    footer_y = footer_top + canvas.pt(4)
    canvas.draw_lines(
        "small",
        [f"{APP_NAME} · generated {format_timestamp(summary.generated_at)}"],
        0,
        footer_y,
        width * 0.7,
    )
    canvas.draw_lines(
        "small",
        [f"Page {number} of {count}"],
        width * 0.7,
        footer_y,
        width * 0.3,
        Qt.AlignmentFlag.AlignRight,
    )


def _elide(canvas: Canvas, text: str, width: float) -> str:
    return canvas.metrics("small").elidedText(text, Qt.TextElideMode.ElideRight, width)


def prepare_page_layout(device: QPagedPaintDevice, *, page_size: bool) -> None:
    """Our margins (and A4 when ``page_size``; a printer keeps the paper the user chose)."""
    if page_size:
        device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(_MARGINS_MM, QPageLayout.Unit.Millimeter)


def paint_summary(summary: Summary, device: QPagedPaintDevice) -> int:
    """Draws the summary on ``device`` (its page layout already set); returns the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise TrackerError("Cannot draw the summary: the printer or file is not ready.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        canvas = Canvas(device, painter)
        width = canvas.width
        header_height = canvas.pt(22)
        footer_height = canvas.pt(20)
        footer_top = canvas.height - footer_height + canvas.pt(6)
        blocks = list(_story(summary))
        pages = _paginate(blocks, canvas, width, header_height, canvas.height - footer_height)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            if not page.shows_header:
                # The first page of the document starts at the top: its own heading says what it is.
                page.placed = [(block, y - header_height) for block, y in page.placed]
            _draw_page(canvas, page, number, len(pages), summary, width, header_height, footer_top)
        return len(pages)
    finally:
        painter.end()


def ensure_gui_application() -> QGuiApplication:
    """Fonts and painting need a Qt application; without a display, use the offscreen platform.

    It is a (widgets) QApplication so that the same process can still open windows later:
    Qt allows one application object per process, and a QGuiApplication cannot host widgets.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    headless = sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _application
    _application = QApplication([sys.argv[0] if sys.argv else "agreement-tracker"])
    return _application


_application: QApplication | None = None


def pdf_bytes(summary: Summary) -> bytes:
    """The summary as the bytes of an A4 PDF file."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(_document_title(summary))
    writer.setCreator(APP_NAME)
    prepare_page_layout(writer, page_size=True)
    paint_summary(summary, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_pdf(summary: Summary, path: Path) -> None:
    """Writes the summary to ``path`` as PDF; an unwritable path raises ``InvalidInput``."""
    write_file(Path(path), pdf_bytes(summary))


def _document_title(summary: Summary) -> str:
    if len(summary.agreements) == 1:
        return f"{REPORT_TITLE}: {summary.agreements[0].title} (as of {format_date(summary.as_of)})"
    return f"{REPORT_TITLE} as of {format_date(summary.as_of)}"
