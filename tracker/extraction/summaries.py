"""A short title for each provision, as shown in lists and reports."""

from __future__ import annotations

import re
from datetime import date

from tracker.domain import Facets, Kind
from tracker.extraction.kinds import kind_labels

MAX_GIST_WORDS = 9
GIST_SOURCE_CHARS = 240
LEAD_IN = re.compile(
    r"^(?:[A-Z][A-Z .'’/-]{2,},[^-—–()]{0,60}(?:\([^()]{1,30}\))?\s*(?:-+|—|–)\s*"
    r"|(?:under|according\s+to)\s+(?:the|this|a)\s+[^,]{1,60},\s*"
    r"|(?:it\s+was\s+planned|the\s+\w+\s+(?:also\s+)?(?:said|stated|added)\s+that)\s*"
    r"|[^,]{0,80}\b(?:agreed|decided|promised|pledged)\s+(?:with\s+[^,]{1,60}?\s+)?(?:to|that)\s+"
    r"|(?:within|in|by|as\s+of|from|starting|until|no\s+later\s+than)\b[^,]{1,60},\s*)",
    re.IGNORECASE,
)


def format_width(width: tuple[float, float]) -> str:
    low, high = (f"{value:g}" for value in width)
    return f"{low} km" if low == high else f"{low}–{high} km"


def gist(excerpt: str, deadline_text: str | None = None) -> str:
    """The clause's first words, without the framing that says who reported or agreed it."""
    # The title comes from the clause's opening words; a long clause's tail cannot change it.
    body = re.sub(r"\s+", " ", excerpt[:GIST_SOURCE_CHARS]).strip(" \"“”'‘’.,;:-—(")
    if deadline_text:
        limit = re.sub(r"\s+", " ", deadline_text)
        if body.lower().startswith(limit.lower()) and len(body) > len(limit) + 10:
            body = body[len(limit) :].lstrip(" ,;:")
    for _ in range(2):
        trimmed = LEAD_IN.sub("", body, count=1)
        if trimmed == body or len(trimmed.split()) < 3:
            break
        body = trimmed
    words = body.split()
    text = " ".join(words[:MAX_GIST_WORDS]).rstrip(",;:")
    if len(words) > MAX_GIST_WORDS:
        text += "…"
    return text[:1].upper() + text[1:]


def summarise(
    kind: Kind, excerpt: str, facets: Facets, deadline: date | None, deadline_text: str | None = None
) -> str:
    details = []
    if facets.zone_width_km:
        details.append(format_width(facets.zone_width_km))
    if facets.patrol_parties:
        details.append(", ".join(facets.patrol_parties))
    if deadline:
        details.append(f"by {deadline.isoformat()}")
    head = f"{kind_labels()[kind]}: {gist(excerpt, deadline_text)}"
    return f"{head} ({'; '.join(details)})" if details else head
