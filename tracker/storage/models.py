"""The ORM mapping: agreements, their provisions and the append-only status history.

Types are portable (no SQLite-only column types): list facets are ``sa.JSON``, the zone width
is two floats, timestamps are stored in UTC. The schema itself is created and changed only by
the Alembic migrations in ``migrations/versions``; a test checks that they agree with this file.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Explicit constraint names let migrations alter constraints on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


class AgreementRow(Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.Text)
    parties: Mapped[list[str]] = mapped_column(sa.JSON)
    signed_on: Mapped[date | None]
    place: Mapped[str] = mapped_column(sa.Text)
    source: Mapped[str] = mapped_column(sa.Text)
    language: Mapped[str] = mapped_column(sa.Text)
    text: Mapped[str] = mapped_column(sa.Text)
    imported_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))

    provisions: Mapped[list[ProvisionRow]] = relationship(
        back_populates="agreement", order_by="ProvisionRow.order"
    )


class ProvisionRow(Base):
    __tablename__ = "provisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreements.id"), index=True)
    # "order" is an SQL keyword; the column is called position.
    order: Mapped[int] = mapped_column("position")
    kind: Mapped[str] = mapped_column(sa.String(32))
    summary: Mapped[str] = mapped_column(sa.Text)
    excerpt: Mapped[str] = mapped_column(sa.Text)
    start: Mapped[int] = mapped_column("start_offset")
    end: Mapped[int] = mapped_column("end_offset")
    deadline: Mapped[date | None] = mapped_column(index=True)
    deadline_text: Mapped[str | None] = mapped_column(sa.Text)
    zone_min_km: Mapped[float | None] = mapped_column(sa.Float)
    zone_max_km: Mapped[float | None] = mapped_column(sa.Float)
    weapons: Mapped[list[str]] = mapped_column(sa.JSON)
    patrol_parties: Mapped[list[str]] = mapped_column(sa.JSON)
    responsible_parties: Mapped[list[str]] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    edited_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    # Soft delete: a deleted provision keeps its row and its history, so it can be restored.
    deleted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    version: Mapped[int] = mapped_column(sa.Integer)

    agreement: Mapped[AgreementRow] = relationship(back_populates="provisions")
    history: Mapped[list[StatusChangeRow]] = relationship(
        back_populates="provision", order_by="StatusChangeRow.id", passive_deletes="all"
    )

    # The ORM adds "WHERE version = <the version read>" to every UPDATE and raises
    # StaleDataError when another writer got there first. The services bump the number
    # themselves (generator off) so that a status change, which touches no provision column,
    # still counts as a write to the provision.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012


class StatusChangeRow(Base):
    """One status change. Rows are only ever inserted (see ``append_only``)."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    provision_id: Mapped[int] = mapped_column(sa.ForeignKey("provisions.id"), index=True)
    status: Mapped[str] = mapped_column(sa.String(32))
    effective_on: Mapped[date]
    note: Mapped[str] = mapped_column(sa.Text)
    evidence: Mapped[str] = mapped_column(sa.Text)
    author: Mapped[str] = mapped_column(sa.Text)
    recorded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))

    provision: Mapped[ProvisionRow] = relationship(back_populates="history")
