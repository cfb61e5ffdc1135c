"""Shared GUI test set-up: window state kept in tmp_path, a database holding the Lakeside truce."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from lakeside import TRUCE_TEXT, open_window, truce_provisions
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft
from tracker.gui.main_window import MainWindow
from tracker.services import Services


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """No test reads or writes the user's real window settings."""
    folder = tmp_path / "settings"
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database holding the truce and nothing else."""
    path = tmp_path / "truce.db"
    services = open_services(path, with_sample=False)
    draft = AgreementDraft(
        title="Truce of Lakeside",
        text=TRUCE_TEXT,
        parties=("Northern Council", "Southern League"),
        signed_on=date(2020, 3, 1),
        place="Lakeside",
    )
    services.import_agreement(draft, truce_provisions())
    return path


@pytest.fixture
def services(database: Path) -> Services:
    """In tests/gui, ``services`` is the Lakeside truce rather than the sample."""
    return open_services(database)


@pytest.fixture
def window(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    return open_window(qtbot, services, settings)
