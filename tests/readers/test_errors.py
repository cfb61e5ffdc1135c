"""Every file that cannot be read gives one clear line naming it, never a traceback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tracker.errors import DocumentError
from tracker.readers import MAX_INPUT_BYTES, SUPPORTED_SUFFIXES, read_bytes, read_document

PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def reading_fails(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert reading_fails(tmp_path / "nowhere.txt").endswith("no such file.")


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "agreements.txt"
    folder.mkdir()
    assert "is a folder, not a file" in reading_fails(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are a POSIX feature")
def test_a_named_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "stream.txt"
    os.mkfifo(pipe)
    assert reading_fails(pipe).endswith("is not a regular file.")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The parties shall withdraw.", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission denied" in reading_fails(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_an_empty_file_of_any_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert reading_fails(path).endswith("the file is empty.")


def test_a_file_of_blank_space(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \r\n\t\n   \n")
    assert reading_fails(path).endswith("the file holds only blank space.")


def test_a_text_file_of_invisible_characters_only(tmp_path: Path) -> None:
    path = tmp_path / "invisible.txt"
    path.write_text("\ufeff\u2028 \u00a0\n", encoding="utf-8")
    assert reading_fails(path).endswith("no text found in the file.")


def test_a_web_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a;</script></head><body><nav>Home</nav></body></html>", "utf-8")
    assert reading_fails(path).endswith("no text found in the file.")


def test_a_png_renamed_to_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG_START + bytes(range(256)) * 4)
    assert "this is a PNG image, not text" in reading_fails(path)


def test_nul_bytes_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"header\x00\x00\x00\x01\x02 some bytes \x00\x03")
    assert "binary file" in reading_fails(path)


def test_bytes_that_no_encoding_makes_text_of(tmp_path: Path) -> None:
    path = tmp_path / "noise.md"
    path.write_bytes(bytes(range(1, 32)) * 200 + bytes(range(128, 256)) * 50)
    message = reading_fails(path)
    assert "binary file" in message or "not text" in message


def test_a_pdf_renamed_to_txt(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n")
    assert "this is a PDF document (use the .pdf extension), not text" in reading_fails(path)


def test_an_unsupported_extension_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK\x03\x04 whatever")
    message = reading_fails(path)
    assert "'.pptx' files are not supported" in message
    assert ".txt, .text, .md" in message and ".pdf, .docx" in message


def test_a_file_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("Text", encoding="utf-8")
    assert "files without an extension are not supported" in reading_fails(path)


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_INPUT_BYTES + 1)  # sparse: no disk space used
    message = reading_fails(path)
    assert "too large (100.0 MB); the limit is 100 MB." in message


def test_data_in_memory_over_the_size_limit() -> None:
    with pytest.raises(DocumentError, match=r"^drop\.txt: too large"):
        read_bytes(b"a" * (MAX_INPUT_BYTES + 1), "drop.txt")


def test_data_in_memory_with_an_unsupported_name() -> None:
    with pytest.raises(DocumentError, match=r"^scan\.png: '\.png' files are not supported"):
        read_bytes(PNG_START, "scan.png")
