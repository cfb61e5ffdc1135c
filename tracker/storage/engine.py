"""Engine setup. The only place where SQLite-specific settings appear.

SQLite gets foreign keys on, a WAL journal and synchronous FULL (a committed status change
survives a power cut), and real transactions: by default Python's sqlite3 module neither
begins a transaction before DDL nor before SELECT, so a migration would not be atomic and
a read would see no consistent snapshot. The recipe from SQLAlchemy's SQLite notes fixes that
by taking transaction control away from the driver and issuing BEGIN ourselves.

A unit of work that will write asks for ``BEGIN IMMEDIATE`` (execution option WRITES): it
waits for the write lock up front, so it never reads a snapshot that another writer then
invalidates (which SQLite reports as "database is locked" half-way through).
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool, StaticPool

from tracker.errors import StorageError

SQLITE_BUSY_TIMEOUT_S = 10
WRITES = "tracker_writes"


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise StorageError(f"not a database path or SQLAlchemy URL: {url!r}") from None


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def sqlite_file(url: URL) -> str | None:
    """The file behind an SQLite URL, or None for an in-memory database or another backend."""
    if not is_sqlite(url) or url.database in (None, "", ":memory:"):
        return None
    return url.database


def create_engine(url: str) -> Engine:
    """An engine for the app's own use: SQLite tuned and made transactional."""
    parsed = parse_url(url)
    try:
        if not is_sqlite(parsed):
            return sa.create_engine(parsed, pool_pre_ping=True)
        if sqlite_file(parsed) is None:
            # An in-memory database lives as long as its one connection: share that connection.
            engine = sa.create_engine(
                parsed, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            # A connection per unit of work, so worker threads never share one.
            engine = sa.create_engine(
                parsed, poolclass=NullPool, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}
            )
    except (ImportError, ArgumentError) as error:
        raise unusable(parsed, error) from None
    sa.event.listen(engine, "connect", configure_sqlite_connection)
    sa.event.listen(engine, "begin", begin_sqlite_transaction)
    return engine


def create_inspection_engine(url: str) -> Engine:
    """A plain engine that only reads, used to look at a file before trusting it.

    It sets no pragma: switching the journal to WAL writes to the file, and a file that is
    not ours must be left exactly as it was.
    """
    parsed = parse_url(url)
    try:
        return sa.create_engine(parsed, poolclass=NullPool)
    except (ImportError, ArgumentError) as error:
        raise unusable(parsed, error) from None


def unusable(url: URL, error: Exception) -> StorageError:
    """A URL naming an unknown backend or a driver that is not installed."""
    return StorageError(f"cannot use database {url.render_as_string(hide_password=True)}: {error}")


def configure_sqlite_connection(dbapi_connection: Any, connection_record: Any) -> None:
    # Autocommit at the driver level; the "begin" listener below starts every transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        switch_to_wal(cursor)
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def switch_to_wal(cursor: Any) -> None:
    # Switching a new file to WAL needs it briefly to itself, and SQLite reports "locked" at once
    # instead of applying the busy timeout: two programs creating the same file would otherwise
    # see one of them fail. The mode is persistent, so this waits only on a brand-new file.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def begin_sqlite_transaction(connection: sa.Connection) -> None:
    writes = connection.get_execution_options().get(WRITES, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
