"""Time limits in a clause: the phrases that set them and the calendar dates they resolve to.

A time limit is a date introduced by a limiting word ("by", "no later than", "as of",
"starting from", "until"), a period counted from signing or from a start time stated in the
same sentence ("within 24 hours after the approval of this memorandum", "in 150 hours"), the
stated duration of the arrangement ("concluded for six months"), or a reference back to the
previous limit ("at that moment"). Dates that are not limits (the signing itself, earlier
agreements, the dateline) are never returned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum

from tracker.extraction.dates import (
    CLOCK,
    DateMention,
    at_hour,
    clock_hours,
    find_dates,
    last_day_of_month,
    plus_days,
    resolve_mention,
)
from tracker.extraction.vocabulary import (
    fold,
    number_word_pattern,
    ordinal_pattern,
    parse_number,
    parse_ordinal,
)


class LimitType(Enum):
    END = "end"  # by, until, no later than
    START = "start"  # as of, starting from, with effect from
    ON = "on"  # on a date, in a clause about the future
    PERIOD = "period"  # within / in N units, N units after an event
    DURATION = "duration"  # the arrangement lasts N units
    BACK_REFERENCE = "back-reference"  # at that moment
    # "the line as of 19 September": a date before the signing, never a limit
    REFERENCE_DATE = "reference-date"


@dataclass(frozen=True)
class TimeLimit:
    """One time-limit phrase; start/end are offsets into the searched text."""

    start: int
    end: int
    text: str
    kind: LimitType
    when: datetime | None

    @property
    def day(self) -> date | None:
        return self.when.date() if self.when else None


# "by next Friday", "from this Saturday": a weekday may be qualified.
UPCOMING = r"(?:(?:next|this|coming|the\s+coming|the\s+following)\s+)?"
NEXT_WEEK = re.compile(r"\b(?:next|coming|following)\s+$", re.IGNORECASE)
END_TRIGGER = re.compile(
    r"(?:\b(?:by|no\s+later\s+than|not\s+later\s+than|before|until|till|through|up\s+to|prior\s+to)"
    rf"\s+(?:the\s+)?{UPCOMING})$",
    re.IGNORECASE,
)
START_TRIGGER = re.compile(
    r"(?:\b(?:as\s+of|as\s+from|from|starting(?:\s+(?:from|on|at))?|beginning(?:\s+(?:on|from|at))?"
    r"|commencing(?:\s+(?:on|from|at))?|with\s+effect\s+from|effective(?:\s+(?:from|on|as\s+of))?)"
    rf"\s+(?:the\s+)?{UPCOMING})$",
    re.IGNORECASE,
)
ON_TRIGGER = re.compile(rf"(?:\b(?:on|at)\s+(?:the\s+)?{UPCOMING}|\b(?:next|this|coming)\s+)$", re.IGNORECASE)
# "on May 4" is a limit only in a clause about what will happen, never next to the signing.
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|should|must|is\s+to|are\s+to|was\s+to|were\s+to|to\s+be|expected|scheduled|planned|due|would)\b"
)
PAST_EVENT_CUE = re.compile(
    r"\b(?:sign(?:ed|ing)?|signature|conclud(?:ed|ing)|adopted|reached|held|met|meeting|talks|dated|agreed"
    r"|announced|said|stated|told|took\s+place|began|started)\b[^.;]{0,60}$",
    re.IGNORECASE,
)

NUMBER = rf"(?:\d+(?:[.,]\d+)?|{number_word_pattern()}|a|an|one)"
UNIT = (
    r"(?:calendar\s+|consecutive\s+|full\s+)?"
    r"(?P<unit>hours?|hrs|(?:working|business)\s+days?|days?|weeks?|fortnights?|months?|years?)"
)
# "fourteen (14) months", "one hundred thirty-five (135) days": the bracketed digits count.
DURATION = (
    rf"(?:[a-z]+(?:[\s-]+[a-z]+){{0,4}}\s*\((?P<digits>\d+(?:\.\d+)?)\)|(?P<number>{NUMBER}))[\s-]+{UNIT}"
)
# An event ends where a new clause or another limit begins ("within two days of the ceasefire
# and be finished within two weeks").
EVENT_TEXT = (
    r"(?:(?!\s(?:and|or|but|while|which|who|that|within|by|until|before|when|whereas|as)\s)[^,.;()\n]){1,90}"
)
EVENT = rf"(?:\s+(?P<relation>after|of|from|following|since)\s+(?P<event>{EVENT_TEXT}))?"
PERIOD_PATTERN = re.compile(
    rf"\b(?:within|in|during)\s+(?:the\s+(?:first|next|coming|following|remaining)\s+|a\s+(?:period|term)\s+of\s+"
    rf"|the\s+(?:period|term)\s+of\s+|(?:a\s+)?maximum\s+of\s+)?{DURATION}{EVENT}(?![\w-])"
)
# An ultimatum: "gave Bosnian Serb forces 10 days to withdraw their heavy weapons".
ULTIMATUM_PATTERN = re.compile(
    rf"\b(?:gave|give|gives|given|giving)\s+(?:[\w'’-]+\s+){{0,5}}?{DURATION}\s+to\s+(?=[a-z])"
)
COUNTED_PATTERN = re.compile(rf"\b{DURATION}\s+(?P<relation>after|from|following)\s+(?P<event>{EVENT_TEXT})")
# "no later than the fifth day after the withdrawal", "from day 1 of the withdrawal"
ORDINAL_DAY_PATTERN = re.compile(
    rf"\b(?:(?:no|not)\s+later\s+than|by|on|from|within|starting\s+(?:from|on)|beginning\s+(?:from|on)|as\s+of)"
    rf"\s+(?:the\s+)?(?:(?P<ordinal>{ordinal_pattern()})\s+day|day\s+(?P<day_number>\d{{1,3}}))"
    rf"\s+(?P<relation>after|following|of|from)\s+(?P<event>{EVENT_TEXT})"
)
DURATION_PATTERN = re.compile(
    rf"\b(?:(?:for|over)\s+(?:up\s+to\s+)?(?:an?\s+(?:further\s+|total\s+|initial\s+|first\s+|renewable\s+)?"
    rf"(?:period|term)\s+of\s+|the\s+(?:initial\s+|first\s+)?(?:period|term)\s+of\s+"
    rf"|the\s+(?:next\s+|following\s+|coming\s+)?)?"
    rf"|(?:lasts?|lasting)\s+(?:for\s+)?"
    # "There shall be a transitional period of twelve months"
    rf"|(?:an?|the)\s+(?:[a-z]+\s+)?(?:period|term)\s+of\s+)(?P<body>{DURATION})(?![\w-])"
    # "halted for six hours each day" repeats; it does not last six hours.
    r"(?!\s+(?:each|a|per|every)\s+(?:day|night|week)\b|\s+daily\b)"
)
ADJECTIVAL_DURATION = re.compile(
    rf"\b(?P<number>{NUMBER})-(?P<unit>hour|day|week|month|year)[\s-]+(?:[a-z]+\s+){{0,2}}?"
    r"(?:ceasefire|cease-fire|truce|pause|humanitarian\s+pause|moratorium|cessation|lull|halt|suspension|freeze)\b"
)
# A duration is the arrangement's own only when the clause speaks of its validity or term.
DURATION_CONTEXT = re.compile(
    r"\b(?:conclud\w*|valid\w*|in\s+force|effect\w*|last\w*|remain\w*|extend\w*|prolong\w*|renew\w*"
    r"|period|term|ceasefire|cease-fire|truce|pause|moratorium|suspend\w*|halt\w*|observed|agree\w*|stay\w*"
    r"|deploy\w*|operat\w*|serve|mandate|shall|will|would|refrain\w*|is\s+to|are\s+to)\b",
    re.IGNORECASE,
)
END_OF_PERIOD = re.compile(
    r"\b(?:by|before|until|no\s+later\s+than|not\s+later\s+than)\s+the\s+end\s+of\s+(?:the|this)\s+"
    r"(?P<period>year|month|week)\b"
)
DOCUMENT = r"(?:agreement|memorandum|protocol|document|accord|arrangement|declaration|treaty|resolution)"
AT_SIGNING = re.compile(
    r"\b(?:(?:(?:upon|on|from|as\s+of|with\s+effect\s+from|effective|starting\s+from)\s+(?:the\s+)?"
    r"(?:(?:date|day|moment|time)\s+of\s+(?:the\s+|its\s+)?|its\s+)?"
    r"|at\s+(?:the\s+latest\s+at\s+)?the\s+(?:time|moment)\s+of\s+(?:the\s+|its\s+)?)(?:sign(?:ing|ature))\b"
    rf"(?:\s+of\s+(?:this|the\s+present|the)\s+{DOCUMENT})?"
    rf"|(?:from|as\s+of|at)\s+the\s+(?:moment|time)\s+(?:when\s+)?(?:this|the\s+present|the)\s+{DOCUMENT}"
    r"\s+(?:is|was|has\s+been)\s+signed|upon\s+being\s+signed)"
)
RELATIVE_DAYS = ("today", "tomorrow", "tonight")
RELATIVE_DAY = re.compile(
    r"\b(?P<trigger>by|from|as\s+of|starting|beginning|on|until|before)?\s*(?P<day>today|tomorrow|tonight)\b"
)
BACK_REFERENCE = re.compile(
    r"\b(?:at\s+that\s+(?:moment|time|point)|by\s+that\s+time|by\s+then|at\s+the\s+same\s+time"
    r"|simultaneously|(?:during|in|within)\s+(?:that|this|the\s+same)\s+(?:[\w-]+\s+)?"
    r"(?:phase|period|stage|time|hours|days|weeks|months))\b"
)
# Cheap tests that let the costlier patterns run only where they can match.
COUNTED_HINT = re.compile(r"(?:hour|hrs|day|week|month|year)s?\s+(?:after|from|following)\b")
ADJECTIVAL_HINT = re.compile(r"-(?:hour|day|week|month|year)\b")
BACK_REFERENCE_HINT = re.compile(r"that|then|same|simultaneous|this")
# "takes effect at 7 p.m. on Saturday", "will begin on March 15": the start of the arrangement.
START_VERB = re.compile(
    r"\b(?:take|takes|taking|took|come|comes|coming|came|enter|enters|entering|entered|went|go|goes|going)"
    r"\s+(?:effect|into\s+(?:force|effect))"
    r"(?:\s+(?:at|on|from))?\s*$|\b(?:begin|begins|start|starts|commence|commences|resume|resumes|cease|ceases"
    r"|halt|halts)\s+(?:at|on|from)\s*$",
    re.IGNORECASE,
)
# "will expire at midnight on Friday", "ends on 30 June": the end of the arrangement.
END_VERB = re.compile(
    r"\b(?:expire|expires|expiring|end|ends|ending|terminate|terminates|lapse|lapses|run\s+out|runs\s+out)"
    r"(?:\s+(?:at|on))?\s*$",
    re.IGNORECASE,
)
# The words each end-anchored pattern above can end on (before trailing spaces): a window that
# ends otherwise is passed over without running the search.
END_TRIGGER_ENDINGS = (
    "by", "than", "before", "until", "till", "through", "to", "the", "next", "this", "coming", "following",
)  # fmt: skip
START_TRIGGER_ENDINGS = (
    "of", "from", "starting", "on", "at", "beginning", "commencing", "effective", "the", "next", "this",
    "coming", "following",
)  # fmt: skip
ON_TRIGGER_ENDINGS = ("on", "at", "the", "next", "this", "coming", "following")
END_VERB_ENDINGS = (
    "expire", "expires", "expiring", "end", "ends", "ending", "terminate", "terminates", "lapse", "lapses",
    "out", "at", "on",
)  # fmt: skip
START_VERB_ENDINGS = ("effect", "force", "at", "on", "from")
NEXT_WEEK_ENDINGS = ("next", "coming", "following")


def search_tail(pattern: re.Pattern[str], endings: tuple[str, ...], text: str) -> re.Match[str] | None:
    """``pattern.search(text)`` for an end-anchored pattern whose matches end on one of ``endings``.

    Only ASCII text is passed over: with re.IGNORECASE a pattern's "i" or "k" also matches letters
    of other scripts ("ı", the Kelvin sign) that lower() does not turn into them.
    """
    if text.isascii() and not text.rstrip().lower().endswith(endings):
        return None
    return pattern.search(text)


# "at one minute past midnight" with no date: the coming midnight.
COMING_MIDNIGHT = re.compile(
    r"\b(?:from|at|starting\s+at|starting\s+from|as\s+of)\s+(?:one\s+minute\s+past\s+|00:0[01]\s+(?:on\s+)?)?"
    r"midnight(?:\s+tonight)?\b(?!\s*(?:\([^)]*\)\s*)?(?:on|of|,)?\s*(?:the\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))"
)
# Approval, adoption or announcement is the signing only of the text itself ("the approval of this
# memorandum"), never of anything else ("after the Commission has approved the plan").
SIGNING_EVENT = re.compile(
    r"\b(?:sign\w*|signature|hereof|today"
    r"|(?:this|the\s+present)\s+(?:agreement|memorandum|protocol|document|accord|arrangement|decision"
    r"|declaration|statement|deal|treaty|resolution))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StatedEvent:
    """An event the text dates: "The transfer of authority ... shall take place at noon on 20 December"."""

    wording: str  # the folded words of the sentence before its date
    when: datetime


class EventCalendar:
    """The events a text dates, for limits counted from them in other clauses.

    Each event name is looked up once, when a limit first names it, and only the sentences
    that hold the name are read: a text that counts nothing from a dated event pays nothing,
    and a long text that names the same event a thousand times reads the calendar once.
    """

    def __init__(self, bodies: Sequence[str] = (), reference: Reference | None = None) -> None:
        self.bodies = bodies
        self.reference = reference
        self.folded: list[str] | None = None
        self.looked_up: dict[tuple[str, bool], datetime | None] = {}
        self.day_zero_read = False
        self.day_zero_when: datetime | None = None

    def when(self, event: str) -> datetime | None:
        """The stated date of the event a limit names ("the Transfer of Authority"), if any."""
        if DAY_ZERO_NAME.match(event.lower()):
            return self.day_zero
        return self.look_up(event_core(event), period=False)

    def period_end(self, name: str) -> datetime | None:
        """When a period the text defines by its start and length ends ("the Interim Period")."""
        return self.look_up(event_core(DURATION_ADJECTIVE.sub("", name)), period=True)

    def look_up(self, core: str | None, *, period: bool) -> datetime | None:
        if core is None or self.reference is None:
            return None
        if (core, period) not in self.looked_up:
            if self.folded is None:
                self.folded = [fold(body) for body in self.bodies]
            named = re.compile(rf"\b{re.escape(core)}\b")
            holding = [body for body, folded in zip(self.bodies, self.folded, strict=True) if core in folded]
            read = read_period_ends if period else read_stated_events
            self.looked_up[(core, period)] = next(
                (stated.when for stated in read(holding, self.reference) if named.search(stated.wording)),
                None,
            )
        return self.looked_up[(core, period)]

    @property
    def day_zero(self) -> datetime | None:
        """What "D" stands for in "by D+6", where the text defines it."""
        if not self.day_zero_read:
            self.day_zero_read = True
            if self.reference is not None:
                self.day_zero_when = read_day_zero(self.bodies, self.reference)
        return self.day_zero_when


@dataclass(frozen=True)
class Reference:
    """What relative limits are counted from."""

    signed_on: date | None
    weekday_base: date | None  # the dateline or signing date, for "from Wednesday"
    previous: datetime | None  # the limit of the clause before, for "at that moment"
    ceasefire_start: datetime | None = None  # when the text says the ceasefire begins
    calendar: EventCalendar = field(default_factory=EventCalendar)


# What an event phrase says happens to its subject, cut off to leave the event's name:
# "the ceasefire comes into effect" -> "ceasefire".
EVENT_PREDICATE = re.compile(
    r"\s+(?:comes?|came|takes?|took|enters?|entered|goes|went|has|have|had|is|are|was|were|shall|will"
    r"|begins?|began|starts?|started|commences?|commenced|ends?|ended)\b.*$"
)
LEADING_DETERMINER = re.compile(r"^(?:the|this|that|its|their)\s+")
MIN_EVENT_NAME = 6


def event_core(event: str) -> str | None:
    core = LEADING_DETERMINER.sub("", EVENT_PREDICATE.sub("", fold(event).strip()))
    core = re.sub(r"\s+", " ", core).strip()
    return core if len(core) >= MIN_EVENT_NAME else None


# A sentence that dates an event: its subject names the event, its first limit the moment.
EVENT_STATEMENT = re.compile(
    r"\b(?:take\s+place|takes\s+place|take\s+effect|takes\s+effect|come\s+into\s+(?:force|effect)"
    r"|comes\s+into\s+(?:force|effect)|enter\s+into\s+force|enters\s+into\s+force|begin|begins|start|starts"
    r"|commence|commences)\b",
    re.IGNORECASE,
)
# '"D" means the day of signature of this Agreement', '"D-Day" is the day this Agreement is signed'.
# 'Day "D", which is the second day after the signing of this Addendum'.
DAY_ZERO_DEFINITION = re.compile(
    r"[\"“]D(?:-Day)?[\"”],?\s+(?:which\s+is|means|is|shall\s+(?:mean|be)|refers\s+to|denotes)\s+"
    r"(?:(?:the\s+)?(?:day|date)\b)?(?P<rest>[^.;\n]{0,80})"
)
DAYS_AFTER_SIGNING = re.compile(
    rf"^\s*(?:the\s+)?(?:(?P<ordinal>{ordinal_pattern()})\s+day|(?P<number>{NUMBER})\s+days?)\s+"
    r"(?:after|following|from)\s+(?:the\s+)?(?:date\s+of\s+)?(?:the\s+)?sign",
    re.IGNORECASE,
)
# An event named as the day "D" itself: 'within 15 days of Day "D"'.
DAY_ZERO_NAME = re.compile(r"^\s*(?:the\s+)?(?:day\s+)?[\"“]?d[\"”]?(?:-day)?\s*$")
DAY_ZERO_LIMIT = re.compile(
    r"\b(?:(?:by|(?:no|not)\s+later\s+than|before|until|on|from|as\s+of|starting\s+(?:on|from)|beginning\s+on)\s+)?"
    r"(?:D(?:-Day)?\s*\+\s*(?P<days>\d{1,3})\b|Day\s+[\"“]D[\"”])"
    rf"|\b(?:(?:no|not)\s+later\s+than\s+)?(?P<before>{NUMBER})\s+days?\s+before\s+Day\s+[\"“]D[\"”]"
)


def stated_events(bodies: Sequence[str], reference: Reference) -> EventCalendar:
    """The events the sentences date, and the day "D" stands for, read when first needed."""
    return EventCalendar(bodies, reference)


def read_stated_events(bodies: Sequence[str], reference: Reference) -> Iterator[StatedEvent]:
    """Sentences that date an event, in text order, read as far as the caller asks."""
    for body in bodies:
        if EVENT_STATEMENT.search(body) is None:
            continue
        for limit in find_time_limits(body, reference):
            if limit.kind in (LimitType.START, LimitType.ON) and limit.when is not None:
                yield StatedEvent(fold(body[: limit.start]), limit.when)
                break


PERIOD_WORD = re.compile(r"\b(?:period|phase|stage)\b", re.IGNORECASE)
PERIOD_NOUNS = ("period", "phase", "stage")
DURATION_ADJECTIVE = re.compile(r"\b[\w-]+-(?:day|week|month|year)\s+")


def read_period_ends(bodies: Sequence[str], reference: Reference) -> Iterator[StatedEvent]:
    """Periods a sentence names and gives a length: "The X Period shall ... last for eight months"."""
    for body in bodies:
        if PERIOD_WORD.search(body) is None:
            continue
        for limit in group_limits(find_time_limits(body, reference), body):
            if limit.kind in (LimitType.END, LimitType.DURATION) and limit.when is not None:
                wording = fold(body[: limit.start])
                if PERIOD_WORD.search(wording):
                    yield StatedEvent(wording, limit.when)
                break


def read_day_zero(bodies: Sequence[str], reference: Reference) -> datetime | None:
    for body in bodies:
        if '"D' not in body and "“D" not in body:
            continue
        definition = DAY_ZERO_DEFINITION.search(body)
        if definition is None:
            continue
        rest = definition.group("rest")
        after_signing = DAYS_AFTER_SIGNING.match(rest)
        if after_signing is not None and reference.signed_on is not None:
            days = (
                parse_ordinal(after_signing.group("ordinal"))
                if after_signing.group("ordinal")
                else parse_number(after_signing.group("number"))
            )
            zero_day = plus_days(reference.signed_on, int(days)) if days is not None else None
            return at_hour(zero_day, 0) if zero_day is not None else None
        dated = [resolve_mention(m, reference.signed_on, None) for m in find_dates(rest)]
        day = next((d for d in dated if d is not None), None)
        if day is not None:
            return at_hour(day, 0)
        if re.search(r"sign", rest, re.IGNORECASE) and reference.signed_on is not None:
            return at_hour(reference.signed_on, 0)
        return None
    return None


# An event whose start the text may state elsewhere: "within 14 days of the entry into force
# of the ceasefire", "the seventh day of the ceasefire".
CEASEFIRE_EVENT = re.compile(
    r"\b(?:cease[-\s]?fires?|truces?|cessation\s+of\s+hostilities|armistice|hostilities)\b", re.IGNORECASE
)
# "the Military Armistice Commission has declared ...": a body named after the truce is no start of it.
CEASEFIRE_BODY = re.compile(
    r"\b(?:cease[-\s]?fire|truce|armistice|hostilities)\s+(?:commission|committee|council|line|monitor\w*"
    r"|mechanism|team|body|group)\b",
    re.IGNORECASE,
)
PRONOUN_EVENT = re.compile(r"^\s*(?:it|this|that|then)\s*$", re.IGNORECASE)
# The agreement's own term runs from the signing; a phase or a truce from its start.
AGREEMENT_TERM = re.compile(
    r"^\W*(?:the|this|that|their|its)?\s*(?:\w+\s+)?(?:memorandum|agreement|arrangement|deal|accord|document"
    r"|protocol|treaty|initiative|statement|declaration)\b",
    re.IGNORECASE,
)


def add_months(start: datetime, months: int) -> datetime:
    """The same day ``months`` later, clamped to the month's end (31 January + 1 month = 28/29 February)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    day = min(start.day, last_day_of_month(year, month + 1))
    return start.replace(year=year, month=month + 1, day=day)


def add_working_days(start: datetime, count: int) -> datetime:
    """``count`` days on from ``start``, Saturdays and Sundays not counted."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            count -= 1
    return day


def add_period(start: datetime, amount: float, unit: str) -> datetime | None:
    """``start`` moved on by a period; None past the end of the calendar."""
    try:
        return moved(start, amount, re.sub(r"\s+", " ", unit.lower()).rstrip("s"))
    except (OverflowError, ValueError):
        return None


def moved(start: datetime, amount: float, unit: str) -> datetime:
    if unit in ("hour", "hr"):
        return start + timedelta(hours=amount)
    if unit in ("working day", "business day"):
        return add_working_days(start, int(amount))
    if unit == "day":
        return start + timedelta(days=amount)
    if unit == "week":
        return start + timedelta(weeks=amount)
    if unit == "fortnight":
        return start + timedelta(weeks=2 * amount)
    whole = int(amount)
    if unit == "month":
        return add_months(start, whole) + timedelta(days=round((amount - whole) * 30))
    return add_months(start, 12 * whole) + timedelta(days=round((amount - whole) * 365))


def period_amount(match: re.Match[str]) -> float | None:
    digits = match.groupdict().get("digits")
    value = float(digits) if digits else parse_number(match.group("number"))
    if value is None or value <= 0 or value > 10000:
        return None
    return value


TIME_UNIT = re.compile(r"hour|hrs|day|week|fortnight|month|year")
SATURDAY = 5
# Period and duration phrases are searched only around a time unit, which keeps long sentences cheap.
UNIT_REACH_BEFORE = 110
UNIT_REACH_AFTER = 150


def unit_windows(folded: str) -> list[tuple[int, int]]:
    """Disjoint stretches of the sentence around each time unit it names."""
    windows: list[tuple[int, int]] = []
    for match in TIME_UNIT.finditer(folded):
        low = max(0, match.start() - UNIT_REACH_BEFORE)
        high = min(len(folded), match.end() + UNIT_REACH_AFTER)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def matches_in(
    pattern: re.Pattern[str], folded: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    for low, high in windows:
        yield from pattern.finditer(folded, low, high)


def in_time_zone_aside(sentence: str, mention: DateMention) -> bool:
    """A date inside "(2200 GMT on Friday)": the same moment in another zone, not the local date."""
    opening = sentence.rfind("(", max(0, mention.start - 30), mention.start)
    if opening < 0 or ")" in sentence[opening : mention.start]:
        return False
    return ZONE_NAME.search(sentence, opening, mention.start) is not None


PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|has|have|did)\b", re.IGNORECASE)


def past_event_before(sentence: str, mention: DateMention) -> bool:
    """Whether the date is that of a past event ("signed on Friday", "a raid on July 12").

    An event word after a future modal is a future event ("will hold talks on Tuesday").
    """
    window = sentence[max(0, mention.start - 70) : mention.start]
    modals = list(FUTURE_CUE.finditer(window))
    if modals:
        # "will be signed on Friday" is future; "which will be monitored, was agreed on Friday"
        # and "that will begin on Saturday, the envoy said on Friday" are not.
        after_modal = window[modals[-1].end() :]
        clause_break = max(after_modal.rfind(","), after_modal.rfind(";"))
        if clause_break >= 0 and PAST_EVENT_CUE.search(after_modal[clause_break:]):
            return True
        return PAST_AUXILIARY.search(after_modal) is not None
    return PAST_EVENT_CUE.search(window) is not None


# "was to", "were to" tell what was arranged to happen, not what has happened.
PAST_TENSE = re.compile(
    r"\b(?:took|went|came|began|started|commenced|entered|ended|expired|was|were|had)\b(?!\s+to\b)",
    re.IGNORECASE,
)


def told_in_past(sentence: str, mention: DateMention) -> bool:
    """ "The truce took effect on Sunday": a weekday in a past-tense clause has already come."""
    window = sentence[max(0, mention.start - 50) : mention.start]
    tensed = list(PAST_TENSE.finditer(window))
    return bool(tensed) and FUTURE_CUE.search(window, tensed[-1].end()) is None


def before_signing(limit: TimeLimit, reference: Reference) -> bool:
    """A limit cannot precede the signing: "the line as of 19 September" is a reference date."""
    return (
        limit.kind in (LimitType.END, LimitType.ON, LimitType.START)
        and limit.day is not None
        and reference.signed_on is not None
        and limit.day < reference.signed_on
    )


def dated_limits(
    sentence: str, folded: str, mentions: list[DateMention], reference: Reference
) -> list[TimeLimit]:
    limits = []
    for mention in mentions:
        if in_time_zone_aside(sentence, mention):
            continue
        before = sentence[max(0, mention.start - 40) : mention.start]
        trigger = search_tail(END_TRIGGER, END_TRIGGER_ENDINGS, before) or search_tail(
            END_VERB, END_VERB_ENDINGS, before
        )
        kind = LimitType.END
        if trigger is None:
            trigger = search_tail(START_TRIGGER, START_TRIGGER_ENDINGS, before) or search_tail(
                START_VERB, START_VERB_ENDINGS, before
            )
            kind = LimitType.START
        if trigger is None:
            # "shall take place at noon on 20 December": the phrase brings its own "at".
            trigger = search_tail(ON_TRIGGER, ON_TRIGGER_ENDINGS, before) or (
                re.search(r"$", before) if mention.text[:3].lower() == "at " else None
            )
            kind = LimitType.ON
            if trigger is not None and (
                not FUTURE_CUE.search(folded) or past_event_before(sentence, mention)
            ):
                trigger = None
        if trigger is None:
            continue
        verb_only = (
            search_tail(START_VERB, START_VERB_ENDINGS, before)
            and not search_tail(START_TRIGGER, START_TRIGGER_ENDINGS, before)
        ) or (
            search_tail(END_VERB, END_VERB_ENDINGS, before)
            and not search_tail(END_TRIGGER, END_TRIGGER_ENDINGS, before)
        )
        if verb_only:
            # "takes effect at 7 p.m.", "will begin on March 15": the phrase starts at the preposition.
            preposition = re.search(r"\b(?:on|at|from)\s+$", before)
            start = mention.start - (len(before) - preposition.start()) if preposition else mention.start
        else:
            start = mention.start - (len(before) - trigger.start())
        day = resolve_mention(mention, reference.signed_on, reference.weekday_base)
        said_on = reference.weekday_base or reference.signed_on
        if (
            day is not None
            and day == said_on
            and mention.is_weekday_only
            and search_tail(NEXT_WEEK, NEXT_WEEK_ENDINGS, before)
        ):
            day = plus_days(day, 7)  # "next Monday" said on a Monday is a week away
        if (
            day is not None
            and said_on is not None
            and mention.is_weekday_only
            and told_in_past(sentence, mention)
        ):
            day = plus_days(day, -7) if day > said_on else day  # "took effect on Sunday": the Sunday before
        when = at_hour(day, mention.hour) if day else None
        limit = TimeLimit(start, mention.end, sentence[start : mention.end], kind, when)
        if not mention.is_weekday_only and before_signing(limit, reference):
            # Kept so that the clause still reads as one that speaks of time, but never a deadline.
            limit = TimeLimit(limit.start, limit.end, limit.text, LimitType.REFERENCE_DATE, None)
        limits.append(limit)
    limits += clock_limits(sentence, mentions, reference)
    for match in DAY_ZERO_LIMIT.finditer(sentence) if "D" in sentence else ():
        day_zero = reference.calendar.day_zero
        if match.group("before"):
            days_before = parse_number(match.group("before"))
            offset = -int(days_before) if days_before is not None else None
        else:
            offset = int(match.group("days") or 0)
        when = add_period(day_zero, offset, "day") if day_zero and offset is not None else None
        limits.append(
            TimeLimit(match.start(), match.end(), sentence[match.start() : match.end()], LimitType.END, when)
        )
    for match in COMING_MIDNIGHT.finditer(folded) if "midnight" in folded else ():
        base = reference.weekday_base
        tomorrow = plus_days(base, 1) if base else None
        when = at_hour(tomorrow, 0) if tomorrow else None
        limits.append(
            TimeLimit(
                match.start(), match.end(), sentence[match.start() : match.end()], LimitType.START, when
            )
        )
    for match in AT_SIGNING.finditer(folded) if "sign" in folded else ():
        when = at_hour(reference.signed_on, 0) if reference.signed_on else None
        limits.append(
            TimeLimit(
                match.start(), match.end(), sentence[match.start() : match.end()], LimitType.START, when
            )
        )
    for match in RELATIVE_DAY.finditer(folded) if any(day in folded for day in RELATIVE_DAYS) else ():
        if match.group("trigger") is None:
            continue
        base = reference.weekday_base
        offset = 1 if match.group("day").lower() == "tomorrow" else 0
        day = plus_days(base, offset) if base else None
        when = at_hour(day, 0) if day else None
        kind = (
            LimitType.END if match.group("trigger").lower() in ("by", "until", "before") else LimitType.START
        )
        limits.append(
            TimeLimit(match.start(), match.end(), sentence[match.start() : match.end()], kind, when)
        )
    for match in END_OF_PERIOD.finditer(folded) if "end of" in folded else ():
        when = None
        if reference.signed_on is not None:
            signed = reference.signed_on
            period = match.group("period").lower()
            if period == "year":
                when = datetime(signed.year, 12, 31)
            elif period == "month":
                when = datetime(signed.year, signed.month, last_day_of_month(signed.year, signed.month))
            else:
                sunday = plus_days(signed, 6 - signed.weekday())
                when = at_hour(sunday, 0) if sunday else None
        limits.append(
            TimeLimit(match.start(), match.end(), sentence[match.start() : match.end()], LimitType.END, when)
        )
    return limits


ZONE_NAME = re.compile(r"\b(?:GMT|UTC|Zulu)\b|\b[A-Z]\w+\s+time\b")
# "takes effect at 7 p.m. (1600 GMT)", "with effect from 17:00 hours IST": a clock time with no date.
CLOCK_LIMIT = re.compile(
    r"\b(?:(?:take|takes|taking|took|come|comes|came|went|go|goes)\s+(?:effect|into\s+(?:force|effect))\s+"
    r"|(?:begin|begins|began|start|starts|started|commence|commences|commenced)\s+)?"
    r"(?P<trigger>at|from|as\s+of|as\s+from|starting\s+(?:at|from)|with\s+effect\s+from|effective\s+(?:from|at))"
    rf"\s+(?P<clock>{CLOCK})",
    re.IGNORECASE,
)
CLOCK_DATE_GAP = 25
# Opening on a digit lets the search skip ahead to the next digit; "noon" is tested apart.
CLOCK_HINT = re.compile(r"\d(?:[:.]?\d{2}|\s*[ap]\.?m\b)", re.IGNORECASE)
NOON_WORDS = ("noon", "midday")


def clock_limits(sentence: str, mentions: list[DateMention], reference: Reference) -> list[TimeLimit]:
    """Start times given by the clock alone fall on the day of the report or signing.

    Only a start ("from", "takes effect at") counts, and only where no date goes with the time.
    """
    if CLOCK_HINT.search(sentence) is None and not any(word in sentence.lower() for word in NOON_WORDS):
        return []
    limits = []
    for match in CLOCK_LIMIT.finditer(sentence):
        clock = match.group("clock")
        if match.start("trigger") == match.start() and match.group("trigger").lower() == "at":
            continue  # "Done at Panmunjom at 1000 hours": only a start verb makes "at" a start
        if not re.search(r"\d", clock) and not any(word in clock.lower() for word in NOON_WORDS):
            continue  # "from midnight" has its own rule
        if any(m.start < match.end() and match.start("trigger") - CLOCK_DATE_GAP < m.end for m in mentions):
            continue  # "on Monday at 12:00 hours": the date goes with the time
        if DATE_AFTER_CLOCK.match(sentence, match.end()) or DAILY_WINDOW.match(sentence, match.end()):
            continue
        base = reference.weekday_base or reference.signed_on
        when = at_hour(base, clock_hours(match)) if base else None
        limits.append(
            TimeLimit(
                match.start(),
                match.end(),
                sentence[match.start() : match.end()].rstrip(),
                LimitType.START,
                when,
            )
        )
    return limits


# "a curfew from 6 p.m. to 6 a.m.": hours of every day, not a start.
DAILY_WINDOW = re.compile(r"\s*(?:to|until|till|-|–)\s*\d", re.IGNORECASE)
# A word that dates the clock time some other way ("at 12:00 hours tomorrow", "on the day").
DATE_AFTER_CLOCK = re.compile(
    r"\s*,?\s*(?:on|of|tomorrow|tonight|today|the\s+(?:day|next|following))\b", re.IGNORECASE
)


def counted_from(
    event: str | None,
    start_time: datetime | None,
    reference: Reference,
    *,
    in_hours: bool = False,
    previous_event: datetime | None = None,
) -> datetime | None:
    """The moment a period starts: signing, or a start the text states.

    A bare count of hours runs from the clock time the sentence starts at ("Starting 12:00
    noon of October 23 ... in 150 hours"); days, weeks and months run from the signing. A
    period after the ceasefire runs from the start the text gives for it; after "it", from
    the event the sentence named before; after any other event, from the date the text
    states for it, or from nothing (the limit then keeps its text and no date).
    """
    signed = at_hour(reference.signed_on, 0) if reference.signed_on else None
    if event is None:
        return (start_time if in_hours else None) or signed
    if SIGNING_EVENT.search(event):
        return signed
    if PRONOUN_EVENT.match(event):
        return previous_event
    if (
        CEASEFIRE_EVENT.search(event)
        and not CEASEFIRE_BODY.search(event)
        and reference.ceasefire_start is not None
    ):
        return reference.ceasefire_start
    # Any other event counts only when the text dates it; "after the Commission has declared
    # the Zone clear" is not the ceasefire's start, though the clause may state one.
    return reference.calendar.when(event)


def period_limits(
    sentence: str,
    folded: str,
    windows: list[tuple[int, int]],
    start_time: datetime | None,
    reference: Reference,
) -> list[TimeLimit]:
    limits = []
    taken: list[tuple[int, int]] = []
    event_base: datetime | None = None
    patterns = (PERIOD_PATTERN, COUNTED_PATTERN) if COUNTED_HINT.search(folded) else (PERIOD_PATTERN,)
    if "give" in folded or "gave" in folded:
        patterns = (*patterns, ULTIMATUM_PATTERN)
    for pattern in patterns:
        for match in matches_in(pattern, folded, windows):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            amount = period_amount(match)
            if amount is None:
                continue
            event = match.groupdict().get("event")
            end = match.end() if pattern is not ULTIMATUM_PATTERN else match.end("unit")
            in_hours = match.group("unit").lower().startswith("h")
            base = counted_from(event, start_time, reference, in_hours=in_hours, previous_event=event_base)
            if event is not None and base is not None:
                event_base = base
            when = add_period(base, amount, match.group("unit")) if base else None
            start = match.start() if pattern is not ULTIMATUM_PATTERN else duration_start(match)
            taken.append((start, end))
            limits.append(TimeLimit(start, end, sentence[start:end], LimitType.PERIOD, when))
    for match in matches_in(ORDINAL_DAY_PATTERN, folded, windows) if "day" in folded else ():
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        count = (
            parse_ordinal(match.group("ordinal"))
            if match.group("ordinal")
            else int(match.group("day_number"))
        )
        base = counted_from(match.group("event"), None, reference)
        if base is not None and count is not None:
            # "day 1 of" the signing is the signing day; "the fifth day after" it is five days on.
            offset = count - 1 if match.group("relation").lower() == "of" else count
            day_when = add_period(base, offset, "day")
        else:
            day_when = None
        taken.append((match.start(), match.end()))
        limits.append(
            TimeLimit(
                match.start(), match.end(), sentence[match.start() : match.end()], LimitType.PERIOD, day_when
            )
        )
    return limits


def duration_start(match: re.Match[str]) -> int:
    """Where the length in a match begins: its number, or the words before bracketed digits."""
    for group in ("number", "digits"):
        if match.group(group) is not None:
            start = match.start(group)
            return start if group == "number" else match.string.rfind(" ", 0, start) + 1
    return match.start()


def duration_limits(
    sentence: str,
    folded: str,
    windows: list[tuple[int, int]],
    start_time: datetime | None,
    reference: Reference,
) -> list[TimeLimit]:
    limits = []
    signed = at_hour(reference.signed_on, 0) if reference.signed_on else None
    if AGREEMENT_TERM.match(sentence):
        base = start_time or signed
    else:
        base = start_time or reference.ceasefire_start or signed
    for match in matches_in(DURATION_PATTERN, folded, windows):
        if not DURATION_CONTEXT.search(sentence[max(0, match.start() - 120) : match.start() + 20]):
            continue
        amount = period_amount(match)
        if amount is None:
            continue
        when = add_period(base, amount, match.group("unit")) if base else None
        limits.append(
            TimeLimit(
                match.start(), match.end(), sentence[match.start() : match.end()], LimitType.DURATION, when
            )
        )
    for match in matches_in(ADJECTIVAL_DURATION, folded, windows) if ADJECTIVAL_HINT.search(folded) else ():
        if folded[max(0, match.start() - 6) : match.start()] == "daily ":
            continue  # "a daily two-hour humanitarian pause" repeats; it does not end
        amount = period_amount(match)
        if amount is None:
            continue
        when = add_period(base, amount, match.group("unit")) if base else None
        span_end = match.start("unit") + len(match.group("unit"))
        limits.append(
            TimeLimit(match.start(), span_end, sentence[match.start() : span_end], LimitType.DURATION, when)
        )
    return limits


# Every time-limit phrase contains one of these (in folded text); a sentence without any is
# skipped at the cost of one scan.
# A sentence without any of these has no time limit. Literal words are tested with `in`, far
# cheaper than one alternation tried at every position of every sentence.
TIME_HINT_WORDS = (
    "day", "sign", "month", "year", "week", "hour", "jan", "feb", "mar", "apr", "may", "jun", "jul",
    "aug", "sep", "oct", "nov", "dec", "hrs", "fortnight", "noon", "tomorrow", "tonight",
    "midnight", "simultaneous",
)  # fmt: skip
TIME_HINT_DIGIT = re.compile(r"[0-9]")
# Each alternative opens on a plain letter, which lets the search skip to the next candidate.
TIME_HINT_PHRASE = re.compile(
    r"that\s+(?:moment|time|point|phase|period|stage)|this\s+(?:phase|period|stage|time)|by\s+then"
    r"|same\s+(?:time|phase|period|stage)|the\s+end\s+of\s+the|during\s+the|within\s+the|throughout\s+the"
)


def has_time_hint(folded: str) -> bool:
    return (
        TIME_HINT_DIGIT.search(folded) is not None
        or any(word in folded for word in TIME_HINT_WORDS)
        or TIME_HINT_PHRASE.search(folded) is not None
    )


# A period phrase that swallowed its verb: "take effect twenty-four (24) hours after the signing".
BEGUN_PERIOD = re.compile(
    r"(?:\w+\s+)?(?:take|takes|come|comes|enter|enters|begin|begins|start|starts)\s+(?:effect|into\s+(?:force|effect))?\b",
    re.IGNORECASE,
)


def as_start_if_begun(limit: TimeLimit, sentence: str) -> TimeLimit:
    """ "shall take effect twenty-four hours after the signing": the period dates a start."""
    if limit.kind is not LimitType.PERIOD or not (
        search_tail(START_VERB, START_VERB_ENDINGS, sentence[max(0, limit.start - 40) : limit.start])
        or BEGUN_PERIOD.match(limit.text)
    ):
        return limit
    return TimeLimit(limit.start, limit.end, limit.text, LimitType.START, limit.when)


# "during the Pre-Transitional Period", "by the end of the eight-month interim phase"
DEFINED_PERIOD = re.compile(
    r"\b(?:during|within|throughout|in\s+the\s+course\s+of|(?:by|before|until|(?:no|not)\s+later\s+than)"
    r"\s+the\s+end\s+of)\s+the\s+(?!same\b|first\b|next\b|following\b|coming\b|remaining\b)"
    r"(?P<name>(?:[\w-]+\s+){0,4}?(?:period|phase|stage))\b"
)


def defined_period_limits(sentence: str, folded: str, reference: Reference) -> list[TimeLimit]:
    limits = []
    for match in DEFINED_PERIOD.finditer(folded):
        when = reference.calendar.period_end(match.group("name"))
        if when is not None:
            limits.append(
                TimeLimit(
                    match.start(), match.end(), sentence[match.start() : match.end()], LimitType.END, when
                )
            )
    return limits


EARLIER_DEAL = re.compile(
    r"\b(?:earlier|previous|prior)\s+(?:[\w-]+\s+)?(?:accord|agreement|deal|truce|cease-?fire|plan|arrangement"
    r"|memorandum|protocol)s?\b"
)


def find_time_limits(sentence: str, reference: Reference) -> list[TimeLimit]:
    """Every time limit in one sentence, in text order, overlapping phrases removed."""
    folded = fold(sentence)
    if not has_time_hint(folded):
        return []
    mentions = find_dates(sentence)
    dated = dated_limits(sentence, folded, mentions, reference)
    start_time = next((limit.when for limit in dated if limit.kind is LimitType.START and limit.when), None)
    found = dated
    windows = unit_windows(folded)
    if windows:
        found = (
            found
            + period_limits(sentence, folded, windows, start_time, reference)
            + duration_limits(sentence, folded, windows, start_time, reference)
        )
    found = [as_start_if_begun(limit, sentence) for limit in found]
    earlier = (
        EARLIER_DEAL.search(folded)
        if "earlier" in folded or "previous" in folded or "prior" in folded
        else None
    )
    if earlier is not None:
        # "An earlier accord ... called for a pause within a week": that accord's limits, not this one's.
        found = [
            TimeLimit(limit.start, limit.end, limit.text, limit.kind, None)
            if limit.start > earlier.start()
            else limit
            for limit in found
        ]
    if any(noun in folded for noun in PERIOD_NOUNS) and PERIOD_WORD.search(folded):
        found += defined_period_limits(sentence, folded, reference)
    for match in BACK_REFERENCE.finditer(folded) if BACK_REFERENCE_HINT.search(folded) else ():
        found.append(
            TimeLimit(
                match.start(),
                match.end(),
                sentence[match.start() : match.end()],
                LimitType.BACK_REFERENCE,
                reference.previous,
            )
        )
    found.sort(key=lambda limit: (limit.start, -(limit.end - limit.start)))
    kept: list[TimeLimit] = []
    for limit in found:
        if kept and limit.start < kept[-1].end:
            continue
        kept.append(limit)
    return kept


def is_restatement(first: TimeLimit, second: TimeLimit, sentence: str) -> bool:
    """A limit repeated in brackets right after another: "Ten days after signing (by May 14)"."""
    gap = sentence[first.end : second.start]
    return bool(re.fullmatch(r"\s*[(\[]?\s*", gap)) and (
        first.day == second.day or first.day is None or second.day is None
    )


# "within 48 hours after [an undated event], and in no event later than seven days after signature"
FALLBACK_GAP = re.compile(
    r"\s*,?\s*(?:and|but)?\s*(?:in\s+(?:no|any)\s+(?:event|case)\s+|at\s+the\s+latest\s+)?,?\s*"
    r"(?:(?:no|not)\s+later\s+than|later\s+than|before|by)?\s*$",
    re.IGNORECASE,
)
# "shall start on the date of signature and last for eight (8) months"
LASTING_GAP = re.compile(
    r"\s*,?\s*and\s+(?:shall\s+|will\s+|is\s+to\s+)?"
    r"(?:continue\s+|(?:remain|be|stay)\s+(?:(?:in\s+(?:force|effect|place)|valid|open)\s+)?)?$",
    re.IGNORECASE,
)


def is_fallback(first: TimeLimit, second: TimeLimit, sentence: str) -> bool:
    """A limit with no date followed by an outer limit that has one: the outer limit holds."""
    gap = sentence[first.end : second.start]
    return (
        first.when is None
        and second.when is not None
        and second.kind in (LimitType.END, LimitType.PERIOD)
        and re.search(r"\b(?:no|any)\s+(?:event|case)\b|\blatest\b", gap + second.text, re.IGNORECASE)
        is not None
        and FALLBACK_GAP.match(gap) is not None
    )


def is_lasting(first: TimeLimit, second: TimeLimit, sentence: str) -> bool:
    """A start followed by how long the arrangement lasts: it lasts until the end."""
    return (
        first.kind is LimitType.START
        and second.kind is LimitType.DURATION
        and LASTING_GAP.match(sentence[first.end : second.start]) is not None
    )


def group_limits(limits: list[TimeLimit], sentence: str) -> list[TimeLimit]:
    """Merge a limit and its bracketed restatement, its fallback or its duration into one phrase."""
    grouped: list[TimeLimit] = []
    for limit in limits:
        if grouped and (
            is_fallback(grouped[-1], limit, sentence) or is_lasting(grouped[-1], limit, sentence)
        ):
            previous = grouped[-1]
            # The duration already counts from the start the sentence states.
            grouped[-1] = TimeLimit(
                previous.start, limit.end, sentence[previous.start : limit.end], LimitType.END, limit.when
            )
            continue
        if grouped and is_restatement(grouped[-1], limit, sentence):
            previous = grouped[-1]
            end = limit.end
            if sentence[end : end + 1] in ")]" and end < len(sentence):
                end += 1
            grouped[-1] = TimeLimit(
                previous.start,
                end,
                sentence[previous.start : end],
                previous.kind,
                previous.when or limit.when,
            )
            continue
        grouped.append(limit)
    return grouped


LIMIT_PREFERENCE = {
    LimitType.END: 0,
    LimitType.PERIOD: 1,
    LimitType.DURATION: 2,
    LimitType.ON: 3,
    LimitType.START: 4,
    LimitType.BACK_REFERENCE: 5,
    LimitType.REFERENCE_DATE: 6,
}


def main_limit(limits: list[TimeLimit]) -> TimeLimit | None:
    """The limit a tracker counts down to when a clause states several."""
    limits = [limit for limit in limits if limit.kind is not LimitType.REFERENCE_DATE]
    if not limits:
        return None
    resolved = [limit for limit in limits if limit.when is not None]
    ends = [limit for limit in resolved if limit.kind not in (LimitType.START, LimitType.ON)]
    if ends:
        # Several limits in one clause ("start within two days ... be finished within two weeks"):
        # the clause is done by the last of them.
        return max(ends, key=lambda limit: (limit.when, -limit.start))
    return min(limits, key=lambda limit: (limit.when is None, LIMIT_PREFERENCE[limit.kind], limit.start))
