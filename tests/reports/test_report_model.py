"""The summary's figures and lists, computed from a real database as of a chosen date."""

from __future__ import annotations

from datetime import date

import pytest
from summary_sample import AS_OF, DUE_SOON_ON_AS_OF, GENERATED, OVERDUE_ON_AS_OF

from tracker.domain import Status
from tracker.errors import NotFound
from tracker.reports.model import build_summary
from tracker.services import Services


def test_overdue_lists_exactly_the_provisions_overdue_on_the_as_of_date(sample_services: Services) -> None:
    summary = build_summary(sample_services, 1, AS_OF, GENERATED)
    [agreement] = summary.agreements
    assert {line.summary for line in agreement.overdue} == OVERDUE_ON_AS_OF
    # Most overdue first.
    assert [line.days_overdue for line in agreement.overdue] == [10, 5, 5]
    assert {line.summary for line in agreement.due_soon} == DUE_SOON_ON_AS_OF
    assert agreement.figures.overdue_count == 3


def test_the_as_of_date_changes_the_overdue_set(sample_services: Services) -> None:
    before = build_summary(sample_services, 1, date(2018, 10, 12)).agreements[0]
    later = build_summary(sample_services, 1, date(2018, 11, 10)).agreements[0]
    assert {line.summary for line in before.overdue} == {"Heavy weapons withdrawn from the zone"}
    # By 10 November the armed groups had left (effective 25 October) and the exchange is late.
    assert {line.summary for line in later.overdue} == {
        "Demilitarised zone 15-20 km deep established",
        "Heavy weapons withdrawn from the zone",
        "Detainees exchanged all for all",
    }


def test_status_note_and_score_are_those_in_force_on_the_as_of_date(sample_services: Services) -> None:
    agreement = build_summary(sample_services, 1, AS_OF).agreements[0]
    zone = agreement.provisions[1]
    assert (zone.status, zone.status_since) == (Status.VIOLATED, date(2018, 10, 16))
    assert zone.latest_note == "Zone not established by the deadline."
    assert zone.evidence == "https://monitors.example.org/report/77"
    groups = agreement.provisions[5]
    assert groups.status is Status.PENDING and groups.status_since is None  # the change is later
    figures = agreement.figures
    assert figures.count(Status.PENDING) == 3 and figures.count(Status.COMPLIED) == 2
    # PAM: 2 complied (3 each), 1 partial (2), 1 in progress (1), 3 pending and 1 violated (0).
    assert figures.score == pytest.approx(100 * 9 / 24)
    assert figures.next_deadline is not None and figures.next_deadline.deadline == date(2018, 11, 5)


def test_all_agreements_are_summarised_with_totals(sample_services: Services) -> None:
    summary = build_summary(sample_services, None, AS_OF)
    assert [a.id for a in summary.agreements] == [1, 2]
    assert summary.has_cover
    assert summary.totals.provision_count == 16 and summary.totals.overdue_count == 6


def test_unknown_agreement_is_not_found(sample_services: Services) -> None:
    with pytest.raises(NotFound, match="No agreement with id 99"):
        build_summary(sample_services, 99, AS_OF)


def test_an_empty_database_gives_an_empty_summary(empty_services: Services) -> None:
    summary = build_summary(empty_services, None, AS_OF)
    assert summary.agreements == () and summary.totals.provision_count == 0
