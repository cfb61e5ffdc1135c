"""Alembic environment: runs on the connection that ``tracker.storage.migrate`` passes in.

The app never needs alembic.ini. A developer who generates a new revision can run
``alembic -x url=sqlite:///path.sqlite3 revision --autogenerate -m "..."`` with a small ini
pointing ``script_location`` here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from tracker.storage.engine import create_engine
from tracker.storage.models import Base


def database_url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("pass the database with: alembic -x url=<SQLAlchemy URL> ...")
    return url


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline(url: str) -> None:
    """Print the SQL instead of running it (``alembic upgrade head --sql``), e.g. for a DBA."""
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    if context.is_offline_mode():
        run_offline(database_url())
        return
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = create_engine(database_url())
    with engine.connect() as connection:
        run_on(connection)
    engine.dispose()


run()
