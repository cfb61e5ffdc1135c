"""The kind of a provision (zone, withdrawal, patrol, transit, ceasefire, exchange, other).

The cue words live in resources/vocabularies/kinds.json; the first kind in their order
whose cues the clause contains wins, so that "withdraw ... under the supervision of the
OSCE" is a withdrawal and "the OSCE monitoring mission shall be deployed in the ceasefire
zone" a patrol.
"""

from __future__ import annotations

import re
from functools import cache

from tracker.domain import Kind
from tracker.extraction.vocabulary import load_vocabulary


@cache
def kind_cues() -> tuple[tuple[Kind, re.Pattern[str]], ...]:
    data = load_vocabulary("kinds.json")
    cues = []
    for name in data["order"]:
        body = "|".join(data["cues"][name])
        cues.append((Kind(name), re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)))
    return tuple(cues)


@cache
def kind_labels() -> dict[Kind, str]:
    return {Kind(name): label for name, label in load_vocabulary("kinds.json")["labels"].items()}


def classify(text: str, has_zone_width: bool = False) -> Kind:
    for kind, pattern in kind_cues():
        if pattern.search(text):
            return kind
    return Kind.ZONE if has_zone_width else Kind.OTHER
