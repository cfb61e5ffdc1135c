"""Queries over a Session, returning ORM rows to change or plain domain records to hand out.

Listing provisions reads columns rather than ORM objects (no identity map, no lazy loads) and
decodes each distinct facet combination once: a summary of a hundred thousand provisions has
to come back in about a second.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
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
    # Read as the stored JSON text: equal lists then decode once, through facets_from_columns.
    sa.type_coerce(ProvisionRow.weapons, sa.Text).label("weapons"),
    sa.type_coerce(ProvisionRow.patrol_parties, sa.Text).label("patrol_parties"),
    sa.type_coerce(ProvisionRow.responsible_parties, sa.Text).label("responsible_parties"),
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


KINDS = {kind.value: kind for kind in Kind}
STATUSES = {status.value: status for status in Status}


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
        status=STATUSES[row.status],
        effective_on=row.effective_on,
        note=row.note,
        evidence=row.evidence,
        author=row.author,
        recorded_at=as_utc(row.recorded_at),
    )


def names(stored: str | list[str] | None) -> tuple[str, ...]:
    """A JSON list column, whether the driver handed back its text or already decoded it."""
    if stored is None:
        return ()
    return tuple(json.loads(stored) if isinstance(stored, str) else stored)


@lru_cache(maxsize=4096)
def facets_from_columns(
    zone_min_km: float | None,
    zone_max_km: float | None,
    weapons: str | None,
    patrol_parties: str | None,
    responsible_parties: str | None,
) -> Facets:
    zone = None if zone_min_km is None or zone_max_km is None else (zone_min_km, zone_max_km)
    return Facets(
        zone_width_km=zone,
        weapons=names(weapons),
        patrol_parties=names(patrol_parties),
        responsible_parties=names(responsible_parties),
    )


def facets_of(row: Any) -> Facets:
    columns = (row.weapons, row.patrol_parties, row.responsible_parties)
    if all(isinstance(c, str) or c is None for c in columns):
        return facets_from_columns(row.zone_min_km, row.zone_max_km, *columns)
    zone = None if row.zone_min_km is None or row.zone_max_km is None else (row.zone_min_km, row.zone_max_km)
    return Facets(zone, *(names(c) for c in columns))


def provision_record(row: Any, history: Sequence[StatusChange]) -> ProvisionRecord:
    return ProvisionRecord(
        id=row.id,
        agreement_id=row.agreement_id,
        order=row.order,
        kind=KINDS[row.kind],
        summary=row.summary,
        excerpt=row.excerpt,
        start=row.start,
        end=row.end,
        deadline=row.deadline,
        deadline_text=row.deadline_text,
        facets=facets_of(row),
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
