"""The kind of a provision (zone, withdrawal, patrol, transit, ceasefire, exchange, other).

The cue words live in resources/vocabularies/kinds.json; the kind whose cue comes first in
the clause wins, as the main verb or subject usually does: "withdraw ... under the
supervision of the OSCE" is a withdrawal, "the OSCE monitoring mission shall be deployed in
the ceasefire zone" a patrol.
"""

from __future__ import annotations

import re
from functools import cache

from tracker.domain import Kind
from tracker.extraction.vocabulary import fold, load_vocabulary


@cache
def kind_cues() -> re.Pattern[str]:
    """One matcher for all cues, a named group per kind in tie-breaking order, run on folded text."""
    data = load_vocabulary("kinds.json")
    groups = [f"(?P<{name}>{'|'.join(data['cues'][name])})" for name in data["order"]]
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])")
    return pattern


@cache
def kind_labels() -> dict[Kind, str]:
    return {Kind(name): label for name, label in load_vocabulary("kinds.json")["labels"].items()}


def classify(text: str, has_zone_width: bool = False) -> Kind:
    """The kind whose cue comes first in the clause ("The OSCE will monitor the ceasefire and the
    withdrawal" is a patrol); the order in kinds.json breaks ties."""
    first = kind_cues().search(fold(text))
    if first is not None and first.lastgroup is not None:
        return Kind(first.lastgroup)
    return Kind.ZONE if has_zone_width else Kind.OTHER
