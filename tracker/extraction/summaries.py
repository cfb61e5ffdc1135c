"""A short title for each provision, as shown in lists and reports.

The title starts at the clause's operative core, so an analyst reads what is to be done and
not who reported or agreed it: reporting and attribution frames, datelines, numbering and
leading time phrases go, and so do bracketed asides and quotation marks. The kind, deadline,
zone width and parties have their own columns everywhere, so the title leaves them out and
is cut before a trailing deadline phrase or a long subordinate tail.
"""

from __future__ import annotations

import re
from datetime import date

from tracker.domain import Facets, Kind


def word_set(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


def has_words(text: str, count: int) -> bool:
    """Whether text holds at least count words; splitting stops once it has them."""
    return len(text.split(None, count - 1)) >= count


MAX_TITLE_CHARS = 90
# A core that fits within this is kept whole: ending a few characters past the target beats
# cutting a complete thought.
MAX_WHOLE_TITLE_CHARS = 100
MAX_TITLE_WORDS = 16
# A cut that would leave fewer words than this is no title; the clause keeps going instead.
MIN_TITLE_WORDS = 3
# Frames and the operative core both sit in a clause's opening; a long clause's tail never
# changes the title, and reading only this much keeps titling cheap on huge inputs.
TITLE_SOURCE_CHARS = 400
MAX_FRAMES = 6
# Closing attributions and bare "that will take effect" tails sit within this many characters
# of the end.
ATTRIBUTION_CHARS = 120
FRAME_VERB_CHARS = 220
CORE_CHARS = 260
# How far past a possible cut a pattern needs to see to recognise it.
CUT_LOOKAHEAD_CHARS = 30
LIST_LOOKAHEAD_CHARS = 200

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
# A number that is a time or a day, not a distance ("from 300 metres" is no time limit).
CLOCK_OR_DAY = r"\d[\d:.,]*(?!\d|[\d:.,]*\s*(?:km|m|mm|miles?|kilomet|met|percent|%|troops|soldiers)\b)"
NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand)"
)

DATELINE = re.compile(
    # "SOCHI, Sept 17 (Reuters) -", "GAZA/JERUSALEM, Aug 26 (Reuters) -", "SOCHI, September 17. /TASS/."
    r"^(?:[A-Z][A-Z .'’/-]{2,}(?:,[^-—–()/]{0,60})?\s*(?:\([^()]{1,30}\))?\s*(?:-+|—|–)\s+"
    r"|[A-Z][A-Z .'’/-]{2,},[^/]{0,40}/[A-Za-z ]{2,20}/\.?\s+"
    r"|[^()\n]{0,60}\((?:Reuters|AFP|AP|Xinhua|TASS|Interfax|Anadolu|UPI|dpa|IANS|PTI)\)\s*(?:-+|—|–)\s*)"
)
NUMBERING = re.compile(
    r"^(?:(?:article|art\.|paragraph|para\.|section|clause|point|item)\s+[0-9ivxlc]+[a-z]?\b\.?\s*[:.–—-]?\s*"
    r"|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,5})[.)]\s+"
    r"|\d{1,3}(?:\.\d{1,3})+\s+"
    r"|[-•*–—·]\s+)",
    re.IGNORECASE,
)
# Opening phrases set off by a comma that frame the clause rather than state it: when it
# happens ("Within 24 hours after the signing,"), where it is reported from ("Under the
# deal,", "According to the memorandum,", "In a joint statement,") or whose idea it was.
LEADING_PHRASE = re.compile(
    r"^(?:(?:within|by|before|after|from|starting|beginning|until|till|as\s+of|as\s+from|"
    r"no\s+later\s+than|not\s+later\s+than|on|at|during|following|upon|once|immediately|"
    r"as\s+soon\s+as|when|under|according\s+to|in\s+order\s+to|in\s+accordance\s+with|"
    r"in\s+line\s+with|pursuant\s+to|pending|prior\s+to|with\s+effect\s+from|effective|as\s+part\s+of|"
    r"for\s+the\s+purposes?\s+of|in\s+no\s+event|with\s+the\s+(?:participation|support|assistance|help|mediation)|"
    r"further|furthermore|moreover|meanwhile|also|additionally|"
    r"in\s+addition|in\s+particular|in\s+turn|thereafter|then|subsequently|first|second|third|finally|"
    r"in\s+(?:the\s+)?(?:same|first|next|coming|following|initial|second|third|final)\b|"
    r"in\s+(?:a|the|its|their|his|her)\s+(?:joint\s+)?(?:statement|communiqu[eé]|declaration|"
    r"memorandum|agreement|deal|accord|document|text|plan|proposal|announcement|speech|remarks)\b|"
    # Neither the comma before a year ("October 23, 2019") nor a clock time's colon ends it.
    r"the\s+day\s+after|the\s+(?:next|following)\s+day)\b(?:[^,;:]|,(?=\s\d{4}\b)|(?<=\d):(?=\d)){0,110},\s*)"
)
SAY = (
    r"(?:said|says|stated|announced|announces|added|declared|reported|noted|"
    r"confirmed|explained|insisted|stressed|told\s+[^,;:]{1,40}?)"
)
AGREE = (
    r"(?:agreed|agree|agrees|have\s+agreed|has\s+agreed|had\s+agreed|decided|decide|decides|"
    r"ha(?:ve|s|d)\s+decided|promised|promise|promises|pledged|pledge|pledges|undertook|undertake|"
    r"undertakes|commit(?:s|ted)?\s+(?:themselves|itself|himself|herself)|committed|"
    r"are\s+committed|is\s+committed|vowed|vow|vows|resolved|consented|accepted|accept|accepts)"
)
# The verbs reporting frames turn on: a clause without one of them in its opening cannot
# open with such a frame, and a word lookup is far cheaper than trying the frame pattern.
FRAME_VERBS = word_set(
    "said says stated announced announces added declared reported noted confirmed "
    "explained insisted stressed told agree agrees agreed decide decides decided "
    "promise promises promised pledge pledges pledged undertake undertakes undertook "
    "commit commits committed vow vows vowed resolved consented accept accepts "
    "accepted planned expected envisaged envisage envisages stipulated stipulate "
    "stipulates proposed intended understood provide provides provided call calls "
    "called foresee foresees foresaw set sets spell spells lay lays"
)
# The words a closing attribution turns on (", the statement said", ", according to officials").
ATTRIBUTION_VERBS = word_set(
    "said says stated announced announces added declared reported noted confirmed explained insisted "
    "stressed told according"
)
# "To monitor the agreement, the sides shall ...": a purpose, capitalised as a sentence opening
# (lower case, "to ..." continues a clause).
PURPOSE_OPENING = re.compile(r"To\s+\w+[^,;:]{0,110},\s*")
# Frames that open a clause and report it rather than set it: "Putin stated that", "the
# sides agreed with Turkey to", "it was planned to", "the deal provides for".
REPORTING_FRAME = re.compile(
    rf"^(?:[^,;:]{{0,120}}?\s)?(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
    rf"(?:also\s+)?{SAY}(?:\s+on\s+\w+)?(?:\s+that)?\s+"
    rf"|^(?:[^,;:]{{0,120}}?\s)?(?:also\s+)?{AGREE}(?:\s+on\s+\w+)?"
    r"(?:\s+(?:with|between)\s+[^,;:]{1,80}?)?\s+(?:that|to)\s+"
    r"|^it\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?(?:planned|agreed|decided|expected|"
    r"envisaged|stipulated|proposed|intended|announced|reported|understood|stated|said)\s+"
    r"(?:that|to)\s+"
    r"|^(?:[^,;:]{0,80}?\s)?(?:also\s+)?(?:provides?|provided|calls?|called|stipulates?|stipulated|"
    r"envisages?|envisaged|foresees?|foresaw|sets?\s+out|spells?\s+out|lays?\s+down)\s+(?:for|that)\s+"
)
# A reported clause's own closing attribution: ", Putin stated." or ", the statement said."
TRAILING_ATTRIBUTION = re.compile(
    rf",\s*(?:[^,;:]{{1,60}}\s)?{SAY}(?:\s+on\s+\w+)?\.?$|,\s*according\s+to\s+[^,;:]{{1,80}}$",
    re.IGNORECASE,
)
# A subject that names no one in particular with its modal: "The Parties shall", "They will".
# Stripped, the clause reads as the act itself ("Withdraw all heavy weapons").
GENERIC_SUBJECT = re.compile(
    r"^(?:the\s+|both\s+|all\s+|each\s+|the\s+two\s+|all\s+the\s+)?"
    r"(?:parties|party|sides|side|signatories|belligerents|they|we)\s+"
    r"(?:shall|will|would|must|should|are\s+to|is\s+to|have\s+to|has\s+to)\s+(?!not\b|never\b|be\b)"
)
ASIDE_ADVERB = re.compile(
    r",\s*(?:however|therefore|moreover|furthermore|in\s+turn|in\s+particular|inter\s+alia|"
    r"accordingly|meanwhile|also|thus|in\s+addition|if\s+necessary|if\s+needed|where\s+necessary|"
    r"as\s+appropriate|as\s+a\s+rule)\s*,",
    re.IGNORECASE,
)
ALSO = re.compile(r"\s+also(?=\s)", re.IGNORECASE)
# Patterns that open with a character class let the regex engine skip ahead cheaply.
BRACKETED = re.compile(r"[(\[](?:(?<=\()[^()]*\)|(?<=\[)[^\[\]]*\])")
SPELLED_NUMBER_MARK = re.compile(r"\(\d")
SPELLED_NUMBER = re.compile(rf"\b{NUMBER_WORD}(?:(?:[\s-]+|\s+and\s+){NUMBER_WORD})*\s*\((\d[\d,.]*)\)")
# "twenty-five (25)": the words of a number run within this many characters before its figure.
SPELLED_NUMBER_REACH = 60
# Quotation marks, and single quotes that do not stand between two letters as apostrophes do.
QUOTE = re.compile(r"[\"“”„«»'‘’](?:(?<=[\"“”„«»])|(?<![A-Za-z].)|(?![A-Za-z]))")
NUMBER_RANGE = re.compile(r"(\d)\s*-\s*(?=\d)")
UNIT = re.compile(r"[ -](?:(kilomet(?:re|er)s?|kms?)|met(?:re|er)s)\b")
MLRS = re.compile(
    r"\bmultiple[\s-]+(?:launch[\s-]+rocket|rocket[\s-]+launch(?:ing|er)?|missile[\s-]+launch(?:ing|er)?|"
    r"rocket|launch)[\s-]+(?:systems?|launchers?)\b|\bmultiple[\s-]+rocket[\s-]+launchers?\b",
    re.IGNORECASE,
)
# A limit in time at the end of the core: the deadline has its own column.
# Each scanning pattern opens with a literal space or comma (the text is space-normalised),
# which the regex engine skips to cheaply.
TIME_TAIL = re.compile(
    r" (?:by|before|no\s+later\s+than|not\s+later\s+than|within|until|till|from|starting(?:\s+from)?|"
    r"beginning|as\s+of|as\s+from|at|on|after|effective|with\s+effect\s+from|in\s+the\s+(?:first|next|coming))\s+"
    rf"(?:the\s+(?:end|beginning|middle|start|latest|earliest|first|next|coming|signing|signature|date|"
    rf"day|entry|expiry|deadline)\b|mid-|{CLOCK_OR_DAY}|{MONTH}|{WEEKDAY}|noon\b|midnight\b|dawn\b|"
    rf"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|"
    rf"fifty|sixty|seventy|ninety|several|a\s+few)\b[\w\s()-]{{0,20}}?\b(?:hours?|days?|weeks?|"
    rf"months?|years?)\b|next\s+(?:week|month|year)|this\s+(?:week|month|year)|today|tomorrow|"
    r"the\s+same\s+(?:day|time|period)|that\s+(?:day|date|time)|the\s+moment|d[+-]\d+\b)"
)
# Where a long subordinate tail or a second clause begins; the title ends before it.
SUBORDINATE_TAIL = re.compile(
    r"(?:which|who|whose|whereby|so\s+as\s+to|in\s+order\s+to|so\s+that|"
    r"with\s+the\s+(?:aim|objective|purpose|goal)|for\s+the\s+purpose|including|in\s+accordance\s+with|"
    r"in\s+line\s+with|in\s+implementation\s+of|pursuant\s+to|as\s+well\s+as|while|whereas|unless|"
    r"provided\s+that|subject\s+to|except|excluding|thereby|as\s+soon\s+as\s+possible|"
    r"and\s+(?:shall|will|must|should|would|may|can|is\s+to|are\s+to))\b"
)
# ", and the militias shall": a second clause with its own subject.
SECOND_CLAUSE = re.compile(
    r", (?:and|but)\s+(?:each|the|both|all|no|neither|its|their|those|these|they|it)\b"
)
PUNCTUATION_TAILS = ("; ", ": ", " – ", " — ", " - ")
SUBORDINATE_TAIL_AFTER_SPACE = re.compile(f" {SUBORDINATE_TAIL.pattern}")
# The patterns of the clause analysis below are lower case and read a lowered copy of the text
# (offset for offset), far cheaper than ignoring case.
WORD = re.compile(r"[A-Za-z]+")
RELATIVE_PRONOUN = re.compile(r",?\s+(?:which|who|whom|that)\b")
MODAL = re.compile(r"\s(?:shall|will|must|should|would|may|is\s+to|are\s+to)\s")
# Prepositions that usually open an adjunct ("along the contact line", "on either side of"):
# a title cut before one still reads as a whole thought.
ADJUNCT_START = re.compile(
    r" (?=(?:between|along|across|throughout|within|on|at|in|into|inside|outside|from|under|during|"
    r"after|before|until|near|towards|toward|beyond|against|via|through|without|around|where|when)\b)"
)
LIST_JOINERS = (" and ", " or ")
# Auxiliaries and linking verbs that show a stretch of text already holds a predicate.
PREDICATE = re.compile(
    r"\b(?:shall|will|would|must|may|might|should|can|cannot|is|are|was|were|be|been|has|have|had|"
    r"agrees?|agreed|remains?|continues?|begins?|began|ends?)\b"
)
# "Military units shall be stopped" -> "Military units to be stopped": the headline form of a
# passive obligation, which cannot be misread as already done.
PASSIVE_AUXILIARY = re.compile(
    r"\s+(?:shall|will|would|must|should|is\s+to|are\s+to)\s+be\s+"
    r"(?=(?!not\b)\w+(?:ed|en|wn|ept|eld|ilt|ade|id|ut|et|ound|ung|ught|ost)\b)"
)
# A subject the passive headline form would garble: a pronoun, a negation or a place.
PLAIN_SUBJECT_START = re.compile(
    r"^(?!(?:it|they|this|that|these|those|he|she|we|there|here|no|none|neither|nor|nothing|not|"
    r"in|on|at|by|from|to|with|within|under|after|before|during|for|of|as|beyond|inside|outside|"
    r"along|across|throughout|between|among|around|near|behind|upon|over|below|above|beneath|"
    r"pending|following|until|since|once|when|where|if|unless|while|whereas|although)\b)"
)
# A clause that opens with a place or condition ("Beyond the zone, ...") before its subject.
OPENING_ADJUNCT = re.compile(
    r"^(?:in|on|at|by|from|to|with|within|under|after|before|during|for|of|as|beyond|inside|outside|"
    r"along|across|throughout|between|among|around|near|behind|upon|over|below|above|beneath|"
    r"pending|following|until|since|once|when|where|if|unless|while|whereas|although)\b"
)
MAX_PASSIVE_SUBJECT_WORDS = 10
# Time asides inside the clause: "create, within one year, the conditions".
TIME_ASIDE = re.compile(
    r",\s*(?:within|by|before|no\s+later\s+than|not\s+later\s+than|until|from|after|at\s+the\s+latest|"
    r"as\s+soon\s+as|starting|beginning|effective|with\s+effect\s+from)\b[^,]{1,90},\s*",
    re.IGNORECASE,
)
# Asides that qualify rather than state: "hand over to the other, through the mediator, the
# maps"; "all forces, including police units, from Kosovo".
QUALIFYING_ASIDE = re.compile(
    r",\s*(?:through|via|"
    r"together\s+with|jointly\s+with|with\s+the\s+(?:help|support|assistance|participation)\s+of|"
    r"hereinafter|as\s+appropriate|where\s+(?:necessary|appropriate|possible)|if\s+(?:necessary|needed))"
    r"\b[^,]{1,80},\s*",
    re.IGNORECASE,
)
# "No heavy weapons, including artillery, tanks and guns, shall be deployed": the examples run
# to the first comma that does not separate them.
EXAMPLES_ASIDE = re.compile(
    r",\s*(?:including|such\s+as|notably|in\s+particular|especially|excluding|except|other\s+than)\b"
)
# A modal followed by a comma, which MODAL_ASIDE needs.
ASIDE_MODAL_CUE = re.compile(r"(?:shall|will|must|should|would|may| to),")
MODAL_ASIDE = re.compile(
    r"\b(shall|will|must|should|would|may|is\s+to|are\s+to)\s*,[^,]{1,80},\s*", re.IGNORECASE
)
# A deadline phrase that opens with one of these is a time limit the title can end before;
# "for six months" or "last 42 days" state the arrangement itself and stay.
DEADLINE_OPENING = re.compile(
    r"\b(?:by|before|within|until|till|no\s+later\s+than|not\s+later\s+than|from|starting|beginning|"
    r"as\s+of|as\s+from|on|at|upon|effective|with\s+effect\s+from|in|during|after|"
    rf"(?:\d+|{NUMBER_WORD}(?:[\s-]+{NUMBER_WORD})*)\s+(?:hours?|days?|weeks?|months?|years?))\b"
)
DURATION_WORDS = re.compile(r"\b(?:for|last|lasts|over|period)\b")
# A thousands separator ("15,000 troops") is not a comma that ends anything.
COMMA = re.compile(r",(?!(?<=\d,)\d{3}\b)")
AND_OR = re.compile(r"\b(?:and|or)\b")
# Words that cannot end a title; lower case only, so "Line A" keeps its name.
PHRASE_DANGLING_WORDS = word_set(
    "and or the a an of to with by its their his her as for in on at from that this "
    "these those which who whose but nor is are be shall will would must should may "
    "not between along into than such per via"
)
# Mid-phrase, a determiner left before the ellipsis says nothing ("mortars of all…").
ELLIPSIS_DANGLING_WORDS = word_set("all any each both either neither no some every other more most")
ENTRY_INTO_FORCE_ENDINGS = ("begin", "start", "commence", "effect", "force")
# "A ceasefire that will take effect" once its time is cut says no more than "A ceasefire".
BARE_ENTRY_INTO_FORCE = re.compile(
    r",?\s+(?:that|which)\s+(?:will|would|shall|is\s+to|are\s+to)\s+(?:begin|start|commence|take\s+effect|"
    r"come\s+into\s+(?:force|effect)|enter\s+into\s+force|go\s+into\s+effect)$",
    re.IGNORECASE,
)
LIST_ITEM_WORDS = 7
# A cut before an adjunct that leaves less than this drops too much of what the clause says.
MIN_ADJUNCT_CUT_CHARS = 40


def summarise(
    kind: Kind, excerpt: str, facets: Facets, deadline: date | None, deadline_text: str | None = None
) -> str:
    """The provision's title; its kind, facets and deadline have their own columns, not in it."""
    return title(excerpt, deadline_text)


def title(excerpt: str, deadline_text: str | None = None) -> str:
    """A short title starting at the clause's operative core; never empty for a non-blank clause."""
    plain = tidy(excerpt[:TITLE_SOURCE_CHARS])
    text = shorten(operative_core(plain, deadline_text))
    if text.count(" ") + 1 < MIN_TITLE_WORDS:
        text = shorten(plain)
    if not text:
        text = " ".join(excerpt.split())[:MAX_TITLE_CHARS]
    return text[:1].upper() + text[1:]


def tidy(text: str) -> str:
    """One line without datelines, numbering, brackets, quotation marks or unit repeats."""
    text = " ".join(text.split())
    # Both patterns are anchored at the start: a match is cut off, no substitution needed.
    dateline = DATELINE.match(text)
    if dateline:
        text = text[dateline.end() :]
    numbered = NUMBERING.match(text)
    if numbered:
        text = text[numbered.end() :]
        numbered = NUMBERING.match(text)
        if numbered:
            text = text[numbered.end() :]
    # Each rewrite runs only where its key character or word occurs: titling every provision
    # of a large text must stay cheap.
    if "(" in text or "[" in text:
        if SPELLED_NUMBER_MARK.search(text):
            text = figures_for_spelled_numbers(text)
        for _ in range(2):
            text = BRACKETED.sub("", text)
        text = " ".join(text.split())
    text = QUOTE.sub("", text)
    lowered = text.lower()
    if "multiple" in lowered:
        text = MLRS.sub("MLRS", text)
    if "km" in lowered or "kilomet" in lowered or "metre" in lowered or "meter" in lowered:
        text = abbreviated_units(text)
    if "-" in text:
        text = NUMBER_RANGE.sub(r"\1–", text)
    if "," in text:
        text = ASIDE_ADVERB.sub("", text)
    return text.strip(" \t,;:.-–—")


def figures_for_spelled_numbers(text: str) -> str:
    """'thirty (30) days' -> '30 days'; the search runs only just before each bracketed figure."""
    lowered = same_length_lower(text)
    pieces = []
    kept = 0
    for mark in SPELLED_NUMBER_MARK.finditer(lowered):
        if mark.start() < kept:
            continue
        window = max(kept, mark.start() - SPELLED_NUMBER_REACH)
        spelled = SPELLED_NUMBER.search(lowered, window, lowered.find(")", mark.start()) + 1)
        if spelled is None or spelled.start() < kept:
            continue
        pieces.append(text[kept : spelled.start()])
        pieces.append(spelled.group(1))
        kept = spelled.end()
    return "".join(pieces) + text[kept:]


def abbreviated_units(text: str) -> str:
    """'15 kilometres' -> '15 km', '300 metres' -> '300 m': a title has no room for the long forms."""
    pieces = []
    kept = 0
    for unit in UNIT.finditer(same_length_lower(text)):
        before = text[unit.start() - 1 : unit.start()]
        if unit.group(1) and before.isalnum():
            pieces.append(f"{text[kept : unit.start()]} km")
        elif not unit.group(1) and before.isdigit():
            pieces.append(f"{text[kept : unit.start()]} m")
        else:
            continue
        kept = unit.end()
    return "".join(pieces) + text[kept:]


def operative_core(text: str, deadline_text: str | None) -> str:
    """The clause from its operative words on, without framing, deadline or attribution."""
    text = text.rstrip(". ")
    lowered = text.lower().replace(",", " ")
    # Anchored at the end: searching only the last stretch keeps long clauses cheap.
    tail_words = lowered[-ATTRIBUTION_CHARS:].split()
    attribution = (
        TRAILING_ATTRIBUTION.search(text, max(0, len(text) - ATTRIBUTION_CHARS))
        if not ATTRIBUTION_VERBS.isdisjoint(tail_words)
        else None
    )
    if attribution:
        text = text[: attribution.start()].strip(" ,")
    if " also " in lowered:
        text = ALSO.sub("", text)
    has_frame_verb = not FRAME_VERBS.isdisjoint(lowered[:FRAME_VERB_CHARS].split())
    for _ in range(MAX_FRAMES):
        trimmed = strip_frame(text, has_frame_verb)
        if trimmed == text:
            break
        text = trimmed
    if "," in text:
        text = TIME_ASIDE.sub(" ", text)
        text = QUALIFYING_ASIDE.sub(" ", text)
        text = drop_examples(text)
        if ASIDE_MODAL_CUE.search(text):
            text = MODAL_ASIDE.sub(lambda match: f"{match.group(1)} ", text)
        text = strip_frame(text, has_frame_verb)
    # The title lies in the core's opening; later rules need no more than this of it. A core
    # cut here ends on a whole word and an ellipsis, which stays if no earlier cut removes it.
    if len(text) > CORE_CHARS:
        last_space = text.rfind(" ", 0, CORE_CHARS)
        text = without_dangling_words(
            text[: last_space if last_space > 0 else CORE_CHARS], PHRASE_DANGLING_WORDS
        )
        text += "…"
    if "," in text:
        text = drop_subject_aside(text)
    text = drop_subject_relative(text)
    text = collapse_passive(text)
    text = without_dangling_words(cut_tail(text, deadline_text), PHRASE_DANGLING_WORDS)
    if not text.endswith(ENTRY_INTO_FORCE_ENDINGS):
        return text
    bare = BARE_ENTRY_INTO_FORCE.search(text, max(0, len(text) - ATTRIBUTION_CHARS))
    return text[: bare.start()] if bare else text


def strip_frame(text: str, has_frame_verb: bool) -> str:
    """The clause without its first framing phrase, if one opens it and leaves enough behind.

    has_frame_verb tells whether the clause's opening holds a reporting verb at all.
    """
    # The frame patterns are lower case and read lowered text: far cheaper than ignoring case.
    lowered = same_length_lower(text)
    for pattern in (PURPOSE_OPENING, LEADING_PHRASE, REPORTING_FRAME, GENERIC_SUBJECT):
        if (pattern is REPORTING_FRAME and not has_frame_verb) or (
            pattern is PURPOSE_OPENING and not text.startswith("To ")
        ):
            continue
        frame = pattern.match(text if pattern is PURPOSE_OPENING else lowered)
        if frame is None:
            continue
        trimmed = text[frame.end() :].lstrip(" ,")
        if not has_words(trimmed, MIN_TITLE_WORDS):
            continue
        if RELATIVE_PRONOUN.match(" " + trimmed.lower()):
            continue  # the phrase was the head of a relative clause, not a frame
        return trimmed
    return text


def drop_examples(text: str) -> str:
    """The text without a comma-enclosed list of examples ('including tanks, artillery and mortars')."""
    aside = EXAMPLES_ASIDE.search(same_length_lower(text))
    if aside is None:
        return text
    for comma in COMMA.finditer(text, aside.end()):
        if not is_list_comma(text, comma.start()):
            return f"{text[: aside.start()]} {text[comma.end() :].lstrip()}"
    return text


def drop_subject_aside(text: str) -> str:
    """'The ceasefire, signed in Havana, will begin' -> 'The ceasefire will begin'."""
    first_comma = first_clause_comma(text)
    lowered = same_length_lower(text)
    if first_comma < 0 or PREDICATE.search(lowered, 0, first_comma):
        return text
    if OPENING_ADJUNCT.match(lowered):
        return drop_relative_aside(text, first_comma)
    for predicate in PREDICATE.finditer(lowered, first_comma):
        before = text[: predicate.start()].rstrip()
        if before.endswith(",") and len(before) - 1 > first_comma:
            closing_comma = len(before) - 1
            # The aside opens at the first comma that does not just separate list items.
            opening = next(
                (
                    comma.start()
                    for comma in COMMA.finditer(text, first_comma, closing_comma)
                    if not is_list_comma(text, comma.start())
                ),
                first_comma,
            )
            return f"{text[:opening]} {text[predicate.start() :]}"
    return text


def drop_relative_aside(text: str, first_comma: int) -> str:
    """'In the first area, which extends 10 km, the forces shall' -> 'In the first area, the forces shall'."""
    lowered = same_length_lower(text)
    if not RELATIVE_PRONOUN.match(lowered, first_comma):
        return text
    predicate = MODAL.search(lowered, first_comma)
    if predicate is None:
        return text
    closing_comma = text.rfind(",", first_comma + 1, predicate.start())
    if closing_comma < 0:
        return text
    return f"{text[:first_comma]}, {text[closing_comma + 1 :].lstrip()}"


def drop_subject_relative(text: str) -> str:
    """'All prisoners which each side holds shall be repatriated' -> 'All prisoners shall be ...'."""
    lowered = same_length_lower(text)
    if " which" not in lowered and " who" not in lowered and " that" not in lowered:
        return text
    relative = RELATIVE_PRONOUN.search(lowered)
    if relative is None or PREDICATE.search(lowered, 0, relative.start()):
        return text
    if not has_words(text[: relative.start()], 2):
        return text
    modal = MODAL.search(lowered, relative.end())
    if modal is None or not text[relative.end() : modal.start()].strip():
        return text
    return text[: relative.start()] + text[modal.start() :]


def collapse_passive(text: str) -> str:
    """'Military units shall be stopped at the line' -> 'Military units to be stopped at the line'."""
    if " be " not in text:
        return text
    lowered = same_length_lower(text)
    passive = PASSIVE_AUXILIARY.search(lowered)
    if passive is None:
        return text
    subject = text[: passive.start()]
    if (
        not PLAIN_SUBJECT_START.match(lowered)
        or has_words(subject, MAX_PASSIVE_SUBJECT_WORDS + 1)
        or PREDICATE.search(lowered, 0, passive.start())
        or COMMA.search(subject)
    ):
        return text
    return f"{subject} to be {text[passive.end() :]}"


def first_clause_comma(text: str) -> int:
    found = COMMA.search(text)
    return found.start() if found else -1


def is_list_comma(text: str, position: int) -> bool:
    """Whether the comma at position separates items of a list ('tanks, artillery and mortars')."""
    following = text[position + 1 : position + 1 + LIST_LOOKAHEAD_CHARS].lower()
    for item in COMMA.split(following):
        conjunction = AND_OR.search(item)
        head = item[: conjunction.start()] if conjunction else item
        if (
            SUBORDINATE_TAIL.match(item.lstrip())
            or PREDICATE.search(head)
            or has_words(head, LIST_ITEM_WORDS + 1)
        ):
            return False
        if conjunction:
            return True
    return False


def deadline_cut(text: str, deadline_text: str) -> int:
    """Where the clause's own deadline phrase begins, if it is a time limit the title can drop."""
    limit = " ".join(deadline_text.split())
    if "(" in limit:
        limit = " ".join(BRACKETED.sub("", figures_for_spelled_numbers(limit)).split())
    limit = same_length_lower(limit)
    if not limit or DURATION_WORDS.search(limit):
        return -1
    found = same_length_lower(text).find(limit)
    if found < 0:
        return -1
    opening = DEADLINE_OPENING.search(limit)
    return found + opening.start() if opening else -1


def cut_tail(text: str, deadline_text: str | None) -> str:
    """The text before its deadline phrase and, when still long, before a subordinate tail."""
    # A cut further in than a whole title would leave the text to shorten() all the same.
    reach = MAX_WHOLE_TITLE_CHARS + CUT_LOOKAHEAD_CHARS
    lowered = same_length_lower(text)
    time_cuts = [match.start() for match in TIME_TAIL.finditer(lowered, 0, reach)]
    if deadline_text:
        time_cuts.append(deadline_cut(text, deadline_text))
    text = cut_at_first(text, time_cuts)
    if len(text) <= MAX_TITLE_CHARS:
        return text
    tail_cuts = [text.find(mark) for mark in PUNCTUATION_TAILS]
    lowered = same_length_lower(text)
    tail_cuts.extend(match.start() for match in SUBORDINATE_TAIL_AFTER_SPACE.finditer(lowered, 0, reach))
    tail_cuts.extend(match.start() for match in SECOND_CLAUSE.finditer(lowered, 0, reach))
    for comma in COMMA.finditer(text, 0, MAX_WHOLE_TITLE_CHARS + 1):
        opens_with_place = OPENING_ADJUNCT.match(lowered) and not PREDICATE.search(lowered, 0, comma.start())
        if not opens_with_place and not is_list_comma(text, comma.start()):
            tail_cuts.append(comma.start())
    return cut_at_first(text, tail_cuts)


def cut_at_first(text: str, cuts: list[int]) -> str:
    """The text before the first of cuts that leaves a title of at least MIN_TITLE_WORDS."""
    for cut in sorted(cuts):
        # The text is space-normalised: its spaces count its words.
        if cut > 0 and text.count(" ", 0, cut - 1) + 1 >= MIN_TITLE_WORDS:
            return text[:cut].rstrip(" ,;:")
    return text


def shorten(text: str) -> str:
    """At most MAX_TITLE_CHARS and MAX_TITLE_WORDS, cut at a phrase boundary, else with '…'."""
    text = text.strip(" ,;:.")
    words = text.split()
    if len(text) <= MAX_WHOLE_TITLE_CHARS and len(words) <= MAX_TITLE_WORDS:
        return text
    room = min(MAX_TITLE_CHARS, len(" ".join(words[:MAX_TITLE_WORDS])))
    # Cutting before the predicate would leave a subject with nothing said about it.
    lowered = same_length_lower(text)
    predicate = PREDICATE.search(lowered)
    earliest = predicate.end() if predicate else 0
    boundaries = [
        match.start()
        for match in ADJUNCT_START.finditer(lowered, max(MIN_ADJUNCT_CUT_CHARS - 1, earliest), room + 1)
        if text[match.start() - 1] != "," and not text[: match.start() + 1].endswith(LIST_JOINERS)
    ]
    if boundaries:
        head = without_dangling_words(text[: max(boundaries)], PHRASE_DANGLING_WORDS)
        if has_words(head, MIN_TITLE_WORDS + 1):
            return head
    cut = text.rfind(" ", 0, room)
    head = text[:cut] if cut > 0 else text[: room - 1]
    head = without_dangling_words(head, PHRASE_DANGLING_WORDS | ELLIPSIS_DANGLING_WORDS)
    # A figure cut off from its unit ("a depth of 30…") misleads; the ellipsis stands for both.
    last_space = head.rfind(" ")
    if last_space > 0 and any(character.isdigit() for character in head[last_space:]):
        head = without_dangling_words(head[:last_space], PHRASE_DANGLING_WORDS | ELLIPSIS_DANGLING_WORDS)
    return head + "…"


def same_length_lower(text: str) -> str:
    """The text in lower case, offset for offset (a few letters lengthen when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(character.lower()[0] for character in text)


def without_dangling_words(text: str, dangling: frozenset[str]) -> str:
    """The text without trailing words that cannot end a phrase."""
    text = text.rstrip(" ,;:")
    if text[text.rfind(" ") + 1 :] not in dangling:
        return text
    words = text.split(" ")
    while len(words) > 1 and words[-1] in dangling:
        words.pop()
    return " ".join(words).rstrip(" ,;:")
