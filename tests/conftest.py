"""Shared fixtures: every test runs with its own home, data folders and database.

No test may touch the real user's database, settings or data folder: HOME, the XDG folders
(which platformdirs and Qt's QSettings read on Linux), the Windows and macOS equivalents and
AGREEMENT_TRACKER_DB all point into a fresh temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.bootstrap import open_services
from tracker.services import Services
from tracker.settings import DATABASE_ENV


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home for the test; AGREEMENT_TRACKER_DB names a database file inside it."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    for variable, folder in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("APPDATA", "AppData/Roaming"),
        ("LOCALAPPDATA", "AppData/Local"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv(DATABASE_ENV, str(home / "tracker.sqlite3"))
    return home


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    return tmp_path / "tracker.sqlite3"


@pytest.fixture
def services(database_path: Path) -> Services:
    """Services over a new database file, with the sample imported as on a first run."""
    return open_services(database_path)


@pytest.fixture
def empty_services(database_path: Path) -> Services:
    """Services over a new database file with no agreement in it."""
    return open_services(database_path, with_sample=False)
