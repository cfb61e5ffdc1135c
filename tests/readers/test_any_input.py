"""Whatever bytes a file holds, reading it gives a Document or a DocumentError, nothing else."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_files import build_pdf

from tracker.errors import DocumentError
from tracker.readers import SUPPORTED_SUFFIXES, normalise_text, read_bytes


def word_document() -> bytes:
    document = docx.Document()
    document.add_heading("Protocol", level=1)
    document.add_paragraph("1. The parties shall cease fire.")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "within 14 days"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


VALID = {
    ".txt": b"Protocol\n1. The parties shall cease fire.\n",
    ".html": b"<html><body><h1>Protocol</h1><p>1. The parties shall cease fire.</p></body></html>",
    ".pdf": build_pdf([["Protocol", "1. The parties shall cease fire."], ["Page two."]]),
    ".docx": word_document(),
}


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        document = read_bytes(data, name)
    except DocumentError as error:
        assert "\n" not in str(error) and str(error).startswith(name)
        return
    assert document.text.strip()
    assert normalise_text(document.text) == document.text
    assert document.title and "\n" not in document.title


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(suffix: str, data: bytes) -> None:
    read_or_refuse(data, f"input{suffix}")


@pytest.mark.parametrize("suffix", sorted(VALID))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_damaged_files(suffix: str, data: st.DataObject) -> None:
    original = bytearray(VALID[suffix])
    for _ in range(data.draw(st.integers(1, 8), label="damages")):
        position = data.draw(st.integers(0, len(original) - 1), label="position")
        original[position] = data.draw(st.integers(0, 255), label="byte")
    cut = data.draw(st.integers(1, len(original)), label="length")
    read_or_refuse(bytes(original[:cut]), f"damaged{suffix}")
