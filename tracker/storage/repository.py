"""Queries over a Session, returning ORM rows to change or plain domain records to hand out.

Listing provisions reads columns rather than ORM objects (no identity map, no lazy loads): a
summary of a hundred thousand provisions has to come back in well under a second or two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain import AgreementRecord, Facets, Kind, ProvisionRecord, Status, StatusChange
from tracker.errors import NotFound
from tracker.storage.models import AgreementRow, ProvisionRow, StatusChangeRow

PROVISION_COLUMNS = (
    ProvisionRow.id,
    ProvisionRow.agreement_id,
    ProvisionRow.order,
    ProvisionRow.kind,
    ProvisionRow.summary,
    ProvisionRow.excerpt,
    ProvisionRow.start,
    ProvisionRow.end,
    ProvisionRow.deadline,
    ProvisionRow.deadline_text,
    ProvisionRow.zone_min_km,
    ProvisionRow.zone_max_km,
    ProvisionRow.weapons,
    ProvisionRow.patrol_parties,
    ProvisionRow.responsible_parties,
    ProvisionRow.created_at,
    ProvisionRow.edited_at,
    ProvisionRow.version,
)
STATUS_CHANGE_COLUMNS = (
    StatusChangeRow.id,
    StatusChangeRow.provision_id,
    StatusChangeRow.status,
    StatusChangeRow.effective_on,
    StatusChangeRow.note,
    StatusChangeRow.evidence,
    StatusChangeRow.author,
    StatusChangeRow.recorded_at,
)
AGREEMENT_LIST_COLUMNS = (
    AgreementRow.id,
    AgreementRow.title,
    AgreementRow.parties,
    AgreementRow.signed_on,
    AgreementRow.place,
    AgreementRow.source,
    AgreementRow.language,
    AgreementRow.imported_at,
)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def get_agreement_row(session: Session, agreement_id: int) -> AgreementRow:
    row = session.get(AgreementRow, agreement_id)
    if row is None:
        raise NotFound(f"no agreement with id {agreement_id}")
    return row


def get_provision_row(session: Session, provision_id: int, *, include_deleted: bool = False) -> ProvisionRow:
    row = session.get(ProvisionRow, provision_id)
    if row is None:
        raise NotFound(f"no provision with id {provision_id}")
    if row.deleted_at is not None and not include_deleted:
        raise NotFound(f"provision {provision_id} was deleted")
    return row


def next_order(session: Session, agreement_id: int) -> int:
    last = session.scalar(
        sa.select(sa.func.max(ProvisionRow.order)).where(ProvisionRow.agreement_id == agreement_id)
    )
    return 1 if last is None else last + 1


def agreement_record(row: Any, *, text: str = "") -> AgreementRecord:
    return AgreementRecord(
        id=row.id,
        title=row.title,
        parties=tuple(row.parties),
        signed_on=row.signed_on,
        place=row.place,
        source=row.source,
        language=row.language,
        imported_at=as_utc(row.imported_at),
        text=text,
    )


def status_change(row: Any) -> StatusChange:
    return StatusChange(
        id=row.id,
        provision_id=row.provision_id,
        status=Status(row.status),
        effective_on=row.effective_on,
        note=row.note,
        evidence=row.evidence,
        author=row.author,
        recorded_at=as_utc(row.recorded_at),
    )


def provision_record(row: Any, history: Sequence[StatusChange]) -> ProvisionRecord:
    zone = None
    if row.zone_min_km is not None and row.zone_max_km is not None:
        zone = (row.zone_min_km, row.zone_max_km)
    return ProvisionRecord(
        id=row.id,
        agreement_id=row.agreement_id,
        order=row.order,
        kind=Kind(row.kind),
        summary=row.summary,
        excerpt=row.excerpt,
        start=row.start,
        end=row.end,
        deadline=row.deadline,
        deadline_text=row.deadline_text,
        facets=Facets(
            zone_width_km=zone,
            weapons=tuple(row.weapons),
            patrol_parties=tuple(row.patrol_parties),
            responsible_parties=tuple(row.responsible_parties),
        ),
        created_at=as_utc(row.created_at),
        edited_at=as_utc(row.edited_at),
        version=row.version,
        history=tuple(history),
    )


def list_agreements(session: Session) -> list[AgreementRecord]:
    rows = session.execute(sa.select(*AGREEMENT_LIST_COLUMNS).order_by(AgreementRow.id))
    return [agreement_record(row) for row in rows]


def list_provisions(session: Session, agreement_id: int | None = None) -> list[ProvisionRecord]:
    """Live (not deleted) provisions in agreement order, each with its history, oldest first."""
    live = ProvisionRow.deleted_at.is_(None)
    condition = live if agreement_id is None else sa.and_(live, ProvisionRow.agreement_id == agreement_id)
    provision_rows = session.execute(
        sa.select(*PROVISION_COLUMNS).where(condition).order_by(ProvisionRow.agreement_id, ProvisionRow.order)
    ).all()
    wanted = sa.select(ProvisionRow.id).where(condition)
    histories: defaultdict[int, list[StatusChange]] = defaultdict(list)
    for row in session.execute(
        sa.select(*STATUS_CHANGE_COLUMNS)
        .where(StatusChangeRow.provision_id.in_(wanted))
        .order_by(StatusChangeRow.id)
    ):
        histories[row.provision_id].append(status_change(row))
    return [provision_record(row, histories.get(row.id, ())) for row in provision_rows]


def history(session: Session, provision_id: int) -> list[StatusChange]:
    rows = session.execute(
        sa.select(*STATUS_CHANGE_COLUMNS)
        .where(StatusChangeRow.provision_id == provision_id)
        .order_by(StatusChangeRow.id)
    )
    return [status_change(row) for row in rows]


def load_provision(session: Session, row: ProvisionRow) -> ProvisionRecord:
    session.flush()
    return provision_record(row, history(session, row.id))
