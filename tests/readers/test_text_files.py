"""Plain text and Markdown in every common encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tracker.readers import read_bytes, read_document

RUSSIAN = "Меморандум\n\nСтороны обязуются отвести тяжёлые вооружения на 15 км от линии соприкосновения.\n"
FRENCH = "Mémorandum\n\nLes parties s'engagent à retirer les armes lourdes; déjà évoqué à Genève.\n"
ENGLISH_QUOTES = "Memorandum\n\nThe parties agreed on a “ceasefire” – from 00:01; the zone’s width: 15 km.\n"


@pytest.mark.parametrize(
    ("content", "raw"),
    [
        (FRENCH, FRENCH.encode("utf-8")),
        (FRENCH, codecs.BOM_UTF8 + FRENCH.encode("utf-8")),
        (RUSSIAN, RUSSIAN.encode("utf-16")),
        (RUSSIAN, codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be")),
        (RUSSIAN, RUSSIAN.encode("utf-32")),
        (RUSSIAN, RUSSIAN.encode("utf-16-le")),
        (FRENCH, FRENCH.encode("utf-16-be")),
        (RUSSIAN, RUSSIAN.encode("cp1251")),
        (RUSSIAN, RUSSIAN.encode("koi8-r")),
        (FRENCH, FRENCH.encode("cp1252")),
        (FRENCH, FRENCH.encode("latin-1")),
        (ENGLISH_QUOTES, ENGLISH_QUOTES.encode("cp1252")),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom", "utf-16-le", "utf-16-be",
         "cp1251", "koi8-r",
         "cp1252", "latin-1", "cp1252-quotes"],
)
def test_text_file_is_decoded_whatever_its_encoding(tmp_path: Path, content: str, raw: bytes) -> None:
    path = tmp_path / "memorandum.txt"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.text == content
    assert document.format == "txt"
    assert document.source == "memorandum.txt"


def test_encoding_is_detected_even_when_the_first_non_ascii_letter_is_far_into_a_large_file(
    tmp_path: Path,
) -> None:
    content = "The parties shall withdraw heavy weapons.\n" * 20_000 + "Signed at Genève, 12 février.\n"
    path = tmp_path / "long.txt"
    path.write_bytes(content.encode("cp1252"))
    assert read_document(path).text == content


def test_large_utf16_file_without_byte_order_mark_is_read_whole(tmp_path: Path) -> None:
    content = RUSSIAN * 2000
    path = tmp_path / "wide.txt"
    path.write_bytes(content.encode("utf-16-le"))
    assert read_document(path).text == content


def test_large_utf8_file_is_read_whole(tmp_path: Path) -> None:
    line = "Стороны обязуются отвести тяжёлые вооружения, 15–20 km.\r\n"
    path = tmp_path / "large.txt"
    path.write_bytes((line * 100_000).encode("utf-8"))
    text = read_document(path).text
    assert text == line.replace("\r\n", "\n") * 100_000


def test_title_is_the_first_meaningful_line(tmp_path: Path) -> None:
    path = tmp_path / "sochi.txt"
    path.write_text("\n  ***\n1.\n  Memorandum on Stabilization   of the Situation \nText.\n", "utf-8")
    assert read_document(path).title == "Memorandum on Stabilization of the Situation"


def test_title_falls_back_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "sochi-2018.txt"
    path.write_text("1.\n2.\n3.\n", encoding="utf-8")
    assert read_document(path).title == "sochi-2018"


def test_a_very_long_first_line_gives_a_shortened_title(tmp_path: Path) -> None:
    path = tmp_path / "long-line.txt"
    path.write_text("word " * 500, encoding="utf-8")
    title = read_document(path).title
    assert title.endswith("…") and len(title) <= 201


def test_markdown_keeps_its_text_and_titles_by_its_first_heading(tmp_path: Path) -> None:
    content = "---\n# Doha Agreement #\n\n1. **Withdraw** all forces within 14 months.\n"
    path = tmp_path / "doha.md"
    path.write_text(content, encoding="utf-8")
    document = read_document(path)
    assert document.text == content
    assert document.title == "Doha Agreement"
    assert document.format == "md"


def test_bytes_in_memory_read_like_a_file() -> None:
    document = read_bytes(RUSSIAN.encode("cp1251"), "dropped.TXT")
    assert document.text == RUSSIAN
    assert document.title == "Меморандум"
    assert document.source == "dropped.TXT"


def test_a_utf8_file_cut_off_mid_letter_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    letters = RUSSIAN.rstrip(".\n")
    path.write_bytes(letters.encode("utf-8")[:-1])  # the last letter is two bytes, one is left
    assert read_document(path).text == letters[:-1] + "\ufffd"


def test_a_utf8_file_with_one_stray_latin1_letter_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(RUSSIAN.encode("utf-8") + "Genève".encode("latin-1"))
    assert read_document(path).text == RUSSIAN + "Gen\ufffdve"
