"""Opening the database behind the window, so that the window shows its rows before SQLAlchemy loads.

Importing SQLAlchemy costs about 0.2 s of CPU under the GIL: done while Qt loads, it delays the
window by as much. So when opening would leave the database as it is (an up-to-date SQLite file,
checked in a millisecond), the worker thread first reads a snapshot of it with the standard library;
the window's first load shows that snapshot, and the services are opened when the window is up
(``open_in_full``) or as soon as something needs them. Any other database (a new file, one to
upgrade, one that is not ours, another backend) is opened in full at once, as before.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from tracker.errors import StorageError

if TYPE_CHECKING:
    from tracker.domain import AgreementRecord, ProvisionRecord
    from tracker.services import Services

    # Every agreement (text left empty) and every live provision, as the services list them.
    Listing = tuple[list[AgreementRecord], list[ProvisionRecord]]


class DatabaseOpening:
    """Opens the services on a worker thread; ``services()`` waits for them (and raises what failed)."""

    def __init__(self, db: str | None) -> None:
        from tracker.bootstrap import database_is_current
        from tracker.settings import database_url

        self._url = database_url(db)  # the environment and the default folder are consulted once
        self.is_current = database_is_current(self._url)
        self._snapshot: Listing | None = None
        self._services: Services | None = None
        self._error: BaseException | None = None
        self._snapshot_read = threading.Event()
        self._open_requested = threading.Event()
        self._opened = threading.Event()
        self._closing = False
        if not self.is_current:
            self._snapshot_read.set()
            self._open_requested.set()
        self._thread = threading.Thread(target=self._work, name="open-database", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            from tracker.bootstrap import open_services, read_snapshot

            if self.is_current:
                try:
                    snapshot = read_snapshot(self._url)
                    if snapshot is not None:
                        self._snapshot = (snapshot.agreements, snapshot.provisions)
                finally:
                    self._snapshot_read.set()
                self._open_requested.wait()
            if self._closing:
                raise StorageError("the database was closed before it was opened")
            self._services = open_services(self._url)
        except BaseException as error:  # handed to whoever waits for the services
            self._error = error
        finally:
            self._snapshot_read.set()
            self._opened.set()

    def location(self) -> str:
        """The database file, or its URL without password, for display."""
        from tracker.bootstrap import describe_location

        return describe_location(self._url)

    def open_in_full(self) -> None:
        """Go on to open the services (importing SQLAlchemy) without waiting for them."""
        self._open_requested.set()

    def is_open(self) -> bool:
        return self._opened.is_set()

    def take_snapshot(self) -> Listing | None:
        """The snapshot read at start, once (None for a database opened in full at once)."""
        self._snapshot_read.wait()
        snapshot, self._snapshot = self._snapshot, None
        return snapshot

    def close(self) -> None:
        """Open nothing more, and wait for an opening under way to finish: the interpreter must
        not shut down in the middle of it."""
        self._closing = True
        self._open_requested.set()
        self._thread.join()

    def services(self) -> Services:
        self._open_requested.set()
        self._opened.wait()
        if self._error is not None:
            raise self._error
        assert self._services is not None
        return self._services


class ServicesWhileOpening:
    """The window's services while they open: the first listing of agreements and of all provisions
    comes from the snapshot, every other call goes to the opened services (waiting for them).

    The snapshot is used only before the services are open: nothing can have been written
    through them yet, so it is what they would list.
    """

    def __init__(self, opening: DatabaseOpening) -> None:
        self._opening = opening
        self._location = opening.location()
        self._lock = threading.Lock()
        self._snapshot_taken = False
        self._first_agreements: list[AgreementRecord] | None = None
        self._first_provisions: list[ProvisionRecord] | None = None

    @property
    def database_location(self) -> str:
        return self._location

    def list_agreements(self) -> list[AgreementRecord]:
        with self._lock:
            self._take_snapshot()
            first, self._first_agreements = self._first_agreements, None
        if first is not None and not self._opening.is_open():
            return first
        return self._opening.services().list_agreements()

    def list_provisions(self, agreement_id: int | None = None) -> list[ProvisionRecord]:
        if agreement_id is None:
            with self._lock:
                self._take_snapshot()
                first, self._first_provisions = self._first_provisions, None
            if first is not None and not self._opening.is_open():
                return first
        return self._opening.services().list_provisions(agreement_id)

    def __getattr__(self, name: str) -> Any:
        # Everything else the window may ask of Services, once they are open.
        return getattr(self._opening.services(), name)

    def _take_snapshot(self) -> None:
        if not self._snapshot_taken:
            self._snapshot_taken = True
            snapshot = self._opening.take_snapshot()
            if snapshot is not None:
                self._first_agreements, self._first_provisions = snapshot
