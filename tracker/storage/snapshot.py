"""A first look at an up-to-date SQLite database, read with the standard library alone.

The desktop app draws its first rows before SQLAlchemy (about 0.2 s to import) is loaded. This
module reads what ``Services.list_agreements()`` and ``list_provisions()`` return, with the same
queries in plain portable SQL and the same decoding (records.py), so the records are identical.

It answers only for a plain SQLite file that is already at SCHEMA_REVISION: a file that opening
would leave exactly as it is. For anything else (no file yet, a schema to upgrade, a file that is
not ours, another backend, any error) it returns None, and the caller opens the database the
usual way, which upgrades it or reports the problem in its own words.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from tracker.domain import AgreementRecord, ProvisionRecord, StatusChange
from tracker.storage.records import agreement_from_columns, provision_from_columns, status_change_from_columns
from tracker.storage.schema import OUR_TABLES, SCHEMA_REVISION, VERSION_TABLE

SQLITE_URL_PREFIX = "sqlite:///"
# Characters that SQLAlchemy's URL parser would decode or split on: such URLs take the usual way.
URL_SPECIAL_CHARACTERS = frozenset("?#%")
T = TypeVar("T")

# What migrate.inspect_database looks at: the tables (as SQLAlchemy's inspector lists them) and
# the stored revision.
TABLES_QUERY = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~'"
REVISION_QUERY = f"SELECT version_num FROM {VERSION_TABLE}"
# The same columns, conditions and order as repository.list_agreements and list_provisions.
AGREEMENTS_QUERY = (
    "SELECT id, title, parties, signed_on, place, source, language, imported_at FROM agreements ORDER BY id"
)
LIVE_PROVISIONS_QUERY = (
    "SELECT id, agreement_id, position, kind, summary, excerpt, start_offset, end_offset, deadline,"
    " deadline_text, zone_min_km, zone_max_km, weapons, patrol_parties, responsible_parties,"
    " created_at, edited_at, version"
    " FROM provisions WHERE deleted_at IS NULL ORDER BY agreement_id, position"
)
LIVE_HISTORY_QUERY = (
    "SELECT id, provision_id, status, effective_on, note, evidence, author, recorded_at"
    " FROM status_changes"
    " WHERE provision_id IN (SELECT id FROM provisions WHERE deleted_at IS NULL) ORDER BY id"
)


@dataclass(frozen=True)
class Snapshot:
    """Every agreement (text left empty) and every live provision with its history."""

    location: str
    agreements: list[AgreementRecord]
    provisions: list[ProvisionRecord]


def sqlite_path(url: str) -> str | None:
    """The file named by a plain ``sqlite:///`` URL, exactly as SQLAlchemy would read it; else None."""
    if not url.startswith(SQLITE_URL_PREFIX):
        return None
    path = url.removeprefix(SQLITE_URL_PREFIX)
    if not path or path == ":memory:" or URL_SPECIAL_CHARACTERS & set(path):
        return None
    return path


def is_current(url: str) -> bool:
    """Whether ``url`` is an SQLite file of ours at SCHEMA_REVISION, one that opening leaves as it is."""
    return _with_current_file(url, lambda connection, location: True) is not None


def read_snapshot(url: str) -> Snapshot | None:
    """The listing of an up-to-date SQLite database at ``url``; None when it must be opened in full."""
    return _with_current_file(url, _read)


def _with_current_file(url: str, read: Callable[[sqlite3.Connection, str], T]) -> T | None:
    """``read(connection, location)`` inside one read transaction, if the file is current; else None."""
    path = sqlite_path(url)
    if path is None:
        return None
    file = Path(path)
    try:
        if not file.is_file() or file.stat().st_size == 0:
            return None
        # mode=rw: never creates a file; a connection that only reads changes nothing in it.
        connection = sqlite3.connect(f"{file.absolute().as_uri()}?mode=rw", uri=True, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        connection.execute("BEGIN")  # one consistent view of every table read
        return read(connection, path) if _holds_current_schema(connection) else None
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        # Whatever is wrong, the usual opening finds it again and explains it.
        return None
    finally:
        connection.close()


def _holds_current_schema(connection: sqlite3.Connection) -> bool:
    tables = {name for (name,) in connection.execute(TABLES_QUERY)}
    if VERSION_TABLE not in tables or not tables >= OUR_TABLES:
        return False
    revision = connection.execute(REVISION_QUERY).fetchone()
    return revision is not None and revision[0] == SCHEMA_REVISION


def _read(connection: sqlite3.Connection, location: str) -> Snapshot:
    agreements = [
        agreement_from_columns(_decoded(values, AGREEMENT_DECODERS))
        for values in connection.execute(AGREEMENTS_QUERY)
    ]
    provision_rows = [
        _decoded(values, PROVISION_DECODERS) for values in connection.execute(LIVE_PROVISIONS_QUERY)
    ]
    histories: defaultdict[int, list[StatusChange]] = defaultdict(list)
    for values in connection.execute(LIVE_HISTORY_QUERY):
        change = status_change_from_columns(_decoded(values, STATUS_CHANGE_DECODERS))
        histories[change.provision_id].append(change)
    provisions = [provision_from_columns(values, histories.get(values[0], ())) for values in provision_rows]
    return Snapshot(location, agreements, provisions)


# What SQLAlchemy's SQLite types do with the stored text: ISO dates and times, JSON lists.
def _date(stored: str | None) -> date | None:
    return None if stored is None else date.fromisoformat(stored)


def _datetime(stored: str | None) -> datetime | None:
    return None if stored is None else datetime.fromisoformat(stored)


def _json(stored: str | None) -> Any:
    return None if stored is None else json.loads(stored)


Decoders = dict[int, Callable[[Any], Any]]
AGREEMENT_DECODERS: Decoders = {2: _json, 3: _date, 7: _datetime}
# The list facets stay JSON text, as repository reads them: records.facets_for decodes each once.
PROVISION_DECODERS: Decoders = {8: _date, 15: _datetime, 16: _datetime}
STATUS_CHANGE_DECODERS: Decoders = {3: _date, 7: _datetime}


def _decoded(values: Sequence[Any], decoders: Decoders) -> tuple[Any, ...]:
    return tuple(decoders[index](value) if index in decoders else value for index, value in enumerate(values))
