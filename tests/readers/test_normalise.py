"""The normal form that every stored offset refers to."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tracker.readers import normalise_text, read_document


def test_windows_and_old_mac_newlines_become_unix_newlines() -> None:
    assert normalise_text("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


def test_control_characters_go_but_tabs_and_newlines_stay() -> None:
    assert normalise_text("a\x00b\x07c\td\x1be\x7ff\x9fg\n") == "abc\tdefg\n"


def test_every_line_separator_splitlines_knows_becomes_a_newline() -> None:
    text = normalise_text("a\x0bb\x0cc\x1cd\x85e\u2028f\u2029g")
    assert text == "a\nb\nc\nd\ne\nf\ng"
    assert text.splitlines() == text.split("\n")


def test_text_is_composed_to_nfc() -> None:
    assert normalise_text("Cafe\u0301 and Ukrai\u0308na") == "Café and Ukraïna"


def test_trailing_spaces_are_trimmed_on_every_line_but_leading_ones_kept() -> None:
    assert normalise_text("  1. Withdraw.  \t\n\u00a0\n2. Patrol. ") == "  1. Withdraw.\n\n2. Patrol."


def test_a_stray_byte_order_mark_is_removed() -> None:
    assert normalise_text("\ufeffAgreement") == "Agreement"


def test_nothing_else_is_rewritten() -> None:
    text = "«Ceasefire» — 15–20 km, ﬁrst “zone”;\tdone…"
    assert normalise_text(text) == text


@given(st.text())
def test_normalising_twice_changes_nothing(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once


_TRICKY_PIECES = ["a", "\u00e9", "e\u0301", " ", "\u00a0", "\t", "\r", "\n", "\r\n", "\x00", "\u2028", "\x85"]


@given(st.lists(st.sampled_from(_TRICKY_PIECES)).map("".join))
def test_normal_form_has_no_carriage_returns_controls_or_trailing_spaces(raw: str) -> None:
    text = normalise_text(raw)
    assert "\r" not in text and "\x00" not in text and "\u2028" not in text
    assert all(line == line.rstrip() for line in text.split("\n"))


def test_offsets_are_the_same_whichever_newlines_the_file_used(tmp_path: Path) -> None:
    lines = ["Memorandum", "", "1. The parties shall withdraw tanks by 10 October.  ", "2. Patrols begin."]
    unix = tmp_path / "unix.txt"
    windows = tmp_path / "windows.txt"
    unix.write_bytes("\n".join(lines).encode())
    windows.write_bytes("\r\n".join(lines).encode())
    unix_text = read_document(unix).text
    windows_text = read_document(windows).text
    assert unix_text == windows_text
    start = windows_text.index("2. Patrols")
    assert windows_text[start : start + len("2. Patrols begin.")] == "2. Patrols begin."
    assert normalise_text(windows_text) == windows_text


def test_pasted_text_gets_the_same_form_as_the_file(tmp_path: Path) -> None:
    raw = "Agreement\r\n1. Cease fire at 00:01.\t \r\n"
    path = tmp_path / "agreement.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert read_document(path).text == normalise_text(raw)
