"""Use cases of the tracker. Each method is one transaction and returns plain domain records.

The command line, the desktop app and the reports all go through ``Services``; none of them
sees a Session or an ORM object. Bad values are refused with InvalidInput before anything is
written; a stale ``expected_version`` with StaleEdit; an unknown id with NotFound.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import EllipsisType
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from tracker.domain import (
    AgreementDraft,
    AgreementRecord,
    ExtractedProvision,
    Facets,
    Kind,
    ProvisionRecord,
    Status,
    StatusChange,
)
from tracker.errors import InvalidInput, StaleEdit
from tracker.metadata import read_sidecar_metadata
from tracker.storage import repository
from tracker.storage.models import AgreementRow, ProvisionRow, StatusChangeRow
from tracker.storage.unit_of_work import UnitOfWork

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers and services
        return "unknown"


def check_status(status: Status | str) -> Status:
    try:
        return Status(status)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InvalidInput(f"unknown status {status!r} (one of: {choices})") from None


def check_kind(kind: Kind | str) -> Kind:
    try:
        return Kind(kind)
    except ValueError:
        choices = ", ".join(k.value for k in Kind)
        raise InvalidInput(f"unknown kind {kind!r} (one of: {choices})") from None


def check_date(value: object, what: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidInput(f"{what} must be a calendar date, not {value!r}")
    return value


def check_text(value: str, what: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidInput(f"{what} cannot be empty")
    return cleaned


def check_facets(facets: Facets) -> Facets:
    width = facets.zone_width_km
    if width is not None:
        low, high = width
        if low < 0 or high < low:
            raise InvalidInput(f"zone width must be 0 <= min <= max km, not {low:g}-{high:g}")
    return facets


def check_span(provision: ExtractedProvision, text: str) -> None:
    if not 0 <= provision.start <= provision.end <= len(text):
        raise InvalidInput(
            f"provision span {provision.start}-{provision.end} lies outside the agreement text "
            f"({len(text)} characters)"
        )
    if text[provision.start : provision.end] != provision.excerpt:
        raise InvalidInput(
            f"provision excerpt does not match the agreement text at {provision.start}-{provision.end}"
        )


def check_version(row: ProvisionRow, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise StaleEdit(
            f"provision {row.id} was changed elsewhere (now version {row.version}, you edited "
            f"version {expected_version}); reload it and try again, nothing was saved"
        )


@dataclass(frozen=True)
class ImportedFile:
    draft: AgreementDraft
    provisions: tuple[ExtractedProvision, ...]


class Services:
    def __init__(
        self, sessions: sessionmaker[Session], database_location: str, clock: Clock = utc_now
    ) -> None:
        self._sessions = sessions
        self._location = database_location
        self._clock = clock

    @property
    def database_location(self) -> str:
        """The database file, or its URL without password, for display."""
        return self._location

    def _unit(self, *, writes: bool = False) -> UnitOfWork:
        return UnitOfWork(self._sessions, writes=writes)

    # --- agreements ------------------------------------------------------------------------

    def list_agreements(self) -> list[AgreementRecord]:
        with self._unit() as uow:
            return repository.list_agreements(uow.session)

    def get_agreement(self, agreement_id: int) -> AgreementRecord:
        with self._unit() as uow:
            row = repository.get_agreement_row(uow.session, agreement_id)
            return repository.agreement_record(row, text=row.text)

    def import_agreement(self, draft: AgreementDraft, provisions: Sequence[ExtractedProvision]) -> int:
        """Store an agreement with its provisions, all or nothing; returns the new agreement id."""
        title = check_text(draft.title, "the agreement title")
        if not draft.text.strip():
            raise InvalidInput("the agreement text is empty")
        for provision in provisions:
            check_kind(provision.kind)
            check_span(provision, draft.text)
        now = self._clock()
        with self._unit(writes=True) as uow:
            agreement = AgreementRow(
                title=title,
                parties=list(draft.parties),
                signed_on=draft.signed_on,
                place=draft.place,
                source=draft.source,
                language=draft.language,
                text=draft.text,
                imported_at=now,
            )
            uow.session.add(agreement)
            uow.session.flush()
            agreement_id = agreement.id
            repository.insert_provisions(
                uow.session,
                [provision_values(agreement_id, order, p, now) for order, p in enumerate(provisions, 1)],
            )
            uow.commit()
        return agreement_id

    def import_file(self, path: Path | str, signed_on: date | None = None, title: str | None = None) -> int:
        """Read a file, extract its provisions and store both; returns the new agreement id.

        Metadata in a JSON file beside it (same name, ``.json``) fills in the title, parties,
        signing date, place, source and language; the arguments win over it.
        """
        prepared = self.prepare_file(Path(path), signed_on, title)
        return self.import_agreement(prepared.draft, prepared.provisions)

    def prepare_file(
        self, path: Path, signed_on: date | None = None, title: str | None = None
    ) -> ImportedFile:
        """What ``import_file`` would store, without storing it (for a review step)."""
        # Imported on first use: the engine takes ~0.15 s to import, which opening the app
        # on an existing database should not pay.
        from tracker.extraction import extract
        from tracker.readers import read_document

        document = read_document(path)
        metadata = read_sidecar_metadata(path)
        signed = signed_on or metadata.signed_on
        extraction = extract(document.text, signed)
        draft = AgreementDraft(
            title=(title or "").strip() or metadata.title or document.title or path.stem,
            text=document.text,
            parties=metadata.parties,
            signed_on=extraction.signed_on or signed,
            place=metadata.place,
            source=metadata.source or document.source,
            language=metadata.language or "en",
        )
        return ImportedFile(draft, extraction.provisions)

    # --- provisions ------------------------------------------------------------------------

    def list_provisions(self, agreement_id: int | None = None) -> list[ProvisionRecord]:
        with self._unit() as uow:
            return repository.list_provisions(uow.session, agreement_id)

    def list_deleted_provisions(self, agreement_id: int | None = None) -> list[ProvisionRecord]:
        """Deleted provisions (all, or one agreement's), the most recently deleted first, each
        with its whole history; ``restore_provision`` brings one back. A deleted provision's
        ``edited_at`` is when it was deleted."""
        with self._unit() as uow:
            return repository.list_deleted_provisions(uow.session, agreement_id)

    def get_provision(self, provision_id: int) -> ProvisionRecord:
        with self._unit() as uow:
            row = repository.get_provision_row(uow.session, provision_id)
            return repository.load_provision(uow.session, row)

    def add_provision(self, agreement_id: int, provision: ExtractedProvision) -> ProvisionRecord:
        check_kind(provision.kind)
        check_text(provision.summary, "the summary")
        check_facets(provision.facets)
        with self._unit(writes=True) as uow:
            agreement = repository.get_agreement_row(uow.session, agreement_id)
            check_span(provision, agreement.text)
            order = repository.next_order(uow.session, agreement_id)
            row = ProvisionRow(**provision_values(agreement_id, order, provision, self._clock()))
            uow.session.add(row)
            record = repository.load_provision(uow.session, row)
            uow.commit()
        return record

    def update_provision(
        self,
        provision_id: int,
        expected_version: int,
        *,
        kind: Kind | str | None = None,
        summary: str | None = None,
        deadline: date | EllipsisType | None = ...,
        deadline_text: str | EllipsisType | None = ...,
        facets: Facets | None = None,
    ) -> ProvisionRecord:
        """Change the given fields (``...`` leaves a deadline as it is, None clears it)."""
        new_kind = check_kind(kind) if kind is not None else None
        new_summary = check_text(summary, "the summary") if summary is not None else None
        new_deadline = deadline
        if new_deadline is not None and not isinstance(new_deadline, EllipsisType):
            new_deadline = check_date(new_deadline, "the deadline")
        new_facets = check_facets(facets) if facets is not None else None
        with self._unit(writes=True) as uow:
            row = repository.get_provision_row(uow.session, provision_id)
            check_version(row, expected_version)
            if new_kind is not None:
                row.kind = new_kind.value
            if new_summary is not None:
                row.summary = new_summary
            if not isinstance(new_deadline, EllipsisType):
                row.deadline = new_deadline
            if not isinstance(deadline_text, EllipsisType):
                row.deadline_text = (deadline_text or "").strip() or None
            if new_facets is not None:
                write_facets(row, new_facets)
            self._touch(row)
            record = repository.load_provision(uow.session, row)
            uow.commit()
        return record

    def delete_provision(self, provision_id: int, expected_version: int) -> None:
        """Hide a provision; its row and status history stay and ``restore_provision`` brings it back."""
        with self._unit(writes=True) as uow:
            row = repository.get_provision_row(uow.session, provision_id)
            check_version(row, expected_version)
            row.deleted_at = self._clock()
            self._touch(row)
            uow.commit()

    def restore_provision(self, provision_id: int) -> ProvisionRecord:
        with self._unit(writes=True) as uow:
            row = repository.get_provision_row(uow.session, provision_id, include_deleted=True)
            if row.deleted_at is not None:
                row.deleted_at = None
                self._touch(row)
            record = repository.load_provision(uow.session, row)
            uow.commit()
        return record

    # --- status history --------------------------------------------------------------------

    def set_status(
        self,
        provision_id: int,
        status: Status | str,
        effective_on: date,
        note: str = "",
        evidence: str = "",
        author: str | None = None,
        expected_version: int | None = None,
    ) -> ProvisionRecord:
        """Append a status change (the history is never edited) and bump the provision's version.

        ``author`` defaults to the login name of the user running the app.
        """
        new_status = check_status(status)
        effective = check_date(effective_on, "the effective date")
        with self._unit(writes=True) as uow:
            row = repository.get_provision_row(uow.session, provision_id)
            check_version(row, expected_version)
            uow.session.add(
                StatusChangeRow(
                    provision_id=row.id,
                    status=new_status.value,
                    effective_on=effective,
                    note=note.strip(),
                    evidence=evidence.strip(),
                    author=(author or "").strip() or current_user(),
                    recorded_at=self._clock(),
                )
            )
            self._touch(row)
            record = repository.load_provision(uow.session, row)
            uow.commit()
        return record

    def history(self, provision_id: int) -> list[StatusChange]:
        """Every status change of a provision, oldest first (also for a deleted provision)."""
        with self._unit() as uow:
            repository.get_provision_row(uow.session, provision_id, include_deleted=True)
            return repository.history(uow.session, provision_id)

    def _touch(self, row: ProvisionRow) -> None:
        # The version check in the UPDATE's WHERE clause is what makes a lost race a StaleEdit.
        row.version += 1
        row.edited_at = self._clock()


def facet_values(facets: Facets) -> dict[str, Any]:
    width = facets.zone_width_km
    return {
        "zone_min_km": width[0] if width else None,
        "zone_max_km": width[1] if width else None,
        "weapons": list(facets.weapons),
        "patrol_parties": list(facets.patrol_parties),
        "responsible_parties": list(facets.responsible_parties),
    }


def write_facets(row: ProvisionRow, facets: Facets) -> None:
    for name, value in facet_values(facets).items():
        setattr(row, name, value)


def provision_values(
    agreement_id: int, order: int, provision: ExtractedProvision, now: datetime
) -> dict[str, Any]:
    return {
        "agreement_id": agreement_id,
        "order": order,
        "kind": Kind(provision.kind).value,
        "summary": provision.summary,
        "excerpt": provision.excerpt,
        "start": provision.start,
        "end": provision.end,
        "deadline": provision.deadline,
        "deadline_text": provision.deadline_text,
        "created_at": now,
        "edited_at": now,
        "deleted_at": None,
        "version": 1,
        **facet_values(provision.facets),
    }
