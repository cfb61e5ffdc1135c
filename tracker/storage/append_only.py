"""Status history is append-only: the ORM refuses to update or delete a StatusChangeRow.

Three doors are closed: a changed or deleted row at flush time (session event), the mapper's
own update/delete (mapper events, in case a flush path bypasses the first check), and bulk
``update()``/``delete()`` statements sent through a session. A correction is recorded as a
new change, never as an edit of an old one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction

from tracker.errors import StorageError
from tracker.storage.models import StatusChangeRow

REFUSAL = "status history is append-only: record a new status change instead of editing an old one"


class AppendOnlyViolation(StorageError):
    """Code tried to update or delete a status history row."""


def refuse_history_edits(
    session: Session, flush_context: UOWTransaction, instances: Iterable[Any] | None
) -> None:
    for row in session.deleted:
        if isinstance(row, StatusChangeRow):
            raise AppendOnlyViolation(REFUSAL)
    for row in session.dirty:
        if isinstance(row, StatusChangeRow) and session.is_modified(row, include_collections=False):
            raise AppendOnlyViolation(REFUSAL)


def refuse_row_write(mapper: Mapper[Any], connection: Connection, target: StatusChangeRow) -> None:
    raise AppendOnlyViolation(REFUSAL)


def refuse_bulk_writes(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    if any(mapper.class_ is StatusChangeRow for mapper in state.all_mappers):
        raise AppendOnlyViolation(REFUSAL)


def install() -> None:
    """Guard every session of the process; safe to call more than once."""
    if event.contains(Session, "before_flush", refuse_history_edits):
        return
    event.listen(Session, "before_flush", refuse_history_edits)
    event.listen(Session, "do_orm_execute", refuse_bulk_writes)
    event.listen(StatusChangeRow, "before_update", refuse_row_write)
    event.listen(StatusChangeRow, "before_delete", refuse_row_write)
