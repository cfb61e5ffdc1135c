"""Plain text and Markdown files."""

from __future__ import annotations

from tracker.readers.decoding import decode_text
from tracker.readers.document import ReadText
from tracker.readers.titles import first_line_title


def read_plain_text(data: bytes, name: str) -> ReadText:
    text = decode_text(data, name)
    return ReadText(text, first_line_title(text))


def read_markdown(data: bytes, name: str) -> ReadText:
    """Markdown is kept as written (offsets refer to it); only its title drops the # marks."""
    text = decode_text(data, name)
    return ReadText(text, first_line_title(text, markdown=True))
