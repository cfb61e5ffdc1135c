"""Start-up: an up-to-date database is on screen before SQLAlchemy loads, and then fully usable."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from tracker.bootstrap import open_services
from tracker.domain import Status
from tracker.gui.app import open_main_window
from tracker.gui.main_window import MainWindow
from tracker.gui.provisions_model import status_of

FIRST_ROWS_THEN_AN_EDIT = """
import sys
from pathlib import Path
from tracker.gui.app import create_application, open_main_window
from tracker.gui.provisions_model import Role

window = open_main_window(sys.argv[1], None, Path(sys.argv[2]))
application = create_application()


def loaded() -> None:
    window.loaded.disconnect(loaded)
    heavy = ("sqlalchemy", "alembic", "dateparser", "trafilatura", "tracker.extraction", "tracker.readers")
    print("rows", window.provisions_model.rowCount())
    print("loaded before the rows", [name for name in heavy if name in sys.modules])
    record = window.provisions_model.index(0, 0).data(Role.RECORD)
    changed = window.services.set_status(record.id, "complied", record.created_at.date())
    print("saved", changed.id, record.version, changed.version)
    application.quit()


window.loaded.connect(loaded)
window.show()
window.reload()
application.exec()
"""


def test_the_first_rows_are_drawn_before_the_database_layer_loads_and_edits_then_work(
    tmp_path: Path,
) -> None:
    database = tmp_path / "sample.db"
    open_services(database)  # a new file: created and given the sample, so next time it is current
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    done = subprocess.run(
        [sys.executable, "-c", FIRST_ROWS_THEN_AN_EDIT, str(database), str(tmp_path / "window.ini")],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "rows 4" in lines
    assert "loaded before the rows []" in lines
    _, provision_id, version_read, version_saved = next(
        line for line in lines if line.startswith("saved")
    ).split()
    assert int(version_saved) == int(version_read) + 1
    saved = open_services(database).get_provision(int(provision_id))
    assert saved.history[-1].status is Status.COMPLIED


def shown_statuses(window: MainWindow) -> list[Status | None]:
    model = window.provisions_model
    return [status_of(model.index(row, 0)) for row in range(model.rowCount())]


def test_a_reload_reads_the_database_again_not_the_start_up_snapshot(qtbot: QtBot, tmp_path: Path) -> None:
    database = tmp_path / "sample.db"
    elsewhere = open_services(database)
    window = open_main_window(str(database), date(2018, 9, 20), tmp_path / "window.ini")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    assert set(shown_statuses(window)) == {Status.PENDING}

    # Another program records a change; the next reload must show it.
    provision = elsewhere.list_provisions()[0]
    elsewhere.set_status(provision.id, Status.VIOLATED, date(2018, 9, 19))
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()

    assert Status.VIOLATED in shown_statuses(window)
    assert window.services.database_location == elsewhere.database_location


def test_a_database_that_needs_opening_in_full_starts_as_before(qtbot: QtBot, tmp_path: Path) -> None:
    database = tmp_path / "new.db"  # no file yet: created, then the sample is imported
    window = open_main_window(str(database), date(2018, 9, 20), tmp_path / "window.ini")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()

    assert window.provisions_model.rowCount() == len(open_services(database).list_provisions()) > 0
