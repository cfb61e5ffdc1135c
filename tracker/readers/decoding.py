"""Bytes -> str for text and HTML files: byte-order marks, UTF-8, then detection.

UTF-8 is tried first and on the whole file because it is by far the most common and a strict
decode is fast. Anything else goes to charset-normalizer, on a bounded sample so that a large
file costs the same to detect as a small one.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from tracker.errors import DocumentError

# Enough text to tell the common encodings apart; detecting on more only costs time.
DETECTION_SAMPLE_BYTES = 64 * 1024

# Longest byte-order marks first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of files that are often renamed or saved by mistake with a text extension.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (use the .pdf extension)"),
    (b"PK\x03\x04", "a ZIP archive or an Office document such as .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document (save it as .docx or .txt)"),
    (b"\x7fELF", "a program"),
)

# Encodings that documents are actually written in; limiting detection to them keeps
# charset-normalizer from choosing an exotic code page that happens to fit a short text.
_CANDIDATE_ENCODINGS = [
    "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "mac_roman", "latin_1",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
]

_WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]

# When several single-byte code pages decode a sample about equally well, these win in this
# order: for short Western European texts charset-normalizer often ranks a Baltic or Central
# European code page first although the Windows Western one is far more likely.
_PREFERRED_ENCODINGS = ("cp1252", "cp1251", "cp1250", "cp1256", "koi8_r", "cp866")
_CHAOS_MARGIN = 0.1

# A file is read as UTF-8 with some bad bytes when its valid non-ASCII characters outnumber
# its invalid sequences this many times: legacy 8-bit text has almost no valid sequences.
_MIN_VALID_PER_BAD_SEQUENCE = 4
_ASCII_BYTES = bytes(range(128))

# Share of control characters above which a decoded "text" is really binary data; binary data
# has them throughout, so the start of the text is enough to look at.
_MAX_CONTROL_SHARE = 0.01
_CONTROL_CHECK_CHARS = 64 * 1024
_BINARY_CONTROLS = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f]")


def binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes say it is not text, else None."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def decode_text(data: bytes, name: str) -> str:
    """The text of a text file in whatever common encoding it is written in."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: damaged text: not valid {encoding.upper()} despite its "
                                    f"byte-order mark (byte {exc.start}).") from None
    kind = binary_kind(data)
    if kind is not None:
        raise DocumentError(f"{name}: this is {kind}, not text.")
    if b"\x00" in data[:DETECTION_SAMPLE_BYTES]:
        # NUL bytes are either binary data or UTF-16/32 saved without a byte-order mark.
        # The sample length is a multiple of 4, so it splits no UTF-16 or UTF-32 character.
        head = data[:DETECTION_SAMPLE_BYTES]
        wide = charset_normalizer.from_bytes(head, cp_isolation=_WIDE_ENCODINGS).best()
        if wide is not None:
            try:
                return _plausible_text(data.decode(wide.encoding), name)
            except UnicodeDecodeError:
                pass
    try:
        return _plausible_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    damaged_utf8 = _mostly_utf8(data)
    if damaged_utf8 is not None:
        return _plausible_text(damaged_utf8, name)
    for encoding in _detected_encodings(data):
        try:
            return _plausible_text(data.decode(encoding), name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise DocumentError(f"{name}: not text in any encoding this app recognises (a binary file?).")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few bad bytes (a cut-off download, one pasted Latin-1 letter), the bad
    ones shown as U+FFFD; None when the non-ASCII bytes are not mostly valid UTF-8."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    ascii_bytes = len(data) - len(data.translate(None, _ASCII_BYTES))
    valid_non_ascii = len(text) - ascii_bytes - replaced
    if valid_non_ascii >= _MIN_VALID_PER_BAD_SEQUENCE * replaced:
        return text
    return None


def _detected_encodings(data: bytes) -> list[str]:
    """Encodings to try, most likely first, judged on a sample of the data."""
    sample = _sample(data)
    matches = charset_normalizer.from_bytes(sample, cp_isolation=_CANDIDATE_ENCODINGS)
    if not matches:
        matches = charset_normalizer.from_bytes(sample)
    if not matches:
        return []
    lowest_chaos = min(match.chaos for match in matches)
    close = [match for match in matches if match.chaos <= lowest_chaos + _CHAOS_MARGIN]
    preferred = [
        encoding
        for encoding in _PREFERRED_ENCODINGS
        if any(encoding in match.could_be_from_charset for match in close)
    ]
    return preferred + [match.encoding for match in matches]


def _sample(data: bytes) -> bytes:
    if len(data) <= DETECTION_SAMPLE_BYTES:
        return data
    head = data[:DETECTION_SAMPLE_BYTES]
    # Cut after a newline: in every multi-byte encoding detected without a byte-order mark,
    # 0x0A is never part of a longer character, so no character is split.
    cut = head.rfind(b"\n")
    return head[: cut + 1] if cut > 0 else head


def _plausible_text(text: str, name: str) -> str:
    """The text itself, unless it is full of control characters as binary data decoded is."""
    if "\x00" in text:
        raise DocumentError(f"{name}: contains NUL bytes; this is a binary file, not text.")
    head = text[:_CONTROL_CHECK_CHARS]
    controls = len(_BINARY_CONTROLS.findall(head))
    if controls > max(2, len(head) * _MAX_CONTROL_SHARE):
        raise DocumentError(f"{name}: contains control bytes throughout; this is a binary file, not text.")
    return text
