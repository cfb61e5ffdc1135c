"""Zone widths: the width or depth of a zone, corridor or pull-back distance, in kilometres.

A width is a number or a range ("15-20", "between 15 and 20", "fifteen") followed by a
length unit (kilometres, miles, metres; never millimetres, which are calibres). A figure
repeated in other units in brackets right after ("15-20 kilometers (9.3-12.4 miles)") is the
same zone. Figures that locate a place ("3 km north of the town"), weapon ranges, speeds and
areas are not widths.
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


@cache
def distance_pattern() -> re.Pattern[str]:
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{number_word_pattern()})"
    units = "|".join(
        re.escape(u).replace(r"\ ", r"\s+") for u in sorted(length_units(), key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w.,-])(?:between\s+(?P<between>{number})\s+and\s+)?(?P<low>{number})"
        rf"(?:\s*(?:{units}))?(?:\s*(?:-\s*to|–|—|-|to|or)\s*(?P<high>{number}))?[\s-]*(?P<unit>{units})(?![\w²])"
    )


COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|ward|wards)?"
# "3 km north of the town" only locates a place, unless the clause pairs it with the opposite
# side ("6 km to the north and 6 km to the south of the M4"), which gives the total width.
COMPASS_AFTER = re.compile(
    rf"^\s*(?:deep\s+|wide\s+)?(?:to\s+the\s+)?(?P<direction>{COMPASS})\b", re.IGNORECASE
)
PAIR_GAP = re.compile(r"^\s*(?:deep\s+|wide\s+)?(?:to\s+the\s+)?[a-z-]+\s+and\s+(?:by\s+)?$", re.IGNORECASE)
OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
LOCATING_AFTER = re.compile(
    r"^\s*(?:/|per\s+|an\s+hour|a\s+day)|^\s*(?:long|high|deep\s+into)\b"
    r"|^\s*(?:²|2\b|sq\b|square)",
    re.IGNORECASE,
)
NOT_WIDTH_BEFORE = re.compile(
    r"(?:\brange\w*|\breach\w*|\bfir(?:e|ing)\s+distance|\blocated|\bsituated|\blying|\bsquare|\bsq\.?"
    r"|\bcalib(?:re|er)\w*|\bspeed\w*|\baltitude|\bheight|\btravel\w*|\bdrove|\bwalk\w*)"
    r"(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)
BRACKETED = re.compile(r"\s*[(\[]")


def to_km(value: float, unit: str) -> float:
    factor = length_units().get(re.sub(r"\s+", " ", unit.lower()))
    if factor is None:
        factor = 1.0
    return round(value * factor, 3)


LENGTH_UNIT = re.compile(r"km|kilomet|mile|met(?:er|re)|yard|(?<![a-z])(?:mi|nm|m)(?![a-z])")


def find_distances(text: str) -> list[Distance]:
    """Every zone width in ``text``, with its offsets, in text order."""
    found: list[Distance] = []
    folded = fold(text)
    if not LENGTH_UNIT.search(folded):
        return found
    bracket_end = -1
    pending_side: tuple[Distance, str] | None = None
    for match in distance_pattern().finditer(folded):
        unit = match.group("unit")
        low_text = match.group("between") or match.group("low")
        high_text = match.group("low") if match.group("between") else match.group("high")
        if unit.lower() in ("m", "mi", "nm") and not re.match(r"\d", low_text):
            continue  # "five m" is not a width; only digits carry the short units
        low = parse_number(low_text)
        high = parse_number(high_text) if high_text else low
        if low is None or high is None or low <= 0:
            continue
        if match.start() < bracket_end:
            continue  # the same figure restated in brackets in another unit
        after = text[match.end() : match.end() + 30]
        before = text[max(0, match.start() - 40) : match.start()]
        if LOCATING_AFTER.search(after) or NOT_WIDTH_BEFORE.search(before):
            continue
        low_km, high_km = sorted((to_km(low, unit), to_km(high, unit)))
        distance = Distance(match.start(), match.end(), low_km, high_km)
        side = COMPASS_AFTER.match(after)
        if side is not None:
            direction = next(base for base in OPPOSITE if side.group("direction").lower().startswith(base))
            if pending_side is not None and pending_side[1] == OPPOSITE[direction]:
                first = pending_side[0]
                if PAIR_GAP.match(text[first.end : distance.start]):
                    found.append(
                        Distance(first.start, distance.end, first.low_km + low_km, first.high_km + high_km)
                    )
                    pending_side = None
                    continue
            pending_side = (distance, direction)
            continue
        found.append(distance)
        bracket = BRACKETED.match(text, match.end())
        if bracket:
            close = text.find(")" if text[bracket.end() - 1] == "(" else "]", bracket.end())
            if 0 <= close - bracket.end() <= 60:
                bracket_end = close
    return found
