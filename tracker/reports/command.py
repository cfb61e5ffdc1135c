"""The ``summary`` subcommand: options, checks and output of the compliance summary.

Only ``--format pdf`` loads Qt (and without a display it draws offscreen); the other
formats are plain Python.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import InvalidInput
from tracker.reports.csv import render_csv
from tracker.reports.files import write_file
from tracker.reports.formatting import format_date, plural
from tracker.reports.html import render_html
from tracker.reports.markdown import render_markdown
from tracker.reports.model import Summary, build_summary
from tracker.reports.text import render_text

if TYPE_CHECKING:
    from tracker.services import Services

TEXT_RENDERERS: dict[str, Callable[[Summary], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "csv": render_csv,
}
FORMATS = (*TEXT_RENDERERS, "pdf")


def add_summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agreement", metavar="ID", help="only this agreement (default: every agreement)")
    parser.add_argument("--as-of", metavar="DATE", help="status on this date, YYYY-MM-DD (default: today)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def parse_agreement_id(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text)
    except ValueError:
        raise InvalidInput(f"Not an agreement id: {text!r} (ids are whole numbers).") from None
    if value < 1:
        raise InvalidInput(f"Not an agreement id: {text!r} (ids start at 1).")
    return value


def parse_as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"Not a date: {text!r} (use YYYY-MM-DD).") from None


def run_summary(args: argparse.Namespace, services: Services) -> int:
    agreement_id = parse_agreement_id(args.agreement)
    as_of = parse_as_of(args.as_of)
    output = Path(args.output) if args.output else None
    if output is not None and not output.parent.is_dir():
        # Said before the work of drawing the summary, not after.
        raise InvalidInput(f"Cannot write {output}: the folder {output.parent} does not exist.")
    if args.format == "pdf" and output is None and sys.stdout.isatty():
        raise InvalidInput("A PDF cannot be shown in a terminal: write it to a file with -o FILE.pdf.")
    summary = build_summary(services, agreement_id, as_of)
    if args.format == "pdf":
        from tracker.reports.pdf import pdf_bytes

        content = pdf_bytes(summary)
    else:
        text = TEXT_RENDERERS[args.format](summary)
        if output is None:
            _to_stdout(text)
            return 0
        content = text.encode("utf-8")
    if output is None:
        _to_stdout(content)
        return 0
    write_file(output, content)
    scope = (
        summary.agreements[0].title
        if len(summary.agreements) == 1
        else plural(len(summary.agreements), "agreement")
    )
    print(f"Wrote the compliance summary of {scope} as of {format_date(as_of)} to {output}")
    return 0


def _to_stdout(content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            _write_text(content)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error. Point stdout at nothing so that
        # the interpreter's own final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_text(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        # A terminal that cannot show the chart's block characters gets stand-ins, not a crash.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "ascii", errors="replace"))
