"""Which sentences are operative: what a party shall do or refrain from, or an arrangement set.

Recitals ("Recalling ...", "Reaffirming ..."), headings, datelines, background and commentary
are not. In a news report, a sentence is operative when it says what the agreement sets
("under the memorandum", "agreed to", "will be released by"), and a quote is commentary
when its speaker talks in the first person ("We will closely watch ..."), unless the words
quoted are the document's own.
"""

from __future__ import annotations

import re
from itertools import islice

from tracker.extraction.vocabulary import fold

OBLIGATION = re.compile(
    r"\b(?:shall|will|would|should|must|is\s+to|are\s+to|was\s+to|were\s+to|agree[sd]?\s+(?:to|on|upon|that|with)"
    r"|ha(?:ve|s)\s+agreed|undert(?:ake|akes|ook)\s+to|commit(?:s|ted)?\s+(?:to|themselves)|pledge[sd]?\s+to"
    r"|promise[sd]?\s+to|vow(?:s|ed)?\s+to|(?:is|are|be)\s+(?:prohibited|forbidden|banned|outlawed|not\s+allowed"
    r"|not\s+permitted|closed)|prohibit(?:s|ed)?|expected\s+to|(?:is|are|was|were|it\s+was)\s+planned"
    r"|planned\s+to|scheduled\s+to|due\s+to\s+(?:be|start|begin|end|take)|provides?\s+for|stipulates?"
    r"|envisages?|calls?\s+for|requires?|obliges?|obligat\w+|bound\s+to|may\s+not|cannot|refrain\w*"
    r"|may\s+not|may\s+only|(?:^|[.;:]\s)no\s[^.]{0,80}?\bmay\b"
    r"|(?:signed|reached|struck|sealed|clinched)\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,2}?(?:deals?|agreements?"
    r"|accords?|memorand\w+|protocols?)\s+(?:\w+\s+){0,3}?to\s+[a-z]+"
    r"|to\s+be\s+considered|(?:is|are)\s+considered|(?:is|are)\s+(?:hereby\s+)?(?:established|created|set\s+up"
    r"|declared|designated)|was\s+concluded\s+for|were\s+to\s+be|is\s+to\s+be|are\s+to\s+be"
    r"|may\s+be\s+(?:extended|prolonged|renewed)|(?:was|were|been)\s+(?:also\s+)?(?:instructed|ordered|directed)\s+to"
    r"|(?:is|are)\s+(?:invited|called\s+upon|urged|asked|authori[sz]ed|instructed)\s+to"
    r")\b"
)
# Rarer operative wording, each tried only where its key word occurs: "is hereby ended", "is
# requested to amend", "the Parties request", "an agreement ... has been reached".
KEYED_OBLIGATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hereby", re.compile(r"\bhereby\b")),
    (
        "request",
        re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?requested\s+to\b|\b(?:parties|sides)\s+(?:\w+\s+)?request"),
    ),
    (
        "reached",
        re.compile(
            r"\b(?:agreement|deal|accord|understanding|truce|ceasefire|cease-fire)\b[^.;]{0,160}?"
            r"\b(?:has\s+been|have\s+been|was|were)\s+reached\b|\b(?:agreement|deal|accord|understanding)\s+reached\s+on\b"
        ),
    ),
)
REPORTED_TERMS = re.compile(
    r"\b(?:under|according\s+to|in\s+line\s+with|in\s+accordance\s+with|as\s+per)\s+(?:the|a|this)\s+"
    r"(?:\w+\s+){0,2}(?:memorandum|agreement|deal|accord|document|protocol|plan|arrangement|terms|text"
    r"|treaty|deal|roadmap|road\s+map|ceasefire|truce)\b"
)
RECITAL_START = re.compile(
    r"^[\"“(]?(?:Recalling|Reaffirming|Noting|Welcoming|Considering|Guided|Acknowledging|Emphasi[sz]ing"
    r"|Recogni[sz]ing|Taking\s+into|Desiring|Determined|Convinced|Expressing|Mindful|Bearing\s+in\s+mind"
    r"|Whereas|Having|Affirming|Reiterating|Stressing|Underlining|Underscoring|Condemning|Deeply|Concerned"
    r"|Aware|Seeking|Respecting|Confirming|Inspired|Striving|Proceeding\s+from|Believing|Conscious"
    r"|Commending|Appreciating|Deploring|Regretting|Highlighting|Encouraged|Alarmed|Wishing|Resolved)\b"
)
QUOTE = re.compile(r"[\"“]([^\"”]{3,})[\"”]")
FIRST_PERSON = re.compile(r"\b(?:we|our|us|I|my|me)\b", re.IGNORECASE)
DOCUMENT_SPEAKS = re.compile(
    r"\b(?:memorandum|agreement|deal|accord|document|protocol|text|statement|declaration|treaty|it)\s+"
    r"(?:\w+\s+){0,6}?(?:says|said|reads|read|states|stated|stipulates|added|adds|provides|notes)\b",
    re.IGNORECASE,
)
TERMS_VERB = re.compile(
    r"(?:^|[.;:,]\s+)it\s+(?:also\s+)?(?:provides|calls|envisages|stipulates|requires|includes|sets\s+out|foresees)\b"
    r"|\b(?:memorandum|agreement|deal|accord|document|protocol|plan|arrangement|text|treaty|roadmap|truce"
    r"|ceasefire|cease-fire|statement|declaration)\s+(?:also\s+|further\s+)?(?:includes?|envisions?|foresees?"
    r"|outlines?|sets?\s+out|sets?\s+up|establishe[sd]|provides?|stipulates?|calls?|requires?|obliges?"
    r"|commits?|allows?|bans?|prohibits?|envisages?|specifies|specified|includ\w*)\b"
)
WORD = re.compile(r"[A-Za-z]{2,}")
LEAD_IN_WORDS = 8
BACKGROUND_START = re.compile(
    r"^(?:Asked|Earlier|Previously|Last\s+(?:week|month|year)|In\s+(?:the\s+past|recent)|Since|Meanwhile)\b"
)


# The formula that closes an agreement's preamble: what comes before it is not operative.
PREAMBLE_CLOSE = re.compile(
    r"\b(?:agree[sd]?|decided?|decides)\s+as\s+follows\b"
    r"|\b(?:(?:have|has)\s+|(?:parties|sides)\s+(?:\w+\s+){0,3}?)agreed\s+(?:up)?on\s+the\s+following\b",
    re.IGNORECASE,
)
# A news report relays the formula ("the ministry said ... the parties agreed on the following");
# its lead is not a preamble.
REPORTING = re.compile(r"\b(?:said|says|told|reported|announced|stated)\b")
# A point numbered as an article, section or chapter whose words name its subject.
HEADING_MARKER = re.compile(r"\s*(?:Article|ARTICLE|Art\.|Section|SECTION|Chapter|CHAPTER|Part|PART)\b")
HEADING_WORDS = 12


def preamble_end(text: str) -> int:
    """Where the operative part of an agreement begins: after "have agreed as follows", when
    the text has that formula in its first half and reports nobody's words before it; 0
    otherwise."""
    close = PREAMBLE_CLOSE.search(text, 0, len(text) // 2 + 1)
    if close is None or REPORTING.search(text, 0, close.start()):
        return 0
    return close.end()


def is_heading_point(sentence: str, marker: str) -> bool:
    """ "Article 1: Modalities of the ceasefire" names what the article covers; it sets nothing."""
    stripped = sentence.rstrip()
    return (
        HEADING_MARKER.match(marker) is not None
        and not stripped.endswith((".", ";", ":"))
        and not has_words(stripped, HEADING_WORDS + 1)
        and OBLIGATION.search(fold(stripped)) is None
    )


def is_recital(sentence: str) -> bool:
    return bool(RECITAL_START.match(sentence.lstrip()))


def has_words(sentence: str, count: int) -> bool:
    return next(islice(WORD.finditer(sentence), count - 1, None), None) is not None


def introduces_a_list(sentence: str) -> bool:
    """ "Have agreed as follows:" introduces the provisions and sets nothing itself; a longer
    lead-in ("The United States ... will take the following measures within 135 days:", "the
    parties shall request ECOWAS to revise the mandate of ECOMOG as follows:") does."""
    closes = "follow" in sentence.lower() and PREAMBLE_CLOSE.search(sentence) is not None
    return closes or (sentence.endswith(":") and not has_words(sentence, LEAD_IN_WORDS))


def is_first_person_commentary(sentence: str) -> bool:
    quotes = QUOTE.findall(sentence)
    if not quotes:
        return False
    if not any(FIRST_PERSON.search(quote) for quote in quotes):
        return False
    outside = QUOTE.sub(" ", sentence)
    return not DOCUMENT_SPEAKS.search(outside)


def operative_cue(sentence: str, numbered: bool) -> bool | None:
    """True or False when the words decide whether a sentence sets something; None when only a
    time limit in it would make it operative (the caller then looks for one)."""
    stripped = sentence.strip()
    if not has_words(stripped, 3):
        return False
    if is_recital(stripped) or BACKGROUND_START.match(stripped) or introduces_a_list(stripped):
        return False
    if ('"' in stripped or "“" in stripped) and is_first_person_commentary(stripped):
        return False
    if numbered:
        return True
    folded = fold(stripped)
    if OBLIGATION.search(folded) or REPORTED_TERMS.search(folded) or TERMS_VERB.search(folded):
        return True
    if any(key in folded and pattern.search(folded) for key, pattern in KEYED_OBLIGATIONS):
        return True
    return None
