"""Cutting a text into paragraphs, sentences and clauses, keeping exact offsets.

Paragraphs are separated by blank lines, by a line that ends a sentence or by a numbered or
bulleted point; a hard-wrapped paragraph (long lines that do not end a sentence) is read as
one. Sentences end at a full stop, question or exclamation mark (also before a closing
quote) that is followed by a capital, unless the word before is a known abbreviation or an
initial ("U.S."). Clauses are the parts of a sentence separated by semicolons, spaced dashes
or inline list markers, each setting something of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tracker.extraction.operative import has_words
from tracker.extraction.vocabulary import abbreviations

LIST_MARKER = re.compile(
    r"[ \t]*(?:(?:Article|ARTICLE|Art\.|Section|SECTION|Paragraph|Clause|Point)\s+[\dIVXLC]+[.:)]?"
    r"|\(?\d{1,3}(?:\.\d{1,3})*[.)](?!\d)|\d{1,3}(?:\.\d{1,3})+(?=\s)"
    r"|\(?[a-z]\)|\(?[ivx]{1,5}\)|[A-Z][.)](?=\s)|[-–—•*·▪●○◦►])[ \t]+"
)
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
# A line that stops on a lower-case word or a comma breaks a sentence ("... the Russian\nFederation").
ENDS_MID_SENTENCE = re.compile(r"(?:\b[a-z][\w'’-]*|,)\s*$")
TERMINAL = re.compile(r"[.!?:;\"”’)]\s*$")
WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
INITIAL = re.compile(r"(?:^|[\s.(])[A-Za-z]\.$")
# Every break opens on a semicolon, a comma or a space; that first character comes before the
# alternatives (each checks with a lookbehind which one it was) so that the search skips ahead
# to the next candidate character instead of trying every alternative at every position.
CLAUSE_BREAK = re.compile(
    r"[;,\s]"
    r"(?:(?<=;)\s+(?:and\s+|or\s+)?"
    r"|(?<=\s)\s*[—–]\s+|(?<=\s)\s*--\s+"
    r"|(?<=[;:,]\s)\s*(?=\(?[a-z0-9]{1,3}\)\s)"
    # a participle that starts a clause of its own ("and successfully negotiating with ...",
    # "while leaving behind ..."), not one that qualifies a noun ("and supporting services")
    r"|(?<=,)\s+(?:and|while)\s+(?=(?:\w+ly\s+)?\w+ing\s+(?:with|to|the|a|an|all|any|their|its|his|her|our|on"
    r"|in|for|from|behind|out|up|back|that|them|it|off|down|over|sure)\b)"
    r"|(?<=,)(?P<coordinated>\s+(?:and|while|whereas|but)\s+"
    r"(?=(?:[\w'’-]+\s+){1,7}?(?:will|shall|must|is\s+to|are\s+to)\b))"
    # a second clause with a subject of its own and no conjunction, as headlines and leads run
    # them together ("Gaza truce to start on Friday, first hostages to be freed in afternoon")
    r"|(?<=,)(?P<asyndetic>\s+(?=(?!(?:which|who|whose|that|where|when|while|as|if|but|and|or|nor|so|including"
    r"|according|with|under|in|on|at|by|for|from|after|before|until)\b)"
    r"(?:(?!(?:which|whom|whose|that)\b)[\w'’.-]+\s+){1,5}?"
    r"(?:will|shall|is\s+to|are\s+to|to\s+be)\s+[a-z]|to\s+be\s+followed\s+by\b))"
    # "... will begin at 7 a.m. on Friday and 13 women and children will be released"
    r"|(?<=\s)(?P<bare_and>and\s+(?=(?:\d[\d,]*|the|a|an|[A-Z][\w'’-]*)\s+"
    r"(?:(?!(?:that|which|who|and|or)\b)[\w'’-]+\s+){0,6}?(?:will|shall|is\s+to|are\s+to)\b)))"
)
MODAL = re.compile(r"\b(?:will|shall|must|may|should|would|is\s+to|are\s+to)\b")
# A headline or lead sets its first clause with an infinitive as often as with a modal.
SETS_SOMETHING = re.compile(
    r"\b(?:will|shall|must|may|should|would|is\s+to|are\s+to"
    r"|to\s+(?!(?:the|a|an|its|their|his|her|this|these|those|that|all|any|each|some|which|whom)\b)[a-z]{2,})\b"
)
GERUND_EXCEPTIONS = frozenset(
    {"including", "according", "concerning", "regarding", "during", "excluding", "nothing"}
)
SHORT_LINE = 60
WRAPPED_LINE = 30
HEADING_SHARE = 0.6
MAX_SENTENCE = 2000
MIN_CLAUSE_WORDS = 4


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    numbered: bool  # inside a numbered or bulleted point
    marker: str = ""  # the point's number or bullet ("1.", "(a)", "B.")
    ends_paragraph: bool = True

    @property
    def marker_level(self) -> str:
        """The numbering style ("1.", "(a)", "A."), which tells sibling points from sub-points."""
        style = re.sub(r"\d+", "1", self.marker.strip())
        style = re.sub(r"^\(?[ivx]+\)$", "(i)", style)
        style = re.sub(r"[a-z]", "a", style)
        return re.sub(r"[A-Z]", "A", style)


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def paragraphs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, numbered) of every paragraph, trimmed of surrounding white space."""
    blocks: list[tuple[int, int, bool]] = []
    current: list[int] | None = None  # [start, end, numbered]
    previous_line = ""
    for start, end in line_spans(text):
        line = text[start:end]
        if not line.strip():
            if current is not None:
                blocks.append((current[0], current[1], bool(current[2])))
            current = None
            previous_line = ""
            continue
        marker = LIST_MARKER.match(line)
        # A hard-wrapped paragraph: long lines that do not end a sentence, or a line that
        # goes on in lower case.
        continues = (
            current is not None
            and marker is None
            and not TERMINAL.search(previous_line)
            and (
                len(previous_line.strip()) >= SHORT_LINE
                or line.lstrip()[:1].islower()
                or ENDS_MID_SENTENCE.search(previous_line) is not None
                or (len(previous_line.strip()) >= WRAPPED_LINE and not is_heading(previous_line))
            )
        )
        if continues and current is not None:
            current[1] = end
        else:
            if current is not None:
                blocks.append((current[0], current[1], bool(current[2])))
            current = [start, end, 1 if marker else 0]
        previous_line = line
    if current is not None:
        blocks.append((current[0], current[1], bool(current[2])))
    return [trimmed for block in blocks if (trimmed := trim(text, block[0], block[1], block[2])) is not None]


def is_heading(line: str) -> bool:
    """A title line: most of its words capitalised ("Executive Arrangement on the Exchange")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not words:
        return True
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= HEADING_SHARE * len(words)


def trim(text: str, start: int, end: int, numbered: bool) -> tuple[int, int, bool] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, numbered) if start < end else None


def is_abbreviation(text: str, period_at: int) -> bool:
    before = text[max(0, period_at - 12) : period_at + 1]
    if INITIAL.search(before):
        return True
    word = WORD_BEFORE.search(before)
    return bool(word and word.group(1) in abbreviations())


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    block = text[start:end]
    cursor = 0
    for match in SENTENCE_END.finditer(block):
        if block[match.start()] == "." and is_abbreviation(block, match.start()):
            continue
        yield from bounded(text, start + cursor, start + match.end())
        cursor = match.end()
    yield from bounded(text, start + cursor, end)


def bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A run-on "sentence" (no full stop for pages) cut into pieces of at most MAX_SENTENCE
    characters, at a semicolon, comma or space, so that the work per sentence stays bounded."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(";", start, limit), text.rfind(",", start, limit))
        if cut <= start + MAX_SENTENCE // 2:
            cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit - 1
        yield start, cut + 1
        start = cut + 1
    yield start, end


def strip_marker(text: str, start: int, end: int) -> int:
    marker = LIST_MARKER.match(text, start, end)
    return marker.end() if marker and marker.end() < end else start


def sentences(text: str) -> list[Sentence]:
    found = []
    for index, (p_start, p_end, numbered) in enumerate(paragraphs(text)):
        body_start = strip_marker(text, p_start, p_end)
        marker = text[p_start:body_start] if numbered else ""
        spans = [
            trimmed
            for s_start, s_end in sentence_spans(text, body_start, p_end)
            if (trimmed := trim(text, s_start, s_end, numbered)) is not None
        ]
        for number, (s_start, s_end, _) in enumerate(spans, start=1):
            found.append(Sentence(s_start, s_end, index, numbered, marker, number == len(spans)))
    return found


def too_short(text: str, start: int, end: int) -> bool:
    return not has_words(text[start:end], MIN_CLAUSE_WORDS)


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of one sentence; a piece too short to set anything stays with its neighbour."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in CLAUSE_BREAK.finditer(text, start, end):
        following = re.match(r"\s*(\w+)", text[match.end() : match.end() + 30])
        if (
            match.group().lstrip().startswith(",")
            and following
            and following.group(1).lower() in GERUND_EXCEPTIONS
        ):
            continue
        if (match.group("coordinated") or match.group("bare_and")) and not MODAL.search(
            text, cursor, match.start()
        ):
            continue  # "tanks, artillery, and mortars will be withdrawn" is one clause
        if match.group("asyndetic") and not SETS_SOMETHING.search(text, cursor, match.start()):
            continue
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and (too_short(text, piece[0], piece[1]) or too_short(text, merged[-1][0], merged[-1][1])):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    result = []
    for piece_start, piece_end in merged:
        piece_start = strip_marker(text, piece_start, piece_end)
        trimmed = trim(text, piece_start, piece_end, False)
        if trimmed is not None:
            result.append((trimmed[0], trimmed[1]))
    return result
