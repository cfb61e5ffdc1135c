"""The compliance summary as one self-contained HTML page, charts drawn as inline SVG.

The page prints well too: each agreement after the cover starts on a new sheet.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from tracker.domain import Status
from tracker.reports.chart import (
    AS_OF_COLOUR,
    OVERDUE_COLOUR,
    STATUS_COLOURS,
    Timeline,
    month_ticks,
    status_rows,
    timeline,
)
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

_STYLE = """
@page { size: A4; margin: 16mm 18mm; }
body { font-family: "Source Sans 3", "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2933;
       max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; font-size: 10.5pt; line-height: 1.45; }
h1, h2 { font-family: "Source Serif 4", Georgia, Cambria, serif; }
h1 { font-size: 1.9rem; margin: .2rem 0 1rem; line-height: 1.2; }
h2 { color: #1d4e89; font-size: 1.25rem; border-bottom: 1.5px solid #1d4e89; padding-bottom: .15rem;
     margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 .3rem; display: flex; justify-content: space-between; gap: 1rem; }
.kicker { color: #1d4e89; font-weight: 700; font-size: .75rem; letter-spacing: .08em; }
.agreement + .agreement, .cover + .agreement { break-before: page; border-top: 3px double #cbd2d9;
     margin-top: 3rem; padding-top: 1rem; }
dl.meta { display: grid; grid-template-columns: 10rem 1fr; gap: .15rem 1rem; margin: 0; }
dl.meta dt, dl.fields dt { color: #52606d; font-size: .75rem; font-weight: 700; text-transform: uppercase;
     padding-top: .15rem; }
dl.meta dd, dl.fields dd { margin: 0; }
dl.fields { display: grid; grid-template-columns: 8rem 1fr; gap: .1rem 1rem; margin: 0 0 .4rem 2rem; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: .7rem; }
.tile { background: #f1f3f5; border-left: 3px solid #1d4e89; padding: .5rem .7rem; }
.tile.alert { border-left-color: #b3261e; }
.tile .label { color: #52606d; font-size: .7rem; font-weight: 700; text-transform: uppercase; }
.tile .value { font-family: Georgia, serif; font-size: 1.7rem; font-weight: 700; line-height: 1.2; }
.tile .value.small { font-size: 1.1rem; padding: .35rem 0 .2rem; }
.tile .caption { color: #52606d; font-size: .75rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th { text-align: left; color: #52606d; font-size: .72rem; text-transform: uppercase; background: #f1f3f5; }
th, td { padding: .3rem .4rem; border-bottom: 1px solid #cbd2d9; vertical-align: top; }
td.number { text-align: right; }
.chip { display: inline-block; border-radius: 3px; padding: 0 .4rem; font-size: .8rem; white-space: nowrap; }
blockquote { font-family: Georgia, serif; font-style: italic; color: #323f4b; margin: .3rem 0 .8rem 2rem;
     padding-left: .8rem; border-left: 2px solid #9aa5b1; }
.note { color: #52606d; font-size: .8rem; margin-top: 2rem; }
footer { color: #52606d; font-size: .8rem; border-top: 1px solid #cbd2d9; margin-top: 2rem;
         padding-top: .4rem; }
svg text { font-family: inherit; }
"""


def _chip(status: Status) -> str:
    colour = STATUS_COLOURS[status]
    ink = "#1f2933" if status in (Status.PENDING, Status.PARTIAL) else "#ffffff"
    return f'<span class="chip" style="background:{colour};color:{ink}">{escape(status.label)}</span>'


def _link(target: str) -> str:
    """A web address as a link; anything else (a file name, a citation) as text."""
    if target.startswith(("http://", "https://")):
        return f'<a href="{escape(target)}">{escape(target)}</a>'
    return escape(target)


def _status_svg(figures: Figures) -> str:
    rows = status_rows(figures)
    if not rows:
        return "<p>No provisions recorded.</p>"
    row, label, room = 22, 90, 420
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="{row * len(rows) + 6}" '
        f'viewBox="0 0 640 {row * len(rows) + 6}" aria-label="Provisions by status">'
    ]
    for index, (status, count, fraction) in enumerate(rows):
        y = index * row + 3
        share = 100 * count / figures.provision_count
        width = max(2.0, room * fraction)
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="12">{escape(status.label)}</text>'
            f'<rect x="{label}" y="{y + 3}" width="{width:.1f}" height="14" fill="{STATUS_COLOURS[status]}"/>'
            f'<text x="{label + width + 6:.1f}" y="{y + 14}" font-size="12">{count} ({share:.0f}%)</text>'
        )
    parts.append(f'<line x1="{label}" y1="0" x2="{label}" y2="{row * len(rows) + 6}" stroke="#52606d"/>')
    parts.append("</svg>")
    return "".join(parts)


def _timeline_svg(chart: Timeline) -> str:
    width, top, plot, count = 640.0, 18.0, 70.0, len(chart.buckets)
    base = top + plot
    column = width / count
    tallest = max(chart.tallest, 1)
    marker = chart.as_of_position * width
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}" height="{base + 22:.0f}" '
        f'viewBox="0 0 {width:.0f} {base + 22:.0f}" aria-label="Deadlines against the as-of date">',
        f'<rect x="0" y="{top}" width="{marker:.1f}" height="{plot}" fill="{OVERDUE_COLOUR}" '
        'fill-opacity="0.06"/>',
    ]
    for index, statuses in enumerate(chart.buckets):
        y = base
        for status in statuses:
            height = plot / tallest
            y -= height
            left = index * column + column * 0.12
            parts.append(
                f'<rect x="{left:.1f}" y="{y + 0.5:.1f}" width="{column * 0.76:.1f}" '
                f'height="{height - 1:.1f}" fill="{STATUS_COLOURS[status]}"><title>{escape(status.label)}'
                f"</title></rect>"
            )
    label = f"as of {format_date(chart.as_of)}"
    anchor = "start" if marker < width * 0.75 else "end"
    offset = 4 if anchor == "start" else -4
    parts += [
        f'<line x1="0" y1="{base}" x2="{width:.0f}" y2="{base}" stroke="#52606d"/>',
        f'<line x1="{marker:.1f}" y1="10" x2="{marker:.1f}" y2="{base + 3}" stroke="{AS_OF_COLOUR}" '
        'stroke-width="2"/>',
        f'<text x="{marker + offset:.1f}" y="11" font-size="11" font-weight="bold" fill="#52606d" '
        f'text-anchor="{anchor}">{escape(label)}</text>',
    ]
    ticks = month_ticks(chart, 8)
    if len(ticks) < 2:  # under two months: the end dates give the scale
        ticks = [(chart.start, format_date(chart.start)), (chart.end, format_date(chart.end))]
    for tick, text in ticks:
        at = chart.position(tick) * width
        anchor = "start" if at < 30 else "end" if at > width - 30 else "middle"
        parts.append(
            f'<line x1="{at:.1f}" y1="{base}" x2="{at:.1f}" y2="{base + 4}" stroke="#52606d"/>'
            f'<text x="{at:.1f}" y="{base + 16}" font-size="11" fill="#52606d" text-anchor="{anchor}">'
            f"{escape(text)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _tiles(figures: Figures) -> str:
    scored = (
        f"over {plural(figures.scored_count, 'scorable provision')}"
        if figures.score is not None
        else "nothing scorable"
    )
    upcoming = figures.next_deadline
    tiles = [
        ("", "Implementation score", format_score(figures.score), "", scored),
        (
            " alert" if figures.overdue_count else "",
            "Overdue",
            str(figures.overdue_count),
            "",
            f"of {plural(figures.provision_count, 'provision')}",
        ),
        ("", "Due within 30 days", str(figures.due_soon_count), "", "open provisions"),
        (
            "",
            "Next deadline",
            format_date(upcoming.deadline) if upcoming else "none",
            " small",
            describe_countdown_of(upcoming) if upcoming else "no open deadline ahead",
        ),
    ]
    cells = "".join(
        f'<div class="tile{kind}"><div class="label">{escape(label)}</div>'
        f'<div class="value{size}">{escape(value)}</div><div class="caption">{escape(caption)}</div></div>'
        for kind, label, value, size, caption in tiles
    )
    return f'<div class="tiles">{cells}</div>'


def _meta(rows: Sequence[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in rows)
    return f'<dl class="meta">{items}</dl>'


def _deadline_table(lines: Sequence[ProvisionLine], *, overdue: bool) -> str:
    middle = "Days overdue" if overdue else "Countdown"
    head = "".join(f"<th>{h}</th>" for h in ("No.", "Provision", "Deadline", middle, "Status", "Latest note"))
    body = "".join(
        f'<tr><td class="number">{line.number}</td><td><strong>{escape(line.summary)}</strong></td>'
        f"<td>{escape(format_date(line.deadline))}</td>"
        f"<td>{line.days_overdue if overdue else escape(describe_countdown_of(line))}</td>"
        f"<td>{_chip(line.status)}</td><td>{escape(line.latest_note) or '—'}</td></tr>"
        for line in lines
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _provision(line: ProvisionLine) -> Iterator[str]:
    yield f"<h3><span>{line.number}. {escape(line.summary)}</span>{_chip(line.status)}</h3>"
    fields = [("Kind", escape(line.kind.label))]
    facets = describe_facets(line.facets)
    if facets:
        fields.append(("Facets", escape(facets)))
    deadline = describe_deadline(line)
    if line.deadline_text:
        deadline += f" — “{line.deadline_text}”"
    fields.append(("Deadline", escape(deadline)))
    fields.append(("Status", escape(describe_status(line))))
    if line.latest_note:
        fields.append(("Latest note", escape(line.latest_note)))
    if line.evidence:
        fields.append(("Evidence", _link(line.evidence)))
    yield '<dl class="fields">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in fields) + "</dl>"
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in line.excerpt.split("\n") if p.strip())
    yield f"<blockquote>{paragraphs}</blockquote>" if paragraphs else f'<p class="note">{NO_EXCERPT}</p>'


def _agreement(summary: Summary, agreement: AgreementSummary) -> Iterator[str]:
    yield f'<section class="agreement" id="agreement-{agreement.id}">'
    yield f'<div class="kicker">{REPORT_TITLE.upper()}</div>'
    yield f"<h1>{escape(agreement.title)}</h1>"
    yield _meta(
        [
            ("Parties", format_parties(agreement.parties)),
            ("Signed", format_signing(agreement.signed_on, agreement.place)),
            ("Status as of", format_date(summary.as_of)),
            ("Generated", format_timestamp(summary.generated_at)),
        ]
    )
    yield "<h2>Headline figures</h2>"
    yield _tiles(agreement.figures)
    yield "<h2>Provisions by status</h2>"
    yield _status_svg(agreement.figures)
    chart = timeline(agreement.provisions, summary.as_of, 72)
    if chart is not None:
        yield "<h3>Deadlines against the as-of date</h3>"
        yield _timeline_svg(chart)
    yield f"<h2>Overdue on {escape(format_date(summary.as_of))} ({len(agreement.overdue)})</h2>"
    yield (
        _deadline_table(agreement.overdue, overdue=True)
        if agreement.overdue
        else "<p>Nothing is overdue.</p>"
    )
    yield f"<h2>Due in the next 30 days ({len(agreement.due_soon)})</h2>"
    yield (
        _deadline_table(agreement.due_soon, overdue=False)
        if agreement.due_soon
        else "<p>No open provision falls due in the next 30 days.</p>"
    )
    yield f"<h2>All provisions ({len(agreement.provisions)})</h2>"
    if not agreement.provisions:
        yield "<p>No provisions recorded.</p>"
    for line in agreement.provisions:
        yield from _provision(line)
    yield f'<p class="note">{escape(SCORE_NOTE)}</p>'
    yield "</section>"


def _cover(summary: Summary) -> Iterator[str]:
    yield '<section class="cover">'
    yield f'<div class="kicker">{REPORT_TITLE.upper()}</div>'
    yield f"<h1>Implementation of {plural(len(summary.agreements), 'agreement')}</h1>"
    yield _meta(
        [
            ("Status as of", format_date(summary.as_of)),
            ("Generated", format_timestamp(summary.generated_at)),
            ("Provisions", str(summary.totals.provision_count)),
            ("Next deadline", describe_next_deadline(summary.totals)),
        ]
    )
    yield "<h2>All agreements together</h2>"
    yield _tiles(summary.totals)
    yield _status_svg(summary.totals)
    yield "<h2>Agreements in this summary</h2>"
    head = "".join(
        f"<th>{h}</th>" for h in ("Agreement", "Signed", "Provisions", "Score", "Overdue", "Next deadline")
    )
    rows = "".join(
        f'<tr><td><a href="#agreement-{a.id}">{escape(a.title)}</a></td><td>{format_date(a.signed_on)}</td>'
        f'<td class="number">{a.figures.provision_count}</td>'
        f'<td class="number">{format_score(a.figures.score)}</td>'
        f'<td class="number">{a.figures.overdue_count}</td>'
        f"<td>{format_date(a.figures.next_deadline.deadline) if a.figures.next_deadline else '—'}</td></tr>"
        for a in summary.agreements
    )
    yield f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    yield "</section>"


def render_html(summary: Summary) -> str:
    if len(summary.agreements) == 1:
        title = f"{REPORT_TITLE}: {summary.agreements[0].title}"
    else:
        title = f"{REPORT_TITLE} as of {format_date(summary.as_of)}"
    body: list[str] = []
    if not summary.agreements:
        body.append(f"<h1>{REPORT_TITLE}</h1><p>No agreements recorded.</p>")
    if summary.has_cover:
        body.extend(_cover(summary))
    for agreement in summary.agreements:
        body.extend(_agreement(summary, agreement))
    body.append(f"<footer>Generated {escape(format_timestamp(summary.generated_at))}</footer>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
