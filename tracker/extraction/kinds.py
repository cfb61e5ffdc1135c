"""The kind of a provision (zone, withdrawal, patrol, transit, ceasefire, exchange, other).

A clause's kind follows its main predicate and that predicate's object, not any word it
happens to mention: "the OSCE monitoring mission shall be deployed in the ceasefire zone" is a
patrol, "mines laid in the buffer zone shall be removed" is demining ('other'). The rules live
in resources/vocabularies/kinds.json and are tried in four steps, most specific first:

1. decisive constructions (demining, disarmament, talks, releases of prisoners, an end to
   hostile acts) whose kind holds whatever else the clause names;
2. the verb after "shall", "will", "are to"...: the earliest such predicate wins;
3. regimes: forces or flights barred from an area make a zone, a body set up for talks 'other';
4. the kind whose cue word comes first, the order in kinds.json breaking ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tracker.domain import Kind
from tracker.extraction.vocabulary import fold, load_vocabulary


@dataclass(frozen=True)
class KindRule:
    """A kind that applies when every one of its patterns occurs in the folded clause."""

    kind: Kind
    patterns: tuple[re.Pattern[str], ...]

    def applies_to(self, folded: str) -> bool:
        return all(pattern.search(folded) for pattern in self.patterns)


def _rules(entries: list[dict[str, Any]]) -> tuple[KindRule, ...]:
    return tuple(
        KindRule(Kind(entry["kind"]), tuple(re.compile(pattern) for pattern in entry["all"]))
        for entry in entries
    )


@cache
def decisive_rules() -> tuple[KindRule, ...]:
    return _rules(load_vocabulary("kinds.json")["decisive"])


@cache
def regime_rules() -> tuple[KindRule, ...]:
    return _rules(load_vocabulary("kinds.json")["regimes"])


def _named_alternation(patterns_by_kind: dict[str, list[str]]) -> str:
    return "|".join(f"(?P<{name}>{'|'.join(patterns)})" for name, patterns in patterns_by_kind.items())


@cache
def predicate_matcher() -> re.Pattern[str]:
    """One matcher for every kind's predicates, a named group per kind: the first hit is the
    clause's main predicate."""
    return re.compile(_named_alternation(load_vocabulary("kinds.json")["predicates"]))


@cache
def kind_cues() -> re.Pattern[str]:
    """One matcher for all cues, a named group per kind in tie-breaking order, run on folded text."""
    data = load_vocabulary("kinds.json")
    cues = {name: data["cues"][name] for name in data["order"]}
    return re.compile(rf"(?<![\w-])(?:{_named_alternation(cues)})(?![\w-])")


@cache
def kind_labels() -> dict[Kind, str]:
    return {Kind(name): label for name, label in load_vocabulary("kinds.json")["labels"].items()}


def _first_rule(rules: tuple[KindRule, ...], folded: str) -> Kind | None:
    return next((rule.kind for rule in rules if rule.applies_to(folded)), None)


def _first_group(pattern: re.Pattern[str], folded: str) -> Kind | None:
    found = pattern.search(folded)
    if found is None or found.lastgroup is None:
        return None
    return Kind(found.lastgroup)


def classify(text: str, has_zone_width: bool = False) -> Kind:
    """The kind of one clause; a clause with no rule or cue is 'other', or a zone when it sets a
    width."""
    folded = fold(text)
    kind = (
        _first_rule(decisive_rules(), folded)
        or _first_group(predicate_matcher(), folded)
        or _first_rule(regime_rules(), folded)
        or _first_group(kind_cues(), folded)
    )
    if kind is not None:
        return kind
    return Kind.ZONE if has_zone_width else Kind.OTHER
