"""Does the window stay responsive while a large agreement is imported?

A 10 ms heartbeat timer runs on the GUI thread; the longest gap between two beats is how long
the window could not repaint or react. Measured in the same run:

- baseline: the gap with nothing to do, and the time that reading plus extraction take when
  called directly (what the window would freeze for if they ran on the GUI thread);
- the app: ``ImportController.import_file`` up to the review dialog on screen (reading and
  extraction on a worker, then the dialog filled on the GUI thread), and Save up to
  ``imported`` (the transaction on a worker).

Usage: python bench/bench_import_responsiveness.py [--sizes-kb 200 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Chosen before Qt is imported: the benchmark needs no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tracker.bootstrap import open_services
from tracker.extraction import extract
from tracker.gui.import_flow import ImportController
from tracker.gui.review_dialog import ImportCandidate
from tracker.readers import read_document

HEARTBEAT_MS = 10

CLAUSES = (
    "{n}. The parties shall establish a demilitarised zone 15-20 km deep along the line of contact "
    "by 15 October 2018.",
    "{n}. All tanks, artillery and mortars shall be withdrawn from the zone within 30 days of signing.",
    "{n}. Joint patrols by Northern and Southern units shall begin in the zone on 1 November 2018.",
    "{n}. The parties welcomed the progress of the talks and thanked the hosts for their hospitality.",
    "{n}. Transit traffic along the coastal highway shall resume by the end of 2018.",
)


def agreement_text(size_bytes: int) -> str:
    lines = ["Memorandum on the Northern Zone", "", "Signed at Lakeside on 17 September 2018.", ""]
    total = sum(len(line) + 1 for line in lines)
    n = 0
    while total < size_bytes:
        n += 1
        line = CLAUSES[n % len(CLAUSES)].format(n=n)
        lines += [line, ""]
        total += len(line) + 2
    return "\n".join(lines)


class Heartbeat:
    """Beats every HEARTBEAT_MS on the GUI thread and records the gaps between beats."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.beats: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self.beats.append(now)
        self._last = now

    def longest_ms_outside(self, start: float, end: float) -> float:
        """The longest gap that does not overlap [start, end]."""
        beats = zip(self.gaps, self.beats, strict=True)
        gaps = [gap for gap, beat in beats if beat < start or beat - gap > end]
        return 1000 * max(gaps, default=0.0)

    def start(self) -> None:
        self.gaps.clear()
        self.beats.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._beat()

    def longest_ms(self) -> float:
        return 1000 * max(self.gaps, default=0.0)

    def median_ms(self) -> float:
        return 1000 * statistics.median(self.gaps) if self.gaps else 0.0


def run_until(application: QApplication, done: Callable[[], bool], timeout_s: float = 600) -> float:
    started = time.perf_counter()
    while not done():
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError("the import did not finish in time")
        application.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - started


def pump_for(application: QApplication, seconds: float) -> None:
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        application.processEvents()
        time.sleep(0.001)


def measure(application: QApplication, folder: Path, size_bytes: int) -> dict[str, float]:
    path = folder / f"agreement-{size_bytes}.txt"
    path.write_text(agreement_text(size_bytes), encoding="utf-8")
    services = open_services(folder / f"bench-{size_bytes}.sqlite3", with_sample=False)
    window = QWidget()
    window.show()
    heartbeat = Heartbeat()

    heartbeat.start()
    pump_for(application, 1.0)
    heartbeat.stop()
    idle_gap = heartbeat.longest_ms()

    started = time.perf_counter()
    provisions = len(extract(read_document(path).text).provisions)
    direct_s = time.perf_counter() - started

    controller = ImportController(window, services)
    # When the finished extraction is handed to the GUI thread, which builds the review dialog.
    opening: list[float] = []
    show_review = controller._extracted

    def timed_show_review(candidate: ImportCandidate) -> None:
        opening.append(time.perf_counter())
        show_review(candidate)
        opening.append(time.perf_counter())

    controller._extracted = timed_show_review  # type: ignore[method-assign]
    heartbeat.start()
    to_review = time.perf_counter()
    controller.import_file(path)
    run_until(application, lambda: bool(controller.review_dialog and controller.review_dialog.isVisible()))
    to_review_s = time.perf_counter() - to_review
    heartbeat.stop()
    import_gap, import_median = heartbeat.longest_ms(), heartbeat.median_ms()
    extracting_gap = heartbeat.longest_ms_outside(opening[0], opening[1])
    dialog_ms = 1000 * (opening[1] - opening[0])

    dialog = controller.review_dialog
    assert dialog is not None
    saved: list[int] = []
    controller.imported.connect(saved.append)
    heartbeat.start()
    save_s = run_until_saved(application, dialog.save, lambda: bool(saved))
    heartbeat.stop()
    save_gap = heartbeat.longest_ms()
    run_until(application, lambda: not controller.is_busy())
    window.close()
    return {
        "provisions": provisions,
        "idle_gap_ms": idle_gap,
        "direct_s": direct_s,
        "to_review_s": to_review_s,
        "import_gap_ms": import_gap,
        "import_median_ms": import_median,
        "extracting_gap_ms": extracting_gap,
        "dialog_ms": dialog_ms,
        "save_s": save_s,
        "save_gap_ms": save_gap,
    }


def run_until_saved(application: QApplication, save: Callable[[], None], saved: Callable[[], bool]) -> float:
    started = time.perf_counter()
    save()
    run_until(application, saved)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes-kb", type=int, nargs="+", default=[200, 1000])
    args = parser.parse_args()
    application = QApplication([])
    # A message box would wait for a click that never comes.
    QMessageBox.question = lambda *_args: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    print(f"heartbeat every {HEARTBEAT_MS} ms on the GUI thread; longest gap = longest freeze\n")
    header = (
        f"{'text':>8} {'provisions':>10} | {'idle gap':>9} {'direct read+extract':>20} | "
        f"{'to review':>10} {'longest gap':>12} {'median gap':>11} {'gap off dialog':>15} "
        f"{'dialog built':>13} | {'save':>8} {'save gap':>9}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for size_kb in args.sizes_kb:
            figures = measure(application, Path(folder), size_kb * 1000)
            print(
                f"{size_kb:>6}KB {figures['provisions']:>10.0f} | {figures['idle_gap_ms']:>7.1f}ms "
                f"{figures['direct_s'] * 1000:>18.0f}ms | {figures['to_review_s'] * 1000:>8.0f}ms "
                f"{figures['import_gap_ms']:>10.1f}ms {figures['import_median_ms']:>9.1f}ms "
                f"{figures['extracting_gap_ms']:>13.1f}ms {figures['dialog_ms']:>11.0f}ms | "
                f"{figures['save_s'] * 1000:>6.0f}ms {figures['save_gap_ms']:>7.1f}ms"
            )


if __name__ == "__main__":
    main()
