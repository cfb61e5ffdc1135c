"""Python string offsets <-> QTextDocument positions.

Stored offsets count code points; Qt counts UTF-16 units, so every character outside the
Basic Multilingual Plane (emoji, some scripts) shifts Qt's positions by one. Both directions
go through the UTF-16 encoding, which runs at C speed on long agreements.
"""

from __future__ import annotations

_UTF16 = "utf-16-le"


def to_qt_position(text: str, offset: int) -> int:
    return len(text[:offset].encode(_UTF16, "surrogatepass")) // 2


def from_qt_position(text: str, position: int) -> int:
    units = text.encode(_UTF16, "surrogatepass")[: 2 * position]
    # A position never falls inside a surrogate pair; "ignore" only guards a malformed one.
    return len(units.decode(_UTF16, "ignore"))
