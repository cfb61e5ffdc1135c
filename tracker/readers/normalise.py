"""The one normal form of every agreement text: offsets the app stores point into it.

Because stored offsets depend on it, the normal form is deterministic and idempotent, and it
changes nothing but line breaks, control characters, Unicode composition and trailing spaces.
"""

from __future__ import annotations

import re
import unicodedata

# Besides "\r", every other character that str.splitlines() treats as a line break becomes
# "\n" too, so that splitting on "\n" and splitlines() agree on the lines of a stored text.
_RARE_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

# C0 and C1 controls except tab and newline, plus DEL and the byte-order mark, which is
# invisible and only ever an artefact of decoding or copying.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")
_RARE_LINE_BREAK_OR_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def normalise_text(raw: str) -> str:
    """Newlines to "\\n", control characters removed, NFC, no trailing spaces on any line."""
    # Plain str methods first: on a 10 MB text they are several times faster than regexes.
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # Most texts have none of these characters; one scan to find out saves a second one.
    if _RARE_LINE_BREAK_OR_CONTROL.search(text):
        text = _RARE_LINE_BREAKS.sub("\n", text)
        text = _CONTROLS.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))
