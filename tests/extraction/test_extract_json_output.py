"""`agreement-tracker extract FILE --json`: one provision per line, the same values as the extraction."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.extraction import extract

TEXT = (
    "1. Les forces turques et russes patrouilleront la zone de 15 km d’ici le 15 octobre.\n\n"
    "2. All tanks and “Grad” systems shall be withdrawn from the zone by 20 April 2021.\n\n"
    "3. Russian military police will patrol the 10-kilometre corridor along the M4 highway.\n"
)


def extract_json(capsys: pytest.CaptureFixture[str], path: Path, *options: str) -> str:
    assert main(["extract", str(path), "--json", *options]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_json_holds_exactly_the_extraction(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "accord.txt"
    path.write_text(TEXT, encoding="utf-8")

    out = extract_json(capsys, path, "--signed", "2021-04-10")

    assert json.loads(out) == extract(TEXT, date(2021, 4, 10)).to_json()


def test_each_provision_is_one_line_with_text_unescaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "accord.txt"
    path.write_text(TEXT, encoding="utf-8")

    lines = extract_json(capsys, path, "--signed", "2021-04-10").splitlines()

    provision_lines = [line for line in lines if line.lstrip().startswith('{"start"')]
    assert len(provision_lines) == len(json.loads("\n".join(lines))["provisions"]) >= 2
    assert all(json.loads(line.strip().rstrip(",")) for line in provision_lines)
    assert any("“Grad”" in line for line in provision_lines)


def test_a_text_without_provisions_gives_an_empty_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Recalling the Protocol of 5 September 2014,\n", encoding="utf-8")

    result = json.loads(extract_json(capsys, path, "--signed", "2014-09-19"))

    assert result == {"signed_on": "2014-09-19", "signed_on_source": "given", "provisions": []}
