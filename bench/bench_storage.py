"""Time the storage on N provisions: import, list with history, a status change, opening.

Each figure stands next to a baseline measured in the same run: the same rows written and
read with the sqlite3 module alone (executemany, fetchall), on the same disk and settings.

Usage: python bench/bench_storage.py [--provisions N] [--repeat N]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind, Status

CLAUSE = "The parties shall withdraw all tanks and artillery from the zone by 10 October 2018. "


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def best_of(repeat: int, action: Callable[[], object]) -> float:
    return min(timed(action) for _ in range(repeat))


def provisions(count: int) -> list[ExtractedProvision]:
    kinds = list(Kind)
    return [
        ExtractedProvision(
            0,
            len(CLAUSE),
            CLAUSE,
            kinds[i % len(kinds)],
            f"Provision {i}",
            date(2018, 10, 1 + i % 30),
            "by 10 October 2018",
            Facets((15.0, 20.0), ("tanks", "artillery"), ("Russia",), ("Turkey",)),
        )
        for i in range(count)
    ]


def raw_sqlite(path: Path, rows: list[ExtractedProvision]) -> tuple[float, float]:
    """The floor: the same columns through sqlite3 alone, WAL and synchronous FULL as ours."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(
        "CREATE TABLE p (id INTEGER PRIMARY KEY, kind TEXT, summary TEXT, excerpt TEXT, s INT, e INT,"
        " deadline TEXT, deadline_text TEXT, zmin REAL, zmax REAL, weapons TEXT, patrols TEXT, parties TEXT)"
    )
    values = [
        (
            p.kind.value,
            p.summary,
            p.excerpt,
            p.start,
            p.end,
            p.deadline.isoformat() if p.deadline else None,
            p.deadline_text,
            15.0,
            20.0,
            '["tanks", "artillery"]',
            '["Russia"]',
            '["Turkey"]',
        )
        for p in rows
    ]

    def write() -> None:
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO p VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        connection.execute("COMMIT")

    write_time = timed(write)
    read_time = timed(lambda: connection.execute("SELECT * FROM p").fetchall())
    connection.close()
    return write_time, read_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provisions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = provisions(args.provisions)
    draft = AgreementDraft(title="Benchmark accord", text=CLAUSE)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bench.sqlite3"
        raw_write, raw_read = raw_sqlite(Path(folder) / "raw.sqlite3", rows)
        services = open_services(database, with_sample=False)
        ours_import = timed(lambda: services.import_agreement(draft, rows))
        for provision_id in range(1, args.provisions + 1, 10):
            services.set_status(
                provision_id, Status.IN_PROGRESS, date(2018, 10, 2), note="seen", author="bench"
            )
        ours_list = best_of(args.repeat, services.list_provisions)
        ours_status = best_of(args.repeat, lambda: services.set_status(1, Status.COMPLIED, date(2018, 10, 3)))
        ours_open = best_of(args.repeat, lambda: open_services(database))
    n = f"{args.provisions:,}"
    print(f"{'operation':46} {'sqlite3 alone':>14} {'tracker':>10} {'ratio':>6}")
    print(
        f"{'import ' + n + ' provisions (one transaction)':46} {raw_write:12.2f} s {ours_import:8.2f} s "
        f"{ours_import / raw_write:5.1f}x"
    )
    print(
        f"{'list ' + n + ' provisions with history':46} {raw_read:12.2f} s {ours_list:8.2f} s "
        f"{ours_list / raw_read:5.1f}x"
    )
    print(f"{'set_status on one provision':46} {'':>14} {ours_status * 1000:7.1f} ms")
    print(f"{'open an up-to-date database':46} {'':>14} {ours_open * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
