"""The kind of a provision (zone, withdrawal, patrol, transit, ceasefire, exchange, other).

A clause's kind follows its main predicate and that predicate's object, not any word it
happens to mention: "the OSCE monitoring mission shall be deployed in the ceasefire zone" is a
patrol, "mines laid in the buffer zone shall be removed" is demining ('other'). The rules live
in resources/vocabularies/kinds.json and are tried in four steps, most specific first:

1. decisive constructions (demining, talks, releases of prisoners, a ceasefire taking effect,
   an end to hostile acts) whose kind holds whatever else the clause names;
2. the verb after "shall", "will", "are to"...: the earliest such predicate wins;
3. regimes: disarmament is 'other', forces or flights barred from an area make a zone, a body
   set up for talks is 'other';
4. the kind whose cue word comes first, the order in kinds.json breaking ties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tracker.domain import Kind
from tracker.extraction.vocabulary import (
    WORD_CHARACTER,
    WordStartPattern,
    fold,
    load_vocabulary,
    trie_alternation,
    word_start_pattern,
)


@dataclass(frozen=True)
class KindRule:
    """A kind that applies when every one of its patterns occurs in the folded clause.

    ``needs`` are fragments of which one must occur before any pattern is tried: most clauses
    lack them all, and the fragments present in a clause are found once for every rule.
    """

    kind: Kind
    needs: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def applies_to(self, folded: str) -> bool:
        return all(pattern.search(folded) for pattern in self.patterns)


def _rule(kind: str, needs: list[str], patterns: list[str]) -> KindRule:
    return KindRule(Kind(kind), frozenset(needs), tuple(re.compile(pattern) for pattern in patterns))


def _rules(entries: list[dict[str, Any]]) -> tuple[KindRule, ...]:
    return tuple(_rule(entry["kind"], entry["needs"], entry["all"]) for entry in entries)


@cache
def decisive_rules() -> tuple[KindRule, ...]:
    return _rules(load_vocabulary("kinds.json")["decisive"])


@cache
def predicate_rules() -> tuple[KindRule, ...]:
    entries = load_vocabulary("kinds.json")["predicates"]
    return tuple(_rule(entry["kind"], entry["needs"], [entry["pattern"]]) for entry in entries)


@cache
def regime_rules() -> tuple[KindRule, ...]:
    return _rules(load_vocabulary("kinds.json")["regimes"])


@dataclass(frozen=True)
class RuleGate:
    """Which rules a clause's fragments let through, found with one scan of the clause.

    The scan tries every rule's fragments at each word start (a lookahead, so that "be a" does
    not hide the "allowed to" inside "be allowed to"), longest first. Each text it reports
    opens the rules with a fragment it starts with ("monitored" also opens the rules that need
    "monitor"); rules are numbered decisive first, then predicates, then regimes, so sorted
    numbers keep each step's order.
    """

    finder: WordStartPattern
    opens: dict[str, frozenset[int]]
    rules: tuple[KindRule, ...]
    first_predicate: int
    first_regime: int

    def open_rules(self, folded: str) -> tuple[list[KindRule], list[KindRule], list[KindRule]]:
        """The decisive, predicate and regime rules that may apply to a folded clause, in order."""
        found = set(self.finder.findall(folded))
        if not found:
            return [], [], []
        numbers = sorted(frozenset().union(*(self.opens[text] for text in found)))
        return (
            [self.rules[n] for n in numbers if n < self.first_predicate],
            [self.rules[n] for n in numbers if self.first_predicate <= n < self.first_regime],
            [self.rules[n] for n in numbers if n >= self.first_regime],
        )


@cache
def rule_gate() -> RuleGate:
    decisive, predicates, regimes = decisive_rules(), predicate_rules(), regime_rules()
    rules = decisive + predicates + regimes
    fragments = {fragment for rule in rules for fragment in rule.needs}
    found_here = "(?=(" + trie_alternation([[re.escape(char) for char in f] for f in fragments]) + "))"
    # Before a fragment that opens on a letter, a word boundary is just no word character.
    finder = (
        word_start_pattern(r"\b" + found_here, found_here, r"\w")
        if all(WORD_CHARACTER.match(fragment) for fragment in fragments)
        else WordStartPattern(r"\b" + found_here, None)
    )
    opens = {
        found: frozenset(
            number
            for number, rule in enumerate(rules)
            if any(found.startswith(fragment) for fragment in rule.needs)
        )
        for found in fragments
    }
    return RuleGate(finder, opens, rules, len(decisive), len(decisive) + len(predicates))


@cache
def kind_cues() -> WordStartPattern:
    """One matcher for all cues, a named group per kind in tie-breaking order, run on folded text.

    Only its first match is used, which is the same however the text is scanned."""
    data = load_vocabulary("kinds.json")
    groups = [f"(?P<{name}>{'|'.join(data['cues'][name])})" for name in data["order"]]
    body = rf"(?:{'|'.join(groups)})(?![\w-])"
    return word_start_pattern(rf"(?<![\w-]){body}", body, r"[\w-]")


@cache
def kind_labels() -> dict[Kind, str]:
    return {Kind(name): label for name, label in load_vocabulary("kinds.json")["labels"].items()}


def _first_rule(rules: list[KindRule], folded: str) -> Kind | None:
    return next((rule.kind for rule in rules if rule.applies_to(folded)), None)


def _main_predicate(rules: list[KindRule], folded: str) -> Kind | None:
    """The kind of the earliest predicate in the clause; on a tie, the first rule listed."""
    earliest: tuple[int, Kind] | None = None
    for rule in rules:
        found = rule.patterns[0].search(folded)
        if found is not None and (earliest is None or found.start() < earliest[0]):
            earliest = (found.start(), rule.kind)
    return earliest[1] if earliest else None


def _first_cue(folded: str) -> Kind | None:
    found = kind_cues().first(folded)
    if found is None or found.lastgroup is None:
        return None
    return Kind(found.lastgroup)


def classify(text: str, has_zone_width: bool = False) -> Kind:
    """The kind of one clause; a clause with no rule or cue is 'other', or a zone when it sets a
    width."""
    folded = fold(text)
    decisive, predicates, regimes = rule_gate().open_rules(folded)
    kind = (
        _first_rule(decisive, folded)
        or _main_predicate(predicates, folded)
        or _first_rule(regimes, folded)
        or _first_cue(folded)
    )
    if kind is not None:
        return kind
    return Kind.ZONE if has_zone_width else Kind.OTHER
