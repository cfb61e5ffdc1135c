"""Python string offsets <-> QTextDocument positions.

Stored offsets count code points; Qt counts UTF-16 units, so every character outside the
Basic Multilingual Plane (emoji, some scripts) shifts Qt's positions by one.
"""

from __future__ import annotations


def to_qt_position(text: str, offset: int) -> int:
    prefix = text[:offset]
    return offset + sum(1 for character in prefix if ord(character) > 0xFFFF)


def from_qt_position(text: str, position: int) -> int:
    units = 0
    for offset, character in enumerate(text):
        if units >= position:
            return offset
        units += 2 if ord(character) > 0xFFFF else 1
    return len(text)
