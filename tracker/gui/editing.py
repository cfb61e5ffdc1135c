"""Edits to provisions, each one service call, undoable through a QUndoStack.

Every edit names the version it was made against, so a provision changed elsewhere in the
meantime (another window, the command line) is refused rather than overwritten. History stays
append-only: undoing a status change records a compensating change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from tracker.domain import ExtractedProvision, Facets, Kind, ProvisionRecord, Status
from tracker.errors import NotFound, StaleEdit, TrackerError

if TYPE_CHECKING:
    from tracker.services import Services


@dataclass(frozen=True)
class ProvisionFields:
    """The editable part of a provision."""

    kind: Kind
    summary: str
    deadline: date | None
    deadline_text: str | None
    facets: Facets

    @classmethod
    def of(cls, record: ProvisionRecord) -> ProvisionFields:
        return cls(record.kind, record.summary, record.deadline, record.deadline_text, record.facets)


class ProvisionEditor(QObject):
    """Runs edits against the services and tells the window what changed."""

    provision_changed = Signal(object)  # the new ProvisionRecord
    provision_added = Signal(object)  # the new ProvisionRecord
    provision_removed = Signal(object)  # the ProvisionRecord as it was before deletion
    # The database no longer matches what the window shows: the window should reload.
    out_of_date = Signal(str)
    failed = Signal(str)

    def __init__(
        self, services: Services, lookup: Callable[[int], ProvisionRecord | None], parent: Any = None
    ):
        super().__init__(parent)
        self._services = services
        self._lookup = lookup
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undoStack")

    # --- edits the user asks for -------------------------------------------------------------

    def change_status(
        self, record: ProvisionRecord, status: Status, effective_on: date, note: str, evidence: str
    ) -> ProvisionRecord | None:
        previous = record.status(effective_on)
        changed = self._run(
            lambda: self._services.set_status(
                record.id, status, effective_on, note=note, evidence=evidence, expected_version=record.version
            )
        )
        if changed is not None:
            self.provision_changed.emit(changed)
            self.undo_stack.push(
                _StatusCommand(self, record.id, status, previous, effective_on, note, evidence)
            )
        return changed

    def update_provision(self, record: ProvisionRecord, fields: ProvisionFields) -> ProvisionRecord | None:
        before = ProvisionFields.of(record)
        if fields == before:
            return record
        changed = self._run(lambda: self._write_fields(record.id, record.version, fields))
        if changed is not None:
            self.provision_changed.emit(changed)
            self.undo_stack.push(_EditCommand(self, record.id, before, fields))
        return changed

    def delete_provision(self, record: ProvisionRecord) -> bool:
        done = self._run(lambda: _deleted(self._services, record.id, record.version))
        if done:
            self.provision_removed.emit(record)
            self.undo_stack.push(_DeleteCommand(self, record))
        return bool(done)

    def restore_deleted(self, record: ProvisionRecord) -> ProvisionRecord | None:
        """Bring back a provision deleted in an earlier session (or this one), undoably."""
        restored = self._run(lambda: self._services.restore_provision(record.id))
        if restored is not None:
            self._announce_restored(restored)
            self.undo_stack.push(_RestoreCommand(self, restored.id))
        return restored

    def add_provision(self, agreement_id: int, provision: ExtractedProvision) -> ProvisionRecord | None:
        added = self._run(lambda: self._services.add_provision(agreement_id, provision))
        if added is not None:
            self.provision_added.emit(added)
        return added

    # --- what the undo commands call ---------------------------------------------------------

    def reapply_status(
        self, provision_id: int, status: Status, effective_on: date, note: str, evidence: str
    ) -> None:
        current = self._current(provision_id)
        if current is None:
            return
        changed = self._run(
            lambda: self._services.set_status(
                provision_id,
                status,
                effective_on,
                note=note,
                evidence=evidence,
                expected_version=current.version,
            ),
            while_undoing=True,
        )
        if changed is not None:
            self.provision_changed.emit(changed)

    def rewrite_fields(self, provision_id: int, fields: ProvisionFields) -> None:
        current = self._current(provision_id)
        if current is None:
            return
        changed = self._run(
            lambda: self._write_fields(provision_id, current.version, fields), while_undoing=True
        )
        if changed is not None:
            self.provision_changed.emit(changed)

    def delete_again(self, provision_id: int) -> None:
        current = self._current(provision_id)
        if current is None:
            return
        if self._run(lambda: _deleted(self._services, provision_id, current.version), while_undoing=True):
            self.provision_removed.emit(current)

    def restore(self, provision_id: int) -> None:
        restored = self._run(lambda: self._services.restore_provision(provision_id), while_undoing=True)
        if restored is not None:
            self._announce_restored(restored)

    # --- plumbing ----------------------------------------------------------------------------

    def _write_fields(self, provision_id: int, version: int, fields: ProvisionFields) -> ProvisionRecord:
        return self._services.update_provision(
            provision_id,
            version,
            kind=fields.kind,
            summary=fields.summary,
            deadline=fields.deadline,
            deadline_text=fields.deadline_text,
            facets=fields.facets,
        )

    def _announce_restored(self, restored: ProvisionRecord) -> None:
        # Restored elsewhere meanwhile (another window, the command line): the window already
        # shows it, and adding it again would list it twice.
        if self._lookup(restored.id) is None:
            self.provision_added.emit(restored)
        else:
            self.provision_changed.emit(restored)

    def _current(self, provision_id: int) -> ProvisionRecord | None:
        current = self._lookup(provision_id)
        if current is None:
            self._give_up_undo("The provision is no longer shown; the undo history was cleared.")
        return current

    def _run(self, call: Callable[[], Any], *, while_undoing: bool = False) -> Any:
        """Make one service call; a refusal becomes a signal with a one-line message."""
        try:
            return call()
        except (StaleEdit, NotFound) as error:
            message = f"{error} Nothing was overwritten; the window now shows what is saved."
            if while_undoing:
                self._give_up_undo(None)
            self.out_of_date.emit(message)
        except TrackerError as error:
            if while_undoing:
                self._give_up_undo(None)
            self.failed.emit(str(error))
        return None

    def _give_up_undo(self, message: str | None) -> None:
        # The stack's position already moved past a command that could not be applied; its
        # remaining commands describe a state the database no longer has. Cleared after the
        # current undo/redo returns, as QUndoStack must not be changed from inside one.
        QTimer.singleShot(0, self.undo_stack.clear)
        if message:
            self.failed.emit(message)


def _deleted(services: Services, provision_id: int, version: int) -> bool:
    services.delete_provision(provision_id, version)
    return True


class _StatusCommand(QUndoCommand):
    def __init__(
        self,
        editor: ProvisionEditor,
        provision_id: int,
        status: Status,
        previous: Status,
        effective_on: date,
        note: str,
        evidence: str,
    ) -> None:
        super().__init__(f"status change to {status.label}")
        self._editor = editor
        self._provision_id = provision_id
        self._status = status
        self._previous = previous
        self._effective_on = effective_on
        self._note = note
        self._evidence = evidence
        self._applied = True  # the editor made the change before pushing this command

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.reapply_status(
            self._provision_id, self._status, self._effective_on, self._note, self._evidence
        )

    def undo(self) -> None:
        note = f"Undo of the change to {self._status.label}"
        self._editor.reapply_status(self._provision_id, self._previous, self._effective_on, note, "")


class _EditCommand(QUndoCommand):
    def __init__(
        self, editor: ProvisionEditor, provision_id: int, before: ProvisionFields, after: ProvisionFields
    ) -> None:
        super().__init__("provision edit")
        self._editor = editor
        self._provision_id = provision_id
        self._before = before
        self._after = after
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.rewrite_fields(self._provision_id, self._after)

    def undo(self) -> None:
        self._editor.rewrite_fields(self._provision_id, self._before)


class _DeleteCommand(QUndoCommand):
    def __init__(self, editor: ProvisionEditor, record: ProvisionRecord) -> None:
        super().__init__("provision deletion")
        self._editor = editor
        self._provision_id = record.id
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.delete_again(self._provision_id)

    def undo(self) -> None:
        self._editor.restore(self._provision_id)


class _RestoreCommand(QUndoCommand):
    def __init__(self, editor: ProvisionEditor, provision_id: int) -> None:
        super().__init__("provision restore")
        self._editor = editor
        self._provision_id = provision_id
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._editor.restore(self._provision_id)

    def undo(self) -> None:
        self._editor.delete_again(self._provision_id)
