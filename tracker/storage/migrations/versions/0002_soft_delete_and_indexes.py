"""Soft delete of provisions (history stays recoverable) and indexes for the common lookups.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("provisions") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_provisions_agreement_id", "provisions", ["agreement_id"])
    op.create_index("ix_provisions_deadline", "provisions", ["deadline"])
    op.create_index("ix_status_changes_provision_id", "status_changes", ["provision_id"])


def downgrade() -> None:
    op.drop_index("ix_status_changes_provision_id", table_name="status_changes")
    op.drop_index("ix_provisions_deadline", table_name="provisions")
    op.drop_index("ix_provisions_agreement_id", table_name="provisions")
    with op.batch_alter_table("provisions") as batch:
        batch.drop_column("deleted_at")
