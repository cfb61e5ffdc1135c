"""An HTML (or trafilatura XML) element tree laid out as plain-text paragraphs.

Block elements become paragraphs, <br> a line break, inline whitespace collapses to one
space, ordered-list items get their number as a browser shows it, and each table row becomes
one paragraph with its cells separated by tabs.
"""

from __future__ import annotations

from typing import NamedTuple

import lxml.etree

# Block-level tags of HTML and of trafilatura's XML, whose text becomes its own paragraph.
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "blockquote", "pre", "address", "figure",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "dl", "li", "ul", "ol",
    "table", "thead", "tbody", "tfoot", "caption", "center", "details", "summary", "body",
    "head", "item", "list", "quote", "code", "doc", "fieldset", "hr",
})
_ROWS = frozenset({"tr", "row"})
_CELLS = frozenset({"td", "th", "cell"})
_LINE_BREAKS = frozenset({"br", "lb"})
_LIST_ITEMS = frozenset({"li", "item"})


class Paragraph(NamedTuple):
    """One paragraph: its list number ("3. ", or "") and its text."""

    marker: str
    text: str

    @property
    def rendered(self) -> str:
        return self.marker + self.text

    @property
    def letters(self) -> str:
        """The text without any whitespace: what two layouts of the same words share, since
        extraction may add or drop a space where a block ends."""
        return "".join(self.text.split())


def layout_paragraphs(root: lxml.etree._Element) -> list[Paragraph]:
    layout = _Layout()
    layout.walk(root)
    layout.end_paragraph()
    return layout.paragraphs


def render(paragraphs: list[Paragraph]) -> str:
    return "\n\n".join(paragraph.rendered for paragraph in paragraphs)


class _Layout:
    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self._pieces: list[str] = []
        self._line_ends: list[int] = []
        self._pending_marker = ""

    def walk(self, element: lxml.etree._Element, marker: str = "") -> None:
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction: nothing a reader sees
        tag = element.tag.lower()
        if tag in _LINE_BREAKS:
            self._line_ends.append(len(self._pieces))
        elif tag in _ROWS:
            self.end_paragraph()
            self._add_paragraph("\t".join(_cell_text(cell) for cell in element if _tag(cell) in _CELLS))
        elif tag in _BLOCKS or tag in _CELLS:
            self.end_paragraph()
            if marker:
                self._pending_marker = marker
            self._walk_content(element)
            self.end_paragraph()
            if marker:
                self._pending_marker = ""  # an empty list item leaves no number behind
        else:
            self._walk_content(element)

    def end_paragraph(self) -> None:
        lines, start = [], 0
        for end in [*self._line_ends, len(self._pieces)]:
            lines.append(" ".join("".join(self._pieces[start:end]).split()))
            start = end
        self._pieces.clear()
        self._line_ends.clear()
        self._add_paragraph("\n".join(lines).strip("\n"))

    def _walk_content(self, element: lxml.etree._Element) -> None:
        self._pieces.append(element.text or "")
        ordinal = _first_ordinal(element)
        for child in element:
            if ordinal is not None and _tag(child) in _LIST_ITEMS:
                self.walk(child, f"{ordinal}. ")
                ordinal += 1
            else:
                self.walk(child)
            self._pieces.append(child.tail or "")

    def _add_paragraph(self, text: str) -> None:
        if text.strip():
            self.paragraphs.append(Paragraph(self._pending_marker, text))
            self._pending_marker = ""


def _cell_text(cell: lxml.etree._Element) -> str:
    return " ".join(render(layout_paragraphs(cell)).split())


def _tag(element: lxml.etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _first_ordinal(element: lxml.etree._Element) -> int | None:
    """The number of an ordered list's first item; None for any other element."""
    tag = _tag(element)
    if tag != "ol" and not (tag == "list" and element.get("rend") == "ol"):
        return None
    try:
        return int(element.get("start") or 1)
    except ValueError:
        return 1
