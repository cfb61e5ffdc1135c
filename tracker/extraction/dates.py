"""Calendar dates written in agreement texts: the grammar that finds them and their parsing.

Our own grammar finds the date phrases ("6 March 2020", "Oct. 22", "Saturday, May 6",
"mid-October", "the end of 2018", a weekday) so that nothing else in the text is mistaken
for a date; dateparser then parses the day-and-month core of each phrase. A phrase without
a year keeps ``year=None``: the caller resolves it against the signing date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
)
WEEKDAY_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NUMBERS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTH_NUMBERS["sept"] = 9

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
# A time of day that may precede or follow a date: "12:00 noon (0900 GMT) of", "00:01 on".
CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-4])[:.](?P<minute>[0-5]\d)(?:\s*(?:hours|hrs|h\b|(?P<pm1>p\.m\.|pm\b)|a\.m\.|am\b))?"
    r"|(?P<bare_hour>1[0-2]|0?[1-9])\s*(?:(?P<pm2>p\.m\.|pm\b)|a\.m\.|am\b)"
    # "0500 GMT", "1900 hours": four digits are a time only with a zone or "hours" after them.
    r"|(?P<military_hour>[01]\d|2[0-3])(?P<military_minute>[0-5]\d)(?=\s*(?:GMT|UTC|hours|hrs|local\s+time|Z\b))"
    r"(?:\s*(?:hours|hrs)\b)?"
    r"|(?:one\s+minute\s+past\s+)?(?P<midnight>midnight)|(?P<noon>noon|midday))(?:\s+(?:noon|midnight))?"
    # A zone name and a bracketed aside in either order: "00:00 Damascus time (2200 GMT on Friday)".
    r"(?:\s*\([^()\n]{0,30}\))?(?:\s+(?:[A-Z]\w+\s+|local\s+){0,2}(?:[Tt]ime|IST|GMT|UTC|CET|EET|EST))?"
    r"(?:\s*\([^()\n]{0,30}\))?"
)
TIME_PREFIX = rf"(?:(?:at\s+)?{CLOCK}\s*,?\s*(?:on|of)?\s+(?:the\s+)?)"

DATE_CORE = (
    rf"(?:(?P<wd1>{WEEKDAY_NAMES}),?\s+)?(?:the\s+)?(?P<d1>{DAY})(?:\s+of)?\s+(?P<m1>{MONTH_NAMES})"
    rf"(?:,?\s+(?P<y1>{YEAR}))?"
    rf"|(?:(?P<wd2>{WEEKDAY_NAMES}),?\s+)?(?P<m2>{MONTH_NAMES})\s+(?:the\s+)?(?P<d2>{DAY})(?!\d)"
    rf"(?:,?\s+(?P<y2>{YEAR}))?"
    rf"|(?P<iy>{YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-2]\d|3[01])"
    rf"|(?P<nd>[0-2]?\d|3[01])[./](?P<nm>0?[1-9]|1[0-2])[./](?P<ny>{YEAR})"
    rf"|(?P<part>mid|early|late|the\s+(?:end|beginning|middle|start)\s+of)[\s-]+(?P<m3>{MONTH_NAMES})"
    rf"(?:,?\s+(?P<y3>{YEAR}))?"
    rf"|(?P<part_year>the\s+(?:end|beginning|middle|start)\s+of)\s+(?P<y4>{YEAR})"
    rf"|(?P<m5>{MONTH_NAMES})\s+(?P<y5>{YEAR})"
    rf"|(?P<wd6>{WEEKDAY_NAMES})"
)
DATE_PATTERN = re.compile(rf"(?:{TIME_PREFIX})?(?:{DATE_CORE})(?![\w-])")
# Where a date phrase can begin: trying the full grammar only there keeps the scan fast.
DATE_START = re.compile(
    r"(?=[0-9JFMASONDTWemlnoat])(?:(?<![\w.,])\d{1,4}(?=(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z]|[:./-]\d|\s*(?:a\.m|p\.m|am\b|pm\b|h))"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|mid|early|late|the\s+(?:end|beginning|middle|start)|midnight|noon|midday|one\s+minute|at\s+(?:\d|midnight|noon|midday|one)))"
)


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a text. Offsets are relative to the searched string."""

    start: int
    end: int
    text: str
    month: int | None
    day: int | None
    year: int | None
    weekday: int | None  # 0 = Monday, when the phrase names one
    hour: float = 0.0
    exact_day: bool = True  # False for "March 2020", "mid-October", "the end of 2018"

    @property
    def is_complete(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None and self.exact_day

    @property
    def is_weekday_only(self) -> bool:
        return self.month is None and self.year is None and self.weekday is not None

    def on_year(self, year: int) -> date | None:
        if self.month is None or self.day is None:
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


MONTH_FORMATS = ["%d %B %Y", "%d %b %Y"]


@lru_cache(maxsize=256)
def parse_month(month: str) -> int | None:
    """The month a month name or abbreviation stands for, parsed by dateparser.

    Cached per spelling: a long text names a few dozen spellings but hundreds of distinct
    days, and parsing each day anew would cost a millisecond apiece.
    """
    # The explicit formats let dateparser read ordinary spellings without loading its language
    # data (70 ms on first use); other spellings ("Sept") go through its full parser.
    parsed = dateparser.parse(
        f"1 {month.rstrip('.')} 2000",
        date_formats=MONTH_FORMATS,
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True},
    )
    return parsed.month if parsed is not None else None


def parse_day_month(day: str, month: str) -> tuple[int, int] | None:
    """(month, day) of a day-and-month phrase; None when the day does not exist (in a leap year)."""
    number = parse_month(month)
    if number is None or not day.isdigit():
        return None
    day_number = int(day)
    if not 1 <= day_number <= calendar.monthrange(2000, number)[1]:
        return None
    return number, day_number


def month_number(name: str) -> int | None:
    return MONTH_NUMBERS.get(name.rstrip(".").lower())


def clock_hours(match: re.Match[str]) -> float:
    if match.group("noon"):
        return 12.0
    afternoon = 12 if (match.group("pm1") or match.group("pm2")) else 0
    if match.group("hour") is not None:
        hour = int(match.group("hour")) % 12 if afternoon else int(match.group("hour"))
        return min(hour + afternoon + int(match.group("minute")) / 60, 24.0)
    if match.group("military_hour") is not None:
        return int(match.group("military_hour")) + int(match.group("military_minute")) / 60
    if match.group("bare_hour") is not None:
        return float(int(match.group("bare_hour")) % 12 + afternoon)
    return 0.0


def last_day_of_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def mention_from_match(match: re.Match[str], offset: int = 0) -> DateMention | None:
    groups = match.groupdict()
    hour = clock_hours(match)
    start, end = match.start() + offset, match.end() + offset
    text = match.group()

    def make(
        month: int | None, day: int | None, year: int | None, weekday: str | None, exact: bool = True
    ) -> DateMention:
        wd = WEEKDAYS.index(weekday.lower()) if weekday else None
        return DateMention(start, end, text, month, day, year, wd, hour, exact)

    for d, m, y, wd in (("d1", "m1", "y1", "wd1"), ("d2", "m2", "y2", "wd2")):
        if groups[d]:
            parsed = parse_day_month(re.sub(r"\D", "", groups[d]), groups[m].rstrip("."))
            if parsed is None:
                return None
            year = int(groups[y]) if groups[y] else None
            return make(parsed[0], parsed[1], year, groups[wd])
    if groups["iy"]:
        return make(int(groups["im"]), int(groups["id"]), int(groups["iy"]), None)
    if groups["nd"]:
        return make(int(groups["nm"]), int(groups["nd"]), int(groups["ny"]), None)
    if groups["m3"]:
        month = month_number(groups["m3"])
        part = groups["part"].lower()
        year = int(groups["y3"]) if groups["y3"] else None
        if "end" in part or part == "late":
            # The last day of February depends on the year; resolve it once the year is known.
            last = last_day_of_month(year or 2001, month or 1)
            return make(month, last, year, None, False)
        if "middle" in part or part == "mid":
            return make(month, 15, year, None, False)
        return make(month, 10 if part == "early" else 1, year, None, False)
    if groups["y4"]:
        part = groups["part_year"].lower()
        if "end" in part:
            return make(12, 31, int(groups["y4"]), None, False)
        if "middle" in part:
            return make(6, 30, int(groups["y4"]), None, False)
        return make(1, 1, int(groups["y4"]), None, False)
    if groups["m5"]:
        month = month_number(groups["m5"])
        year = int(groups["y5"])
        return make(month, last_day_of_month(year, month or 1), year, None, False)
    if groups["wd6"]:
        return make(None, None, None, groups["wd6"])
    return None


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date phrase in ``text``; offsets shifted by ``offset``."""
    found = []
    resume = 0
    for candidate in DATE_START.finditer(text):
        if candidate.start() < resume:
            continue
        match = DATE_PATTERN.match(text, candidate.start())
        if match is None:
            continue
        resume = match.end()
        mention = mention_from_match(match, offset)
        if mention is not None:
            found.append(mention)
    return found


def resolve_year(mention: DateMention, reference: date | None) -> date | None:
    """The calendar date of a mention, taking a missing year from the reference date.

    A day and month that would fall well before the reference belong to the next year
    ("by January 15" in an agreement signed in December).
    """
    if mention.month is None or mention.day is None:
        return None
    if mention.year is not None:
        return mention.on_year(mention.year)
    if reference is None:
        return None
    resolved = mention.on_year(reference.year)
    earlier = plus_days(reference, -60)
    if resolved is not None and earlier is not None and resolved < earlier:
        resolved = mention.on_year(reference.year + 1)
    return resolved


def plus_days(day: date, days: int) -> date | None:
    """``day`` moved by ``days``; None past the ends of the calendar (years 1 and 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def next_weekday(weekday: int, reference: date) -> date | None:
    """The first date on or after ``reference`` that falls on ``weekday``."""
    return plus_days(reference, (weekday - reference.weekday()) % 7)


def resolve_mention(
    mention: DateMention, reference: date | None, weekday_reference: date | None
) -> date | None:
    if mention.is_weekday_only:
        base = weekday_reference or reference
        return (
            next_weekday(mention.weekday, base) if base is not None and mention.weekday is not None else None
        )
    return resolve_year(mention, reference)


def at_hour(day: date, hour: float) -> datetime:
    midnight = datetime(day.year, day.month, day.day)
    try:
        return midnight + timedelta(hours=hour)
    except OverflowError:
        return midnight
