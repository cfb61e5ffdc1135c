"""The agreements list: "All agreements", then each agreement with its score and overdue count."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from tracker.gui.catalogue import AgreementSummary
from tracker.reports.formatting import format_date, format_score

AnyIndex = QModelIndex | QPersistentModelIndex


class AgreementRole(IntEnum):
    SUMMARY = Qt.ItemDataRole.UserRole + 1  # the AgreementSummary
    AGREEMENT_ID = Qt.ItemDataRole.UserRole + 2  # 0 for "All agreements"


ALL_AGREEMENTS_ID = 0


def summary_title(summary: AgreementSummary) -> str:
    return "All agreements" if summary.agreement is None else summary.agreement.title


def summary_details(summary: AgreementSummary) -> str:
    """Signing date (or provision count), score and overdue count, on one line."""
    if summary.agreement is None:
        first = f"{summary.provisions} provisions"
    elif summary.agreement.signed_on:
        first = f"Signed {format_date(summary.agreement.signed_on)}"
    else:
        first = "Signing date unknown"
    overdue = f"{summary.overdue} overdue" if summary.overdue else "none overdue"
    return f"{first} · score {format_score(summary.score)} · {overdue}"


def describe_summary(summary: AgreementSummary) -> str:
    """Two lines: the title, then the details."""
    return f"{summary_title(summary)}\n{summary_details(summary)}"


class AgreementListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summaries: list[AgreementSummary] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._summaries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._summaries):
            return None
        summary = self._summaries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe_summary(summary)
        if role == Qt.ItemDataRole.ToolTipRole and summary.agreement is not None:
            agreement = summary.agreement
            parties = ", ".join(agreement.parties) or "parties not recorded"
            return f"{agreement.title}\n{parties}\n{agreement.place}\n{agreement.source}".strip()
        if role == AgreementRole.SUMMARY:
            return summary
        if role == AgreementRole.AGREEMENT_ID:
            return summary.agreement_id or ALL_AGREEMENTS_ID
        return None

    def set_summaries(self, summaries: Sequence[AgreementSummary]) -> None:
        self.beginResetModel()
        self._summaries = list(summaries)
        self.endResetModel()

    def refresh_summaries(self, summaries: Sequence[AgreementSummary]) -> None:
        """New figures for the same entries (e.g. another as-of date): updated in place, so the
        selection stays; a different set of entries resets the list."""
        same_entries = [s.agreement_id for s in summaries] == [s.agreement_id for s in self._summaries]
        if not same_entries or not summaries:
            self.set_summaries(summaries)
            return
        self._summaries = list(summaries)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._summaries) - 1, 0))

    def update_summary(self, summary: AgreementSummary) -> None:
        """Show a recomputed entry in place (matched by agreement id; None is "All")."""
        for position, held in enumerate(self._summaries):
            if held.agreement_id == summary.agreement_id:
                self._summaries[position] = summary
                index = self.index(position, 0)
                self.dataChanged.emit(index, index)
                return

    def row_of(self, agreement_id: int | None) -> int | None:
        for position, held in enumerate(self._summaries):
            if held.agreement_id == agreement_id:
                return position
        return None
