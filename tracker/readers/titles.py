"""Choosing a short, readable title from a document's first lines."""

from __future__ import annotations

import re

MAX_TITLE_CHARS = 200
# A line needs this many letters to name a document: "1.", "***" or "----" do not.
_MIN_TITLE_LETTERS = 3
# Titles come from the start of a document; looking further only costs time on large files.
_TITLE_SEARCH_CHARS = 64 * 1024
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MARKDOWN_RULE = re.compile(r"^\s{0,3}([-=*_])(\s*\1){2,}\s*$")


def clean_title(raw: str) -> str | None:
    """One line of at most MAX_TITLE_CHARS characters, or None when nothing meaningful is left."""
    title = " ".join(raw.split())
    if sum(char.isalpha() for char in title) < _MIN_TITLE_LETTERS:
        return None
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title.rfind(" ", 0, MAX_TITLE_CHARS)
    return title[: cut if cut > MAX_TITLE_CHARS // 2 else MAX_TITLE_CHARS].rstrip(" ,;:") + "…"


def first_line_title(text: str, *, markdown: bool = False, max_lines: int = 50) -> str | None:
    """The first meaningful line among the first ``max_lines`` non-blank ones."""
    seen = 0
    for line in text[:_TITLE_SEARCH_CHARS].split("\n"):
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            break
        if markdown:
            if _MARKDOWN_RULE.match(line):
                continue
            heading = _MARKDOWN_HEADING.match(line)
            if heading:
                line = heading.group(1)
        title = clean_title(line)
        if title:
            return title
    return None
