"""Starts the desktop app: ``agreement-tracker-gui`` and ``agreement-tracker gui``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import APP_ID, APP_NAME, __version__
from tracker.errors import TrackerError
from tracker.gui.app_icon import app_icon

# How long screenshot mode lets the window settle after loading before it is captured.
_SCREENSHOT_SETTLE_MS = 200
_ORGANISATION = "AgreementTracker"


def main(argv: Sequence[str] | None = None) -> int:
    """The gui-script: the same options as ``agreement-tracker gui``."""
    from tracker.cli import parse_date

    parser = argparse.ArgumentParser(prog="agreement-tracker-gui", description=f"{APP_NAME} desktop app")
    parser.add_argument("--version", action="version", version=f"agreement-tracker {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file or SQLAlchemy URL")
    parser.add_argument(
        "--as-of", type=parse_date, metavar="DATE", help="show everything as of this date (YYYY-MM-DD)"
    )
    parser.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the window and exit")
    args = parser.parse_args(list(argv) if argv is not None else None)
    return run(args.db, args.as_of, Path(args.screenshot) if args.screenshot else None)


def create_application(argv: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication([sys.argv[0] if sys.argv else "agreement-tracker", *argv])
    application.setApplicationName("agreement-tracker")
    application.setApplicationDisplayName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setOrganizationName(_ORGANISATION)
    application.setDesktopFileName(APP_ID)
    application.setWindowIcon(app_icon())
    return application


def window_settings() -> QSettings:
    return QSettings(_ORGANISATION, "agreement-tracker")


def run(db: str | None, as_of: date | None, screenshot: Path | None) -> int:
    """Open the main window on ``db`` (None: the default database) and run until it closes.

    With ``screenshot``, the window is drawn offscreen, loaded, its first provision selected,
    saved as a PNG and the app exits.
    """
    if screenshot is not None and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = create_application()

    from tracker.bootstrap import open_services
    from tracker.gui.main_window import MainWindow

    try:
        services = open_services(db)
    except TrackerError as error:
        if screenshot is not None:
            print(f"agreement-tracker: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, APP_NAME, str(error))
        return 2

    if screenshot is not None:
        # The picture must not depend on how this user last left the window.
        with tempfile.TemporaryDirectory() as folder:
            fresh = QSettings(str(Path(folder) / "window.ini"), QSettings.Format.IniFormat)
            return _take_screenshot(application, MainWindow(services, fresh, as_of), screenshot)
    window = MainWindow(services, window_settings(), as_of)
    window.show()
    window.reload()
    sys.excepthook = _report_unexpected_error
    return application.exec()


def _take_screenshot(application: QApplication, window: object, path: Path) -> int:
    from tracker.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    outcome: list[int] = []

    def capture() -> None:
        saved = window.grab().save(str(path), "PNG")
        if not saved:
            print(f"agreement-tracker: cannot write the screenshot to {path}", file=sys.stderr)
        outcome.append(0 if saved else 2)
        application.quit()

    def loaded() -> None:
        window.select_first_provision()
        QTimer.singleShot(_SCREENSHOT_SETTLE_MS, capture)

    def give_up(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        traceback.print_exception(kind, error, trace, file=sys.stderr)
        application.exit(2)

    def failed(message: str) -> None:
        print(f"agreement-tracker: {message}", file=sys.stderr)
        application.exit(2)

    window.loaded.connect(loaded)
    window.load_failed.connect(failed)
    sys.excepthook = give_up
    window.resize(1600, 900)
    window.show()
    window.reload()
    status = application.exec()
    return outcome[0] if outcome else status or 2


def _report_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Show a bug as a message instead of killing the window; the details go to stderr."""
    traceback.print_exception(kind, error, trace, file=sys.stderr)
    message = (
        str(error) if isinstance(error, TrackerError) else f"Something went wrong: {kind.__name__}: {error}"
    )
    if QApplication.instance() is not None:
        QMessageBox.warning(None, APP_NAME, message)
