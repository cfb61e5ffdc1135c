"""Fixtures for the reader tests: real files, written by the tests."""

from __future__ import annotations

import pytest
from pdf_files import PdfBuilder, build_pdf


@pytest.fixture
def make_pdf() -> PdfBuilder:
    return build_pdf
