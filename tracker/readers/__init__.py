"""File -> normalised text: plain text, Markdown, web pages, PDF and Word documents.

``read_document`` is the one way in for files, ``read_bytes`` for data already in memory
(a drop or a download), ``normalise_text`` for pasted text. Every failure is a
``DocumentError`` whose message is one line naming the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tracker.errors import DocumentError
from tracker.readers.document import Document, ReadText
from tracker.readers.normalise import normalise_text
from tracker.readers.titles import clean_title

__all__ = [
    "MAX_INPUT_BYTES",
    "SUPPORTED_SUFFIXES",
    "Document",
    "normalise_text",
    "read_bytes",
    "read_document",
]

# Far beyond any agreement (the longest run to a few MB as PDF), small enough that a file
# picked by mistake cannot exhaust memory.
MAX_INPUT_BYTES = 100 * 1024 * 1024

_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMATS)


def read_document(path: Path | str) -> Document:
    """The normalised text of an agreement file, with its title and source."""
    path = Path(path)
    name = str(path)
    try:
        if not path.exists():
            raise DocumentError(f"{name}: no such file.")
        if path.is_dir():
            raise DocumentError(f"{name}: is a folder, not a file.")
        if not path.is_file():
            # A pipe or a device would block or never end.
            raise DocumentError(f"{name}: is not a regular file.")
        _check_suffix(path.name, name)
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise DocumentError(_too_large(name, size))
        with path.open("rb") as file:
            # One byte over the cap is enough to know a growing file went past it.
            data = file.read(MAX_INPUT_BYTES + 1)
    except PermissionError:
        raise DocumentError(f"{name}: permission denied; the file cannot be read.") from None
    except OSError as exc:
        raise DocumentError(f"{name}: cannot be read ({exc.strerror or exc}).") from None
    return _read(data, name, path.name)


def read_bytes(data: bytes, name: str) -> Document:
    """Like ``read_document`` for content already in memory; ``name`` gives its format."""
    _check_suffix(name, name)
    return _read(data, name, Path(name).name)


def _read(data: bytes, name: str, file_name: str) -> Document:
    if len(data) > MAX_INPUT_BYTES:
        raise DocumentError(_too_large(name, len(data)))
    if not data.strip():
        problem = "is empty" if not data else "holds only blank space"
        raise DocumentError(f"{name}: the file {problem}.")
    suffix = Path(file_name).suffix.lower()
    found = _reader(suffix)(data, name)
    text = normalise_text(found.text)
    if not text.strip():
        raise DocumentError(f"{name}: no text found in the file.")
    title = clean_title(normalise_text(found.title or "")) or clean_title(Path(file_name).stem) or file_name
    return Document(text=text, title=title, source=found.source or file_name, format=_FORMATS[suffix])


def _reader(suffix: str) -> Callable[[bytes, str], ReadText]:
    # Imported on demand: each format's library costs import time that most runs never need.
    fmt = _FORMATS[suffix]
    if fmt == "txt":
        from tracker.readers.text import read_plain_text

        return read_plain_text
    if fmt == "md":
        from tracker.readers.text import read_markdown

        return read_markdown
    if fmt == "html":
        from tracker.readers.html import read_html

        return read_html
    if fmt == "pdf":
        from tracker.readers.pdf import read_pdf

        return read_pdf
    from tracker.readers.docx import read_docx

    return read_docx


def _check_suffix(file_name: str, name: str) -> None:
    suffix = Path(file_name).suffix.lower()
    if suffix not in _FORMATS:
        kind = f"'{suffix}' files are" if suffix else "files without an extension are"
        raise DocumentError(f"{name}: {kind} not supported; supported: {', '.join(SUPPORTED_SUFFIXES)}.")


def _too_large(name: str, size: int) -> str:
    return (f"{name}: too large ({size / 1024 / 1024:.1f} MB); "
            f"the limit is {MAX_INPUT_BYTES // (1024 * 1024)} MB.")
