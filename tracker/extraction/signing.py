"""When an agreement was signed, when the caller does not say.

In order of trust: a date the text states for the signing ("signed ... on September 17",
"Done at Minsk on 19 September 2014"), the dateline of a report ("SOCHI, Russia, Oct. 22"),
then the earliest full date in the text that is not a time limit. A date without a year
takes one of the years the text mentions, checked against the weekdays it names for the
event ("signed a memorandum on Monday"); when the text gives no year at all, the date stays
unknown rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date

from tracker.extraction.dates import WEEKDAY_NAMES, WEEKDAYS, DateMention, find_dates

SIGNING_WORDS = re.compile(
    r"\b(?:sign(?:ed|ing)|signature|concluded|adopted|approved|initial(?:l)?ed|done\s+(?:at|in)|dated"
    r"|(?:memorandum|agreement|protocol|accord|declaration|treaty)\s+of)\b",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^[\"“]?[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][A-Za-z .'’-]{1,30}){0,2},?\s+(?=[A-Z0-9])",
)
YEAR_IN_TEXT = re.compile(r"(?<![\d-])(?:19[5-9]\d|20\d{2})(?![\d-])")
WEEKDAY_IN_TEXT = re.compile(rf"\b(?:on|last|this|since)\s+(?P<weekday>{WEEKDAY_NAMES})\b(?!,?\s+\w+\s+\d)")
LIMIT_BEFORE = re.compile(
    r"\b(?:by|until|till|before|no\s+later\s+than|not\s+later\s+than|as\s+of|as\s+from|from|starting"
    r"|beginning|commencing|effective|through)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z])[.!?]\s+[A-Z\"“]|\n\s*\n")
SIGNING_REACH_AFTER = 80
SIGNING_REACH_BEFORE = 50


@dataclass(frozen=True)
class SigningDate:
    day: date | None
    source: str  # "given", "stated", "dateline", "earliest-date" or "unknown"
    dateline: date | None  # the report's own date, for weekdays such as "from Wednesday"


def text_years(text: str) -> list[int]:
    return [int(year) for year in YEAR_IN_TEXT.findall(text)]


def mentioned_weekdays(text: str) -> Counter[int]:
    return Counter(WEEKDAYS.index(m.group("weekday").lower()) for m in WEEKDAY_IN_TEXT.finditer(text))


def choose_year(mention: DateMention, years: list[int], weekdays: Counter[int]) -> int | None:
    """The year of a day-and-month date: one the text mentions, agreeing with its weekdays."""
    candidates = sorted(set(years))
    if not candidates:
        return None
    best: tuple[int, int, int] | None = None
    for year in candidates:
        day = mention.on_year(year)
        if day is None:
            continue
        if mention.weekday is not None and day.weekday() != mention.weekday:
            continue
        score = weekdays[day.weekday()]
        key = (score, years.count(year), year)
        if best is None or key > best:
            best = key
    return best[2] if best else None


def complete(mention: DateMention, years: list[int], weekdays: Counter[int]) -> date | None:
    if mention.month is None or mention.day is None:
        return None
    year = mention.year if mention.year is not None else choose_year(mention, years, weekdays)
    return mention.on_year(year) if year is not None else None


def is_time_limit(text: str, mention: DateMention) -> bool:
    return bool(LIMIT_BEFORE.search(text[max(0, mention.start - 40) : mention.start]))


def stated_signing(
    text: str, mentions: list[DateMention], years: list[int], weekdays: Counter[int]
) -> date | None:
    starts = [m.start for m in mentions]
    for cue in SIGNING_WORDS.finditer(text):
        low = bisect_left(starts, cue.start() - SIGNING_REACH_BEFORE - 40)
        high = bisect_right(starts, cue.end() + SIGNING_REACH_AFTER)
        nearby = []
        for mention in mentions[low:high]:
            if mention.month is None or is_time_limit(text, mention):
                continue
            if mention.start >= cue.end():
                gap = text[cue.end() : mention.start]
                if len(gap) > SIGNING_REACH_AFTER:
                    continue
            elif mention.end <= cue.start():
                gap = text[mention.end : cue.start()]
                if len(gap) > SIGNING_REACH_BEFORE:
                    continue
            else:
                continue
            if SENTENCE_BREAK.search(gap):
                continue
            nearby.append((len(gap), mention))
        for _, mention in sorted(nearby, key=lambda pair: pair[0]):
            found = complete(mention, years, weekdays)
            if found is not None:
                return found
    return None


def dateline_date(text: str, years: list[int], weekdays: Counter[int]) -> date | None:
    for line in text.splitlines()[:12]:
        head = DATELINE.match(line.strip())
        if head is None:
            continue
        rest = line.strip()[head.end() :]
        mentions = [m for m in find_dates(rest[:40]) if m.start == 0 and m.month is not None]
        if mentions:
            return complete(mentions[0], years, weekdays)
    return None


def earliest_date(text: str, mentions: list[DateMention]) -> date | None:
    days = [m.on_year(m.year) for m in mentions if m.is_complete and not is_time_limit(text, m) and m.year]
    valid = [d for d in days if d is not None]
    return min(valid) if valid else None


def infer_signing_date(text: str, given: date | None) -> SigningDate:
    years = text_years(text)
    weekdays = mentioned_weekdays(text)
    dateline = dateline_date(text, years, weekdays)
    if given is not None:
        return SigningDate(given, "given", dateline)
    mentions = find_dates(text)
    stated = stated_signing(text, mentions, years, weekdays)
    if stated is not None:
        return SigningDate(stated, "stated", dateline)
    if dateline is not None:
        return SigningDate(dateline, "dateline", dateline)
    earliest = earliest_date(text, mentions)
    if earliest is not None:
        return SigningDate(earliest, "earliest-date", dateline)
    return SigningDate(None, "unknown", dateline)
