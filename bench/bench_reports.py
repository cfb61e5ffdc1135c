"""Speed of the compliance summary: a PDF of 1,000 provisions and the text of 100,000.

    python bench/bench_reports.py
    python bench/bench_reports.py --pdf-provisions 1000 --text-provisions 100000 --runs 3

Both are measured end to end from a real SQLite file (services -> summary -> rendered
bytes), and the report's own share (summary and rendering from records in memory) apart.
Baselines in the same run: for the PDF, a QPdfWriter that writes one empty page; for the
text, a plain str.join over the same provisions' summaries and excerpts. Times are the best
of --runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind, ProvisionRecord, Status
from tracker.reports.model import build_summary, summarise
from tracker.reports.text import render_text
from tracker.services import Services

AS_OF = date(2019, 3, 1)
KINDS = list(Kind)
STATUSES = [Status.IN_PROGRESS, Status.PARTIAL, Status.COMPLIED, Status.VIOLATED, Status.DISPUTED]
CLAUSE = (
    "Within {days} days of the signing of this memorandum, the parties shall withdraw all tanks, "
    "multiple rocket launchers, artillery and mortars from sector {n} to a depth of at least 15 "
    "kilometres from the line of contact, under the observation of the joint monitoring group."
)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # this process only: steadier than wall time on a machine shared with other work

    def __str__(self) -> str:
        return f"{self.wall:7.3f} s wall {self.cpu:7.3f} s CPU"


def best(runs: int, work: Callable[[], object]) -> Timing:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(min(walls), min(cpus))


def fill_database(path: Path, count: int) -> tuple[Services, int]:
    """One agreement of ``count`` provisions; every fifth has a status change with a note."""
    services = open_services(path, with_sample=False)
    clauses = [CLAUSE.format(days=10 + n % 300, n=n) for n in range(count)]
    text = "\n\n".join(clauses)
    provisions, offset = [], 0
    for n, clause in enumerate(clauses):
        provisions.append(
            ExtractedProvision(
                offset,
                offset + len(clause),
                clause,
                KINDS[n % len(KINDS)],
                f"Heavy weapons withdrawn from sector {n}",
                date(2018, 9, 17) + timedelta(days=10 + n % 300),
                f"within {10 + n % 300} days",
                Facets(zone_width_km=(15.0, 15.0), weapons=("tanks", "mlrs", "artillery", "mortars")),
            )
        )
        offset += len(clause) + 2
    draft = AgreementDraft(
        title="Benchmark memorandum",
        text=text,
        parties=("North", "South"),
        signed_on=date(2018, 9, 17),
        place="Lakeside",
    )
    agreement_id = services.import_agreement(draft, provisions)
    return services, agreement_id


def add_history(services: Services, agreement_id: int, every: int) -> None:
    for n, provision in enumerate(services.list_provisions(agreement_id)):
        if n % every == 0:
            services.set_status(
                provision.id,
                STATUSES[n % len(STATUSES)],
                date(2018, 10, 1) + timedelta(days=n % 90),
                note=f"Monitors report on sector {n}.",
                evidence=f"https://monitors.example.org/{n}",
            )


def bench_pdf(folder: Path, count: int, runs: int) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    from tracker.reports.pdf import ensure_gui_application, pdf_bytes

    ensure_gui_application()
    services, agreement_id = fill_database(folder / "pdf.sqlite3", count)
    add_history(services, agreement_id, every=3)

    def empty_page() -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        painter = QPainter(writer)
        painter.end()
        del writer
        return bytes(data.data())

    records = [(services.get_agreement(agreement_id), services.list_provisions(agreement_id))]
    summary = summarise(records, AS_OF)
    pages = pdf_bytes(summary).count(b"/Type /Page\n") or pdf_bytes(summary).count(b"/Type /Page")
    baseline = best(runs, empty_page)
    own = best(runs, lambda: pdf_bytes(summarise(records, AS_OF)))
    whole = best(runs, lambda: pdf_bytes(build_summary(services, agreement_id, AS_OF)))
    print(f"PDF summary of {count:,} provisions ({pages} pages, best of {runs}):")
    print(f"  baseline: QPdfWriter, one empty page          {baseline}")
    print(f"  summary + PDF from records in memory          {own}")
    print(f"  end to end: database -> summary -> PDF bytes  {whole}   (goal: under 5 s)")


def bench_text(folder: Path, count: int, runs: int) -> None:
    services, agreement_id = fill_database(folder / "text.sqlite3", count)
    add_history(services, agreement_id, every=max(1, count // 2000))
    agreement = services.get_agreement(agreement_id)
    # End to end first, while no other copy of the data is alive to slow the allocator down.
    whole = best(runs, lambda: render_text(build_summary(services, agreement_id, AS_OF)))
    provisions: list[ProvisionRecord] = services.list_provisions(agreement_id)

    def join_lines() -> str:
        return "\n".join(f"{p.summary}\n{p.excerpt}" for p in provisions)

    baseline = best(runs, join_lines)
    own = best(runs, lambda: render_text(summarise([(agreement, provisions)], AS_OF)))
    listing = best(runs, lambda: services.list_provisions(agreement_id))
    size = len(render_text(summarise([(agreement, provisions)], AS_OF)).encode("utf-8"))
    print(f"Text summary of {count:,} provisions ({size / 1e6:.1f} MB of text, best of {runs}):")
    print(f"  baseline: str.join of summaries and excerpts  {baseline}")
    print(f"  services.list_provisions alone                {listing}")
    print(f"  summary + text from records in memory         {own}")
    print(f"  end to end: database -> summary -> text       {whole}   (goal: under 3 s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf-provisions", type=int, default=1000)
    parser.add_argument("--text-provisions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_pdf(Path(folder), args.pdf_provisions, args.runs)
        bench_text(Path(folder), args.text_provisions, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
