"""Initial schema: agreements, provisions and their status history.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agreements"),
    )
    op.create_table(
        "provisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_text", sa.Text(), nullable=True),
        sa.Column("zone_min_km", sa.Float(), nullable=True),
        sa.Column("zone_max_km", sa.Float(), nullable=True),
        sa.Column("weapons", sa.JSON(), nullable=False),
        sa.Column("patrol_parties", sa.JSON(), nullable=False),
        sa.Column("responsible_parties", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"], name="fk_provisions_agreement_id_agreements"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_provisions"),
    )
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provision_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["provision_id"], ["provisions.id"], name="fk_status_changes_provision_id_provisions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_status_changes"),
    )


def downgrade() -> None:
    op.drop_table("status_changes")
    op.drop_table("provisions")
    op.drop_table("agreements")
