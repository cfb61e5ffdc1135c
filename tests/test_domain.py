from __future__ import annotations

from datetime import date, datetime

from tracker.domain import (
    Status,
    StatusChange,
    countdown_days,
    describe_countdown,
    implementation_score,
    is_overdue,
    latest_change,
)


def change(id: int, status: Status, on: date, recorded: int = 0) -> StatusChange:
    return StatusChange(id, 1, status, on, "", "", "analyst", datetime(2020, 1, 1, 0, recorded))


def test_countdown_counts_days_to_the_deadline() -> None:
    assert countdown_days(date(2018, 10, 15), date(2018, 9, 20)) == 25
    assert countdown_days(date(2018, 10, 15), date(2018, 10, 20)) == -5
    assert countdown_days(None, date(2018, 10, 20)) is None


def test_overdue_is_derived_from_deadline_and_status() -> None:
    deadline, after = date(2018, 10, 15), date(2018, 10, 16)
    assert is_overdue(deadline, Status.PENDING, after)
    assert is_overdue(deadline, Status.VIOLATED, after)
    assert not is_overdue(deadline, Status.COMPLIED, after)
    assert not is_overdue(deadline, Status.SUPERSEDED, after)
    assert not is_overdue(deadline, Status.PENDING, deadline)
    assert not is_overdue(None, Status.PENDING, after)


def test_status_as_of_a_date_follows_effective_dates() -> None:
    history = [
        change(1, Status.IN_PROGRESS, date(2018, 10, 1)),
        change(2, Status.COMPLIED, date(2018, 10, 14)),
        change(3, Status.VIOLATED, date(2018, 10, 5), recorded=5),  # recorded later, effective earlier
    ]
    assert latest_change(history, date(2018, 9, 30)) is None
    picked = latest_change(history, date(2018, 10, 6))
    assert picked is not None and picked.status is Status.VIOLATED
    picked = latest_change(history)
    assert picked is not None and picked.status is Status.COMPLIED


def test_implementation_score_follows_the_peace_accords_matrix_scale() -> None:
    assert implementation_score([Status.COMPLIED, Status.PENDING]) == 50.0
    assert implementation_score([Status.IN_PROGRESS, Status.PARTIAL, Status.DISPUTED]) == 50.0
    assert implementation_score([Status.DISPUTED, Status.SUPERSEDED]) is None
    assert implementation_score([Status.COMPLIED] * 3) == 100.0


def test_countdown_wording() -> None:
    assert describe_countdown(12) == "in 12 days"
    assert describe_countdown(0) == "today"
    assert describe_countdown(-3) == "3 days overdue"
    assert describe_countdown(None) == "no deadline"
