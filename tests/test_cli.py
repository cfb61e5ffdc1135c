"""The command line through ``tracker.cli.main(argv)``, on real files and real SQLite databases."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tracker import __version__
from tracker.bootstrap import open_services
from tracker.cli import main

TEXT = (
    "The two sides agreed to establish a demilitarized zone 10 kilometers deep by 1 May 2021.\n\n"
    "All tanks and artillery shall be withdrawn from the zone by 20 April 2021.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def saved_state(database: Path) -> tuple[object, ...]:
    """Everything the user has saved, as the services return it."""
    services = open_services(database)
    return tuple(services.list_agreements()), tuple(services.list_provisions())


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.sqlite3"
    open_services(path)  # a first run: schema and sample
    return path


@pytest.fixture
def agreement_file(tmp_path: Path) -> Path:
    path = tmp_path / "accord.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"agreement-tracker {__version__}\n", "")


def test_extract_prints_json_without_a_database(
    capsys: pytest.CaptureFixture[str], agreement_file: Path, isolated_user_folders: Path
) -> None:
    result = run_json(capsys, "extract", str(agreement_file), "--signed", "2021-04-10")

    assert result["signed_on"] == "2021-04-10"
    assert result["provisions"], "no provision found in the test text"
    for provision in result["provisions"]:
        assert TEXT[provision["start"] : provision["end"]] == provision["excerpt"]
    assert not (isolated_user_folders / "tracker.sqlite3").exists()


def test_extract_with_a_bare_signed_flag_infers_the_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("Signed in Geneva on 3 March 2021.\n\n" + TEXT, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(dated), "--signed", "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["signed_on"] == "2021-03-03"
    assert result["signed_on_source"] != "given"


def test_extract_prints_a_table(capsys: pytest.CaptureFixture[str], agreement_file: Path) -> None:
    code, out, err = run(capsys, "extract", str(agreement_file), "--signed", "2021-04-10")
    assert (code, err) == (0, "")
    assert "Signed on: 2021-04-10" in out
    assert "kind" in out and "deadline" in out


def test_list_on_a_new_database_shows_the_sample_with_countdowns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "new.sqlite3"
    code, out, err = run(capsys, "list", "--db", str(database), "--as-of", "2018-10-01")

    assert (code, err) == (0, "")
    assert "As of 2018-10-01" in out
    assert "countdown" in out
    assert " days" in out  # at least one provision counts down to its deadline
    rows = run_json(capsys, "list", "--db", str(database), "--as-of", "2018-10-01")
    assert rows
    assert {
        "id",
        "agreement_id",
        "summary",
        "kind",
        "deadline",
        "countdown_days",
        "status",
        "overdue",
    } <= set(rows[0])
    dated = [row for row in rows if row["deadline"]]
    assert dated
    for row in dated:
        assert row["countdown_days"] == (date.fromisoformat(row["deadline"]) - date(2018, 10, 1)).days
    assert {row["status"] for row in rows} == {"pending"}


def test_the_database_can_come_from_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("AGREEMENT_TRACKER_DB", str(database))
    agreements = run_json(capsys, "agreements")
    assert [a["signed_on"] for a in agreements] == ["2018-09-17"]
    assert database.exists()


def test_set_status_then_history_shows_the_change(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    provision = run_json(capsys, "list", "--db", str(database))[0]

    code, out, err = run(
        capsys,
        "set-status",
        str(provision["id"]),
        "violated",
        "--db",
        str(database),
        "--date",
        "2018-10-16",
        "--note",
        "shelling near the zone",
        "--evidence",
        "https://example.org/r1",
    )
    assert (code, err) == (0, "")
    assert "Violated from 2018-10-16" in out

    code, out, err = run(capsys, "history", str(provision["id"]), "--db", str(database))
    assert (code, err) == (0, "")
    assert "Violated" in out
    assert "2018-10-16" in out
    assert "shelling near the zone" in out
    assert "https://example.org/r1" in out

    [now] = [
        p
        for p in run_json(capsys, "list", "--db", str(database), "--as-of", "2018-10-20")
        if p["id"] == provision["id"]
    ]
    assert now["status"] == "violated"
    assert run_json(capsys, "list", "--db", str(database), "--status", "violated") == [
        p for p in run_json(capsys, "list", "--db", str(database)) if p["id"] == provision["id"]
    ]


def test_a_back_dated_change_says_which_status_stays_current(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    db = ["--db", str(database)]
    assert run(capsys, "set-status", "1", "complied", "--date", "2018-10-20", *db)[0] == 0

    code, out, err = run(capsys, "set-status", "1", "in_progress", "--date", "2018-10-05", *db)

    assert (code, err) == (0, "")
    assert "In progress from 2018-10-05" in out
    assert "Current status stays Complied" in out


def test_list_filters_overdue_and_agreement(
    capsys: pytest.CaptureFixture[str], database: Path, agreement_file: Path
) -> None:
    code, out, err = run(
        capsys,
        "import",
        str(agreement_file),
        "--db",
        str(database),
        "--signed",
        "2021-04-10",
        "--title",
        "Test accord",
    )
    assert (code, err) == (0, "")
    assert "Imported agreement 2: Test accord (2021-04-10)" in out

    mine = run_json(capsys, "list", "--db", str(database), "--agreement", "2", "--as-of", "2021-06-01")
    assert mine and {p["agreement_id"] for p in mine} == {2}
    overdue = run_json(capsys, "list", "--db", str(database), "--overdue", "--as-of", "2021-06-01")
    assert overdue and all(p["overdue"] for p in overdue)
    assert {p["agreement_id"] for p in overdue} == {1, 2}  # every deadline of both has passed
    before = run_json(capsys, "list", "--db", str(database), "--overdue", "--as-of", "2018-09-18")
    assert before == []


def test_agreements_lists_titles_and_counts(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    code, out, err = run(capsys, "agreements", "--db", str(database))
    assert (code, err) == (0, "")
    assert "Idlib" in out
    [sample] = run_json(capsys, "agreements", "--db", str(database))
    assert sample["parties"] == ["Russia", "Turkey"]
    assert sample["provisions"] >= 1


def test_summary_is_a_subcommand_over_the_same_database(
    capsys: pytest.CaptureFixture[str], database: Path
) -> None:
    code, out, err = run(
        capsys, "summary", "--db", str(database), "--as-of", "2018-10-20", "--format", "markdown"
    )
    assert (code, err) == (0, "")
    assert "Idlib" in out


def test_gui_subcommand_opens_the_window_on_the_chosen_database(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("PySide6.QtWidgets", reason="the desktop app needs Qt")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    picture = tmp_path / "window.png"

    code = main(["gui", "--db", str(database), "--as-of", "2018-09-20", "--screenshot", str(picture)])

    assert code == 0
    assert picture.read_bytes().startswith(b"\x89PNG")


# --- bad input: one line on stderr, exit status 2, nothing saved touched --------------------


def refused(capsys: pytest.CaptureFixture[str], database: Path, *argv: str) -> str:
    before = saved_state(database)
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("agreement-tracker: ")
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert saved_state(database) == before
    return err


def binary_file(folder: Path) -> Path:
    path = folder / "image.txt"
    path.write_bytes(bytes(range(256)) * 8)
    return path


def empty_file(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def unsupported_file(folder: Path) -> Path:
    path = folder / "spreadsheet.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    return path


@pytest.mark.parametrize("command", ["import", "extract"])
@pytest.mark.parametrize(
    "make_file",
    [lambda folder: folder / "missing.txt", empty_file, binary_file, unsupported_file, lambda folder: folder],
    ids=["missing", "empty", "binary", "unsupported", "a folder"],
)
def test_bad_files_are_refused(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path, command: str, make_file: Any
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    bad = make_file(folder)
    argv = [command, str(bad)] + (["--db", str(database)] if command == "import" else [])
    refused(capsys, database, *argv)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that apply")
def test_an_unreadable_file_is_refused(
    capsys: pytest.CaptureFixture[str], database: Path, agreement_file: Path
) -> None:
    agreement_file.chmod(0)
    try:
        refused(capsys, database, "import", str(agreement_file), "--db", str(database))
    finally:
        agreement_file.chmod(0o644)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["set-status", "999", "complied"], "999"),
        (["history", "999"], "999"),
        (["list", "--agreement", "999"], "999"),
        (["set-status", "abc", "complied"], "not an id"),
        (["set-status", "1", "finished"], "unknown status"),
        (["set-status", "1", "complied", "--date", "2018-02-30"], "not a date"),
        (["list", "--as-of", "yesterday"], "not a date"),
        (["list", "--status", "done"], "unknown status"),
        (["import", "accord.txt", "--signed", "17/09/2018"], "not a date"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_are_refused(
    capsys: pytest.CaptureFixture[str], database: Path, argv: list[str], words: str
) -> None:
    err = refused(capsys, database, *argv, "--db", str(database))
    assert words in err


def test_a_sqlite_file_of_another_program_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "contacts.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
    connection.close()
    before = other.read_bytes()

    code, out, err = run(capsys, "list", "--db", str(other))

    assert (code, out) == (2, "")
    assert err.startswith("agreement-tracker: ") and err.count("\n") == 1
    assert "not an Agreement Tracker database" in err
    assert other.read_bytes() == before


def test_a_corrupt_database_is_refused_untouched(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    for leftover in database.parent.glob(f"{database.name}-*"):
        leftover.unlink()
    damaged = bytearray(database.read_bytes())
    damaged[100:4096] = b"\x00\xff" * ((4096 - 100) // 2)
    database.write_bytes(bytes(damaged))

    for argv in (["list"], ["set-status", "1", "complied"], ["agreements"]):
        code, out, err = run(capsys, *argv, "--db", str(database))
        assert (code, out) == (2, "")
        assert "damaged" in err and err.count("\n") == 1
        assert database.read_bytes() == bytes(damaged)


def test_non_gui_commands_do_not_load_qt(database: Path, agreement_file: Path) -> None:
    db = ["--db", str(database)]
    commands = [
        ["extract", str(agreement_file)],
        ["import", str(agreement_file), *db],
        ["list", *db],
        ["set-status", "1", "complied", *db],
        ["history", "1", *db],
        ["agreements", *db],
        ["summary", "--format", "html", *db],
    ]
    code = (
        "import sys\n"
        "from tracker.cli import main\n"
        f"codes = [main(argv) for argv in {commands!r}]\n"
        "print(codes, 'PySide6' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == f"{[0] * len(commands)} False"
