"""Time from launch until the desktop app shows the sample's provisions.

Baseline, measured in the same run: a bare PySide6 window holding an empty QTableView, started
the same way. Each start is a fresh process; the figure is the time from spawning it until the
window is on screen (with the provisions drawn, for the app). Targets: under 1 s, and at most
3x the baseline. Both are started once before timing, and with Python's bytecode cache on, as
an installed app runs: the figures then leave out compiling freshly edited sources.

The app shows an up-to-date database before its services are open; the time until they are
(an edit no longer waits) is printed too, for information.

Usage: python bench/bench_gui_startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.0
TARGET_RATIO = 3.0


def bare_window() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    application = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1500, 860)
    window.show()
    application.processEvents()
    window.repaint()
    print(f"shown {time.time()}", flush=True)


def app_window(database: str) -> None:
    # Start-up exactly as the app does it: Qt is imported by these calls, not before.
    from tracker.gui.app import create_application, open_main_window
    from tracker.gui.provisions_model import Role

    with tempfile.TemporaryDirectory() as folder:
        window = open_main_window(database, None, Path(folder) / "window.ini")
        application = create_application()

        def loaded() -> None:
            window.repaint()
            rows = window.provisions_model.rowCount()
            print(f"shown {time.time()} {rows}", flush=True)
            window.services.history(window.provisions_model.index(0, 0).data(Role.RECORD).id)
            print(f"ready {time.time()}", flush=True)
            application.quit()

        window.loaded.connect(loaded)
        window.show()
        window.reload()
        application.exec()


def child_reports(*child_args: str) -> dict[str, tuple[float, str]]:
    """What a child reported ("shown", "ready"): seconds since it was spawned, and what else it said."""
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    done = subprocess.run(
        [sys.executable, __file__, *child_args], capture_output=True, text=True, env=environment, check=True
    )
    reports = {}
    for line in done.stdout.splitlines():
        if line.startswith(("shown ", "ready ")):
            event, moment, *rest = line.split()
            reports[event] = (float(moment) - started, " ".join(rest))
    return reports


def time_start(*child_args: str) -> tuple[float, str]:
    """Seconds from spawning a child until it reports its window shown, and what else it said."""
    return child_reports(*child_args)["shown"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--child", choices=["bare", "app"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        bare_window()
        return 0
    if args.child == "app":
        app_window(args.db)
        return 0

    from tracker.bootstrap import open_services

    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "sample.db")
        provisions = len(open_services(database).list_provisions())  # a new database gets the sample
        app = ("--child", "app", "--db", database)
        time_start("--child", "bare")  # warm the disk and bytecode caches for both
        time_start(*app)
        bare = [time_start("--child", "bare")[0] for _ in range(args.repeat)]
        ours, ready = [], []
        for _ in range(args.repeat):
            reports = child_reports(*app)
            seconds, shown_rows = reports["shown"]
            assert int(shown_rows) == provisions, f"showed {shown_rows} of {provisions} provisions"
            ours.append(seconds)
            ready.append(reports["ready"][0])
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    ratio = ours_median / bare_median
    print(f"runs: {args.repeat} each, median; sample provisions shown: {provisions}")
    print(f"bare PySide6 window, empty table (baseline): {bare_median * 1000:7.0f} ms")
    print(
        f"app window with the sample's provisions:     {ours_median * 1000:7.0f} ms  ({ratio:.2f}x baseline)"
    )
    print(f"  then its services open (edits need no wait): {statistics.median(ready) * 1000:5.0f} ms")
    within = ours_median < TARGET_SECONDS and ratio <= TARGET_RATIO
    verdict = "met" if within else "NOT met"
    print(f"target < {TARGET_SECONDS:.0f} s and <= {TARGET_RATIO:.0f}x baseline: {verdict}")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
