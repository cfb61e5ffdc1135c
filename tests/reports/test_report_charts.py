"""The chart data every format draws: status bars, the deadline timeline and its month ticks."""

from __future__ import annotations

from datetime import date

from summary_sample import AS_OF

from tracker.domain import Status
from tracker.reports.chart import Timeline, block_bar, month_ticks, status_rows, timeline
from tracker.reports.model import Summary


def test_status_rows_show_only_statuses_present_scaled_to_the_largest(summary: Summary) -> None:
    rows = status_rows(summary.totals)
    assert [(status, count) for status, count, _ in rows] == [
        (Status.PENDING, 3),
        (Status.IN_PROGRESS, 1),
        (Status.PARTIAL, 1),
        (Status.COMPLIED, 2),
        (Status.VIOLATED, 1),
    ]
    assert max(fraction for *_, fraction in rows) == 1.0


def test_block_bar_is_drawn_in_eighths() -> None:
    assert block_bar(1.0, 4) == "████"
    assert block_bar(0.5, 3) == "█▌"
    assert block_bar(0.0, 10) == ""


def test_timeline_counts_every_deadline_once_and_places_the_as_of_date(summary: Summary) -> None:
    lines = summary.agreements[0].provisions
    chart = timeline(lines, AS_OF, 40)
    assert chart is not None
    assert sum(len(bucket) for bucket in chart.buckets) == sum(1 for x in lines if x.deadline)
    assert chart.start < min(x.deadline for x in lines if x.deadline) and chart.end > date(2018, 12, 31)
    assert 0 < chart.as_of_position < 0.5
    assert timeline([x for x in lines if x.deadline is None], AS_OF, 40) is None


def test_month_ticks_thin_out_over_long_spans() -> None:
    short = Timeline(date(2018, 9, 20), date(2018, 12, 20), date(2018, 10, 1), ())
    assert month_ticks(short, 8) == [
        (date(2018, 10, 1), "Oct 2018"),
        (date(2018, 11, 1), "Nov 2018"),
        (date(2018, 12, 1), "Dec 2018"),
    ]
    decade = Timeline(date(2014, 9, 1), date(2024, 9, 1), date(2020, 1, 1), ())
    labels = [label for _, label in month_ticks(decade, 8)]
    assert labels == ["2016", "2018", "2020", "2022", "2024"]
