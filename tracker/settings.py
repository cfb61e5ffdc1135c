"""Where the database lives: ``--db``, else ``$AGREEMENT_TRACKER_DB``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

DATABASE_ENV = "AGREEMENT_TRACKER_DB"
DATA_FOLDER_NAME = "agreement-tracker"
DATABASE_FILE_NAME = "tracker.sqlite3"


def default_database_path() -> Path:
    """The per-user database file, e.g. ~/.local/share/agreement-tracker/tracker.sqlite3 on Linux."""
    return user_data_path(DATA_FOLDER_NAME, appauthor=False) / DATABASE_FILE_NAME


def is_url(location: str) -> bool:
    return "://" in location


def database_url(db: str | Path | None = None) -> str:
    """An SQLAlchemy URL for a path, a URL, or None (the environment, then the default file)."""
    chosen: str | Path | None = db
    if chosen is None or (isinstance(chosen, str) and not chosen.strip()):
        chosen = os.environ.get(DATABASE_ENV, "").strip() or None
    if chosen is None:
        path = default_database_path()
        # Only the default folder is created on demand; a folder the user named must exist.
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite_url(path)
    if isinstance(chosen, str) and is_url(chosen):
        return chosen
    return sqlite_url(Path(chosen).expanduser())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"
