"""Command line: argument parsing over the services.

Every subcommand except ``extract``, ``gui`` and ``--version`` works on a database. Heavy
modules (SQLAlchemy, the extraction engine, Qt) are imported inside the handlers that need
them, so ``--version`` stays instant and no non-GUI subcommand ever loads Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tracker import __version__
from tracker.domain import Status, describe_countdown
from tracker.errors import TrackerError

if TYPE_CHECKING:
    from tracker.domain import Extraction, ProvisionRecord
    from tracker.services import Services

PROG = "agreement-tracker"

Handler = Callable[[argparse.Namespace], int]


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit status 2) like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: {message} (see {self.prog} --help)\n")


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def parse_status(text: str) -> Status:
    try:
        return Status(text.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise argparse.ArgumentTypeError(f"unknown status {text!r} (one of: {choices})") from None


def parse_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r} (ids are whole numbers)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"not an id: {text!r} (ids start at 1)")
    return value


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def shorten(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip(" .…") + "…"


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def print_json_rows(value: dict[str, Any]) -> None:
    """An object with one line per key and one line per item of a list value.

    Still readable and diffable line by line, and written by json's C encoder: indented output
    goes through the pure-Python encoder, three times slower on a large extraction.
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    fields = []
    for key, item in value.items():
        if isinstance(item, list) and item:
            rows = ",\n    ".join(encode(row) for row in item)
            fields.append(f"  {encode(key)}: [\n    {rows}\n  ]")
        else:
            fields.append(f"  {encode(key)}: {encode(item)}")
    print("{\n" + ",\n".join(fields) + "\n}" if fields else "{}")


# --- extract ---------------------------------------------------------------------------------


def render_extraction(extraction: Extraction) -> str:
    signed = extraction.signed_on.isoformat() if extraction.signed_on else "unknown"
    head = f"Signed on: {signed} ({extraction.signed_on_source})"
    if not extraction.provisions:
        return f"{head}\nNo provisions found."
    rows = []
    for number, p in enumerate(extraction.provisions, start=1):
        width = p.facets.zone_width_km
        facets = []
        if width:
            low, high = width
            facets.append(f"zone {low:g} km" if low == high else f"zone {low:g}-{high:g} km")
        if p.facets.weapons:
            facets.append("weapons: " + ", ".join(p.facets.weapons))
        if p.facets.patrol_parties:
            facets.append("patrols: " + ", ".join(p.facets.patrol_parties))
        deadline = p.deadline.isoformat() if p.deadline else "-"
        rows.append([str(number), p.kind.value, deadline, shorten(p.summary, 50), "; ".join(facets)])
    return f"{head}\n{format_table(['#', 'kind', 'deadline', 'summary', 'facets'], rows)}"


def run_extract(args: argparse.Namespace) -> int:
    from tracker.extraction import extract
    from tracker.readers import read_document

    document = read_document(Path(args.file))
    extraction = extract(document.text, args.signed)
    if args.json:
        print_json_rows(extraction.to_json())
    else:
        print(render_extraction(extraction))
    return 0


# --- database subcommands --------------------------------------------------------------------


def open_services(args: argparse.Namespace) -> Services:
    from tracker.bootstrap import open_services as open_at

    return open_at(args.db)


def provision_json(p: ProvisionRecord, as_of: date) -> dict[str, Any]:
    change = p.latest_change(as_of)
    width = p.facets.zone_width_km
    return {
        "id": p.id,
        "agreement_id": p.agreement_id,
        "order": p.order,
        "summary": p.summary,
        "kind": p.kind.value,
        "deadline": p.deadline.isoformat() if p.deadline else None,
        "deadline_text": p.deadline_text,
        "countdown_days": p.countdown(as_of),
        "status": p.status(as_of).value,
        "status_since": change.effective_on.isoformat() if change else None,
        "overdue": p.is_overdue(as_of),
        "zone_width_km": [width[0], width[1]] if width else None,
        "weapons": list(p.facets.weapons),
        "patrol_parties": list(p.facets.patrol_parties),
        "responsible_parties": list(p.facets.responsible_parties),
        "excerpt": p.excerpt,
        "version": p.version,
    }


def provision_rows(provisions: Sequence[ProvisionRecord], as_of: date) -> list[list[str]]:
    return [
        [
            str(p.id),
            str(p.agreement_id),
            p.kind.value,
            p.deadline.isoformat() if p.deadline else "-",
            describe_countdown(p.countdown(as_of)),
            p.status(as_of).label,
            shorten(p.summary),
        ]
        for p in provisions
    ]


PROVISION_HEADERS = ("id", "agr", "kind", "deadline", "countdown", "status", "summary")


def run_import(args: argparse.Namespace) -> int:
    services = open_services(args)
    agreement_id = services.import_file(Path(args.file), signed_on=args.signed, title=args.title)
    agreement = services.get_agreement(agreement_id)
    provisions = services.list_provisions(agreement_id)
    signed = agreement.signed_on.isoformat() if agreement.signed_on else "signing date unknown"
    print(f"Imported agreement {agreement_id}: {agreement.title} ({signed})")
    if provisions:
        print(format_table(PROVISION_HEADERS, provision_rows(provisions, date.today())))
    else:
        print("No provisions found; add them in the app.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    as_of: date = args.as_of or date.today()
    if args.agreement is not None:
        services.get_agreement(args.agreement)  # an unknown id is an error, not an empty list
    provisions = services.list_provisions(args.agreement)
    if args.status is not None:
        provisions = [p for p in provisions if p.status(as_of) is args.status]
    if args.overdue:
        provisions = [p for p in provisions if p.is_overdue(as_of)]
    if args.json:
        print_json([provision_json(p, as_of) for p in provisions])
    elif provisions:
        print(f"As of {as_of.isoformat()}:")
        print(format_table(PROVISION_HEADERS, provision_rows(provisions, as_of)))
    else:
        print("No provisions match.")
    return 0


def run_set_status(args: argparse.Namespace) -> int:
    services = open_services(args)
    provision = services.set_status(
        args.provision_id,
        args.status,
        args.date or date.today(),
        note=args.note,
        evidence=args.evidence,
    )
    change = provision.history[-1]
    print(
        f"Provision {provision.id} ({shorten(provision.summary, 50)}): "
        f"{change.status.label} from {change.effective_on.isoformat()}"
    )
    current = provision.status()
    if current is not change.status:
        # A back-dated change does not override a later one; say so rather than surprise.
        print(f"Current status stays {current.label} (a later change is in force).")
    return 0


def run_history(args: argparse.Namespace) -> int:
    services = open_services(args)
    provision = services.get_provision(args.provision_id)
    print(f"Provision {provision.id}: {provision.summary}")
    if not provision.history:
        print("No status changes recorded; the status is Pending.")
        return 0
    rows = [
        [
            change.effective_on.isoformat(),
            change.status.label,
            change.author,
            change.recorded_at.strftime("%Y-%m-%d %H:%M UTC"),
            change.note,
            change.evidence,
        ]
        for change in provision.history
    ]
    print(format_table(["effective", "status", "by", "recorded", "note", "evidence"], rows))
    return 0


def run_agreements(args: argparse.Namespace) -> int:
    services = open_services(args)
    agreements = services.list_agreements()
    counts: dict[int, int] = {}
    for p in services.list_provisions():
        counts[p.agreement_id] = counts.get(p.agreement_id, 0) + 1
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "parties": list(a.parties),
                    "signed_on": a.signed_on.isoformat() if a.signed_on else None,
                    "place": a.place,
                    "source": a.source,
                    "language": a.language,
                    "imported_at": a.imported_at.isoformat(),
                    "provisions": counts.get(a.id, 0),
                }
                for a in agreements
            ]
        )
        return 0
    if not agreements:
        print("No agreements yet; import one with: agreement-tracker import FILE")
        return 0
    rows = [
        [
            str(a.id),
            a.signed_on.isoformat() if a.signed_on else "-",
            ", ".join(a.parties),
            str(counts.get(a.id, 0)),
            shorten(a.title),
        ]
        for a in agreements
    ]
    print(format_table(["id", "signed", "parties", "provisions", "title"], rows))
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from tracker.reports.command import run_summary as run

    return run(args, open_services(args))


def run_gui(args: argparse.Namespace) -> int:
    from tracker.gui.app import run

    screenshot = Path(args.screenshot) if args.screenshot else None
    return run(args.db, args.as_of, screenshot)


# --- parser ----------------------------------------------------------------------------------


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Track the provisions of ceasefires and peace agreements. "
        "Without a subcommand, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.set_defaults(handler=run_gui, db=None, as_of=None, screenshot=None)

    database = ArgumentParser(add_help=False)
    database.add_argument(
        "--db",
        metavar="PATH",
        help="database file or SQLAlchemy URL (default: $AGREEMENT_TRACKER_DB, else the user data folder)",
    )
    commands = parser.add_subparsers(title="subcommands", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str, *, db: bool = True) -> ArgumentParser:
        sub: ArgumentParser = commands.add_parser(
            name, help=help_text, description=help_text, parents=[database] if db else []
        )
        sub.set_defaults(handler=handler)
        return sub

    extract = command("extract", run_extract, "show the provisions found in a file (no database)", db=False)
    extract.add_argument("file", metavar="FILE")
    # A bare --signed (as scripts emit when they have no date) means "infer it from the text".
    extract.add_argument(
        "--signed", type=parse_date, nargs="?", metavar="DATE", help="signing date, YYYY-MM-DD"
    )
    extract.add_argument("--json", action="store_true", help="print JSON")

    imported = command("import", run_import, "import an agreement file and its provisions")
    imported.add_argument("file", metavar="FILE")
    imported.add_argument("--signed", type=parse_date, metavar="DATE", help="signing date, YYYY-MM-DD")
    imported.add_argument("--title", metavar="T", help="title (default: from the file)")

    listing = command("list", run_list, "list provisions with status and countdown")
    listing.add_argument("--agreement", type=parse_id, metavar="ID", help="only this agreement")
    listing.add_argument("--status", type=parse_status, metavar="S", help="only this status")
    listing.add_argument("--overdue", action="store_true", help="only overdue provisions")
    listing.add_argument("--as-of", type=parse_date, metavar="DATE", help="as of this date (default: today)")
    listing.add_argument("--json", action="store_true", help="print JSON")

    set_status = command("set-status", run_set_status, "record a status change of a provision")
    set_status.add_argument("provision_id", type=parse_id, metavar="PROVISION_ID")
    set_status.add_argument("status", type=parse_status, metavar="STATUS",
                            help=", ".join(s.value for s in Status))
    set_status.add_argument("--note", default="", metavar="N", help="what happened, and the source")
    set_status.add_argument("--date", type=parse_date, metavar="D", help="effective date (default: today)")
    set_status.add_argument("--evidence", default="", metavar="URL", help="link to the evidence")

    history = command("history", run_history, "show every status change of a provision")
    history.add_argument("provision_id", type=parse_id, metavar="PROVISION_ID")

    agreements = command("agreements", run_agreements, "list the stored agreements")
    agreements.add_argument("--json", action="store_true", help="print JSON")

    from tracker.reports.command import add_summary_arguments

    add_summary_arguments(command("summary", run_summary, "print a compliance summary"))

    gui = command("gui", run_gui, "open the desktop app")
    gui.add_argument("--as-of", type=parse_date, metavar="DATE", help="as of this date (default: today)")
    gui.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the window and quit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as stop:  # --help, --version and usage errors end here
        return stop.code if isinstance(stop.code, int) else 2
    handler: Handler = args.handler
    try:
        return handler(args)
    except TrackerError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``agreement-tracker list | head``); as the Python docs advise,
        # point stdout at devnull so that the flush at exit does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
