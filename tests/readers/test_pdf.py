"""PDF files: the text layer, pages apart, line-break hyphens undone where safe."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from pdf_files import PdfBuilder

from tracker.errors import DocumentError
from tracker.readers import read_document
from tracker.readers.pdf import dehyphenate


def write(tmp_path: Path, data: bytes, name: str = "agreement.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pages_are_joined_by_a_blank_line(tmp_path: Path, make_pdf: PdfBuilder) -> None:
    pdf = make_pdf([["Protocol on a Ceasefire", "1. Both cease fire."], ["2. Prisoners are exchanged."]])
    document = read_document(write(tmp_path, pdf))
    assert document.text == "Protocol on a Ceasefire\n1. Both cease fire.\n\n2. Prisoners are exchanged."
    assert document.title == "Protocol on a Ceasefire"
    assert document.format == "pdf"


def test_a_word_hyphenated_at_a_line_break_is_joined(tmp_path: Path, make_pdf: PdfBuilder) -> None:
    pdf = make_pdf([["A demilitar-", "ized zone of 15-", "20 km is set up."]])
    assert read_document(write(tmp_path, pdf)).text == "A demilitarized zone of 15-\n20 km is set up."


def test_hyphens_that_belong_to_the_word_are_kept() -> None:
    text = "the de-\nescalation areas, the Russian-\nTurkish patrols, a non-\naggression pact"
    assert dehyphenate(text) == text


def test_the_documents_own_spelling_decides() -> None:
    kept = "The cease-\nfire holds. The cease-fire began."
    assert dehyphenate(kept) == kept
    assert dehyphenate("Re-\nturn the prisoners. Return all.") == "Return the prisoners. Return all."
    assert dehyphenate("re-\nturn the prisoners.") == "re-\nturn the prisoners."


def test_a_soft_hyphen_at_a_line_break_always_joins() -> None:
    assert dehyphenate("de\u00ad\nescalation") == "deescalation"


def test_typographic_ligatures_read_as_letters(tmp_path: Path, make_pdf: PdfBuilder) -> None:
    pdf = make_pdf([["Within \x1ffteen days the con\x1eict ends."]])
    assert read_document(write(tmp_path, pdf)).text == "Within fifteen days the conflict ends."


def test_a_pdf_without_text_is_taken_for_a_scan(tmp_path: Path, make_pdf: PdfBuilder) -> None:
    with pytest.raises(DocumentError, match=r"scan\.pdf: .*no text layer.*probably scanned.*OCR"):
        read_document(write(tmp_path, make_pdf([[], []]), "scan.pdf"))


def test_a_damaged_pdf_is_reported_as_such(tmp_path: Path, make_pdf: PdfBuilder) -> None:
    pdf = make_pdf([["Some text that will be cut off."]])
    damaged = pdf[:40] + b"\x00garbage" * 10
    with pytest.raises(DocumentError, match=r"broken\.pdf: the PDF is damaged") as caught:
        read_document(write(tmp_path, damaged, "broken.pdf"))
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_a_pdf_at_all(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"fake\.pdf: not a PDF file"):
        read_document(write(tmp_path, b"Just some words, saved with the wrong extension.", "fake.pdf"))


def test_a_password_protected_pdf_says_so(tmp_path: Path, make_pdf: PdfBuilder) -> None:
    source = write(tmp_path, make_pdf([["Confidential annex."]]), "plain.pdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(source))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as file:
        writer.write(file)
    with pytest.raises(DocumentError, match=r"locked\.pdf: the PDF is password-protected"):
        read_document(locked)
