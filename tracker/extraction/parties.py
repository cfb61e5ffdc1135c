"""Who does what: the parties whose forces patrol or monitor, and the parties responsible.

Party names, demonyms, abbreviations, the names of missions and forces, and which parties are
organisations come from resources/vocabularies/parties.json. A party patrols or monitors when
the clause sets a patrol, monitoring, observation, inspection or peacekeeping activity and the
party is tied to it: it is the agent of the activity ("monitored by NATO", "led by Angola",
"officers appointed by Sweden and Poland", "under the supervision of the OSCE"), its forces are
members of the monitoring body ("observers from Malaysia", "contingents drawn from Russian
units"), its name is a mission or force ("UNDOF", "KFOR", "blue helmets"), it qualifies forces
whose very name is the work ("Russian military police", "U.N. peacekeepers") or general forces
the clause sets to work ("Lebanese troops will be deployed"), or it is the subject of a
monitoring verb ("Egypt and Qatar will monitor the truce"). A party that only sends or
deploys forces counts when the clause names no one else's. A place ("the Turkish border",
"stationed in Moldova"), a target ("hostilities against UN peacekeepers"), a source ("Turkish
officials said"), a force already in place ("the areas where UNDOF is deployed") and a party
whose forces withdraw, are bound or merely comply ("Israel and Syria will observe the
cease-fire") are not parties at work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from functools import cache, lru_cache
from itertools import pairwise

from tracker.extraction.vocabulary import fold, load_vocabulary, party_terms

PATROL_CUE = re.compile(
    r"\b(?:patrol\w*|monitor\w*|observ(?:er|ers|ation|ing|e)\b|supervis\w*|peace-?keep\w*|verif\w*"
    r"|military\s+police|border\s+guards?|deploy(?:s|ed|ing|ment)?\b|interpos\w*|escort\w*|station(?:ed|ing)\b"
    r"|oversee\w*|overs(?:ight|aw)|inspect\w*|investigat\w*|polic(?:e|ed|es|ing)\b|protected\s+by|protection\s+force"
    r"|missions?\b|under\s+(?:[\w.]+\s+){0,2}watch\b|control\s+(?:in|over)\s+the|keep(?:s|ing)?\s+the\s+peace"
    r"|peace\s+enforcement|stabili[sz]ation\s+force|(?:ensure|provide|guarantee|maintain)\s+(?:the\s+)?"
    r"(?:peace\s+and\s+)?(?:security|safety|protection|peace)\b"
    # checkpoints that someone sets up or mans: "a Russian checkpoint will be set up"
    r"|check-?points?\s+(?:will|shall|would|is|are|to)\s+(?:be\s+)?(?:set\s+up|established|manned|placed|erected"
    r"|deployed|run)\b|(?:set\s+up|establish|man|run|erect)\s+(?:[\w-]+\s+){0,2}?check-?points?\b"
    r"|(?:force|mission|contingent)\s+(?:led|commanded|headed)\s+by"
    r"|-led\s+(?:[\w-]+\s+)?(?:force|mission|contingent))"
)
# Phrases that look like a monitoring cue but set none: complying with a ceasefire ("Israel and
# Syria will scrupulously observe the cease-fire"), moving one's own forces to a line ("shall be
# deployed to the west of Line A"), and forces described by where they stand ("units stationed in
# the Republic of Moldova").
COMPLIANCE = re.compile(
    r"\bobserv(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,4}?(?:cease-?fires?|truce|neutrality|agreements?|provisions?|terms"
    r"|commitments?|obligations?|regime|rules|principles?|armistice|moratorium|cessation|silence|accord"
    r"|memorandum|arrangements?|protocol|declaration|resolution|law|norms|sovereignty|integrity)\b"
)
REPOSITIONING = re.compile(
    r"\b(?:re)?deploy(?:s|ed|ing|ment)?\s+(?:(?:to\s+)?(?:the\s+)?(?:east|west|north|south)(?:ern)?\s+of"
    r"|(?:[\w-]+\s+){0,2}?(?:behind|beyond|back|outside)\b)"
)
DESCRIPTIVE_POSTING = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bare )(?<!\bis )(?<!\bremain )\b(?:stationed|deployed)\b"
)
# "established with the deployment of IFOR": a point in time, not the deployment the clause sets.
TEMPORAL_DEPLOYMENT = re.compile(
    r"\b(?:with|upon|on|after|following|pending|until|before|prior\s+to|awaiting)\s+(?:the\s+)?"
    r"(?:arrival|deployment|establishment|entry)\b"
)
# The words each look-alike cue cannot match without.
FALSE_CUE_WORDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (COMPLIANCE, ("observ",)),
    (REPOSITIONING, ("deploy",)),
    (DESCRIPTIVE_POSTING, ("stationed", "deployed")),
    (TEMPORAL_DEPLOYMENT, ("arrival", "deployment", "establishment", "entry")),
)
FORCE = (
    r"(?:border\s+(?:guards?|police|troops|service)|coast\s+guards?|forces?|troops?|units?|(?:military\s+)?police|guards?|patrols?|patrol\s+groups?|patrolling|peace-?keepers"
    r"|peace-?keeping\s+(?:forces?|contingents?|missions?|troops)|contingents?|observers?|monitors|mission"
    r"|monitoring|supervision|observation|oversight|servicemen|soldiers|personnel|military|army|armed\s+forces"
    r"|gendarmerie|battalions?|brigades?|officers|officials|experts|teams?|convoys?|sentries|checkpoints?|posts?"
    r"|representatives|inspectors|staff|specialists|delegates|auspices|services?|verification|control|command"
    r"|watch|cameras|reconnaissance|participation|flag|banner|aegis|umbrella)"
)
COMMA_ONLY = re.compile(r"^\s*,\s*(?:the\s+)?$")
COORDINATION = re.compile(
    r"^(?:\s*(?:,|and|&|/|-|–|as\s+well\s+as|other|fellow)\s*)+(?:the\s+)?"
    r"(?:(?:Republic|Kingdom|Federation|State|Government|People's\s+Republic)\s+of\s+(?:the\s+)?)?$"
)
# Words between a party and its forces qualify them ("Russian military police"); a preposition or
# a place noun ends the phrase ("Ukrainian territory under the supervision of ...").
QUALIFIER = (
    r"(?!(?:of|the|under|in|on|to|from|by|with|at|for|and|or|a|an|territory|territories|side|soil|border"
    r"|borders|airspace|waters|land|lands|city|town|province|region|will|shall|must|have|has|had|until|unless"
    r"|while|when|where|which|who|that|as|after|before|during|through|around|near|into|within|without"
    r"|between|against|along|across|over|if|than|but|is|are|was|were|be|been|would|could|may)\b)[\w-]+"
)
# A capitalised body named after the organisation that runs it: "the IGAD Ceasefire and
# Transitional Security Arrangements Monitoring and Verification Mechanism", "the United
# Nations Observer Mission in Georgia".
BODY_TITLE = (
    r"(?:\s+(?:[A-Z][\w-]*|and|for|of|on|the))*?\s+(?:Monitoring|Verification|Observer|Observation|Supervisory"
    r"|Mission|Mechanism|Commission|Committee|Force|Team|Group|Command|Operation)s?\b"
)
FORCE_AFTER = re.compile(
    rf"^(?:['’]s)?(?:\s+{QUALIFIER}){{0,3}}?\s+{FORCE}\b"
    r"|^-led\s+(?:[\w-]+\s+){0,2}?(?:forces?|missions?|peace-?keep\w*|monitor\w*|observ\w*|contingents?"
    r"|stabili[sz]ation|verification|mechanism|commission|team|group|committee|[A-Z]{3,})"
    r"|^\s+(?:taking|takes|take|will\s+take)\s+part\b|^\s+participat\w+",
    re.IGNORECASE,
)
# Troops, officials and the like are any side's; they monitor only when the clause gives them
# the work ("Lebanese troops will be deployed alongside ...", "deploy Russian and Syrian forces"),
# not when they are separated, move, hold ground or are monitored themselves.
WORK_IN_NAME = re.compile(
    r"peace-?keep|police|guard|patrol|observ|monitor|mission|inspect|verif|supervis|escort|gendarmerie"
    r"|contingent|auspices|watch|oversight|control|command|camera|reconnaissance|sentr|checkpoint|post|convoy"
    r"|participat|-led|part\b|flag|banner|aegis|umbrella",
    re.IGNORECASE,
)
FORCE_AT_WORK_AFTER = re.compile(
    r"^(?:\s+(?!(?:be|been|being|by|to|that|which|who|whose|while|whereas|when|where|after|before|until|as|if)\b)"
    r"[\w'’-]+){0,8}?\s+"
    r"(?:(?:will|shall|would|must|can|may|to|(?:is|are)\s+to)\s+)?(?:also\s+|jointly\s+)?"
    r"(?:be\s+(?:re)?(?:deployed|stationed|tasked|responsible|present|based|posted|interposed)"
    r"|(?:deploy|station|patrol|monitor|observe|supervise|oversee|verify|inspect|escort|guard|police|protect"
    r"|secure|take\s+(?:control|over|part)|control|enter|man|staff|conduct|carry\s+out|help|assist|support|join"
    r"|keep\s+the\s+peace|maintain|ensure|provide|participate|accompany)\w*)\b",
    re.IGNORECASE,
)
FORCE_SENT_BEFORE = re.compile(
    r"\b(?:deploy\w*|send\w*|sent|dispatch\w*|station\w*|contribut\w+|help\w*|assist\w*|support\w*|alongside"
    r"|(?:jointly\s+|together\s+)?with|joint|mixed|combined|integrated)\s+(?:the\s+|some\s+|[\d,]+\s+)?$",
    re.IGNORECASE,
)
BODY_AFTER = re.compile(rf"^(?:['’]s)?{BODY_TITLE}")
AGENT_VERB = (
    r"(?:monitored|patrolled|observed|supervised|verified|escorted|overseen|exercised|ensured|conducted"
    r"|carried\s+out|performed|provided|facilitated|manned|guarded|chaired|co-chaired|led|headed|staffed"
    r"|policed|protected|inspected|appointed|nominated|designated|seconded|contributed|sent|dispatched"
    r"|deployed|set\s+up|established|formed|created|constituted|convened|run|coordinated)"
)
# "the Republic of Lithuania", "the Government of Sudan": the long form of a party's name.
STATE_TITLE = (
    r"(?:(?:the\s+)?(?:Republic|Kingdom|Federation|State|Government|Sultanate|Emirate|Principality|People's\s+Republic)"
    r"\s+of\s+)?"
)
# "monitored by NATO", "officers appointed jointly by the Korean People's Army", "under the
# supervision of the OSCE": the agent acts.
AGENT_BEFORE = re.compile(
    rf"\b(?:{AGENT_VERB}(?:\s+(?:jointly|solely|exclusively|also|directly|only))?|{FORCE})\s+by\s+(?:the\s+)?"
    rf"{STATE_TITLE}$"
    r"|\bunder\s+(?:the\s+)?(?:[\w-]+\s+)?(?:supervision|auspices|command|control|oversight|watch|protection|escort"
    rf"|monitoring|observation|verification|guard)\s+of\s+(?:the\s+)?{STATE_TITLE}$"
    r"|\b(?:operating|acting|serving|deployed|working)\s+under(?:\s+the\s+(?:command|authority|auspices|flag"
    r"|aegis|control)\s+of)?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "patrols jointly with Russia", "deployed alongside the Lebanese army": partners in the work.
PARTNER_BEFORE = re.compile(
    r"\b(?:patrol\w*|monitor\w*|observ\w*|deploy\w*|peace-?keep\w*|verif\w*|supervis\w*|escort\w*)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:jointly\s+|together\s+)?(?:with|alongside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "observers of the OSCE", "composed of representatives of Ethiopia", "drawn from Russian units".
MEMBER_BEFORE = re.compile(
    rf"\b(?:{FORCE}|composed|constituted|comprised|consisting|made\s+up|drawn|formed)\s+(?:of|from)\s+(?:the\s+)?"
    rf"{STATE_TITLE}$",
    re.IGNORECASE,
)
SUBJECT_LEAD = (
    r"^(?:\s+\w+){0,3}?\s+(?:will|shall|would|to|must|(?:is|are)\s+(?:requested|asked|invited|called\s+upon|urged)"
    r"\s+to)?\s*(?:jointly\s+|also\s+)?"
)
# The subject of a monitoring verb monitors ("Egypt and Qatar will monitor the truce", "the United
# States will lead a monitoring mechanism").
MONITOR_SUBJECT = re.compile(
    rf"{SUBJECT_LEAD}(?:conduct|carry\s+out|patrol|monitor|observe|supervise|oversee|verify|escort|guard|police"
    r"|inspect)\b"
    rf"|{SUBJECT_LEAD}(?:lead|head|chair|run)\s+(?:[\w,-]+\s+){{0,3}}?(?:monitoring|observers?|observation"
    r"|patrols?|peace-?keep\w*|verification|monitors)"
    r"|^\s+(?:taking|takes|take|will\s+take)\s+part\b|^\s+participat\w+",
    re.IGNORECASE,
)
# The subject that deploys or sends forces monitors only when the clause names no forces of its
# own: "Paris and Berlin have agreed to deploy French and Malian forces" is France and Mali.
DISPATCH_SUBJECT = re.compile(
    rf"{SUBJECT_LEAD}deploy\b"
    rf"|{SUBJECT_LEAD}(?:provide|send|dispatch|contribute|station)\s+(?:[\w,-]+\s+){{0,3}}?(?:monitoring"
    r"|observers?|observation|patrols?|peace-?keep\w*|verification|monitors|troops|forces?|police)"
    rf"|{SUBJECT_LEAD}(?:have|maintain|keep|operate|man)\s+(?:[\w,-]+\s+){{0,3}}?(?:observation\s+posts?"
    r"|observers?|monitors|patrols?|peace-?keep\w*|monitoring\s+(?:posts?|points?|stations?|teams?))",
    re.IGNORECASE,
)
# "Russia and the United States will set up ... a working group to ... monitor the ceasefire".
FOUNDER_SUBJECT = re.compile(
    r"^(?:\s+\w+){0,3}?\s+(?:will|shall|would|to|must|agreed\s+to|agree\s+to)?\s*(?:jointly\s+)?"
    r"(?:set\s+up|establish|form|create|appoint|nominate|designate|name)\b[^.;]{0,80}?"
    r"(?:\bto\s+(?:[\w-]+\s+){0,4}?(?:monitor|observe|verify|supervise|oversee|patrol)\b|\bmonitoring\b"
    r"|\bobserv(?:ers?|ation)\b)",
    re.IGNORECASE,
)
# A party whose forces leave or are fought ("the withdrawal of the Armenian armed forces",
# "hostilities against civilians, the army and UN peacekeepers"), whose force is only awaited
# ("pending the arrival of a United Nations force") or holds the line others fall back behind.
NOT_MONITOR_BEFORE = re.compile(
    r"\b(?:withdraw\w*|pull\w*\s+(?:back|out)|pullout|removal|departure|retreat|disarm\w*|between"
    r"|attack\w*\s+by)\s+(?:of\s+)?(?:the\s+)?(?:(?!(?:under|with|by|alongside|in|at|behind)\b)[\w-]+\s+){0,2}$"
    r"|\bagainst\b[^.;:()]{0,60}$"
    r"|\b(?:pending|until|awaiting|before|prior\s+to)\s+(?:the\s+)?(?:arrival|deployment|establishment|entry)\s+of"
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\b(?:held|occupied)\s+by\s+(?:the\s+)?$"
    r"|\b(?:area|areas|zone|zones|places?|points?)\s+of\s+(?:the\s+)?deployment\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the areas where UNDOF is deployed": a force that is already there locates the clause.
LOCATING_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+(?:already\s+|currently\s+|now\s+)?(?:(?:is|are|remains?)\s+(?:deployed|stationed|located"
    r"|present|based)|operates|patrols|holds?)\b",
    re.IGNORECASE,
)
# "the Kosovo Verification Mission of the OSCE": a mission titled after a place belongs to another.
PLACE_TITLED_MISSION = re.compile(r"^\s+(?:[A-Z][\w-]*\s+){0,3}Mission\s+of\b")
WHERE_BEFORE = re.compile(r"\b(?:where|in\s+which|within\s+which)\s+(?:the\s+)?$", re.IGNORECASE)
# A place named after a party ("deployed in Kosovo", "throughout Lebanon") is where, not who.
PLACE_BEFORE = re.compile(
    rf"\b(?:in|into|inside|within|throughout|across|towards?)\s+(?:the\s+)?{STATE_TITLE}$", re.IGNORECASE
)
# "monitoring of the Ukrainian-Russian state border": the party names what is monitored.
MODIFIES_NOUN = re.compile(
    r"^(?:['’]s)?\s+(?!(?:and|or|with|in|on|at|to|from|by|for|under|over|along|within|which|who|that|as|is|are"
    r"|was|were|will|shall|would|must|has|have|had|during|until|after|before|using|through|composed|made"
    r"|drawn|deployed|stationed|led|headed|chaired|based|established|set|member|members|countries|states|nations"
    r"|partners|contributing)\b)(?![a-z]+ing\b)[a-z]"
)
LEAVING_AFTER = re.compile(
    r"^(?:['’]s|-\w+)?(?:\s+[\w-]+){0,3}?\s+(?:will|shall|must|would|to)?\s*(?:gradually\s+|fully\s+)?"
    r"(?:withdraw(?:s|n|ing)?|pull(?:s|ed|ing)?|leave|leaves|leaving|return(?:s|ed|ing)?|retreat(?:s|ed|ing)?"
    r"|(?:be\s+)?withdrawn|redeploy(?:s|ed|ing)?|disengage[sd]?|(?:be\s+)?(?:replaced|relieved)|(?:will|shall|must|may|would|can)\s+not|refrain\w*|cease[sd]?|stop"
    r"|halt|abstain\w*)\b",
    re.IGNORECASE,
)
# Forces whose own obligation is to let, hand over, respect or stop something are a bound side, not
# the monitor: "the Sudanese army and the RSF shall allow convoys escorted by African Union troops".
BOUND_SIDE_AFTER = re.compile(
    r"^(?:['’]s|-\w+)?(?:\s+[\w-]+){0,6}?\s+(?:shall|will|must|may|would|(?:is|are)\s+to|agreed?\s+to"
    r"|undertakes?\s+to)"
    r"\s+(?:\w+ly\s+)?(?:allow|permit|respect|comply|abide|adhere|release|free|hand|surrender|dismantle|destroy"
    r"|remove|lift|open|grant|refrain|cease|stop|halt|end|recogni[sz]e|accept|sign|renounce|lay|disarm"
    r"|demobili[sz]e|confine|assemble|vacate|evacuate|exchange|return|retreat|withdraw|pull|leave)\b",
    re.IGNORECASE,
)
# The agent phrase of a monitoring verb names every monitor in it: "monitored by a joint
# commission of the two sides and the United Nations", "headed by a Norwegian general".
BY = re.compile(r"\s+by\b", re.IGNORECASE)
AGENT_BEFORE_BY = re.compile(
    rf"\b(?:{AGENT_VERB}(?:\s+(?:jointly|solely|exclusively|also|directly|only))?|{FORCE})$",
    re.IGNORECASE,
)
AGENT_WORD_REACH = 40
AGENT_END = re.compile(
    r"[;:()]|(?<![A-Z])\.(?=\s+[A-Z]|\s*$)|,(?!\s*(?:and\s+|or\s+)?(?:the\s+)?[A-Z])"
    r"|\b(?:will|shall|must|would|is|are|was|were|which|who|that|to|while|until|after|before|during|using"
    r"|with|against|in\s+order)\b"
)
AGENT_REACH = 120
# A party that only says something ("Turkish officials said") is a source, not a monitor.
SPEAKER_AFTER = re.compile(
    r"^(?:['’]s|-\w+)?(?:\s+[\w-]+){0,3}?\s+(?:said|says|say|told|stated|added|announced|noted|insisted)\b",
    re.IGNORECASE,
)
# Who monitors a clause or is its target ("under the observation of the CIS", "any action against UN
# observers") is not the one the clause binds.
OUTSIDER_BEFORE = re.compile(rf"{AGENT_BEFORE.pattern}|\bagainst\b[^.;:()]{{0,60}}$", re.IGNORECASE)
# Cheap tests that spare most windows the end-anchored searches: an agent phrase holds "by" or
# "under" and its window ends on one of these words and a space; "aga" ("against", cut before
# the letters that re.IGNORECASE also matches in other scripts) opens an outsider's phrase.
AGENT_CUE_WORDS = ("by", "under")
AGENT_PHRASE_ENDINGS = ("by", "the", "of", "under")
OUTSIDER_CUE = "aga"
OBJECT_OF = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)


RESPONSIBLE_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+[\w-]+){0,3}?\s+(?:shall|will|must|agreed?|agrees|undertakes?|undertook|commits?"
    r"|committed|promised|pledged|is\s+committed|are\s+committed|is\s+to|are\s+to|has\s+agreed|have\s+agreed)\b",
    re.IGNORECASE,
)
SUBJECT_WINDOW = 40


@cache
def force_names() -> frozenset[str]:
    """Folded names that denote a body of forces by themselves ("UNDOF", "KFOR", "blue helmets")."""
    data = load_vocabulary("parties.json")["parties"]
    return frozenset(
        re.sub(r"[\s-]+", " ", name).lower() for entry in data.values() for name in entry.get("forces", [])
    )


@cache
def organisations() -> frozenset[str]:
    """Parties that are international organisations, never places."""
    return frozenset(load_vocabulary("parties.json")["organisations"])


@lru_cache(maxsize=512)
def party_groups(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Coordinated party mentions ("Russian and Turkish", "Russian-Turkish") as (start, end, names).

    Commas alone do not coordinate: "Sweden, Switzerland and Poland" is one list, but in "Pending
    the arrival of an AU mission, IGAD shall ..." the comma ends a phrase.
    """
    runs: list[list[tuple[int, int, str]]] = []
    for start, end, party in party_terms().find(text):
        if runs and COORDINATION.match(text[runs[-1][-1][1] : start]):
            runs[-1].append((start, end, party))
        else:
            runs.append([(start, end, party)])
    groups: list[tuple[int, int, tuple[str, ...]]] = []
    for run in runs:
        joiners = [text[left[1] : right[0]] for left, right in pairwise(run)]
        if joiners and all(COMMA_ONLY.match(joiner) for joiner in joiners):
            groups.extend((start, end, (party,)) for start, end, party in run)
        else:
            groups.append((run[0][0], run[-1][1], tuple(party for _, _, party in run)))
    return tuple(groups)


def unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def without_false_cues(folded: str) -> str:
    """The folded clause with the look-alike cues blanked out, offsets kept."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())

    # Each pattern runs only where a word it needs occurs: most clauses have none of them.
    for pattern, needed in FALSE_CUE_WORDS:
        if any(word in folded for word in needed):
            folded = pattern.sub(blank, folded)
    return folded


def names_a_force(mention: str) -> bool:
    """Whether a mention is itself a force or mission ("UNDOF, the United Nations ...")."""
    pieces = re.split(r"\s*(?:,|\band\b|&|/|\bas\s+well\s+as\b|\bother\b|\bfellow\b|\bthe\b)\s*", mention)
    return any(re.sub(r"[\s-]+", " ", piece).lower() in force_names() for piece in pieces if piece)


def agent_phrases(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the phrases after "monitored by", "led by", "supervision by" and the like.

    Each "by" is found first and the word before it checked, which costs far less than
    trying every verb and force noun at every position of the clause.
    """
    for by in BY.finditer(text):
        if not AGENT_BEFORE_BY.search(text, max(0, by.start() - AGENT_WORD_REACH), by.start()):
            continue
        stop = AGENT_END.search(text, by.end(), by.end() + AGENT_REACH)
        yield by.end(), stop.start() if stop else min(len(text), by.end() + AGENT_REACH)


def in_agent_phrase_at_place(text: str, start: int, agent_spans: list[tuple[int, int]]) -> bool:
    in_agent_phrase = any(low <= start < high for low, high in agent_spans)
    return in_agent_phrase and bool(PLACE_BEFORE.search(text[max(0, start - 70) : start]))


def place_titled_body(mention: str, names: tuple[str, ...], after: str) -> bool:
    """ "the Sri Lanka Monitoring Mission": a body titled with a country's own name is where it
    works; its members are named elsewhere. A demonym ("the Russian Peacekeeping Force") or an
    organisation ("the OSCE Special Monitoring Mission") is who runs it."""
    return (
        len(names) == 1
        and mention.strip().lower() == names[0].lower()
        and names[0] not in organisations()
        and BODY_AFTER.match(after) is not None
    )


class Role(Enum):
    MONITOR = "monitor"
    SENDER = "sender"


def forces_at_work(text: str, before: str, end: int) -> bool:
    """Whether the forces named after the party (text[end:]) patrol, monitor or keep the peace."""
    force = FORCE_AFTER.match(text[end : end + 60])
    if force is None:
        return False
    if WORK_IN_NAME.search(force.group()):
        return True  # police, observers, peacekeepers, patrols: the work is in the name
    rest = text[end + force.end() : end + force.end() + 80]
    return bool(FORCE_SENT_BEFORE.search(before) or FORCE_AT_WORK_AFTER.match(rest))


def party_role(
    text: str, scan: str, group: tuple[int, int, tuple[str, ...]], agent_spans: list[tuple[int, int]]
) -> Role | None:
    """What the parties mentioned together at text[start:end] do in a monitoring clause, if anything."""
    start, end, names = group
    after = text[end : end + 60]
    before = text[max(0, start - 70) : start]
    if NOT_MONITOR_BEFORE.search(before) or LEAVING_AFTER.match(after):
        return None
    if WHERE_BEFORE.search(before) and LOCATING_AFTER.match(after):
        return None
    at_place = bool(PLACE_BEFORE.search(before))
    speaker = bool(SPEAKER_AFTER.match(after))
    in_agent_phrase = any(low <= start < high for low, high in agent_spans) and not speaker
    names_noun = bool(MODIFIES_NOUN.match(after)) and not FORCE_AFTER.match(after)
    names_object = bool(OBJECT_OF.search(before)) and names_noun
    if place_titled_body(text[start:end], names, after):
        return None
    if agent_before(before) or (in_agent_phrase and not at_place and not names_object):
        return Role.MONITOR
    if (MEMBER_BEFORE.search(before) and not names_noun) or PARTNER_BEFORE.search(before):
        return Role.MONITOR
    if at_place or BOUND_SIDE_AFTER.match(text[end : end + 100]) or PLACE_TITLED_MISSION.match(after):
        return None
    # A body titled after an organisation is its own ("the IGAD ... Mechanism"); one titled after
    # a place is not the place's ("the Kosovo Verification Mission").
    if names_a_force(text[start:end]) or (BODY_AFTER.match(after) and organisations().issuperset(names)):
        return Role.MONITOR
    if forces_at_work(text, before, end) and not speaker:
        return Role.MONITOR
    if MONITOR_SUBJECT.match(scan[end : end + 60]):
        return Role.MONITOR
    if DISPATCH_SUBJECT.match(scan[end : end + 60]) or FOUNDER_SUBJECT.match(scan[end : end + 160]):
        return Role.SENDER
    return None


def patrol_parties(text: str) -> tuple[str, ...]:
    """Parties whose forces patrol, monitor or keep the peace under this clause."""
    folded = fold(text)
    if not PATROL_CUE.search(folded):
        return ()  # blanking look-alike cues can only remove cues, so this clause has none
    scan = without_false_cues(folded)
    if not PATROL_CUE.search(scan):
        return ()
    monitors: list[str] = []
    senders: list[str] = []
    agent_spans = list(agent_phrases(text))
    for start, end, names in party_groups(text):
        role = party_role(text, scan, (start, end, names), agent_spans)
        if role is Role.MONITOR:
            monitors.extend(names)
        elif role is Role.SENDER:
            senders.extend(names)
        elif in_agent_phrase_at_place(text, start, agent_spans):
            # "by the United Nations mission in Colombia and the Catholic Church": after the place,
            # an organisation coordinated with it goes on the agent phrase.
            monitors.extend(name for name in names[1:] if name in organisations())
    return unique(monitors or senders)


def may_end_in_agent_phrase(lowered: str) -> bool:
    ending = lowered.rstrip().endswith(AGENT_PHRASE_ENDINGS)
    return ending and any(word in lowered for word in AGENT_CUE_WORDS)


def agent_before(before: str) -> bool:
    return may_end_in_agent_phrase(before.lower()) and AGENT_BEFORE.search(before) is not None


def outsider_before(before: str) -> bool:
    lowered = before.lower()
    return (OUTSIDER_CUE in lowered or may_end_in_agent_phrase(lowered)) and OUTSIDER_BEFORE.search(
        before
    ) is not None


def responsible_parties(text: str) -> tuple[str, ...]:
    """Parties the clause makes act: the subjects of its obligation.

    A place ("stationed in the Republic of Moldova"), a source ("Egyptian officials said") and what
    is acted on ("monitoring of Russian compliance") are not responsible for the clause.
    """
    found: list[str] = []
    for start, end, names in party_groups(text):
        before = text[max(0, start - 70) : start]
        after = text[end : end + SUBJECT_WINDOW + 20]
        if PLACE_BEFORE.search(before) or SPEAKER_AFTER.match(after) or outsider_before(before):
            continue
        forces = FORCE_AFTER.match(after)
        if OBJECT_OF.search(before) and MODIFIES_NOUN.match(after) and not forces:
            continue
        if RESPONSIBLE_AFTER.match(after) or forces:
            found.extend(names)
    return unique(found)
