"""Word documents: paragraphs and table rows in the order they appear."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml

from tracker.errors import DocumentError
from tracker.readers import read_document


def test_paragraphs_and_table_rows_come_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("")
    document.add_heading("Agreement on a Ceasefire", level=1)
    document.add_paragraph("1. The parties shall cease fire at 00:01 on 6 March 2020.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Heavy weapons"
    table.cell(0, 1).text = "withdrawn within 14 days"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Patrols along the M4 highway"
    paragraph = document.add_paragraph("2. Prisoners are ")
    paragraph.add_run("exchanged").bold = True
    paragraph.add_run(".")
    path = tmp_path / "ceasefire.docx"
    document.save(str(path))

    read = read_document(path)
    assert read.text == (
        "Agreement on a Ceasefire\n\n"
        "1. The parties shall cease fire at 00:01 on 6 March 2020.\n\n"
        "Heavy weapons\twithdrawn within 14 days\n\n"
        "Patrols along the M4 highway\n\n"
        "2. Prisoners are exchanged."
    )
    assert read.title == "Agreement on a Ceasefire"
    assert read.format == "docx"


def test_without_a_heading_the_first_line_is_the_title(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Memorandum of Understanding")
    document.add_paragraph("The sides will establish a joint centre.")
    path = tmp_path / "mou.docx"
    document.save(str(path))
    assert read_document(path).title == "Memorandum of Understanding"


def test_a_damaged_docx_is_reported_as_such(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Text.")
    whole = tmp_path / "whole.docx"
    document.save(str(whole))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(DocumentError, match=r"broken\.docx: the \.docx is damaged"):
        read_document(broken)


def test_an_old_doc_file_renamed_docx_gets_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DocumentError, match=r"old\.docx: this is an old Word \.doc file; save it as \.docx"):
        read_document(path)


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a document")
    with pytest.raises(DocumentError, match=r"archive\.docx: the \.docx is damaged or not a Word document"):
        read_document(path)


def add_numbering(document: DocxDocument, num_id: int, levels: list[tuple[str, str]], start: int = 1) -> None:
    """Adds a list definition: one (format, text) pair per level, as Word writes them."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    level_xml = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for index, (fmt, text) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element
    abstract = f'<w:abstractNum {ns} w:abstractNumId="{num_id}">{level_xml}</w:abstractNum>'
    numbering.insert(0, parse_xml(abstract))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'))


def numbered(document: DocxDocument, text: str, num_id: int, level: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def test_automatic_list_numbers_are_shown_as_in_word(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The sides agreed:")
    document.add_paragraph("Cease fire.", style="List Number")
    document.add_paragraph("Withdraw heavy weapons.", style="List Number")
    add_numbering(document, 90, [("upperRoman", "%1."), ("lowerLetter", "(%2)"), ("decimal", "%1.%2.%3")])
    numbered(document, "General provisions", 90)
    numbered(document, "tanks", 90, level=1)
    numbered(document, "artillery", 90, level=1)
    numbered(document, "calibre over 100 mm", 90, level=2)
    numbered(document, "Final provisions", 90)
    numbered(document, "signature", 90, level=1)
    path = tmp_path / "numbered.docx"
    document.save(str(path))

    assert read_document(path).text == (
        "The sides agreed:\n\n1. Cease fire.\n\n2. Withdraw heavy weapons.\n\n"
        "I. General provisions\n\n(a) tanks\n\n(b) artillery\n\nI.b.1 calibre over 100 mm\n\n"
        "II. Final provisions\n\n(a) signature"
    )
