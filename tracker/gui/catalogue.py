"""What the window has loaded: agreements and their provisions as of a date, with tallies.

Plain Python (no Qt, no session): it is filled on a worker thread from the services and then
kept up to date on the GUI thread from the records that each edit returns. Each provision's
status, countdown and overdue flag are worked out here once per date; the table shows these
rows and the agreements list sums them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tracker.domain import AgreementRecord, ProvisionRecord, Status, implementation_score
from tracker.gui.provision_rows import ProvisionRow, provision_row

if TYPE_CHECKING:
    from tracker.services import Services


@dataclass(frozen=True)
class AgreementSummary:
    """One entry of the agreements list; ``agreement`` is None for "All agreements"."""

    agreement: AgreementRecord | None
    provisions: int
    score: float | None
    overdue: int

    @property
    def agreement_id(self) -> int | None:
        return self.agreement.id if self.agreement else None


@dataclass(frozen=True)
class _Tally:
    statuses: Counter[Status]
    overdue: int

    @classmethod
    def of(cls, rows: Iterable[ProvisionRow]) -> _Tally:
        statuses: Counter[Status] = Counter()
        overdue = 0
        for row in rows:
            statuses[row.status] += 1
            overdue += row.overdue
        return cls(statuses, overdue)


class Catalogue:
    def __init__(
        self, agreements: Sequence[AgreementRecord], provisions: Iterable[ProvisionRecord], as_of: date
    ):
        self._agreements = {agreement.id: agreement for agreement in agreements}
        self._as_of = as_of
        # Rows by agreement id, then provision id.
        self._rows: dict[int, dict[int, ProvisionRow]] = {id_: {} for id_ in self._agreements}
        self._agreement_of: dict[int, int] = {}
        for provision in provisions:
            self._rows.setdefault(provision.agreement_id, {})[provision.id] = provision_row(provision, as_of)
            self._agreement_of[provision.id] = provision.agreement_id
        self._tallies = {id_: _Tally.of(group.values()) for id_, group in self._rows.items()}
        # "All agreements" sums every tally; kept until the next change, as the window asks often.
        self._all: AgreementSummary | None = None

    @property
    def as_of(self) -> date:
        return self._as_of

    def set_as_of(self, as_of: date) -> None:
        if as_of == self._as_of:
            return
        self._as_of = as_of
        for group in self._rows.values():
            for provision_id, row in group.items():
                group[provision_id] = provision_row(row.record, as_of)
        self._tallies = {id_: _Tally.of(group.values()) for id_, group in self._rows.items()}
        self._all = None

    def agreements(self) -> list[AgreementRecord]:
        """Newest signing first; undated ones last."""
        return sorted(
            self._agreements.values(),
            key=lambda agreement: (
                agreement.signed_on is None,
                -(agreement.signed_on or date.min).toordinal(),
                agreement.title.casefold(),
            ),
        )

    def agreement(self, agreement_id: int) -> AgreementRecord | None:
        return self._agreements.get(agreement_id)

    def rows(self, agreement_id: int | None = None) -> list[ProvisionRow]:
        """One agreement's provisions, or every agreement's, in reading order."""
        if agreement_id is not None:
            return sorted(self._rows.get(agreement_id, {}).values(), key=_reading_order)
        return [
            row
            for agreement in self.agreements()
            for row in sorted(self._rows.get(agreement.id, {}).values(), key=_reading_order)
        ]

    def provision(self, provision_id: int) -> ProvisionRecord | None:
        agreement_id = self._agreement_of.get(provision_id)
        row = None if agreement_id is None else self._rows[agreement_id].get(provision_id)
        return None if row is None else row.record

    def agreement_count(self) -> int:
        return len(self._agreements)

    def summary(self, agreement_id: int | None) -> AgreementSummary:
        if agreement_id is None:
            if self._all is None:
                statuses: Counter[Status] = Counter()
                for tally in self._tallies.values():
                    statuses.update(tally.statuses)
                overdue = sum(tally.overdue for tally in self._tallies.values())
                score = implementation_score(statuses.elements())
                self._all = AgreementSummary(None, statuses.total(), score, overdue)
            return self._all
        tally = self._tallies[agreement_id]
        return AgreementSummary(
            self._agreements[agreement_id],
            tally.statuses.total(),
            implementation_score(tally.statuses.elements()),
            tally.overdue,
        )

    def summaries(self) -> list[AgreementSummary]:
        """The "All agreements" entry first, then each agreement."""
        return [self.summary(None), *(self.summary(agreement.id) for agreement in self.agreements())]

    # --- keeping up with edits -------------------------------------------------------------

    def put_provision(self, provision: ProvisionRecord) -> ProvisionRow:
        """Record a new or changed provision; its row as of the catalogue's date."""
        group = self._rows.setdefault(provision.agreement_id, {})
        row = group[provision.id] = provision_row(provision, self._as_of)
        self._agreement_of[provision.id] = provision.agreement_id
        self._tallies[provision.agreement_id] = _Tally.of(group.values())
        self._all = None
        return row

    def drop_provision(self, provision: ProvisionRecord) -> None:
        group = self._rows.get(provision.agreement_id, {})
        group.pop(provision.id, None)
        self._agreement_of.pop(provision.id, None)
        self._tallies[provision.agreement_id] = _Tally.of(group.values())
        self._all = None


def _reading_order(row: ProvisionRow) -> int:
    return row.record.order


def load_catalogue(services: Services, as_of: date) -> Catalogue:
    """Everything the window shows, read in two queries (run this off the GUI thread)."""
    return Catalogue(services.list_agreements(), services.list_provisions(), as_of)
