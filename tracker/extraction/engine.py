"""The extraction pipeline: text -> operative clauses -> provisions with their facets.

The signing date is settled first (given, or inferred from the whole text), then a quick
pass finds when the text says the ceasefire begins, then one pass over the sentences in
text order adds the provisions, so that cost grows linearly with the text and a time limit
such as "at that moment" can refer back to the limit before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import islice

from tracker.domain import ExtractedProvision, Extraction, Facets, Kind
from tracker.errors import ExtractionCancelled
from tracker.extraction.deadlines import (
    CEASEFIRE_EVENT,
    EventCalendar,
    LimitType,
    Reference,
    TimeLimit,
    find_time_limits,
    group_limits,
    main_limit,
    stated_events,
)
from tracker.extraction.distances import Distance, find_distances
from tracker.extraction.kinds import classify
from tracker.extraction.operative import has_words, is_heading_point, operative_cue, preamble_end
from tracker.extraction.parties import patrol_parties, responsible_parties
from tracker.extraction.segmentation import Sentence, clause_spans, sentences
from tracker.extraction.signing import infer_signing_date
from tracker.extraction.splitting import split_clause
from tracker.extraction.summaries import summarise
from tracker.extraction.weapons import find_weapons

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]
PROGRESS_STEPS = 100


@dataclass(frozen=True)
class ClauseFacts:
    """What a whole clause sets, passed to the parts it is cut into."""

    limit: TimeLimit | None
    weapons: tuple[str, ...]


# A clause that continues the one before without a subject: a participle, an infinitive.
# "to be followed by the withdrawal" comes after the clause it continues, not at its time.
SUBJECTLESS = re.compile(
    r"(?:while\s+|and\s+)?(?:(?!to\s+be\s+followed\b)to\s+[a-z]+\b|(?!including|according|during)[a-z]+ing\b)"
)
# "... on Friday morning, first hostages to be freed in afternoon": a part of the day with no
# date of its own falls on the day of the clause before.
SAME_DAY = re.compile(
    r"\b(?:in\s+(?:the\s+)?|that\s+|the\s+same\s+|on\s+the\s+same\s+)(?:morning|afternoon|evening|night|day)\b"
    r"|\blater\s+(?:that|the\s+same)\s+day\b"
)
SAME_DAY_WORDS = ("morning", "afternoon", "evening", "night", "same day", "that day")


# A point that only names a kind of weapon ("- artillery systems of calibre up to 100 mm;") has
# no verb of its own; it completes the lead-in it follows.
ITEM_VERB = re.compile(r"\b(?:shall|will|must|may|is|are|be|been)\b", re.IGNORECASE)
MAX_ITEM_WORDS = 15

PLAIN_WORD = re.compile(r"\b[a-z]{3,}\b")
MIN_PLAIN_WORDS = 2


def merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def shift(limit: TimeLimit, offset: int) -> TimeLimit:
    return TimeLimit(limit.start + offset, limit.end + offset, limit.text, limit.kind, limit.when)


def inside(span: tuple[int, int], start: int, end: int) -> bool:
    return start <= span[0] and span[1] <= end


def distinct_limits(limits: list[TimeLimit]) -> list[TimeLimit]:
    """The limits of a clause that differ from the one before (each may need a part of its own)."""
    kept: list[TimeLimit] = []
    for limit in limits:
        if limit.kind is LimitType.BACK_REFERENCE:
            continue
        if kept and kept[-1].day == limit.day and (limit.day is not None or kept[-1].text == limit.text):
            continue
        kept.append(limit)
    return kept


class Extractor:
    """The state of one extraction: the text, its signing date and what earlier clauses set."""

    def __init__(
        self,
        text: str,
        signed_on: date | None,
        progress: ProgressCallback | None,
        cancelled: CancelCheck | None,
    ) -> None:
        self.text = text
        self.progress = progress
        self.cancelled = cancelled
        self.signing = infer_signing_date(text, signed_on)
        self.previous_limit: datetime | None = None
        self.ceasefire_start: datetime | None = None
        self.calendar = EventCalendar()
        self.list_lead: tuple[str, TimeLimit] | None = None
        self.provisions: list[ExtractedProvision] = []

    def check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExtractionCancelled("Extraction cancelled.")

    def report(self, fraction: float) -> None:
        if self.progress is not None:
            self.progress(min(1.0, max(0.0, fraction)))

    def run(self) -> Extraction:
        self.report(0.0)
        self.check_cancelled()
        operative_from = preamble_end(self.text)
        found = [sentence for sentence in sentences(self.text) if sentence.start >= operative_from]
        self.find_ceasefire_start(found)
        self.calendar = stated_events([self.text[s.start : s.end] for s in found], self.reference())
        total = max(1, len(self.text))
        next_report = total / PROGRESS_STEPS
        absorbed_until = -1
        for index, sentence in enumerate(found):
            if sentence.start >= next_report:
                self.check_cancelled()
                self.report(sentence.start / total)
                next_report = sentence.start + total / PROGRESS_STEPS
            if sentence.start < absorbed_until:
                continue
            self.follow_list(sentence)
            already = len(self.provisions)
            limit = self.read_sentence(sentence)
            items = self.weapon_items(found, index)
            if items and len(self.provisions) > already:
                self.absorb_items(already, items)
                absorbed_until = items[-1].end
            if sentence.ends_paragraph and self.text[sentence.end - 1] == ":" and limit is not None:
                # "A. ... will take the following measures in the first 135 days:" gives its limit
                # to the sub-points that follow.
                self.list_lead = (sentence.marker_level, limit)
        self.check_cancelled()
        self.report(1.0)
        return Extraction(self.signing.day, self.signing.source, tuple(self.provisions))

    def names_part_of_a_day(self, start: int, end: int) -> bool:
        lowered = self.text[start:end].lower()
        return any(word in lowered for word in SAME_DAY_WORDS) and SAME_DAY.search(lowered) is not None

    def weapon_items(self, found: list[Sentence], index: int) -> list[Sentence]:
        """The points after a lead-in ending on a colon that only name weapons."""
        lead = found[index]
        if not (lead.ends_paragraph and self.text[lead.end - 1] == ":"):
            return []
        items: list[Sentence] = []
        for sentence in islice(found, index + 1, None):
            body = self.text[sentence.start : sentence.end]
            if (
                not sentence.numbered
                or ITEM_VERB.search(body)
                or has_words(body, MAX_ITEM_WORDS + 1)
                or find_distances(body)
                or not find_weapons(body)
            ):
                break
            items.append(sentence)
        return items

    def absorb_items(self, first: int, items: list[Sentence]) -> None:
        """The lead-in's provisions take the weapons its points name; the last one spans them."""
        named: tuple[str, ...] = ()
        for item in items:
            named = merge(named, find_weapons(self.text[item.start : item.end]))
        for position in range(first, len(self.provisions)):
            provision = self.provisions[position]
            end = items[-1].end if position == len(self.provisions) - 1 else provision.end
            self.provisions[position] = replace(
                provision,
                end=end,
                excerpt=self.text[provision.start : end],
                facets=replace(provision.facets, weapons=merge(provision.facets.weapons, named)),
            )

    def follow_list(self, sentence: Sentence) -> None:
        """Forget a lead-in's limit once its sub-points end (a sibling point or plain text)."""
        if self.list_lead is None:
            return
        level = sentence.marker_level
        if not sentence.numbered or level == self.list_lead[0]:
            self.list_lead = None

    def reference(self) -> Reference:
        return Reference(
            self.signing.day,
            self.signing.dateline or self.signing.day,
            self.previous_limit,
            self.ceasefire_start,
            self.calendar,
        )

    def find_ceasefire_start(self, found: list[Sentence]) -> None:
        """When the text says the ceasefire begins, for limits counted from it anywhere in the
        text ("agree to two-month truce" in a headline, the start in the body)."""
        reference = self.reference()
        for sentence in found:
            body = self.text[sentence.start : sentence.end]
            if not CEASEFIRE_EVENT.search(body) or operative_cue(body, sentence.numbered) is False:
                continue
            for limit in find_time_limits(body, reference):
                if limit.kind in (LimitType.START, LimitType.ON) and limit.when is not None:
                    self.ceasefire_start = limit.when
                    return

    def read_sentence(self, sentence: Sentence) -> TimeLimit | None:
        """Add the provisions of one sentence; returns its main time limit."""
        body = self.text[sentence.start : sentence.end]
        decided = operative_cue(body, sentence.numbered)
        if decided is False or (sentence.numbered and is_heading_point(body, sentence.marker)):
            return None
        limits = group_limits(find_time_limits(body, self.reference()), body)
        limits = [shift(limit, sentence.start) for limit in limits]
        if decided is None and not any(limit.kind is not LimitType.BACK_REFERENCE for limit in limits):
            return None
        if not sentence.numbered and not limits and body.endswith(":") and "the following" in body.lower():
            return None  # "... have agreed on the following measures:" only introduces them
        list_limit = self.list_lead[1] if self.list_lead is not None else None
        colon = body.find(":")
        lead_weapons = find_weapons(body[:colon]) if colon > 0 else ()
        previous: TimeLimit | None = None
        for clause_start, clause_end in clause_spans(self.text, sentence.start, sentence.end):
            clause_limits = [
                limit for limit in limits if inside((limit.start, limit.end), clause_start, clause_end)
            ]
            after_colon = colon > 0 and clause_start > sentence.start + colon
            # A clause without a subject of its own ("while leaving behind the corridor ...")
            # shares the time limit of the clause it continues.
            continues = SUBJECTLESS.match(self.text, clause_start) or (
                not clause_limits and self.names_part_of_a_day(clause_start, clause_end)
            )
            inherited = (previous if continues else None) or list_limit
            previous = (
                self.read_clause(
                    clause_start, clause_end, clause_limits, lead_weapons if after_colon else (), inherited
                )
                or previous
            )
        return main_limit(limits)

    def read_clause(
        self,
        start: int,
        end: int,
        limits: list[TimeLimit],
        lead_weapons: tuple[str, ...],
        inherited: TimeLimit | None,
    ) -> TimeLimit | None:
        """Add the provisions of one clause; returns the clause's main time limit."""
        clause = self.text[start:end]
        distances = [
            Distance(d.start + start, d.end + start, d.low_km, d.high_km) for d in find_distances(clause)
        ]
        protected = [(limit.start, limit.end) for limit in limits] + [(d.start, d.end) for d in distances]
        pivots: list[tuple[int, int]]
        if len(distances) >= 2:
            pivots = [(d.start, d.end) for d in distances]
        else:
            pivots = [(limit.start, limit.end) for limit in distinct_limits(limits)]
        parts = split_clause(self.text, start, end, pivots, protected)
        if len(parts) > 1:
            # What the clause says before its first facet (a lead-in such as "withdraw all heavy
            # weapons ... to create a security zone") applies to every part.
            lead_weapons = merge(lead_weapons, find_weapons(self.text[start : pivots[0][0]]))
        # A single part finds its own weapons; the clause's are a fallback only for cut parts.
        clause_weapons = find_weapons(clause) if len(parts) > 1 else ()
        facts = ClauseFacts(main_limit(limits) or inherited, clause_weapons)
        for part_start, part_end in parts:
            part_limits = [
                limit for limit in limits if inside((limit.start, limit.end), part_start, part_end)
            ]
            part_distances = [d for d in distances if inside((d.start, d.end), part_start, part_end)]
            limit = main_limit(part_limits) or (facts.limit if len(parts) > 1 else inherited)
            self.add_provision(part_start, part_end, limit, part_distances, facts, lead_weapons)
        return facts.limit

    def add_provision(
        self,
        start: int,
        end: int,
        limit: TimeLimit | None,
        distances: list[Distance],
        facts: ClauseFacts,
        lead_weapons: tuple[str, ...],
    ) -> None:
        while end > start and self.text[end - 1] in " ,;:—–-":
            end -= 1
        excerpt = self.text[start:end]
        plain_words = PLAIN_WORD.finditer(excerpt)
        if not distances and next(islice(plain_words, MIN_PLAIN_WORDS - 1, None), None) is None:
            return  # a dateline or a heading cut off by a dash sets nothing
        width = (distances[0].low_km, distances[0].high_km) if distances else None
        weapons = merge(lead_weapons, find_weapons(excerpt) or facts.weapons)
        facets = Facets(
            zone_width_km=width,
            weapons=weapons,
            patrol_parties=patrol_parties(excerpt),
            responsible_parties=responsible_parties(excerpt),
        )
        kind = classify(excerpt, width is not None)
        if kind is not Kind.PATROL and not facets.patrol_parties:
            facets = Facets(width, weapons, (), facets.responsible_parties)
        deadline = limit.day if limit else None
        if limit is not None and limit.when is not None:
            self.previous_limit = limit.when
        self.provisions.append(
            ExtractedProvision(
                start=start,
                end=end,
                excerpt=excerpt,
                kind=kind,
                summary=summarise(kind, excerpt, facets, deadline, limit.text if limit else None),
                deadline=deadline,
                deadline_text=limit.text if limit else None,
                facets=facets,
            )
        )


def extract(
    text: str,
    signed_on: date | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> Extraction:
    """Every operative provision of an agreement text, with its facets and exact source span.

    ``signed_on`` resolves partial and relative dates; without it the signing date is
    inferred from the text (``Extraction.signed_on_source`` says how). ``progress`` receives
    fractions from 0 to 1; when ``cancelled()`` turns true, ExtractionCancelled is raised.
    """
    return Extractor(text, signed_on, progress, cancelled).run()
