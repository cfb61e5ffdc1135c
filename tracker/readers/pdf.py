"""PDF files: the text layer, page by page, with line-break hyphenation undone where safe."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pypdf
import pypdf.errors

from tracker.errors import DocumentError
from tracker.readers.document import ReadText
from tracker.readers.titles import first_line_title

# pypdf reports recoverable damage through logging; the reader either copes or raises, so
# those records would only clutter a command's output.
_PYPDF_LOGGER = logging.getLogger("pypdf")

# Typographic ligatures are how a PDF draws letters, not letters of their own: "ﬁfteen" must
# read as "fifteen" for anything to find it.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"})

# A word broken at the end of a line: letters, a hyphen (or soft hyphen), newline, letters.
_BROKEN_WORD = re.compile(r"([^\W\d_]+)([-\u00ad\u2010])\n[ \t]*([^\W\d_]+)")
# Prefixes that keep their hyphen ("de-escalation", "non-aggression", "self-defence"): a break
# right after one is taken to be a real hyphen unless the document says otherwise.
_HYPHENATED_PREFIXES = frozenset({
    "anti", "co", "counter", "cross", "de", "ex", "inter", "intra", "multi", "non", "post",
    "pre", "pro", "re", "self", "semi", "sub", "trans", "un",
})


def read_pdf(data: bytes, name: str) -> ReadText:
    # The PDF standard lets the header sit anywhere in the first kilobyte.
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(f"{name}: not a PDF file (it does not start with a PDF header).")
    with _quiet_pypdf():
        pages = list(_page_texts(data, name))
    if not any(page.strip() for page in pages):
        raise DocumentError(
            f"{name}: the PDF has no text layer; it is probably scanned (or blank) and needs OCR first."
        )
    text = dehyphenate("\n\n".join(page.strip("\n") for page in pages if page.strip()))
    return ReadText(text, first_line_title(text))


def _page_texts(data: bytes, name: str) -> Iterator[str]:
    # pypdf raises many kinds of exception on damaged files (its own, but also ValueError,
    # KeyError, TypeError, zlib errors ...); any of them means the same thing to the user.
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(_password_protected(name))
        for page in reader.pages:
            yield (page.extract_text() or "").translate(_LIGATURES)
    except DocumentError:
        raise
    except pypdf.errors.FileNotDecryptedError:
        raise DocumentError(_password_protected(name)) from None
    except pypdf.errors.DependencyError:
        raise DocumentError(f"{name}: the PDF uses encryption this app cannot open.") from None
    except Exception as exc:
        raise DocumentError(f"{name}: the PDF is damaged and cannot be read ({_reason(exc)}).") from None


def dehyphenate(text: str) -> str:
    """Joins words that a line break hyphenated, keeping hyphens that belong to the word.

    A soft hyphen always joins. A plain hyphen joins when both halves are lower case and the
    document does not elsewhere spell the pair with a hyphen, nor the first half is a prefix
    that usually keeps one, unless the document spells the joined word elsewhere.
    """
    words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.replace("-\n", " ")))

    def join(match: re.Match[str]) -> str:
        left, hyphen, right = match.group(1), match.group(2), match.group(3)
        joined = left + right
        if hyphen == "\u00ad":
            return joined
        if not (left[-1].islower() and right[0].islower()):
            return match.group(0)
        if joined in words:
            return joined
        if f"{left}-{right}" in words or left.lower() in _HYPHENATED_PREFIXES:
            return match.group(0)
        return joined

    return _BROKEN_WORD.sub(join, text)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    level = _PYPDF_LOGGER.level
    _PYPDF_LOGGER.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        _PYPDF_LOGGER.setLevel(level)


def _password_protected(name: str) -> str:
    return f"{name}: the PDF is password-protected; remove the password and retry."


def _reason(exc: Exception) -> str:
    detail = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {detail[:120]}" if detail else type(exc).__name__
