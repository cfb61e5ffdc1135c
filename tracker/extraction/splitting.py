"""Cutting a clause that sets several things into one part per thing.

A clause with two zone widths ("moved 15 km away ..., creating ... a 30-kilometer buffer
zone") or two different time limits ("bring its troops home in 14 months, with the first
reduction ... in the first 135 days") is cut between each pair, at a comma, semicolon,
dash or "and" that starts a new predicate: a participle ("creating"), an infinitive ("to
facilitate"), "with ..." or a clause of its own. Commas that open a relative clause
("which"), an inclusion ("including") or a short aside are never cut points, nor is any
cut that would leave a part with nothing but the facet phrase itself.
"""

from __future__ import annotations

import itertools
import re

CUT = re.compile(r",\s+(?:and\s+)?|;\s+(?:and\s+)?|\s+and\s+|\s+while\s+|\s+[—–]\s+|\s+--\s+")
NEVER_AFTER = re.compile(
    r"(?:which|that|who|whom|whose|where|when|including|included|except|excluding|such\s+as|in\s+particular"
    r"|especially|notably|namely|i\.e\.|e\.g\.|respectively|or|either|nor|be|then\s+be)\b",
    re.IGNORECASE,
)
NEW_PREDICATE = re.compile(
    r"(?:with\b|to\s+[a-z]+\b|(?!(?:including|according|concerning|regarding|during|excluding|following"
    r"|pending|nothing|something|anything|bring|king|ring|string|morning|evening)\b)[a-z]+ing\b"
    r"|while\b|whereas\b|then\b|after\s+which\b|(?:will|shall|must|would)\b|(?:the|all|both|each|a|an)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:shall|will|must|is|are|be)\b)",
)
MIN_PART_WORDS = 3
# An item of a list of facets ("50 km for artillery, 70 km for MLRS and 100 km for missiles")
# names little besides its facet.
MIN_LIST_ITEM_WORDS = 2


def content_words(text: str, start: int, end: int, protected: list[tuple[int, int]]) -> int:
    pieces = []
    cursor = start
    for p_start, p_end in sorted(protected):
        if p_end <= start or p_start >= end:
            continue
        pieces.append(text[cursor : max(cursor, p_start)])
        cursor = max(cursor, p_end)
    pieces.append(text[cursor:end])
    return len(re.findall(r"[A-Za-z]{2,}", " ".join(pieces)))


def bracket_depth(text: str, start: int, position: int) -> int:
    segment = text[start:position]
    return segment.count("(") - segment.count(")") + segment.count("[") - segment.count("]")


def choose_cut(
    text: str, clause_start: int, low: int, high: int, previous_cut: int, protected: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The (separator start, next part start) between two facets, or None when none fits."""
    strong: list[tuple[int, int]] = []
    weak: list[tuple[int, int]] = []
    for match in CUT.finditer(text, low, high):
        if bracket_depth(text, clause_start, match.start()) > 0:
            continue
        following = text[match.end() : match.end() + 60]
        # A comma before a digit holds a year or a number's thousands, unless the next facet
        # itself starts there ("50 km for artillery, 70 km for rocket launchers").
        number_comma = match.group().startswith(",") and following[:1].isdigit() and match.end() != high
        if NEVER_AFTER.match(following) or number_comma:
            continue  # a relative clause, an inclusion, or the year or thousands of a number
        list_item = match.end() == high and any(p_start == previous_cut for p_start, _ in protected)
        minimum = MIN_LIST_ITEM_WORDS if list_item else MIN_PART_WORDS
        if content_words(text, previous_cut, match.start(), protected) < minimum:
            continue
        if any(p_start < match.start() < p_end for p_start, p_end in protected):
            continue
        separator = match.group()
        if separator.strip(" ") in (";", "—", "–", "--") or NEW_PREDICATE.match(following):
            strong.append((match.start(), match.end()))
        else:
            weak.append((match.start(), match.end()))
    if strong:
        return strong[0]
    return weak[-1] if weak else None


def split_clause(
    text: str, start: int, end: int, pivots: list[tuple[int, int]], protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of clause text[start:end], one per pivot (a facet phrase that needs its own part)."""
    if len(pivots) < 2:
        return [(start, end)]
    parts = []
    cursor = start
    for first, second in itertools.pairwise(pivots):
        cut = choose_cut(text, start, max(first[1], cursor), second[0], cursor, protected)
        if cut is None:
            continue
        parts.append((cursor, cut[0]))
        cursor = cut[1]
    parts.append((cursor, end))
    return [part for part in parts if part[0] < part[1]]
