"""Paragraph styles of a Word document, looked up once.

python-docx resolves ``paragraph.style`` by scanning every style of the document each time,
which makes reading a long document quadratic; this index answers from a dictionary.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import _Element


class ParagraphStyles:
    def __init__(self, document: WordDocument) -> None:
        self._names: dict[str, str] = {}
        self._properties: dict[str, _Element | None] = {}
        self._default: str | None = None
        for style in document.styles.element.findall(qn("w:style")):
            if style.get(qn("w:type")) != "paragraph":
                continue
            style_id = style.get(qn("w:styleId")) or ""
            name = style.find(qn("w:name"))
            self._names[style_id] = (name.get(qn("w:val")) or "") if name is not None else ""
            self._properties[style_id] = style.find(qn("w:pPr"))
            if style.get(qn("w:default")) in ("1", "true", "on"):
                self._default = style_id

    def name(self, paragraph: Paragraph) -> str:
        return self._names.get(self._style_id(paragraph), "")

    def properties(self, paragraph: Paragraph) -> _Element | None:
        """The style's paragraph properties (w:pPr), where a style's list numbering lives."""
        return self._properties.get(self._style_id(paragraph))

    def _style_id(self, paragraph: Paragraph) -> str:
        return paragraph._p.style or self._default or ""
