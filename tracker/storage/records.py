"""Stored column values -> domain records, shared by every way the app reads its tables.

Imports no SQLAlchemy: the start-up snapshot (snapshot.py) decodes with these same functions
before SQLAlchemy is loaded, so both read paths hand out identical records.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from tracker.domain import AgreementRecord, Facets, Kind, ProvisionRecord, Status, StatusChange

KINDS = {kind.value: kind for kind in Kind}
STATUSES = {status.value: status for status in Status}


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def agreement_record(row: Any, *, text: str = "") -> AgreementRecord:
    """An agreement from anything with the columns as attributes (an ORM row, a result row)."""
    values = (
        row.id, row.title, row.parties, row.signed_on, row.place, row.source, row.language,
        row.imported_at,
    )  # fmt: skip
    return agreement_from_columns(values, text=text)


def agreement_from_columns(values: Sequence[Any], *, text: str = "") -> AgreementRecord:
    """An agreement from its listed columns, in the order of AgreementRecord; parties decoded."""
    id_, title, parties, signed_on, place, source, language, imported_at = values
    return AgreementRecord(
        id_, title, tuple(parties), signed_on, place, source, language, as_utc(imported_at), text
    )


def status_change_from_columns(values: Sequence[Any]) -> StatusChange:
    id_, provision_id, status, effective_on, note, evidence, author, recorded_at = values
    return StatusChange(
        id_, provision_id, STATUSES[status], effective_on, note, evidence, author, as_utc(recorded_at)
    )


def names(stored: str | list[str] | None) -> tuple[str, ...]:
    """A JSON list column, whether the driver handed back its text or already decoded it."""
    if stored is None:
        return ()
    return tuple(json.loads(stored) if isinstance(stored, str) else stored)


def build_facets(
    zone_min_km: float | None,
    zone_max_km: float | None,
    weapons: str | list[str] | None,
    patrol_parties: str | list[str] | None,
    responsible_parties: str | list[str] | None,
) -> Facets:
    zone = None if zone_min_km is None or zone_max_km is None else (zone_min_km, zone_max_km)
    return Facets(zone, names(weapons), names(patrol_parties), names(responsible_parties))


cached_facets = lru_cache(maxsize=4096)(build_facets)


def facets_for(*columns: Any) -> Facets:
    try:
        return cached_facets(*columns)
    except TypeError:  # lists (from an ORM object, or decoded by the driver) are no cache keys
        return build_facets(*columns)


def provision_from_columns(values: Sequence[Any], history: Sequence[StatusChange]) -> ProvisionRecord:
    (id_, agreement_id, order, kind, summary, excerpt, start, end, deadline, deadline_text,
     zone_min_km, zone_max_km, weapons, patrol_parties, responsible_parties,
     created_at, edited_at, version) = values
    return ProvisionRecord(
        id_, agreement_id, order, KINDS[kind], summary, excerpt, start, end, deadline, deadline_text,
        facets_for(zone_min_km, zone_max_km, weapons, patrol_parties, responsible_parties),
        as_utc(created_at), as_utc(edited_at), version, tuple(history),
    )  # fmt: skip
