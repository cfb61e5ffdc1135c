"""The compliance summary as plain text (the command line's default), 78 columns wide."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from tracker.reports.chart import status_chart_lines, timeline, timeline_lines
from tracker.reports.formatting import (
    KIND_LABELS,
    NO_EXCERPT,
    REPORT_TITLE,
    SCORE_NOTE,
    STATUS_LABELS,
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
from tracker.reports.model import AgreementSummary, Figures, ProvisionLine, Summary, cycle_collection_paused

WIDTH = 78
_LABEL = 12  # width of the labels in front of a provision's fields


def wrap(text: str, width: int, indent: str = "", first_indent: str | None = None) -> list[str]:
    """Word wrap with whitespace collapsed; a word longer than the line stands alone on its line.

    Several times faster than textwrap (str.rfind does the scanning), which is what keeps
    the summary of 100,000 provisions within a few seconds.
    """
    prefix = indent if first_indent is None else first_indent
    # Collapsing whitespace costs more than the wrapping itself; most text needs none.
    flat = text if _is_flat(text) else " ".join(text.split())
    if len(prefix) + len(flat) <= width or not flat:
        return [prefix + flat if flat else prefix.rstrip()]
    pieces = []
    start, end = 0, len(flat)
    room = max(1, width - len(prefix))
    while end - start > room:
        cut = flat.rfind(" ", start, start + room + 1)
        if cut <= start:
            cut = flat.find(" ", start + room)
            if cut == -1:
                break
        pieces.append(flat[start:cut])
        start = cut + 1
        room = max(1, width - len(indent))
    pieces.append(flat[start:])
    return [prefix + pieces[0], *[indent + piece for piece in pieces[1:]]]


def _is_flat(text: str) -> bool:
    """True when ``text`` has no line break, tab, doubled or outer space to collapse."""
    return (
        "\n" not in text
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
        and text.strip() == text
    )


def _heading(title: str, underline: str = "-") -> list[str]:
    return ["", title.upper(), underline * len(title)]


def _field(label: str, value: str, indent: str = "") -> str:
    return "\n".join(_put([], f"{indent}{label + ':':<{_LABEL}}", value))


def _put(rows: list[str], head: str, value: str) -> list[str]:
    """Appends ``head`` + ``value`` to ``rows``, wrapped under the value's first column."""
    if len(head) + len(value) <= WIDTH and _is_flat(value):
        rows.append(head + value)
    else:
        rows.extend(wrap(value, WIDTH, " " * len(head), head))
    return rows


@lru_cache(maxsize=8)
def _heads(indent: str) -> dict[str, str]:
    """The label columns of a provision's fields (built once, used 100,000 times)."""
    labels = ("Kind", "Facets", "Deadline", "Status", "Note", "Evidence", "Source")
    return {label: f"{indent}{label + ':':<{_LABEL}}" for label in labels}


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


# Each provision is built as one string: at 100,000 provisions, per-line generators cost seconds.


def _short(line: ProvisionLine) -> str:
    head = f"No. {line.number:<4}"
    indent = " " * len(head)
    rows = [*wrap(line.summary, WIDTH, indent, head)]
    rows += wrap(f"Deadline {describe_deadline(line)}; {STATUS_LABELS[line.status]}", WIDTH, indent)
    if line.latest_note:
        rows += wrap(f"Note: {line.latest_note}", WIDTH, indent)
    return "\n".join(rows)


def _full(line: ProvisionLine) -> str:
    head = f"No. {line.number:<4}"
    heads = _heads(" " * len(head))
    rows = ["", *wrap(line.summary, WIDTH, " " * len(head), head), heads["Kind"] + KIND_LABELS[line.kind]]
    facets = describe_facets(line.facets)
    if facets:
        _put(rows, heads["Facets"], facets)
    deadline = describe_deadline(line)
    if line.deadline_text:
        deadline += f', from "{line.deadline_text}"'
    _put(rows, heads["Deadline"], deadline)
    _put(rows, heads["Status"], describe_status(line))
    if line.latest_note:
        _put(rows, heads["Note"], line.latest_note)
    if line.evidence:
        _put(rows, heads["Evidence"], line.evidence)
    _put(rows, heads["Source"], f"“{line.excerpt}”" if line.excerpt.strip() else NO_EXCERPT)
    return "\n".join(rows)


def _agreement(agreement: AgreementSummary, summary: Summary) -> Iterator[str]:
    yield REPORT_TITLE.upper()
    yield from wrap(agreement.title, WIDTH)
    yield "=" * WIDTH
    yield _field("Parties", format_parties(agreement.parties))
    yield _field("Signed", format_signing(agreement.signed_on, agreement.place))
    yield _field("As of", format_date(summary.as_of))
    yield _field("Generated", format_timestamp(summary.generated_at))
    yield from _figures(agreement.figures)
    yield from _timeline(agreement, summary)
    yield from _heading(f"Overdue ({len(agreement.overdue)})")
    if not agreement.overdue:
        yield f"Nothing overdue on {format_date(summary.as_of)}."
    yield from map(_short, agreement.overdue)
    yield from _heading(f"Due in the next 30 days ({len(agreement.due_soon)})")
    if not agreement.due_soon:
        yield "No open provision falls due in the next 30 days."
    yield from map(_short, agreement.due_soon)
    yield from _heading(f"All provisions ({len(agreement.provisions)})")
    if not agreement.provisions:
        yield "No provisions recorded."
    yield from map(_full, agreement.provisions)
    yield ""
    yield from wrap(SCORE_NOTE, WIDTH)


def _cover(summary: Summary) -> Iterator[str]:
    yield REPORT_TITLE.upper()
    yield f"{plural(len(summary.agreements), 'agreement')}, as of {format_date(summary.as_of)}"
    yield "=" * WIDTH
    yield _field("Generated", format_timestamp(summary.generated_at))
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
    with cycle_collection_paused():
        parts.extend("\n".join(_agreement(a, summary)) for a in summary.agreements)
    return ("\n\n" + "#" * WIDTH + "\n\n").join(parts) + "\n"
