"""Word (.docx) files: paragraphs (with their list numbers) and table rows in document order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import NamedTuple

import docx
import docx.opc.exceptions
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from tracker.errors import DocumentError
from tracker.readers.document import ReadText
from tracker.readers.docx_numbering import ListNumbering
from tracker.readers.docx_styles import ParagraphStyles
from tracker.readers.titles import clean_title, first_line_title

_OLD_WORD_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLES = ("title", "heading")


def read_docx(data: bytes, name: str) -> ReadText:
    if data.startswith(_OLD_WORD_SIGNATURE):
        raise DocumentError(f"{name}: this is an old Word .doc file; save it as .docx and import that.")
    if not data.startswith(b"PK"):
        raise DocumentError(f"{name}: not a .docx file (a .docx is a ZIP package, this is not one).")
    document = _open(data, name)
    # python-docx parses lazily, so damage inside the package can surface while reading.
    try:
        styles = ParagraphStyles(document)
        blocks = list(_blocks(document, styles, ListNumbering(document, styles)))
        stated_title = clean_title(document.core_properties.title or "")
    except Exception:
        raise DocumentError(_damaged(name)) from None
    text = "\n\n".join(block.text for block in blocks)
    headings = (clean_title(block.words) for block in blocks if block.is_heading)
    heading = next((title for title in headings if title), None)
    return ReadText(text, heading or first_line_title(text) or stated_title)


class _Block(NamedTuple):
    """A paragraph or table row as it is shown, and its words without a list number."""

    text: str
    words: str
    is_heading: bool = False


def _open(data: bytes, name: str) -> WordDocument:
    # python-docx raises its own errors, zipfile's and lxml's on damaged packages; to the user
    # they all mean the same thing.
    try:
        return docx.Document(io.BytesIO(data))
    except (docx.opc.exceptions.PackageNotFoundError, zipfile.BadZipFile, KeyError):
        raise DocumentError(f"{name}: the .docx is damaged or not a Word document.") from None
    except Exception:
        raise DocumentError(_damaged(name)) from None


def _damaged(name: str) -> str:
    return f"{name}: the .docx is damaged and cannot be read."


def _blocks(document: WordDocument, styles: ParagraphStyles, numbering: ListNumbering) -> Iterator[_Block]:
    """Each non-blank paragraph and table row, in reading order."""
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            # The number is taken even for a blank paragraph: Word counts it too.
            marker = numbering.marker(item)
            if item.text.strip():
                heading = styles.name(item).lower().startswith(_HEADING_STYLES)
                yield _Block(marker + item.text, item.text, heading)
        else:
            yield from _table_rows(item, numbering)


def _table_rows(table: Table, numbering: ListNumbering) -> Iterator[_Block]:
    for row in table.rows:
        cells: list[str] = []
        seen: set[object] = set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans; read it once.
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            parts: list[str] = []
            for item in cell.iter_inner_content():
                if isinstance(item, Paragraph):
                    parts.append(numbering.marker(item) + item.text)
                else:
                    parts.extend(block.text for block in _table_rows(item, numbering))
            cells.append(" ".join(" ".join(parts).split()))
        if any(cells):
            row_text = "\t".join(cells)
            yield _Block(row_text, row_text)
