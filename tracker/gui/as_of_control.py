"""The toolbar's "as of" date: today by default, following the calendar while it says today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from tracker.gui.dates import date_edit, date_of, to_qdate
from tracker.gui.naming import named

# Checked this often as well as at midnight, so that a suspended laptop or a changed clock
# still catches up within a minute.
_RECHECK_MS = 60_000
# Typing a date passes through other valid dates (2019-06-0 -> 2019-06-01 ...); recomputing
# 100,000 rows for each would make typing lag, so a typed date applies once typing pauses.
_TYPING_PAUSE_MS = 300


class AsOfControl(QWidget):
    changed = Signal(object)  # date

    def __init__(self, initial: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("asOfControl")
        self._today = date.today()
        # While the date shown is "today", it moves on with the calendar.
        self._follows_today = initial is None or initial == self._today
        shown = initial or self._today
        self.date_edit = named("asOfDateEdit", date_edit(shown))
        self.date_edit.setToolTip("Statuses, countdowns and overdue flags are computed as of this date")
        self.today_button = named("asOfTodayButton", QToolButton())
        self.today_button.setText("Today")
        self.today_button.setToolTip("Show everything as of today")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(QLabel("As of"))
        layout.addWidget(self.date_edit)
        layout.addWidget(self.today_button)

        self._typing_pause = named(
            "asOfTypingTimer", QTimer(self, singleShot=True, interval=_TYPING_PAUSE_MS)
        )
        self._typing_pause.timeout.connect(self._apply)
        self.date_edit.dateChanged.connect(self._typing_pause.start)
        self.date_edit.editingFinished.connect(self._apply_now)
        calendar = named("asOfCalendar", self.date_edit.calendarWidget())
        calendar.clicked.connect(self._apply_now)
        self.today_button.clicked.connect(self._show_today)
        self._applied = shown
        self._timer = named("dayChangeTimer", QTimer(self, singleShot=True))
        self._timer.timeout.connect(self.check_day)
        self._arm_timer()

    def day(self) -> date:
        return date_of(self.date_edit)

    def set_day(self, day: date) -> None:
        """Show everything as of ``day``, at once."""
        self.date_edit.setDate(to_qdate(day))
        self._apply_now()

    def focus_date(self) -> None:
        self.date_edit.setFocus()
        self.date_edit.setSelectedSection(self.date_edit.Section.DaySection)

    def check_day(self, today: date | None = None) -> None:
        """Move on to a new day if the calendar has (``today`` is for tests)."""
        today = today or date.today()
        if today != self._today:
            following = self._follows_today
            self._today = today
            if following:
                self.set_day(today)
        self._arm_timer()

    def _show_today(self) -> None:
        self.set_day(date.today())

    def _apply_now(self, *_: object) -> None:
        self._typing_pause.stop()
        self._apply()

    def _apply(self) -> None:
        day = self.day()
        self._follows_today = day == self._today
        if day != self._applied:
            self._applied = day
            self.changed.emit(day)

    def _arm_timer(self) -> None:
        now = datetime.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        until_midnight_ms = int((midnight - now).total_seconds() * 1000) + 500
        self._timer.start(min(until_midnight_ms, _RECHECK_MS))
