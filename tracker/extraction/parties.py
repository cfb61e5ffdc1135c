"""Who does what: the parties whose forces patrol or monitor, and the parties responsible.

Party names, demonyms and abbreviations come from resources/vocabularies/parties.json. A
party patrols or monitors when its name qualifies a body of forces in a patrol, monitoring,
observation or peacekeeping clause ("Russian military police", "units of Russia's military
police", "the OSCE monitoring mission", "under the supervision of the OSCE"), or is the
subject of a patrolling verb ("Russia and Turkey will conduct joint patrols"). A place named
with a demonym ("the Turkish border", "Syrian territories") is not a party at work.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.extraction.vocabulary import fold, party_terms

PATROL_CUE = re.compile(
    r"\b(?:patrol\w*|monitor\w*|observ(?:er|ers|ation|ing|e)\b|supervis\w*|peace-?keep\w*|verif\w*"
    r"|military\s+police|border\s+guards?|deploy(?:s|ed|ing)?\b|escort\w*|station(?:ed|ing)\b|oversee\w*|overs(?:ight|aw)|inspect\w*"
    r"|control\s+(?:in|over)\s+the)"
)
FORCE = (
    r"(?:border\s+(?:guards?|police|troops|service)|coast\s+guards?|forces?|troops?|units?|(?:military\s+)?police|guards?|patrols?|patrol\s+groups?|patrolling|peace-?keepers"
    r"|peace-?keeping\s+(?:forces?|contingents?|missions?|troops)|contingents?|observers?|monitors|mission"
    r"|monitoring|supervision|observation|oversight|servicemen|soldiers|personnel|military|army|armed\s+forces"
    r"|gendarmerie|battalions?|brigades?|officers|officials|experts|teams?|convoys?|sentries|checkpoints?|posts?"
    r"|representatives|inspectors|staff|specialists|delegates|auspices|services?|verification|control)"
)
COORDINATION = re.compile(r"^(?:\s*(?:,|and|&|/|-|–)\s*)+(?:the\s+)?$")
# Words between a party and its forces qualify them ("Russian military police"); a preposition or
# a place noun ends the phrase ("Ukrainian territory under the supervision of ...").
QUALIFIER = (
    r"(?!(?:of|the|under|in|on|to|from|by|with|at|for|and|or|a|an|territory|territories|side|soil|border"
    r"|borders|airspace|waters|land|lands|city|town|province|region|will|shall|must|have|has|had|until|unless"
    r"|while|when|where|which|who|that|as|after|before|during|through|around|near|into|within|without"
    r"|between|against|along|across|over|if|than|but|is|are|was|were|be|been|would|could|may)\b)[\w-]+"
)
FORCE_AFTER = re.compile(
    rf"^(?:['’]s)?(?:\s+{QUALIFIER}){{0,3}}?\s+{FORCE}\b|^-led\b"
    r"|^\s+(?:taking|takes|take|will\s+take)\s+part\b|^\s+participat\w+",
    re.IGNORECASE,
)
FORCE_BEFORE = re.compile(
    rf"\b(?:{FORCE}|monitored|patrolled|observed|supervised|verified|escorted|overseen|exercised|ensured"
    r"|conducted|carried\s+out|performed|provided|facilitated|manned|guarded|chaired|led|headed|staffed)"
    r"\s+(?:of|from|by)\s+(?:the\s+)?(?:(?:Republic|Kingdom|State|Government|Federation)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
PATROL_SUBJECT = re.compile(
    r"^(?:\s+\w+){0,3}?\s+(?:will|shall|would|to|must)?\s*(?:jointly\s+|also\s+)?"
    r"(?:conduct|carry\s+out|patrol|monitor|observe|deploy|supervise|oversee|verify|escort|guard)\b"
    r"|^(?:\s+\w+){0,3}?\s+(?:will|shall|would|to|must)?\s*(?:lead|head|chair|provide|send|dispatch|run"
    r"|contribute|station)\s+(?:[\w,-]+\s+){0,3}?(?:monitoring|observers?|observation|patrols?|peace-?keep\w*"
    r"|verification|monitors|troops|forces|police)"
    r"|^\s+(?:taking|takes|take|will\s+take)\s+part\b|^\s+participat\w+",
    re.IGNORECASE,
)
# A party whose forces leave or are fought ("the withdrawal of the Armenian armed forces") is
# not the one that monitors.
NOT_MONITOR_BEFORE = re.compile(
    r"\b(?:withdraw\w*|pull\w*\s+(?:back|out)|pullout|removal|departure|retreat|disarm\w*|between|against"
    r"|attack\w*\s+by)\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
FORCE_IN_NAME = re.compile(rf"\b{FORCE}\b", re.IGNORECASE)
# "monitoring of the Ukrainian-Russian state border": the party names what is monitored.
MODIFIES_NOUN = re.compile(
    r"^(?:['’]s)?\s+(?!(?:and|or|with|in|on|at|to|from|by|for|under|over|along|within|which|who|that|as|is|are"
    r"|was|were|will|shall|would|must|has|have|had|during|until|after|before|using|through)\b)[a-z]"
)
LEAVING_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+[\w-]+){0,3}?\s+(?:will|shall|must|would|to)?\s*(?:gradually\s+|fully\s+)?"
    r"(?:withdraw|pull|leave|return|retreat|redeploy|disengage)\w*",
    re.IGNORECASE,
)


RESPONSIBLE_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+[\w-]+){0,3}?\s+(?:shall|will|must|agreed?|agrees|undertakes?|undertook|commits?"
    r"|committed|promised|pledged|is\s+committed|are\s+committed|is\s+to|are\s+to|has\s+agreed|have\s+agreed)\b",
    re.IGNORECASE,
)
SUBJECT_WINDOW = 40


@lru_cache(maxsize=512)
def party_groups(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Coordinated party mentions ("Russian and Turkish", "Russian-Turkish") as (start, end, names)."""
    groups: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end, party in party_terms().find(text):
        if groups and COORDINATION.match(text[groups[-1][1] : start]):
            previous = groups[-1]
            groups[-1] = (previous[0], end, (*previous[2], party))
        else:
            groups.append((start, end, (party,)))
    return tuple(groups)


def unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def patrol_parties(text: str) -> tuple[str, ...]:
    """Parties whose forces patrol, monitor or keep the peace under this clause."""
    if not PATROL_CUE.search(fold(text)):
        return ()
    with_forces: list[str] = []
    subjects: list[str] = []
    for start, end, names in party_groups(text):
        after = text[end : end + 60]
        before = text[max(0, start - 40) : start]
        if NOT_MONITOR_BEFORE.search(before) or LEAVING_AFTER.match(after):
            continue
        if FORCE_IN_NAME.search(text, start, end):
            with_forces.extend(names)  # a name that is itself a force: "U.N. peacekeepers"
            continue
        if FORCE_AFTER.match(after) or (FORCE_BEFORE.search(before) and not MODIFIES_NOUN.match(after)):
            with_forces.extend(names)
        elif PATROL_SUBJECT.match(after):
            subjects.extend(names)
    # Parties named with their forces are the ones at work; a subject that "agreed to deploy"
    # them is only who decided it.
    return unique(with_forces or subjects)


def responsible_parties(text: str) -> tuple[str, ...]:
    """Parties the clause makes act: the subjects of its obligation."""
    found: list[str] = []
    for _, end, names in party_groups(text):
        after = text[end : end + SUBJECT_WINDOW + 20]
        if RESPONSIBLE_AFTER.match(after) or FORCE_AFTER.match(after):
            found.extend(names)
    return unique(found)
