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
from tracker.extraction.vocabulary import fold, load_vocabulary


@cache
def kind_cues() -> tuple[re.Pattern[str], tuple[Kind, ...]]:
    """One matcher for all cues (a named group per kind, run on folded text), and the kinds in order."""
    data = load_vocabulary("kinds.json")
    groups = [f"(?P<{name}>{'|'.join(data['cues'][name])})" for name in data["order"]]
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])")
    return pattern, tuple(Kind(name) for name in data["order"])


@cache
def kind_labels() -> dict[Kind, str]:
    return {Kind(name): label for name, label in load_vocabulary("kinds.json")["labels"].items()}


def classify(text: str, has_zone_width: bool = False) -> Kind:
    pattern, order = kind_cues()
    present = {match.lastgroup for match in pattern.finditer(fold(text))}
    for kind in order:
        if kind.value in present:
            return kind
    return Kind.ZONE if has_zone_width else Kind.OTHER
