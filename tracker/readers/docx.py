"""Word (.docx) files: paragraphs and table rows in document order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
import docx.opc.exceptions
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from tracker.errors import DocumentError
from tracker.readers.document import ReadText
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
        blocks = list(_blocks(document))
        heading = next((clean_title(text) for text, is_heading in blocks if is_heading and clean_title(text)),
                       None)
    except Exception:
        raise DocumentError(_damaged(name)) from None
    text = "\n\n".join(text for text, _ in blocks if text.strip())
    stated_title = clean_title(document.core_properties.title or "")
    return ReadText(text, heading or first_line_title(text) or stated_title)


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


def _blocks(document: WordDocument) -> Iterator[tuple[str, bool]]:
    """(text, is_heading) for each paragraph and each table row, in reading order."""
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text, _is_heading(item)
        else:
            yield from _table_rows(item)


def _table_rows(table: Table) -> Iterator[tuple[str, bool]]:
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
                    parts.append(item.text)
                else:
                    parts.extend(text for text, _ in _table_rows(item))
            cells.append(" ".join(" ".join(parts).split()))
        if any(cells):
            yield "\t".join(cells), False


def _is_heading(paragraph: Paragraph) -> bool:
    style = paragraph.style
    style_name = (style.name or "") if style is not None else ""
    return style_name.lower().startswith(_HEADING_STYLES)
