"""Word documents: paragraphs and table rows in the order they appear."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

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
