"""Status history rows can be added, never changed or removed, whatever path the code takes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain import AgreementDraft, ExtractedProvision, Kind, Status
from tracker.services import Services
from tracker.storage.append_only import AppendOnlyViolation
from tracker.storage.engine import create_engine
from tracker.storage.models import StatusChangeRow
from tracker.storage.unit_of_work import session_factory

TEXT = "The parties shall exchange all detainees within 30 days."


@pytest.fixture
def change_id(empty_services: Services) -> int:
    agreement_id = empty_services.import_agreement(
        AgreementDraft(title="Exchange accord", text=TEXT),
        [ExtractedProvision(0, len(TEXT), TEXT, Kind.EXCHANGE, "Detainees exchanged")],
    )
    [provision] = empty_services.list_provisions(agreement_id)
    record = empty_services.set_status(provision.id, Status.IN_PROGRESS, date(2020, 1, 5), note="first list")
    return record.history[0].id


@pytest.fixture
def session(database_path: Path) -> Session:
    return session_factory(create_engine(f"sqlite:///{database_path}"))()


def stored_notes(empty_services: Services) -> list[str]:
    [provision] = empty_services.list_provisions()
    return [change.note for change in empty_services.history(provision.id)]


def test_changing_a_history_row_is_refused(
    session: Session, change_id: int, empty_services: Services
) -> None:
    row = session.get(StatusChangeRow, change_id)
    assert row is not None
    row.note = "rewritten"
    with pytest.raises(AppendOnlyViolation, match="append-only"):
        session.commit()
    session.rollback()
    assert stored_notes(empty_services) == ["first list"]


def test_deleting_a_history_row_is_refused(
    session: Session, change_id: int, empty_services: Services
) -> None:
    row = session.get(StatusChangeRow, change_id)
    session.delete(row)
    with pytest.raises(AppendOnlyViolation):
        session.commit()
    session.rollback()
    assert stored_notes(empty_services) == ["first list"]


@pytest.mark.parametrize(
    "statement",
    [
        sa.update(StatusChangeRow).values(note="bulk rewrite"),
        sa.delete(StatusChangeRow),
    ],
    ids=["bulk update", "bulk delete"],
)
def test_bulk_statements_on_history_are_refused(
    session: Session, change_id: int, empty_services: Services, statement: sa.Executable
) -> None:
    with pytest.raises(AppendOnlyViolation):
        session.execute(statement)
    session.rollback()
    assert stored_notes(empty_services) == ["first list"]


def test_a_correction_is_a_new_row_and_the_old_one_stays(change_id: int, empty_services: Services) -> None:
    [provision] = empty_services.list_provisions()
    empty_services.set_status(provision.id, Status.PENDING, date(2020, 1, 5), note="recorded in error")

    history = empty_services.history(provision.id)
    assert [(c.status, c.note) for c in history] == [
        (Status.IN_PROGRESS, "first list"),
        (Status.PENDING, "recorded in error"),
    ]
    assert empty_services.get_provision(provision.id).status() is Status.PENDING
