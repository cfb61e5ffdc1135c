"""The numbers Word draws in front of automatically numbered paragraphs ("1.", "2.1", "(a)").

Word keeps them out of the paragraph text, but in an agreement they are part of what the
reader sees and cites ("point 3"), so they are put back in front of each paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

from tracker.readers.docx_styles import ParagraphStyles

_LEVEL_REFERENCE = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class _Level:
    start: int
    number_format: str
    text: str


class ListNumbering:
    """Counts the numbered paragraphs of one document in reading order."""

    def __init__(self, document: WordDocument, styles: ParagraphStyles) -> None:
        self._styles = styles
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return  # no numbering part: nothing in the document is numbered
        abstract = {
            item.get(qn("w:abstractNumId")): _levels(item) for item in numbering.findall(qn("w:abstractNum"))
        }
        for num in numbering.findall(qn("w:num")):
            abstract_id = _value(num.find(qn("w:abstractNumId")))
            levels = dict(abstract.get(abstract_id, {}))
            for override in num.findall(qn("w:lvlOverride")):
                level_index = int(override.get(qn("w:ilvl")) or 0)
                start = _value(override.find(qn("w:startOverride")))
                if level_index in levels and start is not None and start.isdigit():
                    old = levels[level_index]
                    levels[level_index] = _Level(int(start), old.number_format, old.text)
            self._levels[num.get(qn("w:numId")) or ""] = levels

    def marker(self, paragraph: Paragraph) -> str:
        """The paragraph's number followed by a space, or "" for an unnumbered paragraph."""
        found = _numbering_of(paragraph, self._styles)
        if found is None:
            return ""
        num_id, level_index = found
        levels = self._levels.get(num_id)
        if not levels or level_index not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[level_index] = counters.get(level_index, levels[level_index].start - 1) + 1
        for deeper in [index for index in counters if index > level_index]:
            del counters[deeper]
        level = levels[level_index]
        if level.number_format in ("bullet", "none"):
            return ""

        def number(match: re.Match[str]) -> str:
            referenced = int(match.group(1)) - 1
            ref_level = levels.get(referenced)
            if ref_level is None:
                return ""
            value = counters.get(referenced, ref_level.start)
            return _format_number(value, ref_level.number_format)

        text = _LEVEL_REFERENCE.sub(number, level.text).strip()
        return f"{text} " if text else ""


def _numbering_of(paragraph: Paragraph, styles: ParagraphStyles) -> tuple[str, int] | None:
    """(numId, level) from the paragraph itself or else from its style."""
    for properties in (paragraph._p.pPr, styles.properties(paragraph)):
        if properties is None:
            continue
        num_pr = properties.find(qn("w:numPr"))
        if num_pr is None:
            continue
        num_id = _value(num_pr.find(qn("w:numId")))
        if num_id is None or num_id == "0":  # numId 0 switches numbering off
            return None
        level = _value(num_pr.find(qn("w:ilvl")))
        return num_id, int(level) if level and level.isdigit() else 0
    return None


def _levels(abstract_num: _Element) -> dict[int, _Level]:
    levels = {}
    for level in abstract_num.findall(qn("w:lvl")):
        start = _value(level.find(qn("w:start")))
        levels[int(level.get(qn("w:ilvl")) or 0)] = _Level(
            start=int(start) if start and start.isdigit() else 1,
            number_format=_value(level.find(qn("w:numFmt"))) or "decimal",
            text=_value(level.find(qn("w:lvlText"))) or "",
        )
    return levels


def _value(element: _Element | None) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _format_number(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters if number_format == "lowerLetter" else letters.upper()
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa..."""
    if value < 1:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    result = ""
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        result += numeral * count
    return result
