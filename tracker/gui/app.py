"""Starts the desktop app: ``agreement-tracker-gui`` and ``agreement-tracker gui``.

Start-up keeps SQLAlchemy (about 0.2 s to import) off the path to the first rows: an up-to-date
database is read as a snapshot on a worker thread while the main thread loads Qt and builds the
window, and opened in full once those rows are shown (see database_opening). Qt is imported inside
the functions here, not at the top.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from tracker import APP_ID, APP_NAME, __version__
from tracker.errors import TrackerError

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tracker.gui.database_opening import DatabaseOpening
    from tracker.gui.main_window import MainWindow
    from tracker.services import Services

# How long screenshot mode lets the window settle after loading before it is captured.
_SCREENSHOT_SETTLE_MS = 200
_ORGANISATION = "AgreementTracker"


def main(argv: Sequence[str] | None = None) -> int:
    """The gui-script: the same options as ``agreement-tracker gui``."""
    from tracker.cli import ArgumentParser, parse_date

    # The command line's parser: a usage error is one line, as everywhere else.
    parser = ArgumentParser(prog="agreement-tracker-gui", description=f"{APP_NAME} desktop app")
    parser.add_argument("--version", action="version", version=f"agreement-tracker {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file or SQLAlchemy URL")
    parser.add_argument(
        "--as-of", type=parse_date, metavar="DATE", help="show everything as of this date (YYYY-MM-DD)"
    )
    parser.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the window and exit")
    args = parser.parse_args(list(argv) if argv is not None else None)
    return run(args.db, args.as_of, Path(args.screenshot) if args.screenshot else None)


def create_application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from tracker.gui.app_icon import app_icon

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication([sys.argv[0] if sys.argv else "agreement-tracker"])
    application.setApplicationName("agreement-tracker")
    application.setApplicationDisplayName(APP_NAME)
    application.setApplicationVersion(__version__)
    application.setOrganizationName(_ORGANISATION)
    application.setDesktopFileName(APP_ID)
    application.setWindowIcon(app_icon())
    return application


def window_settings() -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(_ORGANISATION, "agreement-tracker")


def open_main_window(db: str | None, as_of: date | None, settings_file: Path | None = None) -> MainWindow:
    """The main window on ``db``, not yet shown; TrackerError when the database cannot be used.

    Window state lives in ``settings_file`` (an INI file) when given, else in the user's settings.
    """
    return _open_window(db, as_of, settings_file)[0]


def _open_window(
    db: str | None, as_of: date | None, settings_file: Path | None = None
) -> tuple[MainWindow, DatabaseOpening]:
    from tracker.gui.database_opening import DatabaseOpening, ServicesWhileOpening

    opening = DatabaseOpening(db)
    create_application()
    from PySide6.QtCore import QSettings, QTimer

    from tracker.gui.main_window import MainWindow

    settings = (
        window_settings()
        if settings_file is None
        else QSettings(str(settings_file), QSettings.Format.IniFormat)
    )
    if not opening.is_current:
        # Opened in full already: a database that cannot be used is refused before any window.
        return MainWindow(opening.services(), settings, as_of), opening
    # Stands in for Services (it forwards every call to them once they are open).
    window = MainWindow(cast("Services", ServicesWhileOpening(opening)), settings, as_of)
    # Once the first rows are on screen (the zero timer lets them be drawn), open the services.
    window.loaded.connect(lambda: QTimer.singleShot(0, opening.open_in_full))
    return window, opening


def run(db: str | None, as_of: date | None, screenshot: Path | None) -> int:
    """Open the main window on ``db`` (None: the default database) and run until it closes.

    With ``screenshot``, the window is drawn offscreen, loaded, its first provision selected,
    saved as a PNG and the app exits.
    """
    if screenshot is not None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _take_screenshot(db, as_of, screenshot)

    from PySide6.QtWidgets import QMessageBox

    try:
        window, opening = _open_window(db, as_of)
    except TrackerError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    window.show()
    window.reload()
    sys.excepthook = _report_unexpected_error
    status = create_application().exec()
    # A load, or the opening, still running would otherwise be cut off by the interpreter
    # shutting down.
    from tracker.gui.tasks import cancel_all_and_wait

    cancel_all_and_wait()
    opening.close()
    return status


def _take_screenshot(db: str | None, as_of: date | None, path: Path) -> int:
    # The picture must not depend on how this user last left the window.
    with tempfile.TemporaryDirectory() as folder:
        try:
            window, opening = _open_window(db, as_of, Path(folder) / "window.ini")
        except TrackerError as error:
            print(f"agreement-tracker: {error}", file=sys.stderr)
            return 2
        from PySide6.QtCore import QEventLoop, QTimer

        # A loop of its own rather than QApplication.exec(): quitting the application's loop
        # would also end every later event loop on this thread (tests run this in-process).
        running = QEventLoop()
        outcome: list[int] = []

        def capture() -> None:
            saved = window.grab().save(str(path), "PNG")
            if not saved:
                print(f"agreement-tracker: cannot write the screenshot to {path}", file=sys.stderr)
            outcome.append(0 if saved else 2)
            running.quit()

        def loaded() -> None:
            window.select_first_provision()
            QTimer.singleShot(_SCREENSHOT_SETTLE_MS, capture)

        def failed(message: str) -> None:
            print(f"agreement-tracker: {message}", file=sys.stderr)
            running.exit(2)

        def give_up(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
            traceback.print_exception(kind, error, trace, file=sys.stderr)
            running.exit(2)

        window.loaded.connect(loaded)
        window.load_failed.connect(failed)
        previous_hook, sys.excepthook = sys.excepthook, give_up
        try:
            window.resize(1600, 900)
            window.show()
            window.reload()
            status = running.exec()
        finally:
            sys.excepthook = previous_hook
            window.close()
            opening.close()
        return outcome[0] if outcome else status or 2


def _report_unexpected_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Show a bug as a message instead of killing the window; the details go to stderr."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    traceback.print_exception(kind, error, trace, file=sys.stderr)
    message = (
        str(error) if isinstance(error, TrackerError) else f"Something went wrong: {kind.__name__}: {error}"
    )
    if QApplication.instance() is not None:
        QMessageBox.warning(None, APP_NAME, message)
