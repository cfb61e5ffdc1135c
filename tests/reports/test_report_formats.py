"""Text, Markdown, HTML and CSV summaries of a real database, read the way a user reads them."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date
from html.parser import HTMLParser

import pytest
from summary_sample import AS_OF, GENERATED, OVERDUE_ON_AS_OF, records

from tracker.reports.csv import COLUMNS, render_csv
from tracker.reports.formatting import format_date
from tracker.reports.html import render_html
from tracker.reports.markdown import render_markdown
from tracker.reports.model import Summary, build_summary, summarise
from tracker.reports.text import render_text, wrap
from tracker.services import Services


@pytest.fixture
def one(sample_services: Services) -> Summary:
    return build_summary(sample_services, 1, AS_OF, GENERATED)


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_text_has_every_section_in_order_with_the_overdue_ones_first(one: Summary) -> None:
    text = render_text(one)
    headings = [
        "HEADLINE FIGURES",
        "PROVISIONS BY STATUS",
        "DEADLINES AGAINST THE AS-OF DATE",
        "OVERDUE (3)",
        "DUE IN THE NEXT 30 DAYS (1)",
        "ALL PROVISIONS (8)",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    overdue = section(text, "OVERDUE (3)", "DUE IN THE NEXT 30 DAYS")
    for line in one.agreements[0].provisions:
        assert (line.summary in overdue) == (line.summary in OVERDUE_ON_AS_OF)
    assert "Implementation score   38%" in text
    assert "█" in section(text, "PROVISIONS BY STATUS", "DEADLINES")  # the chart is drawn
    assert all(len(row) <= 78 for row in text.splitlines() if " " in row.strip())


def test_text_gives_every_provision_its_deadline_status_and_quoted_source(one: Summary) -> None:
    everything = section(render_text(one), "ALL PROVISIONS", "Implementation score: Peace")
    flat = " ".join(everything.split())
    for line in one.agreements[0].provisions:
        assert " ".join(f"“{line.excerpt}”".split()) in flat
        if line.deadline:
            assert format_date(line.deadline) in flat
    assert "Violated since 16 Oct 2018" in flat
    assert "Complied since 28 Sep 2018" in flat
    # A settled provision whose deadline passed is not called overdue.
    assert "1 Oct 2018 (19 days ago)" in flat


def test_wrap_keeps_every_word_within_the_width() -> None:
    text = "word " * 50 + "averyveryverylongwordthatcannotbreak"
    lines = wrap(text, 30, "  ", "- ")
    assert lines[0].startswith("- ") and all(x.startswith("  ") for x in lines[1:])
    assert all(len(x) <= 30 for x in lines[:-1])
    assert " ".join(x[2:] for x in lines).split() == text.split()


def test_markdown_has_the_sections_and_tables_survive_pipes(sample_services: Services) -> None:
    zone = sample_services.list_provisions(1)[1]
    sample_services.set_status(zone.id, zone.status(), date(2018, 10, 18), note="Observers A | B disagree")
    markdown = render_markdown(build_summary(sample_services, 1, AS_OF))
    for heading in (
        "# Compliance summary: Memorandum",
        "## Headline figures",
        "## Provisions by status",
        "## Deadlines against the as-of date",
        "## Overdue on 20 Oct 2018 (3)",
        "## Due in the next 30 days (1)",
        "## All provisions (8)",
    ):
        assert heading in markdown
    rows = [r for r in markdown.splitlines() if r.startswith("| 2 |")]
    assert rows and rows[0].replace("\\|", "").count("|") == 7  # six cells, the pipe escaped
    assert "> A demilitarised zone 15 to 20 kilometres deep" in markdown
    assert "<https://monitors.example.org/report/77>" in markdown


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.svgs = 0
        self.links: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2"):
            self._in = tag
            self.headings.append("")
        elif tag == "svg":
            self.svgs += 1
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.headings[-1] += data


def test_html_has_the_sections_drawn_charts_and_escaped_text(sample_services: Services) -> None:
    zone = sample_services.list_provisions(1)[1]
    sample_services.set_status(
        zone.id,
        zone.status(),
        date(2018, 10, 18),
        note="<script>alert(1)</script>",
        evidence="javascript:alert(1)",
    )
    page = render_html(build_summary(sample_services, 1, AS_OF))
    outline = _Outline()
    outline.feed(page)
    assert outline.headings == [
        "Memorandum on the Stabilisation of the Northern Province",
        "Headline figures",
        "Provisions by status",
        "Overdue on 20 Oct 2018 (3)",
        "Due in the next 30 days (1)",
        "All provisions (8)",
    ]
    assert outline.svgs == 2  # status bars and the deadline timeline
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert all(link.startswith("https://") for link in outline.links)  # no javascript: link


def test_html_of_several_agreements_opens_with_a_cover(sample_services: Services) -> None:
    outline = _Outline()
    outline.feed(render_html(build_summary(sample_services, None, AS_OF)))
    assert outline.headings[:3] == [
        "Implementation of 2 agreements",
        "All agreements together",
        "Agreements in this summary",
    ]
    assert outline.links[:2] == ["#agreement-1", "#agreement-2"]


def test_csv_reads_back_with_a_row_per_provision(sample_services: Services) -> None:
    summary = build_summary(sample_services, None, AS_OF)
    rows = list(csv.DictReader(io.StringIO(render_csv(summary))))
    assert len(rows) == 16 and list(rows[0]) == list(COLUMNS)
    first = [r for r in rows if r["agreement_id"] == "1"]
    assert [r["summary"] for r in first if r["overdue"] == "yes"] == [
        "Demilitarised zone 15-20 km deep established",
        "Heavy weapons withdrawn from the zone",
        "Armed groups leave the zone",
    ]
    zone = first[1]
    assert (zone["deadline"], zone["status"], zone["status_since"], zone["days_overdue"]) == (
        "2018-10-15",
        "violated",
        "2018-10-16",
        "5",
    )
    assert zone["zone_width_km"] == "15-20" and "\n" not in zone["excerpt"]
    assert first[2]["weapons"] == "tanks; MLRS; artillery; mortars"


def test_an_empty_summary_says_so_in_every_format(empty_services: Services) -> None:
    summary = build_summary(empty_services, None, AS_OF)
    assert "No agreements recorded." in render_text(summary)
    assert "No agreements recorded." in render_markdown(summary)
    assert "No agreements recorded." in render_html(summary)
    assert render_csv(summary).splitlines() == [",".join(COLUMNS)]


def test_a_provision_without_an_excerpt_says_so_instead_of_empty_quotes() -> None:
    agreement, provisions = records()
    bare = dataclasses.replace(provisions[0], excerpt="", start=0, end=0)
    summary = summarise([(agreement, [bare])], AS_OF, GENERATED)
    for render in (render_text, render_markdown, render_html):
        page = render(summary)
        assert "No source excerpt recorded." in page and "“”" not in page
