"""The PDF summary, opened and read back with pypdf as any PDF reader would."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from summary_sample import AS_OF, GENERATED, OVERDUE_ON_AS_OF, records

from tracker.domain import Status
from tracker.errors import InvalidInput
from tracker.reports.formatting import format_date
from tracker.reports.model import Summary, build_summary, summarise
from tracker.reports.pdf import pdf_bytes, write_pdf
from tracker.services import Services

# pytest-qt's application, so that the GUI tests of the same run find a QApplication, not
# the QGuiApplication that a PDF would otherwise create for itself.
pytestmark = pytest.mark.usefixtures("qapp")


def pages_of(data: bytes) -> list[str]:
    """Each page's text with runs of whitespace made single spaces."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages]


def between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


@pytest.fixture
def one(sample_services: Services) -> Summary:
    return build_summary(sample_services, 1, AS_OF, GENERATED)


def test_pdf_gives_every_provision_its_deadline_and_status(one: Summary, tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    write_pdf(one, path)
    text = " ".join(pages_of(path.read_bytes()))
    everything = between(text, "All provisions (8)", "Implementation score: Peace")
    lines = one.agreements[0].provisions
    for line, following in zip(lines, [*lines[1:], None], strict=True):
        end = f"{following.number}. {following.summary}" if following else "Implementation score"
        part = between(everything + " Implementation score", f"{line.number}. {line.summary}", end)
        assert line.status.label in part
        assert (format_date(line.deadline) if line.deadline else "no deadline") in part
    assert "Violated since 16 Oct 2018" in everything
    assert "“All armed groups shall leave the zone by 15 October 2018.”" in everything


def test_pdf_overdue_section_lists_exactly_the_overdue_provisions(one: Summary) -> None:
    text = " ".join(pages_of(pdf_bytes(one)))
    overdue = between(text, "Overdue on 20 Oct 2018 (3)", "Due in the next 30 days")
    for line in one.agreements[0].provisions:
        assert (line.summary in overdue) == (line.summary in OVERDUE_ON_AS_OF), line.summary


def test_pdf_as_of_date_changes_the_overdue_section(sample_services: Services) -> None:
    later = build_summary(sample_services, 1, date(2018, 11, 10))
    text = " ".join(pages_of(pdf_bytes(later)))
    overdue = between(text, "Overdue on 10 Nov 2018 (3)", "Due in the next 30 days")
    assert "Detainees exchanged all for all" in overdue
    assert "Armed groups leave the zone" not in overdue


def test_pdf_pages_are_numbered_and_agreements_start_on_new_pages(sample_services: Services) -> None:
    summary = build_summary(sample_services, None, AS_OF)
    pages = pages_of(pdf_bytes(summary))
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert "Implementation of 2 agreements" in pages[0] and "Agreements in this summary" in pages[0]
    starts = [
        n for n, page in enumerate(pages) if "COMPLIANCE SUMMARY" in page and "Headline figures" in page
    ]
    assert len(starts) == 2 and starts[0] == 1
    assert "Protocol on the Southern Crossing Points PARTIES" in pages[starts[1]]


def test_a_long_table_repeats_its_header_on_every_page() -> None:
    agreement, provisions = records()
    late = provisions[5]
    many = [
        dataclasses.replace(
            late,
            id=1000 + n,
            order=100 + n,
            summary=f"Checkpoint {n} handed over",
            deadline=AS_OF - timedelta(days=n + 1),
        )
        for n in range(120)
    ]
    summary = summarise([(agreement, [*provisions, *many])], AS_OF, GENERATED)
    pages = pages_of(pdf_bytes(summary))
    table_pages = [p for p in pages if "Checkpoint" in p and "Days overdue" in p]
    assert len(table_pages) >= 3
    assert all(p.count("No. Provision Deadline Days overdue Status Latest note") == 1 for p in table_pages)
    text = " ".join(pages)
    overdue = between(text, "Overdue on 20 Oct 2018 (123)", "Due in the next 30 days")
    assert all(f"Checkpoint {n} handed over" in overdue for n in range(120))


def test_an_empty_summary_is_still_a_document() -> None:
    pages = pages_of(pdf_bytes(summarise([], AS_OF, GENERATED)))
    assert len(pages) == 1 and "No agreements recorded" in pages[0]


def test_status_chips_and_text_survive_characters_outside_the_basic_plane() -> None:
    agreement, provisions = records()
    odd = dataclasses.replace(provisions[0], summary="Ceasefire 𝐨𝐛𝐬𝐞𝐫𝐯𝐞𝐝 " + "long words " * 30)
    summary = summarise([(agreement, [odd])], AS_OF, GENERATED)
    text = " ".join(pages_of(pdf_bytes(summary)))
    assert "long words long words" in text
    assert summary.agreements[0].provisions[0].status is Status.COMPLIED


def test_unwritable_pdf_path_is_a_clear_error(one: Summary, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"Cannot write .*missing"):
        write_pdf(one, tmp_path / "missing" / "summary.pdf")
    assert not (tmp_path / "missing").exists()


def test_a_very_long_note_is_shortened_in_tables_and_given_whole_in_the_entry() -> None:
    agreement, provisions = records()
    zone = provisions[1]
    long_note = " ".join(f"observation{n}" for n in range(400)) + " final-word"
    last = dataclasses.replace(zone.history[-1], note=long_note)
    noted = dataclasses.replace(zone, history=(*zone.history[:-1], last))
    summary = summarise([(agreement, [provisions[0], noted, *provisions[2:]])], AS_OF, GENERATED)
    pages = pages_of(pdf_bytes(summary))
    text = " ".join(pages)
    overdue = between(text, "Overdue on 20 Oct 2018 (3)", "Due in the next 30 days")
    assert "observation10 " in overdue and "…" in overdue and "final-word" not in overdue
    assert "observation399 final-word" in between(text, "All provisions (8)", "Implementation score: Peace")
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))


def test_pdf_says_when_a_provision_has_no_excerpt() -> None:
    agreement, provisions = records()
    bare = dataclasses.replace(provisions[0], excerpt="", start=0, end=0)
    text = " ".join(pages_of(pdf_bytes(summarise([(agreement, [bare])], AS_OF, GENERATED))))
    assert "No source excerpt recorded." in text and "“”" not in text


def test_evidence_links_can_be_clicked_in_the_pdf(one: Summary) -> None:
    reader = PdfReader(io.BytesIO(pdf_bytes(one)))
    targets = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    assert targets == ["https://monitors.example.org/report/77"]
