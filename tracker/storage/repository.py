"""Queries over a Session, returning ORM rows to change or plain domain records to hand out.

Listing reads table columns as plain tuples rather than ORM objects (no identity map, no
attribute instrumentation) and decodes each distinct facet combination once: a summary of a
hundred thousand provisions has to come back in about a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.domain import AgreementRecord, ProvisionRecord, StatusChange
from tracker.errors import NotFound
from tracker.storage.models import AgreementRow, Base, ProvisionRow, StatusChangeRow
from tracker.storage.records import (
    agreement_record,
    provision_from_columns,
    status_change_from_columns,
)

PROVISION_TABLE = Base.metadata.tables[ProvisionRow.__tablename__]
PROVISIONS = PROVISION_TABLE.c
STATUS_CHANGES = Base.metadata.tables[StatusChangeRow.__tablename__].c

# The order provision_from_columns unpacks.
PROVISION_COLUMNS = (
    PROVISIONS.id,
    PROVISIONS.agreement_id,
    PROVISIONS.position,
    PROVISIONS.kind,
    PROVISIONS.summary,
    PROVISIONS.excerpt,
    PROVISIONS.start_offset,
    PROVISIONS.end_offset,
    PROVISIONS.deadline,
    PROVISIONS.deadline_text,
    PROVISIONS.zone_min_km,
    PROVISIONS.zone_max_km,
    # Read as the stored JSON text: equal lists then decode once, through cached_facets.
    sa.type_coerce(PROVISIONS.weapons, sa.Text),
    sa.type_coerce(PROVISIONS.patrol_parties, sa.Text),
    sa.type_coerce(PROVISIONS.responsible_parties, sa.Text),
    PROVISIONS.created_at,
    PROVISIONS.edited_at,
    PROVISIONS.version,
)
# The order status_change_from_columns unpacks.
STATUS_CHANGE_COLUMNS = (
    STATUS_CHANGES.id,
    STATUS_CHANGES.provision_id,
    STATUS_CHANGES.status,
    STATUS_CHANGES.effective_on,
    STATUS_CHANGES.note,
    STATUS_CHANGES.evidence,
    STATUS_CHANGES.author,
    STATUS_CHANGES.recorded_at,
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


def provision_record(row: ProvisionRow, history: Sequence[StatusChange]) -> ProvisionRecord:
    values = (
        row.id, row.agreement_id, row.order, row.kind, row.summary, row.excerpt, row.start, row.end,
        row.deadline, row.deadline_text, row.zone_min_km, row.zone_max_km, row.weapons,
        row.patrol_parties, row.responsible_parties, row.created_at, row.edited_at, row.version,
    )  # fmt: skip
    return provision_from_columns(values, history)


# Attribute name -> column name, where they differ ("order" is stored as "position").
COLUMN_NAMES = {
    attribute.key: attribute.columns[0].name for attribute in ProvisionRow.__mapper__.column_attrs
}


def insert_provisions(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert provisions given by attribute name, in one executemany without ORM objects."""
    if rows:
        session.connection().execute(
            sa.insert(PROVISION_TABLE),
            [{COLUMN_NAMES[name]: value for name, value in row.items()} for row in rows],
        )


def list_agreements(session: Session) -> list[AgreementRecord]:
    rows = session.execute(sa.select(*AGREEMENT_LIST_COLUMNS).order_by(AgreementRow.id))
    return [agreement_record(row) for row in rows]


def list_provisions(session: Session, agreement_id: int | None = None) -> list[ProvisionRecord]:
    """Live (not deleted) provisions in agreement order, each with its history, oldest first."""
    return _provisions_where(
        session,
        PROVISIONS.deleted_at.is_(None),
        agreement_id,
        (PROVISIONS.agreement_id, PROVISIONS.position),
    )


def list_deleted_provisions(session: Session, agreement_id: int | None = None) -> list[ProvisionRecord]:
    """Deleted provisions, the most recently deleted first, each with its history, oldest first."""
    return _provisions_where(
        session,
        PROVISIONS.deleted_at.is_not(None),
        agreement_id,
        (PROVISIONS.deleted_at.desc(), PROVISIONS.id.desc()),
    )


def _provisions_where(
    session: Session, condition: Any, agreement_id: int | None, order: Sequence[Any]
) -> list[ProvisionRecord]:
    if agreement_id is not None:
        condition = sa.and_(condition, PROVISIONS.agreement_id == agreement_id)
    provision_rows = session.execute(sa.select(*PROVISION_COLUMNS).where(condition).order_by(*order)).all()
    wanted = sa.select(PROVISIONS.id).where(condition)
    histories: defaultdict[int, list[StatusChange]] = defaultdict(list)
    for values in session.execute(
        sa.select(*STATUS_CHANGE_COLUMNS)
        .where(STATUS_CHANGES.provision_id.in_(wanted))
        .order_by(STATUS_CHANGES.id)
    ):
        change = status_change_from_columns(values)
        histories[change.provision_id].append(change)
    return [provision_from_columns(values, histories.get(values[0], ())) for values in provision_rows]


def history(session: Session, provision_id: int) -> list[StatusChange]:
    rows = session.execute(
        sa.select(*STATUS_CHANGE_COLUMNS)
        .where(STATUS_CHANGES.provision_id == provision_id)
        .order_by(STATUS_CHANGES.id)
    )
    return [status_change_from_columns(values) for values in rows]


def load_provision(session: Session, row: ProvisionRow) -> ProvisionRecord:
    session.flush()
    return provision_record(row, history(session, row.id))
