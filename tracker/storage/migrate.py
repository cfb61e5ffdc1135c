"""Bring a database to the current schema when it is opened, refusing files that are not ours.

Order of events on open: look at the database with a read-only engine (no pragma, no write);
refuse it if it is not an SQLite file, is damaged, has tables of some other program or was made
by a newer version of the app; copy an SQLite file aside before changing its schema; then let
Alembic upgrade it to the head revision inside one transaction.

Alembic itself (~0.1 s to import) is loaded only when the schema has to change: an up-to-date
database is recognised by comparing its stored revision with SCHEMA_REVISION.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from tracker.errors import StorageError
from tracker.storage import migrations
from tracker.storage.engine import WRITES, create_inspection_engine, parse_url, sqlite_file
from tracker.storage.errors import describe_database_error
from tracker.storage.schema import OUR_TABLES, SCHEMA_REVISION, VERSION_TABLE

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_FOLDER = Path(migrations.__file__).resolve().parent
VERSIONS = sa.table(VERSION_TABLE, sa.column("version_num", sa.String))


@dataclass(frozen=True)
class DatabaseState:
    tables: frozenset[str]
    revision: str | None

    @property
    def is_blank(self) -> bool:
        return not self.tables


@dataclass(frozen=True)
class PreparedDatabase:
    """What opening did: whether the schema was just created, and where a backup went."""

    created: bool
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_FOLDER))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise StorageError("the app ships no database migrations; reinstall it")
    return head


def is_known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def stored_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database (Alembic's one-row table), if any."""
    return connection.execute(sa.select(VERSIONS.c.version_num)).scalars().first()


def inspect_database(url: str, location: str) -> DatabaseState:
    engine = create_inspection_engine(url)
    try:
        with engine.connect() as connection:
            tables = frozenset(sa.inspect(connection).get_table_names())
            revision = stored_revision(connection) if VERSION_TABLE in tables else None
    except SQLAlchemyError as error:
        raise StorageError(
            f"cannot open {location}: it is not an Agreement Tracker database or it is damaged "
            f"({describe_database_error(error)})"
        ) from None
    finally:
        engine.dispose()
    return DatabaseState(tables - {VERSION_TABLE}, revision)


def check_ours(state: DatabaseState, location: str) -> None:
    if state.revision is None or not state.tables >= OUR_TABLES:
        shown = ", ".join(sorted(state.tables)[:5])
        raise StorageError(
            f"{location} is not an Agreement Tracker database (it holds other tables: {shown}); "
            "choose another file with --db"
        )
    if state.revision != SCHEMA_REVISION and not is_known_revision(state.revision):
        raise StorageError(
            f"{location} was written by a newer version of Agreement Tracker "
            f"(schema {state.revision}); update the app to open it"
        )


def back_up_sqlite_file(engine: Engine, revision: str) -> Path | None:
    """Copy the file aside with SQLite's online backup, which includes pages still in the WAL."""
    database = sqlite_file(engine.url)
    if database is None:
        return None
    source = Path(database)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = source.with_name(f"{source.name}.before-schema-{revision}-{stamp}.bak")
    raw = engine.raw_connection()
    try:
        destination = sa.create_engine(f"sqlite:///{target}", poolclass=sa.NullPool).raw_connection()
        try:
            raw.driver_connection.backup(destination.driver_connection)  # type: ignore[union-attr]
        finally:
            destination.close()
    finally:
        raw.close()
    return target


def prepare_database(engine: Engine, location: str) -> PreparedDatabase:
    """Create or upgrade the schema; raise StorageError for a database that is not ours."""
    url = engine.url.render_as_string(hide_password=False)
    database = sqlite_file(parse_url(url))
    if database is not None and Path(database).is_dir():
        raise StorageError(f"{location} is a folder; give the path of a database file")
    exists = database is None or (Path(database).exists() and Path(database).stat().st_size > 0)
    state = inspect_database(url, location) if exists else DatabaseState(frozenset(), None)
    if not state.is_blank:
        check_ours(state, location)
    if state.revision == SCHEMA_REVISION:
        return PreparedDatabase(created=False, backup=None)
    backup = None
    if not state.is_blank and state.revision is not None:
        try:
            backup = back_up_sqlite_file(engine, state.revision)
        except (SQLAlchemyError, OSError) as error:
            raise StorageError(f"cannot back up {location} before upgrading it: {error}") from None
    from alembic import command

    config = alembic_config()
    try:
        # Holding the write lock, look again: a second process opening the same new file at the
        # same moment finds the schema already made and neither re-creates it nor re-seeds it.
        with engine.connect() as connection:
            connection.execution_options(**{WRITES: True})
            with connection.begin():
                tables = sa.inspect(connection).get_table_names()
                revision = stored_revision(connection) if VERSION_TABLE in tables else None
                if revision != SCHEMA_REVISION:
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
    except SQLAlchemyError as error:
        raise StorageError(f"cannot prepare {location}: {describe_database_error(error)}") from None
    return PreparedDatabase(created=revision is None, backup=backup)
