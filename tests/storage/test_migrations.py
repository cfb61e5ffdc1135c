"""Opening a database creates or upgrades its schema, and refuses files that are not ours."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tracker.bootstrap import open_services
from tracker.domain import Kind, Status
from tracker.errors import StorageError
from tracker.storage.engine import create_engine
from tracker.storage.migrate import SCHEMA_REVISION, alembic_config, head_revision
from tracker.storage.models import Base

FIRST_REVISION = "0001"


def migrate_to(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def revision_of(path: Path) -> str | None:
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    engine.dispose()
    return revision


OLD_ROWS = {
    "agreements": {
        "id": 1, "title": "Old accord", "parties": '["North", "South"]', "signed_on": "2019-03-01",
        "place": "Geneva", "source": "old.txt", "language": "en",
        "text": "Both sides shall withdraw by 1 April 2019.", "imported_at": "2019-03-02 10:00:00.000000",
    },
    "provisions": {
        "id": 7, "agreement_id": 1, "position": 1, "kind": "withdrawal", "summary": "Both sides withdraw",
        "excerpt": "Both sides shall withdraw by 1 April 2019.", "start_offset": 0, "end_offset": 42,
        "deadline": "2019-04-01", "deadline_text": "by 1 April 2019", "zone_min_km": 5.0, "zone_max_km": 10.0,
        "weapons": '["tanks"]', "patrol_parties": "[]", "responsible_parties": '["North"]',
        "created_at": "2019-03-02 10:00:00.000000", "edited_at": "2019-03-05 10:00:00.000000", "version": 3,
    },
    "status_changes": {
        "id": 1, "provision_id": 7, "status": "in_progress", "effective_on": "2019-03-20",
        "note": "convoys seen", "evidence": "https://example.org/1", "author": "ana",
        "recorded_at": "2019-03-21 08:00:00.000000",
    },
}


def fill_first_schema(path: Path) -> None:
    """Rows as version 0001 of the schema stored them, written with plain SQL."""
    with sqlite3.connect(path) as connection:
        for table, row in OLD_ROWS.items():
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
    connection.close()


def test_a_new_database_gets_the_whole_schema(database_path: Path) -> None:
    open_services(database_path, with_sample=False)

    assert revision_of(database_path) == head_revision()
    engine = sa.create_engine(f"sqlite:///{database_path}")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_a_database_made_by_the_first_migration_upgrades_with_its_data_intact(database_path: Path) -> None:
    migrate_to(database_path, FIRST_REVISION)
    fill_first_schema(database_path)

    services = open_services(database_path)

    assert revision_of(database_path) == head_revision()
    [agreement] = services.list_agreements()
    assert agreement.title == "Old accord"
    assert agreement.parties == ("North", "South")
    assert agreement.signed_on == date(2019, 3, 1)
    assert services.get_agreement(1).text == "Both sides shall withdraw by 1 April 2019."
    [provision] = services.list_provisions()
    assert provision.id == 7
    assert provision.kind is Kind.WITHDRAWAL
    assert provision.deadline == date(2019, 4, 1)
    assert provision.facets.zone_width_km == (5.0, 10.0)
    assert provision.facets.weapons == ("tanks",)
    assert provision.version == 3
    [change] = provision.history
    assert (change.status, change.note, change.author) == (Status.IN_PROGRESS, "convoys seen", "ana")
    # The upgraded schema works: soft delete, the column the second migration added.
    services.delete_provision(7, expected_version=3)
    assert services.list_provisions() == []


def test_an_upgrade_keeps_a_copy_of_the_old_file(database_path: Path) -> None:
    migrate_to(database_path, FIRST_REVISION)
    fill_first_schema(database_path)

    open_services(database_path)

    [backup] = database_path.parent.glob(f"{database_path.name}.before-schema-{FIRST_REVISION}-*.bak")
    assert revision_of(backup) == FIRST_REVISION
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT title FROM agreements").fetchall() == [("Old accord",)]


def test_an_up_to_date_database_is_opened_without_a_backup(database_path: Path) -> None:
    open_services(database_path, with_sample=False)
    open_services(database_path, with_sample=False)

    assert list(database_path.parent.glob("*.bak")) == []


def test_sqlite_runs_with_foreign_keys_wal_and_full_sync(database_path: Path) -> None:
    open_services(database_path, with_sample=False)
    engine = create_engine(f"sqlite:///{database_path}")
    with engine.connect() as connection:
        pragmas = [connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in
                   ("foreign_keys", "journal_mode", "synchronous")]
    engine.dispose()
    assert pragmas == [1, "wal", 2]


def unchanged_after_refusal(path: Path, expected_words: str) -> None:
    before = path.read_bytes()
    with pytest.raises(StorageError) as refused:
        open_services(path)
    message = str(refused.value)
    assert "\n" not in message
    assert expected_words in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_an_sqlite_file_of_another_program_is_refused_and_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "contacts.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
        connection.execute("INSERT INTO people VALUES ('Ada')")
    connection.close()

    unchanged_after_refusal(other, "not an Agreement Tracker database")


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes, not a database.\n" * 20, encoding="utf-8")

    unchanged_after_refusal(notes, "not an Agreement Tracker database or it is damaged")


def test_a_corrupt_database_is_refused_and_left_alone(database_path: Path) -> None:
    open_services(database_path, with_sample=False)
    for leftover in database_path.parent.glob(f"{database_path.name}-*"):
        leftover.unlink()
    damaged = bytearray(database_path.read_bytes())
    # Keep the 100-byte header so it still looks like SQLite; wreck the schema page after it.
    damaged[100:4096] = b"\xff" * (4096 - 100)
    database_path.write_bytes(bytes(damaged))

    unchanged_after_refusal(database_path, "damaged")


def test_a_database_from_a_newer_version_is_refused(database_path: Path) -> None:
    open_services(database_path, with_sample=False)
    with sqlite3.connect(database_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()

    with pytest.raises(StorageError, match="newer version"):
        open_services(database_path)


def test_a_missing_folder_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="cannot"):
        open_services(tmp_path / "no such folder" / "tracker.sqlite3")


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a folder"):
        open_services(tmp_path)


def test_two_programs_opening_a_new_file_at_once_make_one_schema_and_one_sample(database_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        opened = list(pool.map(lambda _: open_services(database_path), range(2)))

    assert [len(services.list_agreements()) for services in opened] == [1, 1]


def test_every_revision_downgrades_and_upgrades_again(database_path: Path) -> None:
    migrate_to(database_path, "head")
    engine = create_engine(f"sqlite:///{database_path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        assert sa.inspect(connection).get_table_names() == ["alembic_version"]
    engine.dispose()

    migrate_to(database_path, "head")
    assert revision_of(database_path) == head_revision()


def test_the_schema_revision_the_app_expects_is_the_newest_migration() -> None:
    assert head_revision() == SCHEMA_REVISION


def test_opening_an_up_to_date_database_does_not_load_alembic(database_path: Path) -> None:
    open_services(database_path, with_sample=False)
    code = (
        "import sys\n"
        "from tracker.bootstrap import open_services\n"
        f"open_services({str(database_path)!r}).list_provisions()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
