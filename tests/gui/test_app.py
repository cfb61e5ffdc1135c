"""The app's entry points, run as a user would start them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot


def run_app(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args], capture_output=True, text=True, timeout=120, env=environment
    )


def test_screenshot_mode_saves_a_picture_of_the_loaded_window(tmp_path: Path) -> None:
    picture = tmp_path / "window.png"
    done = run_app(
        "gui", "--db", str(tmp_path / "sample.db"), "--as-of", "2018-09-20", "--screenshot", str(picture)
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(picture))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 600


def test_screenshot_mode_reports_an_unusable_database_in_one_line(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("shopping list\n" * 100, encoding="utf-8")
    done = run_app("gui", "--db", str(not_a_database), "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert not (tmp_path / "x.png").exists()


def test_the_gui_script_takes_the_same_options(qtbot: QtBot, tmp_path: Path) -> None:
    from tracker.gui.app import main

    picture = tmp_path / "window.png"
    hook = sys.excepthook
    assert (
        main(["--db", str(tmp_path / "sample.db"), "--as-of", "2018-09-20", "--screenshot", str(picture)])
        == 0
    )
    assert not QImage(str(picture)).isNull()
    assert sys.excepthook is hook


def test_a_bad_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from tracker.gui.app import main

    with pytest.raises(SystemExit) as exit_status:
        main(["--as-of", "yesterday"])
    assert exit_status.value.code == 2
    assert capsys.readouterr().err.strip().count("\n") == 0


CLOSE_WHEN_LOADED = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tracker.gui.app import create_application, run

create_application()


def close_when_loaded() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
    counts = windows[0].status_bar.counts_label.text() if windows else "Loading"
    if counts.startswith("Loading"):
        QTimer.singleShot(50, close_when_loaded)
        return
    print(counts)
    QApplication.closeAllWindows()


QTimer.singleShot(50, close_when_loaded)
sys.exit(run(sys.argv[1], None, None))
"""


def test_the_app_runs_until_its_window_is_closed_and_remembers_it(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CLOSE_WHEN_LOADED, str(tmp_path / "sample.db")],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    assert "1 agreement · 4 provisions" in done.stdout
    # The window's state went to the user's settings (a private home in tests).
    config = Path(os.environ["XDG_CONFIG_HOME"])
    assert any("geometry" in path.read_text(errors="replace") for path in config.rglob("*.conf"))
