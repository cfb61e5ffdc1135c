"""Deleted provisions stay in the database and can be listed and restored, also after a restart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind, Status
from tracker.services import Services

TEXT = (
    "Article 1. Hostilities shall cease along the river from 1 June 2021.\n"
    "Article 2. Mortars shall be withdrawn 8 km from the river by 15 June 2021.\n"
    "Article 3. A joint commission shall meet weekly.\n"
)
OTHER_TEXT = "Article 1. Prisoners shall be exchanged by 1 July 2021.\n"


def provisions_of(text: str, *summaries: tuple[Kind, str]) -> list[ExtractedProvision]:
    made = []
    for line, (kind, summary) in zip(text.splitlines(), summaries, strict=True):
        start = text.index(line)
        made.append(ExtractedProvision(start, start + len(line), line, kind, summary, None, None, Facets()))
    return made


def river_and_exchange(services: Services) -> tuple[int, int]:
    river = services.import_agreement(
        AgreementDraft("River Accord", TEXT, ("East", "West"), date(2021, 5, 30)),
        provisions_of(
            TEXT,
            (Kind.CEASEFIRE, "Cease hostilities"),
            (Kind.WITHDRAWAL, "Withdraw mortars 8 km"),
            (Kind.OTHER, "Commission meets weekly"),
        ),
    )
    exchange = services.import_agreement(
        AgreementDraft("Exchange Protocol", OTHER_TEXT, ("East", "West"), date(2021, 6, 2)),
        provisions_of(OTHER_TEXT, (Kind.EXCHANGE, "Exchange prisoners")),
    )
    return river, exchange


def by_summary(services: Services, summary: str) -> int:
    return next(p.id for p in services.list_provisions() if p.summary == summary)


def delete(services: Services, provision_id: int) -> None:
    services.delete_provision(provision_id, services.get_provision(provision_id).version)


def test_nothing_is_listed_before_a_deletion(empty_services: Services) -> None:
    river_and_exchange(empty_services)
    assert empty_services.list_deleted_provisions() == []


def test_deleted_provisions_are_listed_after_a_restart_with_their_history(
    database_path: Path, empty_services: Services
) -> None:
    river, exchange = river_and_exchange(empty_services)
    mortars = by_summary(empty_services, "Withdraw mortars 8 km")
    empty_services.set_status(mortars, Status.VIOLATED, date(2021, 6, 16), note="mortars seen at 3 km")
    delete(empty_services, mortars)
    delete(empty_services, by_summary(empty_services, "Exchange prisoners"))

    reopened = open_services(database_path)
    deleted = reopened.list_deleted_provisions()
    assert [p.summary for p in deleted] == ["Exchange prisoners", "Withdraw mortars 8 km"]  # newest first
    assert deleted[1].history[0].note == "mortars seen at 3 km"
    assert deleted[1].status() is Status.VIOLATED
    assert [p.summary for p in reopened.list_deleted_provisions(river)] == ["Withdraw mortars 8 km"]
    assert [p.summary for p in reopened.list_deleted_provisions(exchange)] == ["Exchange prisoners"]
    assert "Withdraw mortars 8 km" not in [p.summary for p in reopened.list_provisions()]


def test_a_restored_provision_leaves_the_deleted_list_with_its_history_intact(
    database_path: Path, empty_services: Services
) -> None:
    river, _ = river_and_exchange(empty_services)
    mortars = by_summary(empty_services, "Withdraw mortars 8 km")
    empty_services.set_status(mortars, Status.IN_PROGRESS, date(2021, 6, 5), note="first convoy left")
    empty_services.set_status(mortars, Status.COMPLIED, date(2021, 6, 14), evidence="https://example.org/r1")
    before = empty_services.history(mortars)
    delete(empty_services, mortars)

    reopened = open_services(database_path)
    restored = reopened.restore_provision(reopened.list_deleted_provisions()[0].id)

    assert reopened.list_deleted_provisions() == []
    assert restored.history == tuple(before)
    shown = [p for p in reopened.list_provisions(river) if p.id == mortars]
    assert shown and shown[0].status(date(2021, 6, 20)) is Status.COMPLIED
    assert [p.summary for p in reopened.list_provisions(river)] == [
        "Cease hostilities",
        "Withdraw mortars 8 km",
        "Commission meets weekly",
    ]


def test_an_unknown_agreement_has_no_deleted_provisions(empty_services: Services) -> None:
    river_and_exchange(empty_services)
    delete(empty_services, by_summary(empty_services, "Cease hostilities"))
    assert empty_services.list_deleted_provisions(999) == []
