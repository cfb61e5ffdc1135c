"""Background tasks: outcomes arrive on the GUI thread, errors are never lost, cancel is honoured."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tracker.errors import DocumentError, ExtractionCancelled
from tracker.gui.tasks import TaskControl, cancel_all_and_wait, run_in_background, running_tasks

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Outcome:
    """Records which callback ran, with what, and on which thread."""

    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.progress: list[float] = []
        self.cancellations = 0
        self.threads: list[QThread] = []

    def done(self, value: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(value)

    def error(self, error: BaseException) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(error)

    def progressed(self, fraction: float) -> None:
        self.threads.append(QThread.currentThread())
        self.progress.append(fraction)

    def cancelled(self) -> None:
        self.threads.append(QThread.currentThread())
        self.cancellations += 1


def gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_result_is_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    outcome = Outcome()
    worker_threads: list[int] = []

    def work(control: TaskControl) -> int:
        worker_threads.append(threading.get_ident())
        return 6 * 7

    handle = run_in_background(work, on_done=outcome.done, on_error=outcome.error)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert outcome.results == [42]
    assert outcome.errors == []
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert outcome.threads == [gui_thread()]
    assert not handle.is_running()
    assert handle not in running_tasks()


def test_an_error_in_the_work_reaches_on_error(qtbot: QtBot) -> None:
    outcome = Outcome()

    def work(control: TaskControl) -> None:
        raise DocumentError("report.pdf has no text layer")

    handle = run_in_background(work, on_done=outcome.done, on_error=outcome.error)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert outcome.results == []
    assert [str(error) for error in outcome.errors] == ["report.pdf has no text layer"]
    assert isinstance(outcome.errors[0], DocumentError)
    assert outcome.threads == [gui_thread()]


def test_an_unexpected_exception_is_not_lost(qtbot: QtBot) -> None:
    outcome = Outcome()

    settings: dict[str, int] = {}

    def work(control: TaskControl) -> int:
        return settings["missing"]

    handle = run_in_background(work, on_done=outcome.done, on_error=outcome.error)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert len(outcome.errors) == 1 and isinstance(outcome.errors[0], KeyError)


def test_progress_is_delivered_on_the_gui_thread_in_order(qtbot: QtBot) -> None:
    outcome = Outcome()

    def work(control: TaskControl) -> str:
        for step in range(11):
            control.report(step / 10)
        return "done"

    handle = run_in_background(
        work, on_done=outcome.done, on_error=outcome.error, on_progress=outcome.progressed
    )
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert outcome.progress == pytest.approx([step / 10 for step in range(11)])
    assert outcome.results == ["done"]
    assert set(outcome.threads) == {gui_thread()}


def test_tiny_progress_steps_are_coalesced(qtbot: QtBot) -> None:
    outcome = Outcome()

    def work(control: TaskControl) -> None:
        for step in range(10_001):
            control.report(step / 10_000)

    handle = run_in_background(
        work, on_done=outcome.done, on_error=outcome.error, on_progress=outcome.progressed
    )
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert 90 <= len(outcome.progress) <= 102
    assert outcome.progress[0] == 0.0 and outcome.progress[-1] == 1.0


def test_cancel_is_seen_by_the_work_and_its_result_discarded(qtbot: QtBot) -> None:
    outcome = Outcome()
    started = threading.Event()

    def work(control: TaskControl) -> str:
        started.set()
        deadline = time.monotonic() + 5
        while not control.cancelled() and time.monotonic() < deadline:
            time.sleep(0.005)
        return "stopped early" if control.cancelled() else "ran to the end"

    handle = run_in_background(
        work, on_done=outcome.done, on_error=outcome.error, on_cancelled=outcome.cancelled
    )
    assert started.wait(5)
    assert handle.is_running()
    handle.cancel()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert outcome.results == []
    assert outcome.errors == []
    assert outcome.cancellations == 1
    assert handle.is_cancelled() and not handle.is_running()


def test_work_raising_extraction_cancelled_counts_as_cancelled(qtbot: QtBot) -> None:
    outcome = Outcome()

    def work(control: TaskControl) -> None:
        while not control.cancelled():
            time.sleep(0.005)
        raise ExtractionCancelled("Extraction cancelled.")

    handle = run_in_background(
        work, on_done=outcome.done, on_error=outcome.error, on_cancelled=outcome.cancelled
    )
    handle.cancel()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert outcome.errors == [] and outcome.results == []
    assert outcome.cancellations == 1


def test_destroying_the_parent_drops_the_callbacks(qtbot: QtBot) -> None:
    outcome = Outcome()
    owner = QObject()
    release = threading.Event()

    def work(control: TaskControl) -> str:
        release.wait(5)
        return "late"

    handle = run_in_background(work, on_done=outcome.done, on_error=outcome.error, parent=owner)
    owner.deleteLater()
    qtbot.waitUntil(handle.is_cancelled, timeout=5000)
    release.set()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass

    assert outcome.results == [] and outcome.errors == []


def test_many_tasks_each_deliver_their_own_result(qtbot: QtBot) -> None:
    outcome = Outcome()
    squares: list[int] = []

    def square_of(n: int) -> Callable[[TaskControl], int]:
        return lambda control: n * n

    handles = [
        run_in_background(square_of(n), on_done=squares.append, on_error=outcome.error) for n in range(20)
    ]
    qtbot.waitUntil(lambda: not any(handle.is_running() for handle in handles), timeout=5000)

    assert sorted(squares) == [n * n for n in range(20)]


def test_cancel_all_and_wait_stops_running_work(qtbot: QtBot) -> None:
    outcome = Outcome()

    def work(control: TaskControl) -> str:
        while not control.cancelled():
            time.sleep(0.005)
        return "stopped"

    handle = run_in_background(
        work, on_done=outcome.done, on_error=outcome.error, on_cancelled=outcome.cancelled
    )
    assert cancel_all_and_wait(5000)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert outcome.cancellations == 1


QUIT_DURING_WORK = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tracker.gui.tasks import run_in_background

app = QApplication([])
def work(control):
    deadline = time.monotonic() + 60
    while not control.cancelled() and time.monotonic() < deadline:
        time.sleep(0.01)
    print("stopped because cancelled" if control.cancelled() else "ran a whole minute", flush=True)
run_in_background(work, on_done=print, on_error=print)
QTimer.singleShot(200, app.quit)
app.exec()
"""


def test_quitting_the_application_stops_running_work() -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", QUIT_DURING_WORK], capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert "stopped because cancelled" in done.stdout
    assert time.monotonic() - started < 20
