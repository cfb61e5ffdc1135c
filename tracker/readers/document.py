"""What reading a file yields: its normalised text and a title to show for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Document:
    """An agreement's text as the app stores it, with where it came from.

    ``text`` is in the form ``normalise_text`` gives; every stored offset refers to it.
    ``source`` is the file name (or, for a saved web page that names it, the page's URL);
    ``format`` is one of "txt", "md", "html", "pdf", "docx".
    """

    text: str
    title: str
    source: str
    format: str


class ReadText(NamedTuple):
    """What a format reader found, before the shared normalisation and checks."""

    text: str
    title: str | None = None
    source: str | None = None
