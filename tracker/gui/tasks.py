"""Long work off the GUI thread: run a callable on a worker, get its outcome on the GUI thread.

The work receives a :class:`TaskControl` to report progress and to poll for cancellation;
the caller gets a :class:`TaskHandle` to cancel it. Results, errors and progress are
delivered through queued signals, so every callback runs on the GUI thread and may touch
widgets. An exception raised by the work always reaches ``on_error``; it never escapes on
the worker thread, where nobody would see it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from tracker.errors import ExtractionCancelled

T = TypeVar("T")

# Finer steps are invisible on a progress bar and would only flood the GUI event queue.
PROGRESS_STEP = 0.01

# Handles whose work has not been delivered yet. Without a strong reference here a handle
# created by a caller that drops it could be collected before its result arrives.
_live_handles: set[TaskHandle] = set()
_quit_hook_installed = False


class TaskControl:
    """The work's side of a task: report progress, notice cancellation."""

    def __init__(self, cancel_requested: threading.Event, emit_progress: Callable[[float], None]) -> None:
        self._cancel_requested = cancel_requested
        self._emit_progress = emit_progress
        self._last_reported = -1.0

    def report(self, fraction: float) -> None:
        """Report progress as a fraction between 0 and 1 (values outside are clamped)."""
        fraction = min(max(float(fraction), 0.0), 1.0)
        if self._cancel_requested.is_set():
            return
        at_an_end = fraction in (0.0, 1.0) and fraction != self._last_reported
        if at_an_end or abs(fraction - self._last_reported) >= PROGRESS_STEP:
            self._last_reported = fraction
            self._emit_progress(fraction)

    def cancelled(self) -> bool:
        """True once the user asked to stop; the work should then return or raise soon."""
        return self._cancel_requested.is_set()


class TaskHandle(QObject):
    """The caller's side of a task. ``finished`` is emitted on the GUI thread after the
    outcome callback (whatever the outcome: result, error or cancellation)."""

    finished = Signal()

    # Emitted from the worker thread; queued onto this object's (the GUI) thread.
    _result_ready = Signal(object)
    _error_raised = Signal(object)
    _progress_made = Signal(float)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[float], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_cancelled = on_cancelled
        self._cancel_requested = threading.Event()
        self._running = True
        # Set when the widget that started the task is destroyed: its callbacks would
        # touch deleted objects, so the outcome is dropped.
        self._orphaned = False
        self.control = TaskControl(self._cancel_requested, self._progress_made.emit)
        queued = Qt.ConnectionType.QueuedConnection
        self._result_ready.connect(self._deliver_result, queued)
        self._error_raised.connect(self._deliver_error, queued)
        self._progress_made.connect(self._deliver_progress, queued)

    def cancel(self) -> None:
        """Ask the work to stop. Its result, if it still produces one, is discarded and
        ``on_cancelled`` is called instead of ``on_done``."""
        self._cancel_requested.set()

    def is_running(self) -> bool:
        """True until the outcome has been delivered."""
        return self._running

    def is_cancelled(self) -> bool:
        return self._cancel_requested.is_set()

    @Slot()
    def _forget_callbacks(self) -> None:
        self._orphaned = True
        self.cancel()

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        try:
            if self._orphaned:
                return
            if self._cancel_requested.is_set():
                if self._on_cancelled is not None:
                    self._on_cancelled()
            else:
                self._on_done(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        try:
            if self._orphaned:
                return
            if isinstance(error, ExtractionCancelled):
                if self._on_cancelled is not None:
                    self._on_cancelled()
            else:
                # A real failure is reported even after a cancel request: it may explain
                # why something the user expected did not happen.
                self._on_error(error)
        finally:
            self._finish()

    @Slot(float)
    def _deliver_progress(self, fraction: float) -> None:
        if self._running and not self._orphaned and self._on_progress is not None:
            self._on_progress(fraction)

    def _finish(self) -> None:
        self._running = False
        _live_handles.discard(self)
        self.finished.emit()


class _Worker(QRunnable):
    def __init__(self, work: Callable[[TaskControl], Any], handle: TaskHandle) -> None:
        super().__init__()
        self._work = work
        self._handle = handle

    def run(self) -> None:
        try:
            result = self._work(self._handle.control)
        except BaseException as error:  # every failure must reach on_error, whatever its kind
            self._handle._error_raised.emit(error)
        else:
            self._handle._result_ready.emit(result)


def run_in_background(
    work: Callable[[TaskControl], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[float], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> TaskHandle:
    """Run ``work(control)`` on the global thread pool.

    Exactly one of ``on_done``, ``on_error`` or ``on_cancelled`` is then called on the GUI
    thread (none of them if ``parent`` was destroyed meanwhile), followed by the handle's
    ``finished`` signal. Must be called from the GUI thread.
    """
    _stop_tasks_when_the_application_quits()
    handle = TaskHandle(on_done, on_error, on_progress, on_cancelled)
    if parent is not None:
        parent.destroyed.connect(handle._forget_callbacks)
    _live_handles.add(handle)
    QThreadPool.globalInstance().start(_Worker(work, handle))
    return handle


def _stop_tasks_when_the_application_quits() -> None:
    # The global pool waits for its workers when the application object goes away; asking
    # them to stop first keeps quitting quick even during a long extraction.
    global _quit_hook_installed
    application = QCoreApplication.instance()
    if _quit_hook_installed or application is None:
        return
    application.aboutToQuit.connect(_cancel_all)
    _quit_hook_installed = True


def _cancel_all() -> None:
    for handle in list(_live_handles):
        handle.cancel()


def running_tasks() -> list[TaskHandle]:
    """Tasks whose outcome has not been delivered yet."""
    return [handle for handle in _live_handles if handle.is_running()]


def cancel_all_and_wait(timeout_ms: int = 5000) -> bool:
    """Cancel every running task and wait for the workers to stop (for application exit).

    Returns False if some work was still running when the timeout expired.
    """
    _cancel_all()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
