"""The one place that builds the services: the command line, the desktop app and the tests call it.

Opening a database brings its schema up to date (backing an existing file up first) and fills a
brand-new one with the sample agreement from seeds/, imported like any other file, so that the
app never opens empty on first run.
"""

from __future__ import annotations

from importlib.resources import as_file
from pathlib import Path

from tracker.assets import seed
from tracker.services import Services
from tracker.settings import database_url
from tracker.storage.engine import create_engine, parse_url, sqlite_file
from tracker.storage.migrate import prepare_database
from tracker.storage.unit_of_work import session_factory

SAMPLE_FILE = "sochi-2018-idlib-memorandum.txt"


def describe_location(url: str) -> str:
    parsed = parse_url(url)
    return sqlite_file(parsed) or parsed.render_as_string(hide_password=True)


def open_services(db: str | Path | None = None, *, with_sample: bool = True) -> Services:
    """Services over ``db`` (a path, an SQLAlchemy URL, or None for the default location).

    ``with_sample=False`` leaves a new database empty (tests of storage itself use it).
    """
    url = database_url(db)
    location = describe_location(url)
    engine = create_engine(url)
    prepared = prepare_database(engine, location)
    services = Services(session_factory(engine), location)
    if prepared.created and with_sample:
        import_sample(services)
    return services


def import_sample(services: Services) -> int:
    with as_file(seed(SAMPLE_FILE)) as path:
        return services.import_file(path)
