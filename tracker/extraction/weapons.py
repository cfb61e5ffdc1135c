"""Weapons a clause names, as canonical ids (see resources/vocabularies/weapons.json)."""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.extraction.vocabulary import calibre_weapon, non_weapon_terms, weapon_terms

# "artillery systems of calibre over 100 mm", "weapons with a calibre of more than 100 millimeters"
CALIBRE = re.compile(
    r"\bcalib(?:re|er)s?\b[^.;:]{0,40}?\d+\s*(?:mm|millimet(?:er|re)s?)\b"
    r"|\b\d+\s*(?:mm|millimet(?:er|re)s?)[\s-]+calib(?:re|er)\b",
    re.IGNORECASE,
)
# A calibre names its unit; "met" stands for "millimetre" because re.IGNORECASE also matches the
# "i" in other scripts, which a plain substring test would miss.
CALIBRE_UNIT_CUES = ("mm", "met")


@lru_cache(maxsize=512)
def find_weapons(text: str) -> tuple[str, ...]:
    """Canonical weapon ids in order of first mention, each once."""
    mentioned = weapon_terms().find(text)
    # Phrases that name no weapon ("civilian aircraft") matter only around a weapon word.
    excluded = [(start, end) for start, end, _ in non_weapon_terms().find(text)] if mentioned else []
    found: list[tuple[int, str]] = [
        (start, weapon)
        for start, end, weapon in mentioned
        if not any(s < end and start < e for s, e in excluded)
    ]
    lowered = text.lower()
    if any(cue in lowered for cue in CALIBRE_UNIT_CUES):
        found.extend((match.start(), calibre_weapon()) for match in CALIBRE.finditer(text))
    ordered: list[str] = []
    for _, weapon in sorted(found):
        if weapon not in ordered:
            ordered.append(weapon)
    return tuple(ordered)
