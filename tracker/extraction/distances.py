"""Zone widths: the width or depth of a zone, corridor or pull-back distance, in kilometres.

A width is a number or a range ("15-20", "between 15 and 20", "fifteen", "ten (10)")
followed by a length unit (kilometres, miles, metres; never millimetres, which are calibres).
A figure repeated in other units in brackets right after ("15-20 kilometers (9.3-12.4
miles)") is the same zone. A width that changes ("narrowed from 300 metres to 100 metres")
is the new one. Figures that locate a place ("3 km north of the town", "a village, 5 km from
the border"), lengths of roads and borders, weapon ranges, speeds and areas are not widths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.extraction.vocabulary import fold, length_units, number_word_pattern, parse_number


@dataclass(frozen=True)
class Distance:
    start: int
    end: int
    low_km: float
    high_km: float


DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
BRACKETED_DIGITS = re.compile(rf"\(\s*({DIGITS})\s*\)|^({DIGITS})\s*\(")


@cache
def distance_pattern() -> re.Pattern[str]:
    words = number_word_pattern()
    # Legal texts write a number twice, "twenty-five (25)" or "25 (twenty-five)": the digits are
    # its value.
    words_then_digits = rf"(?:(?:{words})\s*)?\(\s*(?:{DIGITS})\s*\)"
    digits_then_words = rf"(?:{DIGITS})\s*\(\s*(?:{words}|and)(?:[\s-]+(?:{words}|and)){{0,6}}\s*\)"
    # "a kilometre-wide strip", "half a mile": the article counts only before a unit spelled out.
    article = r"(?:half\s+)?a(?=[\s-]+(?:kilomet|mile|met(?:er|re)|nautical))"
    number = rf"(?:{words_then_digits}|{digits_then_words}|{DIGITS}|{words}|{article})"
    units = "|".join(
        re.escape(u).replace(r"\ ", r"[\s-]+") for u in sorted(length_units(), key=len, reverse=True)
    )
    unit_end = r"(?![\w²])"
    return re.compile(
        rf"(?<![\w.,$€£-])(?:between\s+(?P<between>{number})(?:\s*(?:{units}){unit_end})?\s+and\s+)?"
        rf"(?P<low>{number})"
        rf"(?:(?:\s*(?:{units}){unit_end})?\s*(?:-\s*to|–|—|-|to|or)\s*(?P<high>{number}))?"
        rf"[\s-]*(?P<unit>{units}){unit_end}"
    )


def number_value(token: str) -> float | None:
    bracketed = BRACKETED_DIGITS.search(token)
    if bracketed:
        return parse_number(bracketed.group(1) or bracketed.group(2))
    if re.fullmatch(r"half\s+a", token):
        return 0.5
    return parse_number(token)


COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|ward|wards)?"
# "3 km north of the town" only locates a place, unless the clause pairs it with the opposite
# side ("6 km to the north and 6 km to the south of the M4"), which gives the total width.
COMPASS_AFTER = re.compile(
    rf"^\s*(?:deep\s+|wide\s+)?(?:to\s+the\s+)?(?P<direction>{COMPASS})\b", re.IGNORECASE
)
PAIR_GAP = re.compile(r"^\s*(?:deep\s+|wide\s+)?(?:to\s+the\s+)?[a-z-]+\s+and\s+(?:by\s+)?$", re.IGNORECASE)
OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
# The length of a road, border or journey, the size of a wall or a bridge, a speed or an area.
LOCATING_AFTER = re.compile(
    r"^\s*(?:/|per\s+|an\s+hour|a\s+day)|^[\s-]*(?:long|high|tall|deep\s+into)\b"
    r"|^\s*(?:²|2\b|sq\b|square|above\s+sea)"
    r"|^[\s-]*(?:long\s+)?(?:stretch|section|segment|length|road|route|highway|motorway|railway|rail\s+line"
    r"|border|frontier|front|front\s+line|frontline|coast|coastline|journey|drive|trip|march|pipeline|canal|river"
    r"|wall|fence|barrier|trench|ditch|berm|embankment|tower|mast|bridge|tunnel)s?\b",
    re.IGNORECASE,
)
NOT_WIDTH_BEFORE = re.compile(
    r"(?:\brange\w*|\b(?:can|could|able\s+to|capable\s+of)\s+(?:reach|fir|hit|strik)\w*|\breach\s+of|\bfir(?:e|ing)\s+distance"
    r"|\blocated|\bsituated|\blying|\bli(?:es|e)|\bsits|\bstands|\bsquare|\bsq\.?|\blength"
    r"|\bcalib(?:re|er)\w*|\bspeed\w*|\baltitude|\bheight|\btravel\w*|\bdrove|\bwalk\w*"
    r"|\bfl(?:y|ying|ights?|own)\s+(?:\w+\s+){0,2}(?:above|below|under|over|at))"
    r"(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)
# "the 70-km Aden-Taiz road": a length named by the road it measures.
NAMED_ROAD_AFTER = re.compile(
    r"^[\s-]*(?:[A-Z][\w'-]*\s+){1,3}(?:road|highway|motorway|route|railway|border|frontier|pipeline|canal)s?\b"
)
# "checkpoints every 10 km", "along 400 km of the border", "the line runs 120 km", "a route of
# 60 km": spacing and lengths.
LENGTH_BEFORE = re.compile(
    r"\b(?:every|along|runs?|running|ran|(?:road|route|highway|motorway|railway|border|frontier|journey|trip)"
    r"\s+of)\s+(?:some\s+|about\s+|around\s+|nearly\s+|roughly\s+|over\s+)?$",
    re.IGNORECASE,
)
# "the town of X, some 30 km from the border", "a village 5 km outside Y": where a place is.
PLACE_BEFORE = re.compile(
    r"(?:,|\b(?:town|city|village|capital|base|camp|airport|port|hospital|crossing|settlement|site))"
    r"\s+(?:some|about|around|approximately|roughly|nearly|almost|just|only|barely)?\s*$",
    re.IGNORECASE,
)
FROM_AFTER = re.compile(r"^\s*(?:away\s+)?(?:from|outside|of)\b", re.IGNORECASE)
# "narrowed from 300 metres to 100 metres", "extended from 3 to 6 miles": the new width.
CHANGE_BEFORE = re.compile(
    r"\b(?:narrow|reduc|extend|widen|expand|enlarg|increas|decreas|cut|shrink|shrunk|shorten|lengthen"
    r"|chang|adjust|push|mov|rais|lower)\w*\s+(?:\w+\s+){0,2}from\s*$",
    re.IGNORECASE,
)
MILLION_AFTER = re.compile(
    r"^\s*(?:people|persons|civilians|refugees|residents|inhabitants|children|dollars|euros|pounds"
    r"|tons|tonnes|barrels|doses|voters|worth)\b",
    re.IGNORECASE,
)
BRACKETED = re.compile(r"\s*[(\[]")
# "15 kilometres, or about nine miles,": the same figure restated without brackets.
RESTATED_GAP = re.compile(
    r"^\s*,?\s*(?:or|i\.e\.?|that\s+is)\s*,?\s*(?:about|some|around|roughly|nearly|approximately|almost)?\s*$",
    re.IGNORECASE,
)


def to_km(value: float, unit: str) -> float:
    factor = length_units().get(re.sub(r"[\s-]+", " ", unit.lower()))
    if factor is None:
        factor = 1.0
    return round(value * factor, 3)


# A clause without a unit of length has no width. The long unit names are tested with `in`; the
# short ones ("mi", "nm", "m", "ft") open on a letter each, which lets the search skip ahead.
LENGTH_UNIT_WORDS = ("km", "kilomet", "mile", "meter", "metre", "yard", "feet", "foot")
SHORT_LENGTH_UNIT = re.compile(r"m(?<![a-z]m)i?(?![a-z])|n(?<![a-z]n)m(?![a-z])|f(?<![a-z]f)t(?![a-z])")


def names_a_length_unit(folded: str) -> bool:
    return any(word in folded for word in LENGTH_UNIT_WORDS) or SHORT_LENGTH_UNIT.search(folded) is not None


def past_brackets(text: str, end: int) -> int:
    """Where the text goes on after a bracketed repeat ("20 km (12 miles) stretch"), if any."""
    bracket = BRACKETED.match(text, end)
    if bracket:
        close = text.find(")" if text[bracket.end() - 1] == "(" else "]", bracket.end())
        if 0 <= close - bracket.end() <= 60:
            return close + 1
    return end


def is_width(text: str, start: int, end: int, unit: str) -> bool:
    """Whether the distance at text[start:end] measures a zone rather than a place or a thing."""
    resume = past_brackets(text, end)
    after = text[resume : resume + 40]
    before = text[max(0, start - 40) : start]
    if LOCATING_AFTER.search(after) or NAMED_ROAD_AFTER.match(after):
        return False
    if NOT_WIDTH_BEFORE.search(before) or LENGTH_BEFORE.search(before):
        return False
    if PLACE_BEFORE.search(before) and FROM_AFTER.match(after):
        return False
    return not (unit == "m" and MILLION_AFTER.match(after))


def find_distances(text: str) -> list[Distance]:
    """Every zone width in ``text``, with its offsets, in text order."""
    found: list[Distance] = []
    folded = fold(text)
    if not names_a_length_unit(folded):
        return found
    bracket_end = -1
    pending_side: tuple[Distance, str] | None = None
    for match in distance_pattern().finditer(folded):
        unit = re.sub(r"[\s-]+", " ", match.group("unit"))
        low_text = match.group("between") or match.group("low")
        high_text = match.group("low") if match.group("between") else match.group("high")
        if unit in ("m", "mi", "nm", "ft") and not re.match(r"[\d(]", low_text):
            continue  # "five m" is not a width; only digits carry the short units
        low = number_value(low_text)
        high = number_value(high_text) if high_text else low
        if low is None or high is None or low <= 0:
            continue
        if match.start() < bracket_end:
            continue  # the same figure restated in brackets in another unit
        bracket_end = resume = past_brackets(text, match.end())
        if not is_width(text, match.start(), match.end(), unit):
            continue
        changed = CHANGE_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
        if high_text and not match.group("between") and changed:
            low = high
        low_km, high_km = sorted((to_km(low, unit), to_km(high, unit)))
        distance = Distance(match.start(), match.end(), low_km, high_km)
        side = COMPASS_AFTER.match(text[resume : resume + 40])
        if side is not None:
            direction = next(base for base in OPPOSITE if side.group("direction").lower().startswith(base))
            if pending_side is not None and pending_side[1] == OPPOSITE[direction]:
                first = pending_side[0]
                if PAIR_GAP.match(text[past_brackets(text, first.end) : distance.start]):
                    found.append(
                        Distance(first.start, distance.end, first.low_km + low_km, first.high_km + high_km)
                    )
                    pending_side = None
                    continue
            pending_side = (distance, direction)
            continue
        if found and RESTATED_GAP.match(text[found[-1].end : distance.start]):
            continue
        found.append(distance)
    return found
