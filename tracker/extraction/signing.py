"""When an agreement was signed, when the caller does not say.

In order of trust: a date the text states for the signing ("signed ... on September 17",
"Done at Minsk on 19 September 2014", a title "Memorandum of 19 September 2014"), the
dateline of a report ("SOCHI, Russia, Oct. 22"), then the earliest full date in the text
that is not a time limit (a place-and-date line such as "Moscow, 5 March 2020"), and last
the earliest date from which the arrangement runs ("starting ... on November 10, 2020").
Recitals ("Recalling the Protocol of 5 September 2014") never give the signing date. A date
without a year takes one of the years the text mentions, checked against the weekdays it
names for the event ("signed a memorandum on Monday"); when the text gives no year at all,
the date stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.extraction.dates import WEEKDAYS, DateMention, find_dates, plus_days
from tracker.extraction.operative import RECITAL_START
from tracker.extraction.vocabulary import fold

# Searched in the folded text. Each pattern below opens on a character class, then checks what
# comes before: the regex engine can then skip ahead to the next candidate character.
STRONG_SIGNING = re.compile(
    r"[sacid](?<![\w][sacid])(?:(?<=s)ign(?:ed|ing)|(?<=s)ignature|(?<=c)oncluded|(?<=a)dopted|(?<=a)pproved"
    r"|(?<=i)nitial(?:l)?ed|(?<=d)one\s+(?:at|in)|(?<=d)ated)\b"
)
TITLE_OF_DATE = re.compile(
    r"\b(?:memorandum|agreement|protocol|accord|declaration|treaty|statement|arrangement)\s+of\s*$",
    re.IGNORECASE,
)
# A line holding only a place and a date ("Minsk, 5 September 2014") or a date: where and when
# the text was signed.
PLACE_DATE_LINE = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'’/-]*(?:[ \t]+[A-Z][\w.'’/-]*){0,3},[ \t]*)?"
    r"(?P<date>[0-9A-Z][^\n]{0,28}?\b(?:19|20)\d\d)\.?[ \t]*$",
    re.MULTILINE,
)
DATELINE_PLACE = re.compile(r"^[\"“]?[A-Z][A-Z .'’/-]{2,},\s*")
DATELINE_AGENCY = re.compile(r"\.?\s*(?:\(|/|-|—|–)")
DATELINE_GAP = re.compile(r"^(?:[A-Z][\w .'’-]{1,30},\s*){0,2}$")
YEAR_IN_TEXT = re.compile(r"(?:1(?<![\d-].)9[5-9]\d|2(?<![\d-].)0\d{2})(?![\d-])")
BACKGROUND_YEAR = re.compile(
    r"\b(?:since|in|during|from|between|until|till|before|after)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?$",
    re.IGNORECASE,
)
PAST_VERB = re.compile(r"\b(?:said|told|says|\w{3,}ed)\b", re.IGNORECASE)
FUTURE_VERB = re.compile(r"\b(?:will|shall|would|to\s+be|is\s+to|are\s+to)\b", re.IGNORECASE)
WEEKDAY_IN_TEXT = re.compile(
    r"(?P<weekday>[MTWFS](?:(?<=M)onday|(?<=T)uesday|(?<=W)ednesday|(?<=T)hursday|(?<=F)riday|(?<=S)aturday"
    r"|(?<=S)unday))\b(?!,?\s+\w+\s+\d)"
)
WEEKDAY_LEAD = re.compile(r"\b(?:on|last|this|since)\s+$")
LIMIT_BEFORE = re.compile(
    r"\b(?:by|until|till|before|no\s+later\s+than|not\s+later\s+than|through|within)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
START_BEFORE = re.compile(
    r"\b(?:as\s+of|as\s+from|from|starting|beginning|commencing|effective)\s+(?:the\s+)?$", re.IGNORECASE
)
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z])[.!?]\s+[A-Z\"“]|\n")
LINE_START = re.compile(r"(?:^|\n)[ \t]*")
SIGNING_REACH_AFTER = 80
SIGNING_REACH_BEFORE = 50
TITLE_REACH = 400
DATELINE_LINES = 12
DATELINE_REACH = 4000
RECITAL_REACH = 2000
MAX_SIGNING_CUES = 200
DATE_MARGIN = 200


@dataclass(frozen=True)
class SigningDate:
    day: date | None
    source: str  # "given", "stated", "dateline", "earliest-date" or "unknown"
    dateline: date | None  # the report's own date, for weekdays such as "from Wednesday"


@dataclass(frozen=True)
class YearEvidence:
    """The years a text mentions and the weekdays it gives for past events ("said on Friday").

    Years in background phrases ("since 2016", "in October 2023") come before the events a
    report relates, so a yearless dateline or signing date is read in a later year; a weekday
    the report gives for what just happened must agree with the year chosen.
    """

    years: list[int]
    background_years: list[int]
    past_weekdays: frozenset[int]

    @classmethod
    def of(cls, text: str) -> YearEvidence:
        years: list[int] = []
        background: list[int] = []
        for match in YEAR_IN_TEXT.finditer(text):
            window = text[max(0, match.start() - 25) : match.start()]
            (background if BACKGROUND_YEAR.search(window) else years).append(int(match.group()))
        weekdays = set()
        for match in WEEKDAY_IN_TEXT.finditer(text):
            if not WEEKDAY_LEAD.search(text, max(0, match.start() - 12), match.start()):
                continue
            window = text[max(0, match.start() - 50) : match.start()]
            if PAST_VERB.search(window) and not FUTURE_VERB.search(window):
                weekdays.add(WEEKDAYS.index(match.group("weekday").lower()))
        return cls(years, background, frozenset(weekdays))

    def year_for(self, mention: DateMention) -> int | None:
        mentioned = self.years + self.background_years
        if not mentioned:
            return None
        latest_background = max(self.background_years, default=0)
        # Unnamed years are tried only just after the named ones: two years after a year the
        # report names for its events, one after a background year.
        later = {max(self.years) + 1, max(self.years) + 2} if self.years else set()
        later.add(latest_background + 1)
        pool = sorted(set(self.years) | later)
        pool = [year for year in pool if year > latest_background]

        def fits(year: int) -> bool:
            day = mention.on_year(year)
            if day is None or (mention.weekday is not None and day.weekday() != mention.weekday):
                return False
            return not self.past_weekdays or day.weekday() in self.past_weekdays

        fitting = [year for year in pool if fits(year)]
        stated = [year for year in fitting if year in self.years]
        if stated:
            return max(stated, key=lambda year: (self.years.count(year), year))
        # A year the text does not name is taken only when its weekdays confirm it.
        return min(fitting) if fitting and self.past_weekdays else None

    def complete(self, mention: DateMention) -> date | None:
        if mention.month is None or mention.day is None:
            return None
        year = mention.year if mention.year is not None else self.year_for(mention)
        return mention.on_year(year) if year is not None else None


def before(text: str, mention: DateMention, reach: int = 40) -> str:
    return text[max(0, mention.start - reach) : mention.start]


def is_time_limit(text: str, mention: DateMention) -> bool:
    return bool(LIMIT_BEFORE.search(before(text, mention)) or START_BEFORE.search(before(text, mention)))


def in_recital(text: str, position: int) -> bool:
    reach = max(0, position - RECITAL_REACH)
    line_start = text.rfind("\n", reach, position) + 1 or reach
    return bool(RECITAL_START.match(text[line_start:position].lstrip()))


def dates_between(text: str, low: int, high: int) -> list[DateMention]:
    """The date phrases that start between two offsets, read from a margin around them so that
    a long text is not scanned whole for the few places a signing date can be."""
    margin_start = max(0, low - DATE_MARGIN)
    found = find_dates(text[margin_start : high + DATE_MARGIN], margin_start)
    return [mention for mention in found if low <= mention.start <= high]


def stated_signing(text: str, evidence: YearEvidence, dateline_day: date | None) -> date | None:
    """A date the text gives for the signing; a weekday ("signed ... on Saturday") is the last
    such day on or before the report's dateline."""
    for number, cue in enumerate(STRONG_SIGNING.finditer(fold(text))):
        if number >= MAX_SIGNING_CUES:
            break  # a signing date is stated once or twice, near the top or the end
        if in_recital(text, cue.start()):
            continue
        window = dates_between(text, cue.start() - SIGNING_REACH_BEFORE - 60, cue.end() + SIGNING_REACH_AFTER)
        nearby = []
        for mention in window:
            if LIMIT_BEFORE.search(before(text, mention)):
                continue
            if mention.month is None and (mention.weekday is None or dateline_day is None):
                continue
            if mention.start >= cue.end():
                gap = text[cue.end() : mention.start]
                reach = SIGNING_REACH_AFTER
            elif mention.end <= cue.start():
                gap = text[mention.end : cue.start()]
                reach = SIGNING_REACH_BEFORE
            else:
                continue
            if len(gap) <= reach and not SENTENCE_BREAK.search(gap):
                nearby.append((len(gap), mention))
        for _, mention in sorted(nearby, key=lambda pair: pair[0]):
            if mention.is_weekday_only and mention.weekday is not None and dateline_day is not None:
                return plus_days(dateline_day, -((dateline_day.weekday() - mention.weekday) % 7))
            found = evidence.complete(mention)
            if found is not None:
                return found
    for line in PLACE_DATE_LINE.finditer(text):
        for mention in find_dates(line.group("date")):
            if mention.is_complete and mention.start == 0:
                return mention.on_year(mention.year) if mention.year else None
    for mention in dates_between(text, 0, TITLE_REACH):
        if TITLE_OF_DATE.search(before(text, mention)) and not in_recital(text, mention.start):
            found = evidence.complete(mention)
            if found is not None:
                return found
    return None


def dateline_mention(text: str) -> DateMention | None:
    """The date in a report's dateline ("SOCHI, Russia, Oct. 22 (Xinhua) --", "Sept 17 (Reuters) -")."""
    for line in text[:DATELINE_REACH].splitlines()[:DATELINE_LINES]:
        stripped = line.strip()
        place = DATELINE_PLACE.match(stripped)
        if place is None:
            leading = next(iter(find_dates(stripped[:30])), None)
            if (
                leading is not None
                and leading.start == 0
                and leading.month is not None
                and DATELINE_AGENCY.match(stripped, leading.end)
            ):
                return leading
            continue
        rest = stripped[place.end() : place.end() + 80]
        for mention in find_dates(rest):
            if mention.month is not None and DATELINE_GAP.match(rest[: mention.start]):
                return mention
            break
    return None


def near(mention: DateMention, signed: date) -> date | None:
    """A dateline without a year, read in the year that puts it on or shortly after the signing."""
    if mention.year is not None:
        return mention.on_year(mention.year)
    candidates = [
        d for year in (signed.year - 1, signed.year, signed.year + 1) if (d := mention.on_year(year))
    ]
    return min(candidates, key=lambda d: abs((d - signed).days)) if candidates else None


def earliest_date(text: str, mentions: list[DateMention], *, allow_starts: bool) -> date | None:
    days = []
    for mention in mentions:
        if not mention.is_complete or LIMIT_BEFORE.search(before(text, mention)):
            continue
        if not allow_starts and START_BEFORE.search(before(text, mention)):
            continue
        if in_recital(text, mention.start):
            continue
        day = mention.on_year(mention.year) if mention.year else None
        if day is not None:
            days.append(day)
    return min(days) if days else None


def infer_signing_date(text: str, given: date | None) -> SigningDate:
    dateline = dateline_mention(text)
    if given is not None:
        return SigningDate(given, "given", near(dateline, given) if dateline else None)
    evidence = YearEvidence.of(text)
    dateline_day = evidence.complete(dateline) if dateline else None
    stated = stated_signing(text, evidence, dateline_day)
    if stated is not None:
        return SigningDate(stated, "stated", near(dateline, stated) if dateline else None)
    if dateline_day is not None:
        return SigningDate(dateline_day, "dateline", dateline_day)
    mentions = find_dates(text)
    earliest = earliest_date(text, mentions, allow_starts=False) or earliest_date(
        text, mentions, allow_starts=True
    )
    if earliest is not None:
        return SigningDate(earliest, "earliest-date", None)
    return SigningDate(None, "unknown", None)
