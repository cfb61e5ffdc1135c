"""A unit of work commits only when told, rolls back otherwise, and a writer holds the lock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Kind, Status
from tracker.errors import StorageError
from tracker.services import Services
from tracker.storage import engine as storage_engine
from tracker.storage.engine import create_engine
from tracker.storage.models import AgreementRow
from tracker.storage.unit_of_work import UnitOfWork, session_factory

TEXT = "All prisoners shall be released within 14 days."


@pytest.fixture
def sessions(database_path: Path, empty_services: Services) -> sessionmaker[Session]:
    return session_factory(create_engine(f"sqlite:///{database_path}"))


def add_agreement(uow: UnitOfWork, title: str) -> None:
    uow.session.add(
        AgreementRow(
            title=title,
            parties=[],
            signed_on=None,
            place="",
            source="",
            language="en",
            text=TEXT,
            imported_at=datetime(2020, 1, 1, tzinfo=UTC),
        )
    )
    uow.session.flush()


def test_leaving_without_commit_rolls_back(sessions: sessionmaker[Session], empty_services: Services) -> None:
    with UnitOfWork(sessions, writes=True) as uow:
        add_agreement(uow, "Never committed")
    assert empty_services.list_agreements() == []


def test_an_exception_rolls_back_what_was_flushed(
    sessions: sessionmaker[Session], empty_services: Services
) -> None:
    with pytest.raises(ValueError), UnitOfWork(sessions, writes=True) as uow:
        add_agreement(uow, "Half done")
        raise ValueError("crash in the middle")
    assert empty_services.list_agreements() == []


def test_commit_keeps_the_work(sessions: sessionmaker[Session], empty_services: Services) -> None:
    with UnitOfWork(sessions, writes=True) as uow:
        add_agreement(uow, "Kept")
        uow.commit()
    assert [a.title for a in empty_services.list_agreements()] == ["Kept"]


def test_a_writer_holds_the_write_lock_from_its_start(
    database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage_engine, "SQLITE_BUSY_TIMEOUT_S", 0.2)
    services = open_services(database_path, with_sample=False)
    agreement_id = services.import_agreement(
        AgreementDraft(title="Release accord", text=TEXT),
        [ExtractedProvision(0, len(TEXT), TEXT, Kind.EXCHANGE, "Prisoners released")],
    )
    [provision] = services.list_provisions(agreement_id)
    other_writer = session_factory(create_engine(f"sqlite:///{database_path}"))

    with UnitOfWork(other_writer, writes=True):
        # Reading still works while another writer is busy (WAL) ...
        assert services.get_provision(provision.id).version == 1
        # ... but a second writer waits for the lock, here longer than its timeout.
        with pytest.raises(StorageError, match="busy"):
            services.set_status(provision.id, Status.COMPLIED, date(2020, 1, 10))

    record = services.set_status(provision.id, Status.COMPLIED, date(2020, 1, 10))
    assert [c.status for c in record.history] == [Status.COMPLIED]
