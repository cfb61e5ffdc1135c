"""Which schema this version of the app writes, and which tables make a database one of ours.

Kept apart from the migrations so that checking an up-to-date file needs no SQLAlchemy.
"""

from __future__ import annotations

# The newest revision in migrations/versions; a test fails when the two disagree.
SCHEMA_REVISION = "0002"
OUR_TABLES = frozenset({"agreements", "provisions", "status_changes"})
# Alembic's one-row table holding the revision a database is at.
VERSION_TABLE = "alembic_version"
