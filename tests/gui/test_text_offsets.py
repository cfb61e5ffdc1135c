"""Offsets into the stored text map onto Qt's positions, also past characters outside the BMP."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from tracker.gui.text_offsets import from_qt_position, to_qt_position

TEXT = "Truce 🕊 signed.\nArticle 2: withdraw 𝟙𝟘 km by Friday.\n"


def test_offsets_and_qt_positions_select_the_same_text() -> None:
    document = QTextDocument(TEXT)
    start = TEXT.index("withdraw")
    end = TEXT.index(" by")
    cursor = QTextCursor(document)
    cursor.setPosition(to_qt_position(TEXT, start))
    cursor.setPosition(to_qt_position(TEXT, end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == TEXT[start:end]
    assert from_qt_position(TEXT, cursor.selectionStart()) == start
    assert from_qt_position(TEXT, cursor.selectionEnd()) == end


def test_plain_text_offsets_are_unchanged() -> None:
    assert to_qt_position("abc\ndef", 5) == 5
    assert from_qt_position("abc\ndef", 5) == 5
