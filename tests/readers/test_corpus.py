"""The real agreements of the shared corpus read back exactly, in any encoding and container."""

from __future__ import annotations

import html
import json
from pathlib import Path

import docx
import pytest
from pdf_files import PdfBuilder

from tracker.readers import normalise_text, read_document

ROOT = Path(__file__).resolve().parents[2]
CORPORA = (ROOT.parent / "shared" / "corpus", ROOT / "tests" / "extraction" / "dev_corpus")
TEXTS = sorted(
    text for corpus in CORPORA if corpus.is_dir() for text in corpus.glob("*.txt")
    if text.with_suffix(".json").exists()
)

pytestmark = pytest.mark.skipif(not TEXTS, reason="no gold-annotated corpus is present")


def anchors(text_path: Path) -> list[str]:
    gold = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
    return [provision["anchor"] for provision in gold["provisions"]]


@pytest.mark.parametrize("text_path", TEXTS, ids=[path.stem for path in TEXTS])
def test_corpus_text_reads_as_written_and_every_gold_anchor_is_found(text_path: Path) -> None:
    text = read_document(text_path).text
    assert text == normalise_text(text_path.read_text(encoding="utf-8"))
    for anchor in anchors(text_path):
        assert anchor in text


@pytest.mark.parametrize("text_path", TEXTS, ids=[path.stem for path in TEXTS])
def test_offsets_do_not_depend_on_encoding_or_newlines(text_path: Path, tmp_path: Path) -> None:
    original = read_document(text_path).text
    windows = tmp_path / "windows.txt"
    windows.write_bytes(original.replace("\n", "\r\n").encode("utf-16"))
    assert read_document(windows).text == original


@pytest.mark.parametrize("text_path", TEXTS, ids=[path.stem for path in TEXTS])
def test_every_gold_anchor_survives_a_word_document(text_path: Path, tmp_path: Path) -> None:
    word = docx.Document()
    for paragraph in text_path.read_text(encoding="utf-8").split("\n\n"):
        word.add_paragraph(paragraph)
    path = tmp_path / "agreement.docx"
    word.save(str(path))
    text = read_document(path).text
    for anchor in anchors(text_path):
        assert anchor in text


@pytest.mark.parametrize("text_path", TEXTS, ids=[path.stem for path in TEXTS])
def test_every_gold_anchor_survives_a_news_page_around_it(text_path: Path, tmp_path: Path) -> None:
    written = text_path.read_text(encoding="utf-8")
    paragraphs = "\n".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in written.split("\n\n"))
    page = (
        "<html><head><title>News</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        f"<main><article>{paragraphs}</article></main>"
        "<footer>Contacts. Terms of use. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    text = read_document(path).text
    for anchor in anchors(text_path):
        assert anchor in text
    assert "All rights reserved" not in text and "Home" not in text


@pytest.mark.parametrize("text_path", TEXTS, ids=[path.stem for path in TEXTS])
def test_every_gold_anchor_survives_a_pdf(text_path: Path, tmp_path: Path, make_pdf: PdfBuilder) -> None:
    written = text_path.read_text(encoding="utf-8")
    try:
        written.encode("cp1252")
    except UnicodeEncodeError:
        pytest.skip("the test PDF font draws Windows-1252 characters only")
    lines = written.split("\n")
    pages = [lines[start : start + 40] for start in range(0, len(lines), 40)]
    path = tmp_path / "agreement.pdf"
    path.write_bytes(make_pdf(pages))
    text = read_document(path).text
    for anchor in anchors(text_path):
        assert anchor in text
