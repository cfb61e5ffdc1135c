"""The compliance summary as plain text (the command line's default), 78 columns wide."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.reports.chart import status_chart_lines, timeline, timeline_lines
from tracker.reports.formatting import (
    REPORT_TITLE,
    SCORE_NOTE,
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

WIDTH = 78
_LABEL = 12  # width of the labels in front of a provision's fields


def wrap(text: str, width: int, indent: str = "", first_indent: str | None = None) -> list[str]:
    """Greedy word wrap; several times faster than textwrap, which matters at 100,000 provisions."""
    words = text.split()
    prefix = indent if first_indent is None else first_indent
    if not words:
        return [prefix.rstrip()]
    lines: list[str] = []
    current: list[str] = []
    length = len(prefix)
    room = width
    for word in words:
        if current and length + 1 + len(word) > room:
            lines.append(prefix + " ".join(current))
            prefix, current, length = indent, [], len(indent)
        length += len(word) + (1 if current else 0)
        current.append(word)
    lines.append(prefix + " ".join(current))
    return lines


def _heading(title: str, underline: str = "-") -> list[str]:
    return ["", title.upper(), underline * len(title)]


def _field(label: str, value: str, indent: str = "") -> list[str]:
    head = f"{indent}{label + ':':<{_LABEL}}"
    return wrap(value, WIDTH, " " * len(head), head)


def _figures(figures: Figures) -> Iterator[str]:
    score = format_score(figures.score)
    if figures.score is not None:
        score += f" (over {plural(figures.scored_count, 'scorable provision')})"
    yield from _heading("Headline figures")
    rows = [
        ("Implementation score", score),
        ("Provisions", str(figures.provision_count)),
        ("Overdue", str(figures.overdue_count)),
        ("Due within 30 days", str(figures.due_soon_count)),
        ("Next deadline", describe_next_deadline(figures)),
    ]
    if figures.next_deadline is not None:
        rows[-1] = ("Next deadline", f"{rows[-1][1]}: {figures.next_deadline.summary}")
    for label, value in rows:
        yield from wrap(value, WIDTH, " " * 23, f"{label:<23}")
    yield from _heading("Provisions by status")
    yield from status_chart_lines(figures)


def _timeline(agreement: AgreementSummary, summary: Summary) -> Iterator[str]:
    chart = timeline(agreement.provisions, summary.as_of, 60)
    if chart is None:
        return
    yield from _heading("Deadlines against the as-of date")
    yield from timeline_lines(
        chart, format_date(chart.start), format_date(chart.end), format_date(chart.as_of)
    )


def _short(line: ProvisionLine) -> Iterator[str]:
    head = f"No. {line.number:<4}"
    yield from wrap(line.summary, WIDTH, " " * len(head), head)
    facts = f"Deadline {describe_deadline(line)}; {line.status.label}"
    yield from wrap(facts, WIDTH, " " * len(head))
    if line.latest_note:
        yield from wrap(f"Note: {line.latest_note}", WIDTH, " " * len(head))


def _full(line: ProvisionLine) -> Iterator[str]:
    yield ""
    head = f"No. {line.number:<4}"
    yield from wrap(line.summary, WIDTH, " " * len(head), head)
    indent = " " * len(head)
    yield from _field("Kind", line.kind.label, indent)
    facets = describe_facets(line.facets)
    if facets:
        yield from _field("Facets", facets, indent)
    deadline = describe_deadline(line)
    if line.deadline_text:
        deadline += f', from "{line.deadline_text}"'
    yield from _field("Deadline", deadline, indent)
    yield from _field("Status", describe_status(line), indent)
    if line.latest_note:
        yield from _field("Note", line.latest_note, indent)
    if line.evidence:
        yield from _field("Evidence", line.evidence, indent)
    yield from _field("Source", f"“{line.excerpt}”", indent)


def _agreement(agreement: AgreementSummary, summary: Summary) -> Iterator[str]:
    yield REPORT_TITLE.upper()
    yield from wrap(agreement.title, WIDTH)
    yield "=" * WIDTH
    yield from _field("Parties", format_parties(agreement.parties))
    yield from _field("Signed", format_signing(agreement.signed_on, agreement.place))
    yield from _field("As of", format_date(summary.as_of))
    yield from _field("Generated", format_timestamp(summary.generated_at))
    yield from _figures(agreement.figures)
    yield from _timeline(agreement, summary)
    yield from _heading(f"Overdue ({len(agreement.overdue)})")
    if not agreement.overdue:
        yield f"Nothing overdue on {format_date(summary.as_of)}."
    for line in agreement.overdue:
        yield from _short(line)
    yield from _heading(f"Due in the next 30 days ({len(agreement.due_soon)})")
    if not agreement.due_soon:
        yield "No open provision falls due in the next 30 days."
    for line in agreement.due_soon:
        yield from _short(line)
    yield from _heading(f"All provisions ({len(agreement.provisions)})")
    if not agreement.provisions:
        yield "No provisions recorded."
    for line in agreement.provisions:
        yield from _full(line)
    yield ""
    yield from wrap(SCORE_NOTE, WIDTH)


def _cover(summary: Summary) -> Iterator[str]:
    yield REPORT_TITLE.upper()
    yield f"{plural(len(summary.agreements), 'agreement')}, as of {format_date(summary.as_of)}"
    yield "=" * WIDTH
    yield from _field("Generated", format_timestamp(summary.generated_at))
    yield from _figures(summary.totals)
    yield from _heading("Agreements")
    for agreement in summary.agreements:
        figures = agreement.figures
        yield from wrap(agreement.title, WIDTH, "    ", "  - ")
        yield (
            f"    {plural(figures.provision_count, 'provision')}, score {format_score(figures.score)}, "
            f"{figures.overdue_count} overdue"
        )


def render_text(summary: Summary) -> str:
    if not summary.agreements:
        return f"{REPORT_TITLE}\n\nNo agreements recorded.\n"
    parts: list[str] = []
    if summary.has_cover:
        parts.append("\n".join(_cover(summary)))
    parts.extend("\n".join(_agreement(a, summary)) for a in summary.agreements)
    return ("\n\n" + "#" * WIDTH + "\n\n").join(parts) + "\n"
