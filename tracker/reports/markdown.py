"""The compliance summary as Markdown (for wikis, issue trackers and mail)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tracker.reports.chart import status_chart_lines, timeline, timeline_lines
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


def _inline(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell."""
    flat = " ".join(text.split())
    for char in "\\`*_[]<>|":
        flat = flat.replace(char, "\\" + char)
    return flat


def _link(target: str) -> str:
    """A web address as an autolink; anything else (a file name, a citation) as text."""
    if target.startswith(("http://", "https://")) and not any(c in target for c in " <>"):
        return f"<{target}>"
    return _inline(target)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> Iterator[str]:
    yield "| " + " | ".join(headers) + " |"
    yield "|" + "|".join("---" for _ in headers) + "|"
    for row in rows:
        yield "| " + " | ".join(row) + " |"


def _figures(figures: Figures) -> Iterator[str]:
    score = format_score(figures.score)
    if figures.score is not None:
        score += f" (over {plural(figures.scored_count, 'scorable provision')})"
    upcoming = describe_next_deadline(figures)
    if figures.next_deadline is not None:
        upcoming += f": {_inline(figures.next_deadline.summary)}"
    yield "## Headline figures"
    yield ""
    yield f"- **Implementation score:** {score}"
    yield f"- **Provisions:** {figures.provision_count}"
    yield f"- **Overdue:** {figures.overdue_count}"
    yield f"- **Due within 30 days:** {figures.due_soon_count}"
    yield f"- **Next deadline:** {upcoming}"
    yield ""
    yield "## Provisions by status"
    yield ""
    yield "```text"
    yield from status_chart_lines(figures)
    yield "```"


def _deadline_rows(lines: Sequence[ProvisionLine], overdue: bool) -> Iterator[str]:
    middle = "Days overdue" if overdue else "Countdown"
    yield from _table(
        ["No.", "Provision", "Deadline", middle, "Status", "Latest note"],
        [
            [
                str(line.number),
                _inline(line.summary),
                format_date(line.deadline),
                str(line.days_overdue) if overdue else describe_countdown_of(line),
                line.status.label,
                _inline(line.latest_note) or "—",
            ]
            for line in lines
        ],
    )


def _provision(line: ProvisionLine) -> Iterator[str]:
    yield f"### {line.number}. {_inline(line.summary)}"
    yield ""
    yield f"- **Kind:** {line.kind.label}"
    facets = describe_facets(line.facets)
    if facets:
        yield f"- **Facets:** {_inline(facets)}"
    deadline = describe_deadline(line)
    if line.deadline_text:
        deadline += f" — “{_inline(line.deadline_text)}”"
    yield f"- **Deadline:** {deadline}"
    yield f"- **Status:** {describe_status(line)}"
    if line.latest_note:
        yield f"- **Latest note:** {_inline(line.latest_note)}"
    if line.evidence:
        yield f"- **Evidence:** {_link(line.evidence)}"
    yield ""
    if not line.excerpt.strip():
        yield f"*{NO_EXCERPT}*"
    for paragraph in line.excerpt.split("\n"):
        if paragraph.strip():
            yield f"> {_inline(paragraph)}"
    yield ""


def _agreement(summary: Summary, agreement: AgreementSummary) -> Iterator[str]:
    yield f"# {REPORT_TITLE}: {_inline(agreement.title)}"
    yield ""
    yield from _table(
        ["", ""],
        [
            ["**Parties**", _inline(format_parties(agreement.parties))],
            ["**Signed**", _inline(format_signing(agreement.signed_on, agreement.place))],
            ["**Status as of**", format_date(summary.as_of)],
            ["**Generated**", format_timestamp(summary.generated_at)],
        ],
    )
    yield ""
    yield from _figures(agreement.figures)
    chart = timeline(agreement.provisions, summary.as_of, 60)
    if chart is not None:
        yield ""
        yield "## Deadlines against the as-of date"
        yield ""
        yield "```text"
        yield from timeline_lines(
            chart, format_date(chart.start), format_date(chart.end), format_date(chart.as_of)
        )
        yield "```"
    yield ""
    yield f"## Overdue on {format_date(summary.as_of)} ({len(agreement.overdue)})"
    yield ""
    if agreement.overdue:
        yield from _deadline_rows(agreement.overdue, overdue=True)
    else:
        yield "Nothing is overdue."
    yield ""
    yield f"## Due in the next 30 days ({len(agreement.due_soon)})"
    yield ""
    if agreement.due_soon:
        yield from _deadline_rows(agreement.due_soon, overdue=False)
    else:
        yield "No open provision falls due in the next 30 days."
    yield ""
    yield f"## All provisions ({len(agreement.provisions)})"
    yield ""
    if not agreement.provisions:
        yield "No provisions recorded."
        yield ""
    for line in agreement.provisions:
        yield from _provision(line)
    yield f"*{SCORE_NOTE}*"


def _cover(summary: Summary) -> Iterator[str]:
    yield f"# {REPORT_TITLE}: {plural(len(summary.agreements), 'agreement')}"
    yield ""
    yield f"Status as of {format_date(summary.as_of)}; generated {format_timestamp(summary.generated_at)}."
    yield ""
    yield from _figures(summary.totals)
    yield ""
    yield "## Agreements in this summary"
    yield ""
    yield from _table(
        ["Agreement", "Signed", "Provisions", "Score", "Overdue", "Next deadline"],
        [
            [
                _inline(a.title),
                format_date(a.signed_on),
                str(a.figures.provision_count),
                format_score(a.figures.score),
                str(a.figures.overdue_count),
                format_date(a.figures.next_deadline.deadline) if a.figures.next_deadline else "—",
            ]
            for a in summary.agreements
        ],
    )


def render_markdown(summary: Summary) -> str:
    if not summary.agreements:
        return f"# {REPORT_TITLE}\n\nNo agreements recorded.\n"
    parts = ["\n".join(_cover(summary))] if summary.has_cover else []
    parts.extend("\n".join(_agreement(summary, a)) for a in summary.agreements)
    return "\n\n---\n\n".join(parts) + "\n"
