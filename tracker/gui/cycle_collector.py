"""Pausing Python's cycle collector while many objects are created at once.

An extraction creates thousands of small acyclic objects; the collector, triggered by the
allocations, re-scans every live object each time. In the worker that holds the GIL, and
so stalls the GUI thread too; on the GUI thread it stalls it directly.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Nothing is freed later than it would be by reference counting; only cycles wait."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Whoever paused it first turns it back on, so nested or concurrent pauses are safe.
        if was_enabled:
            gc.enable()
