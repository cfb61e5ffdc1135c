"""Chart data and the character charts: one palette and one geometry for every format.

The PDF draws these with QPainter and the HTML with SVG; text and markdown draw them with
block characters. Positions are fractions (0..1) so each renderer scales them to its space.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain import Status
from tracker.reports.formatting import MONTHS
from tracker.reports.model import Figures, ProvisionLine

# Muted colours that stay distinct in greyscale print: settled ones dark, open ones light.
STATUS_COLOURS: dict[Status, str] = {
    Status.PENDING: "#b8bec6",
    Status.IN_PROGRESS: "#5b8fd1",
    Status.PARTIAL: "#e3b04b",
    Status.COMPLIED: "#2f7d4f",
    Status.VIOLATED: "#b3261e",
    Status.DISPUTED: "#8a62a8",
    Status.SUPERSEDED: "#5f6b76",
}
OVERDUE_COLOUR = "#b3261e"
AS_OF_COLOUR = "#1f2933"

# Eighths of a block, for bars finer than one character.
_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL = "█"
_LEVELS = " ▁▂▃▄▅▆▇█"


def status_rows(figures: Figures) -> list[tuple[Status, int, float]]:
    """(status, count, fraction of the largest count) for every status that occurs."""
    present = [(status, count) for status, count in figures.status_counts if count]
    largest = max((count for _, count in present), default=0)
    return [(status, count, count / largest) for status, count in present]


def block_bar(fraction: float, width: int) -> str:
    """A bar of ``fraction`` × ``width`` characters, in eighths of a character."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    return _FULL * full + (_EIGHTHS[rest] if rest else "")


def status_chart_lines(figures: Figures, width: int = 40) -> list[str]:
    """The provisions-by-status chart as lines of text."""
    rows = status_rows(figures)
    label_width = max((len(status.label) for status, _, _ in rows), default=0)
    return [
        f"{status.label:<{label_width}}  {block_bar(fraction, width):<{width}}  {count}"
        for status, count, fraction in rows
    ]


@dataclass(frozen=True)
class Timeline:
    """Deadlines counted per interval between ``start`` and ``end``, and where the as-of date falls."""

    start: date
    end: date
    as_of: date
    # For each of the equal intervals from start to end: the statuses of the deadlines in it.
    buckets: tuple[tuple[Status, ...], ...]

    @property
    def as_of_position(self) -> float:
        return self.position(self.as_of)

    @property
    def tallest(self) -> int:
        return max((len(b) for b in self.buckets), default=0)

    def position(self, day: date) -> float:
        span = (self.end - self.start).days
        return (day - self.start).days / span if span else 0.5


def timeline(lines: Sequence[ProvisionLine], as_of: date, bucket_count: int) -> Timeline | None:
    """The deadlines of ``lines`` in ``bucket_count`` intervals; None when none has a deadline."""
    dated = [(line.deadline, line.status) for line in lines if line.deadline is not None]
    if not dated:
        return None
    days = [deadline for deadline, _ in dated] + [as_of]
    span = (max(days) - min(days)).days
    # A margin on both sides so that the first and last deadline are not on the frame.
    margin = timedelta(days=max(3, span // 20))
    start, end = min(days) - margin, max(days) + margin
    total = (end - start).days
    buckets: list[list[Status]] = [[] for _ in range(bucket_count)]
    for deadline, status in dated:
        index = min(bucket_count - 1, (deadline - start).days * bucket_count // total)
        buckets[index].append(status)
    rank = {status: index for index, status in enumerate(Status)}
    return Timeline(start, end, as_of, tuple(tuple(sorted(b, key=rank.__getitem__)) for b in buckets))


def month_ticks(chart: Timeline, most: int) -> list[tuple[date, str]]:
    """First days of months inside the timeline, spaced so that at most ``most`` are labelled."""
    months = (chart.end.year - chart.start.year) * 12 + chart.end.month - chart.start.month
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= most), 120)
    year, month = chart.start.year, chart.start.month
    ticks: list[tuple[date, str]] = []
    while True:
        month += 1
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        tick = date(year, month, 1)
        if tick > chart.end:
            return ticks
        if (year * 12 + month - 1) % step == 0:
            label = str(year) if step >= 12 else f"{MONTHS[month - 1]} {year}"
            ticks.append((tick, label))


def timeline_lines(chart: Timeline, start_label: str, end_label: str, as_of_label: str) -> list[str]:
    """The timeline as text: a row of bars, one character per interval, and the as-of marker."""
    tallest = chart.tallest
    bars = "".join(_LEVELS[-(-len(b) * 8 // tallest)] if b else "·" for b in chart.buckets)
    width = len(chart.buckets)
    marker = min(width - 1, int(chart.as_of_position * width))
    axis = " " * marker + "▲"
    label = f"as of {as_of_label}"
    # The label sits right of the marker when it fits there, else it ends at the marker.
    pointer = (
        " " * marker + label if marker + len(label) <= width else " " * (marker + 1 - len(label)) + label
    )
    ends = start_label + end_label.rjust(width - len(start_label))
    return [bars, axis, pointer.rstrip(), ends]
