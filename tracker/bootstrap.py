"""The one place that builds the services: the command line, the desktop app and the tests call it.

Opening a database brings its schema up to date (backing an existing file up first) and fills a
brand-new one with the sample agreement from seeds/, imported like any other file, so that the
app never opens empty on first run.

SQLAlchemy is imported by the functions that need it, not here: ``read_snapshot`` lets the
desktop app show an up-to-date database before that ~0.2 s import has happened.
"""

from __future__ import annotations

from importlib.resources import as_file
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.assets import seed
from tracker.settings import database_url

if TYPE_CHECKING:
    from tracker.services import Services
    from tracker.storage.snapshot import Snapshot

SAMPLE_FILE = "sochi-2018-idlib-memorandum.txt"


def describe_location(url: str) -> str:
    """The database file, or its URL without password, for display."""
    from tracker.storage.snapshot import sqlite_path

    # A plain SQLite URL is read without SQLAlchemy, to the same file name.
    plain_file = sqlite_path(url)
    if plain_file is not None:
        return plain_file
    from tracker.storage.engine import parse_url, sqlite_file

    parsed = parse_url(url)
    return sqlite_file(parsed) or parsed.render_as_string(hide_password=True)


def open_services(db: str | Path | None = None, *, with_sample: bool = True) -> Services:
    """Services over ``db`` (a path, an SQLAlchemy URL, or None for the default location).

    ``with_sample=False`` leaves a new database empty (tests of storage itself use it).
    """
    from tracker.services import Services
    from tracker.storage.engine import create_engine
    from tracker.storage.migrate import prepare_database
    from tracker.storage.unit_of_work import session_factory

    url = database_url(db)
    location = describe_location(url)
    engine = create_engine(url)
    prepared = prepare_database(engine, location)
    services = Services(session_factory(engine), location)
    if prepared.created and with_sample:
        import_sample(services)
    return services


def database_is_current(db: str | Path | None = None) -> bool:
    """Whether ``db`` is an SQLite file that ``open_services`` would open without changing it.

    Only such a database has a snapshot; any other is opened (and explained) by ``open_services``.
    """
    from tracker.storage.snapshot import is_current

    return is_current(database_url(db))


def read_snapshot(db: str | Path | None = None) -> Snapshot | None:
    """What the services would list from ``db`` right now, read without SQLAlchemy; None unless
    the database is current (see ``database_is_current``)."""
    from tracker.storage.snapshot import read_snapshot as read

    return read(database_url(db))


def import_sample(services: Services) -> int:
    with as_file(seed(SAMPLE_FILE)) as path:
        return services.import_file(path)
