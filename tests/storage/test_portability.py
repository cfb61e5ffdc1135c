"""The schema is not tied to SQLite: the migrations render for PostgreSQL as well."""

from __future__ import annotations

import io

from alembic import command
from alembic.config import Config

from tracker.storage.migrate import MIGRATIONS_FOLDER


def migration_sql(url: str) -> str:
    output = io.StringIO()
    config = Config(output_buffer=output)
    config.set_main_option("script_location", str(MIGRATIONS_FOLDER))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head", sql=True)
    return output.getvalue()


def test_the_migrations_render_for_postgresql() -> None:
    sql = migration_sql("postgresql://tracker@localhost/tracker")

    for table in ("agreements", "provisions", "status_changes"):
        assert f"CREATE TABLE {table}" in sql
    assert "parties JSON NOT NULL" in sql
    assert "ALTER TABLE provisions ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE" in sql
    assert "CREATE INDEX ix_status_changes_provision_id ON status_changes (provision_id)" in sql
    assert "PRAGMA" not in sql
