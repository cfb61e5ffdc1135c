"""`agreement-tracker summary`: every format to stdout or a file, and every bad input in one line."""

from __future__ import annotations

import csv
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from summary_sample import draft, extracted

from tracker.bootstrap import open_services
from tracker.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["summary", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_summary_goes_to_stdout_by_default(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(sample_db), "--agreement", "1", "--as-of", "2018-10-20")
    assert (code, err) == (0, "")
    assert out.startswith("COMPLIANCE SUMMARY\nMemorandum on the Stabilisation of the Northern Province")
    assert "OVERDUE (3)" in out and "ALL PROVISIONS (8)" in out


@pytest.mark.parametrize(
    ("fmt", "marker"), [("markdown", "## All provisions (8)"), ("html", "<!DOCTYPE html>")]
)
def test_other_text_formats(
    sample_db: Path, capsys: pytest.CaptureFixture[str], fmt: str, marker: str
) -> None:
    code, out, _ = run(capsys, "--db", str(sample_db), "--agreement", "1", "--format", fmt)
    assert code == 0 and marker in out


def test_csv_to_a_file_reads_back(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "summary.csv"
    code, out, _ = run(
        capsys, "--db", str(sample_db), "--format", "csv", "-o", str(target), "--as-of", "2018-10-20"
    )
    assert code == 0 and str(target) in out
    with target.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 16
    assert sum(r["overdue"] == "yes" for r in rows) == 6


@pytest.mark.usefixtures("qapp")  # the one GUI application of the test run, see test_report_pdf.py
def test_pdf_to_a_file(sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "summary.pdf"
    code, _, _ = run(
        capsys, "--db", str(sample_db), "--format", "pdf", "-o", str(target), "--as-of", "2018-10-20"
    )
    assert code == 0
    reader = PdfReader(target)
    assert "Agreements in this summary" in (reader.pages[0].extract_text() or "").replace("\t", " ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--agreement", "99"], "No agreement with id 99."),
        (["--agreement", "one"], "Not an agreement id: 'one'"),
        (["--as-of", "2018-02-30"], "Not a date: '2018-02-30' (use YYYY-MM-DD)."),
        (["-o", "{tmp}/no/such/folder/out.txt"], "the folder {tmp}/no/such/folder does not exist"),
        (["-o", "{tmp}"], "it is a folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_2(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", str(sample_db), *(a.format(tmp=tmp_path) for a in args))
    assert code == 2 and out == ""
    assert err.startswith("agreement-tracker: ") and message.format(tmp=tmp_path) in err
    assert err.count("\n") == 1


def test_a_failed_write_keeps_the_existing_file(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "summary.txt"
    target.write_text("last week's summary", encoding="utf-8")
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running with rights that ignore folder permissions")
        code, _, err = run(capsys, "--db", str(sample_db), "-o", str(target))
    finally:
        folder.chmod(0o700)
    assert code == 2 and "Cannot write" in err
    assert target.read_text(encoding="utf-8") == "last week's summary"


def _run_cli(
    args: list[str], env: dict[str, str], stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )


def _headless_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


def test_pdf_works_without_a_display_when_piped(sample_db: Path) -> None:
    done = _run_cli(["summary", "--db", str(sample_db), "--format", "pdf"], _headless_env())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-") and done.stdout.rstrip().endswith(b"%%EOF")


def test_pdf_is_not_written_to_a_terminal(sample_db: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        done = _run_cli(
            ["summary", "--db", str(sample_db), "--format", "pdf"], _headless_env(), stdout=terminal
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "agreement-tracker: A PDF cannot be shown in a terminal: write it to a file with -o FILE.pdf."
    )


def test_non_pdf_formats_do_not_load_qt(sample_db: Path) -> None:
    code = (
        "import sys; from tracker.cli import main; "
        f"main(['summary', '--db', {str(sample_db)!r}, '--format', 'html']); "
        "print('PySide6' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stderr.strip().splitlines()[-1] == "False"


def test_a_reader_that_stops_early_is_not_an_error(database_path: Path) -> None:
    services = open_services(database_path, with_sample=False)
    for copy in range(25):  # enough text to overflow a pipe's buffer
        services.import_agreement(draft(f"Memorandum, copy {copy}"), extracted())
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "summary", "--db", str(database_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"COMPLIANCE SUMMARY\n"
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert errors == b""
