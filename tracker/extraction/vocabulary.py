"""The vocabularies shipped in resources/vocabularies, loaded once and compiled into matchers.

The word lists are data (weapons, parties, number words, units, abbreviations) so that an
analyst can extend them without touching code; this module only turns them into regular
expressions and lookup tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from tracker.assets import resource


def fold(text: str) -> str:
    """Lower case with every offset kept, for case-insensitive matching without re.IGNORECASE.

    Patterns written in lower case and run on folded text are several times faster than
    re.IGNORECASE; the rare characters whose lower case is longer ("İ") are left as they are
    so that a match's offsets are also offsets into the original text.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def load_vocabulary(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("vocabularies", name).read_text(encoding="utf-8"))
    return data


def build_trie(alternatives: list[list[str]]) -> dict[str, dict]:
    trie: dict[str, dict] = {}
    for tokens in alternatives:
        node = trie
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}
    return trie


def trie_alternation(alternatives: list[list[str]]) -> str:
    """A regex matching any of the given token sequences, factored as a trie.

    Python's regex engine tries alternatives one by one; sharing common prefixes keeps the
    cost of a vocabulary of hundreds of phrases close to that of a single word.
    """
    return trie_regex(build_trie(alternatives))


def trie_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [
        token + trie_regex(child) if child else token
        for token, child in sorted(node.items(), key=lambda item: item[0], reverse=True)
        if token != ""
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


GAP = re.compile(r"([\s-]+)")


def phrase_tokens(phrase: str) -> list[str]:
    """A phrase as regex pieces: one per character, spaces and hyphens as a flexible gap."""
    tokens: list[str] = []
    for number, piece in enumerate(GAP.split(phrase)):
        if not piece:
            continue
        if number % 2:
            tokens.append(r"[\s-]+")
        else:
            tokens.extend(re.escape(char) for char in piece)
    return tokens


def phrase_pattern(phrases: list[str], flags: int = 0, *, hyphen_bounds: bool = True) -> re.Pattern[str]:
    """One whole-word matcher for all phrases; the longest phrase at a position wins.

    Spaces and hyphens inside a phrase match any run of spaces or a hyphen, so that
    "anti-tank" also finds "anti tank" and a phrase broken over a line still matches. With
    ``hyphen_bounds`` a hyphen also ends a word ("tank" is not found in "anti-tank"); without it,
    the parts of a compound are found ("Russian" and "Turkish" in "Russian-Turkish").
    """
    alternatives = [phrase_tokens(phrase) for phrase in sorted(set(phrases))]
    edge = word_edge(hyphen_bounds)
    if (
        alternatives
        and not flags & re.IGNORECASE
        and all(opens_with_capital(tokens) for tokens in alternatives)
    ):
        return re.compile(capitals_first_regex(build_trie(alternatives), edge) + f"(?!{edge})", flags)
    return re.compile(f"(?<!{edge}){phrases_then_word_end(alternatives, edge)}", flags)


def word_edge(hyphen_bounds: bool) -> str:
    return r"[\w-]" if hyphen_bounds else r"\w"


def phrases_then_word_end(alternatives: list[list[str]], edge: str) -> str:
    # Longest first: the trie tries longer continuations before stopping, and the lookahead
    # rejects a shorter phrase that would end inside a word.
    body = trie_regex(build_trie(alternatives)) or r"(?!x)x"
    return f"(?:{body})(?!{edge})"


def opens_with_capital(tokens: list[str]) -> bool:
    return len(tokens[0]) == 1 and tokens[0].isupper()


def capitals_first_regex(trie: dict[str, dict], edge: str) -> str:
    """The trie as a regex that opens on its first letters and checks the word start after them.

    Names written with a capital ("Grad", "UN") are rare in running text: a pattern that opens
    on a set of capitals lets the regex engine jump from one capital to the next, four times
    faster than testing the word start at every position. The lookbehind, two characters wide,
    looks at the character before the capital just read.
    """
    branches = [
        f"{first}(?<!{edge}[\\s\\S]){trie_regex(rest)}"
        for first, rest in sorted(trie.items(), key=lambda item: item[0], reverse=True)
    ]
    return "(?:" + "|".join(branches) + ")"


WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class WordStartPattern:
    """A pattern that matches only where a word starts, with a faster scan of ASCII text.

    ``source`` is the pattern as written, opening with a lookbehind that rejects a position
    inside a word: the regex engine enters it at every position of the text. In ASCII text a
    word starts right after one of the few characters that cannot be part of a word, or at the
    beginning, so ``after_boundary`` opens on a class of those characters instead, which the
    engine skips to with a table look-up, twice as fast, and a space put before the text stands
    for its beginning. The first match is the same either way; so are all matches when none can
    start where the one before it ends (every match starts with a word character, and no word
    character follows a match).
    """

    source: str
    # None when matches may open on a punctuation mark: then the source is used on any text.
    after_boundary: re.Pattern[str] | None

    @cached_property
    def anywhere(self) -> re.Pattern[str]:
        # Compiled only for a text that needs it: most texts are ASCII.
        return re.compile(self.source)

    def matches(self, text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
        """(start, end, match) of each match, leftmost first, without overlaps."""
        if self.after_boundary is None or not text.isascii():
            for match in self.anywhere.finditer(text):
                yield match.start(), match.end(), match
            return
        for match in self.after_boundary.finditer(" " + text):
            # In the padded text the match opens on the character before the word.
            yield match.start(), match.end() - 1, match

    def first(self, text: str) -> re.Match[str] | None:
        return next((match for _, _, match in self.matches(text)), None)

    def findall(self, text: str) -> list[str]:
        """What re.findall gives for a pattern with one group: that group of every match."""
        if self.after_boundary is None or not text.isascii():
            return self.anywhere.findall(text)
        return self.after_boundary.findall(" " + text)


def word_start_pattern(source: str, body: str, edge: str) -> WordStartPattern:
    """``source`` is ``(?<!edge)`` then ``body``, or a pattern matching exactly where that does."""
    boundary = "".join(re.escape(char) for char in map(chr, range(128)) if not re.match(edge, char))
    return WordStartPattern(source, re.compile(f"[{boundary}]{body}"))


@dataclass(frozen=True)
class TermTable:
    """Phrases mapped to canonical values, with one compiled matcher per case sensitivity."""

    folded: dict[str, str]
    exact: dict[str, str]
    folded_pattern: WordStartPattern
    exact_pattern: re.Pattern[str]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical value) of every non-overlapping match, in text order."""
        hits = [
            (match.start(), match.end(), self.exact_value(match.group()))
            for match in (self.exact_pattern.finditer(text) if self.exact else ())
        ]
        taken = hits[:]
        folded = fold(text)
        for start, end, _ in self.folded_pattern.matches(folded):
            if taken and any(s < end and start < e for s, e, _ in taken):
                continue
            hits.append((start, end, self.folded_value(folded[start:end])))
        if taken:
            hits.sort()
        return hits

    # A phrase found as written is usually a key already; only spelling variants of its gaps
    # ("anti-tank", "anti  tank") need normalising.
    def exact_value(self, phrase: str) -> str:
        value = self.exact.get(phrase)
        return value if value is not None else self.exact[normalise_phrase(phrase)]

    def folded_value(self, phrase: str) -> str:
        value = self.folded.get(phrase)
        return value if value is not None else self.folded[normalise_phrase(phrase)]


def normalise_phrase(phrase: str) -> str:
    return GAP.sub(" ", phrase)


def term_table(folded: dict[str, str], exact: dict[str, str], *, hyphen_bounds: bool = True) -> TermTable:
    folded_keys = {normalise_phrase(k).lower(): v for k, v in folded.items()}
    exact_keys = {normalise_phrase(k): v for k, v in exact.items()}
    return TermTable(
        folded=folded_keys,
        exact=exact_keys,
        folded_pattern=word_start_phrases([phrase.lower() for phrase in folded], hyphen_bounds=hyphen_bounds),
        exact_pattern=phrase_pattern(list(exact), hyphen_bounds=hyphen_bounds),
    )


def word_start_phrases(phrases: list[str], *, hyphen_bounds: bool) -> WordStartPattern:
    """What phrase_pattern matches for phrases in lower case, as a WordStartPattern."""
    edge = word_edge(hyphen_bounds)
    body = phrases_then_word_end([phrase_tokens(phrase) for phrase in sorted(set(phrases))], edge)
    if not all(WORD_CHARACTER.match(phrase) for phrase in phrases):
        # A phrase opening on a punctuation mark could start where another ends.
        return WordStartPattern(f"(?<!{edge}){body}", None)
    return word_start_pattern(f"(?<!{edge}){body}", body, edge)


@cache
def weapon_terms() -> TermTable:
    data = load_vocabulary("weapons.json")
    folded = {phrase: weapon for weapon, phrases in data["phrases"].items() for phrase in phrases}
    exact = {name: weapon for weapon, names in data["named_systems"].items() for name in names}
    return term_table(folded, exact)


@cache
def non_weapon_terms() -> TermTable:
    """Phrases that contain a weapon word but name no weapon ("civilian aircraft", "fuel tanks")."""
    phrases = load_vocabulary("weapons.json").get("not_weapons", [])
    return term_table({phrase: "none" for phrase in phrases}, {})


@cache
def calibre_weapon() -> str:
    return str(load_vocabulary("weapons.json")["calibre_weapon"])


@cache
def party_terms() -> TermTable:
    data = load_vocabulary("parties.json")["parties"]
    folded = {name: party for party, entry in data.items() for name in entry.get("names", [])}
    exact = {name: party for party, entry in data.items() for name in entry.get("exact", [])}
    return term_table(folded, exact, hyphen_bounds=False)


@cache
def number_words() -> dict[str, float | None]:
    data = load_vocabulary("numbers.json")
    return {k: (None if v is None else float(v)) for k, v in data["cardinals"].items()}


@cache
def compound_number_parts() -> tuple[dict[str, int], dict[str, int]]:
    data = load_vocabulary("numbers.json")
    return dict(data["tens"]), dict(data["units"])


@cache
def ordinal_words() -> dict[str, int]:
    return {k: int(v) for k, v in load_vocabulary("numbers.json")["ordinals"].items()}


def ordinal_pattern() -> str:
    """A regex alternative matching an ordinal ("fifth", "21st")."""
    words = sorted(ordinal_words(), key=len, reverse=True)
    return rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(words)})"


def parse_ordinal(token: str) -> int | None:
    cleaned = token.strip().lower()
    digits = re.match(r"\d+", cleaned)
    if digits:
        return int(digits.group())
    return ordinal_words().get(cleaned)


@cache
def length_units() -> dict[str, float]:
    return {k: float(v) for k, v in load_vocabulary("units.json")["length_km"].items()}


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(load_vocabulary("abbreviations.json")["abbreviations"])


def number_word_pattern() -> str:
    """A regex alternative matching a number written in words ("fifteen", "twenty-five")."""
    tens, units = compound_number_parts()
    words = [w for w, v in number_words().items() if v is not None and w not in ("a", "an")]
    compound = rf"(?:{'|'.join(tens)})[\s-](?:{'|'.join(units)})"
    simple = "|".join(sorted(words, key=len, reverse=True))
    return rf"(?:{compound}|{simple})"


def parse_number(token: str) -> float | None:
    """The value of a number in digits ("1,500", "2.5") or in words ("twenty-five")."""
    cleaned = token.strip().lower().replace("\u00a0", " ")
    digits = cleaned.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    words = number_words()
    if cleaned in words:
        return words[cleaned]
    tens, units = compound_number_parts()
    parts = re.split(r"[\s-]+", cleaned)
    if len(parts) == 2 and parts[0] in tens and parts[1] in units:
        return float(tens[parts[0]] + units[parts[1]])
    return None
