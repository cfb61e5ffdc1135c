"""The start-up snapshot lists exactly what the services list, and steps aside for anything else."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import make_url

from tracker.bootstrap import database_is_current, describe_location, open_services, read_snapshot
from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind, Status
from tracker.services import Services

CEASEFIRE = (
    "Heavy weapons, including tanks and mortars, shall be withdrawn 15 to 20 km from the line "
    "within 30 days. Joint patrols of both parties shall monitor the zone. "
    "Prisoners shall be exchanged."
)
TRUCE = "The parties shall reopen the northern road to civilian traffic."
NO_FACETS = Facets()


def clause(
    text: str,
    phrase: str,
    kind: Kind,
    deadline: date | None = None,
    deadline_text: str | None = None,
    facets: Facets = NO_FACETS,
) -> ExtractedProvision:
    start = text.index(phrase)
    return ExtractedProvision(
        start, start + len(phrase), phrase, kind, phrase[:40], deadline, deadline_text, facets
    )


def fill(services: Services) -> None:
    """Two agreements, one undated; facets, deadlines, a history, and a deleted provision."""
    weapons = "Heavy weapons, including tanks and mortars, shall be withdrawn 15 to 20 km from the line"
    services.import_agreement(
        AgreementDraft("Lakeside ceasefire", CEASEFIRE, ("North", "South"), date(2021, 3, 4), "Lakeside"),
        [
            clause(
                CEASEFIRE,
                weapons,
                Kind.WITHDRAWAL,
                deadline=date(2021, 4, 3),
                deadline_text="within 30 days",
                facets=Facets((15.0, 20.0), ("tanks", "mortars"), (), ("North", "South")),
            ),
            clause(
                CEASEFIRE,
                "Joint patrols of both parties shall monitor the zone",
                Kind.PATROL,
                facets=Facets(patrol_parties=("North", "South")),
            ),
            clause(CEASEFIRE, "Prisoners shall be exchanged", Kind.EXCHANGE),
        ],
    )
    services.import_agreement(
        AgreementDraft("Road truce", TRUCE),
        [clause(TRUCE, "reopen the northern road", Kind.TRANSIT)],
    )
    first, second, third, _ = services.list_provisions()
    services.set_status(first.id, Status.IN_PROGRESS, date(2021, 3, 10), note="Tanks leaving")
    services.set_status(first.id, Status.COMPLIED, date(2021, 4, 1), evidence="Observer report")
    changed = services.set_status(third.id, Status.VIOLATED, date(2021, 3, 20))
    services.delete_provision(third.id, changed.version)
    services.set_status(second.id, Status.IN_PROGRESS, date(2021, 3, 12))


def test_the_snapshot_lists_what_the_services_list(database_path: Path, empty_services: Services) -> None:
    fill(empty_services)

    snapshot = read_snapshot(database_path)

    assert database_is_current(database_path)
    assert snapshot is not None
    assert snapshot.location == empty_services.database_location
    assert snapshot.agreements == empty_services.list_agreements()
    assert snapshot.provisions == empty_services.list_provisions()
    assert len(snapshot.provisions) == 3
    assert [len(provision.history) for provision in snapshot.provisions] == [2, 1, 0]


def test_the_sample_database_is_read_as_the_services_read_it(database_path: Path, services: Services) -> None:
    snapshot = read_snapshot(str(database_path))

    assert snapshot is not None
    assert (snapshot.agreements, snapshot.provisions) == (
        services.list_agreements(),
        services.list_provisions(),
    )
    assert snapshot.provisions


def test_no_snapshot_of_a_file_that_does_not_exist_and_none_is_made(tmp_path: Path) -> None:
    missing = tmp_path / "new.sqlite3"

    assert read_snapshot(missing) is None
    assert not database_is_current(missing)
    assert not missing.exists()


def test_no_snapshot_of_an_empty_file_or_a_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")

    assert read_snapshot(empty) is None
    assert read_snapshot(tmp_path) is None


def test_no_snapshot_of_another_programs_database_which_is_left_as_it_was(tmp_path: Path) -> None:
    foreign = tmp_path / "recipes.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = foreign.read_bytes()

    assert read_snapshot(foreign) is None
    assert foreign.read_bytes() == before


def test_no_snapshot_of_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("shopping list\n", encoding="utf-8")

    assert read_snapshot(notes) is None


def test_no_snapshot_of_a_schema_that_opening_would_change(database_path: Path, services: Services) -> None:
    with sqlite3.connect(database_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()

    assert read_snapshot(database_path) is None
    assert not database_is_current(database_path)


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "postgresql://user@host/tracker"])
def test_no_snapshot_of_memory_or_another_backend(url: str) -> None:
    assert read_snapshot(url) is None


def test_no_snapshot_through_a_url_with_options(database_path: Path, services: Services) -> None:
    # SQLAlchemy reads the query string itself; such a URL is opened the usual way.
    assert read_snapshot(f"sqlite:///{database_path}?timeout=5") is None
    assert read_snapshot(f"sqlite:///{database_path}") is not None


def test_a_new_database_opened_in_full_is_then_snapshotted(database_path: Path) -> None:
    assert read_snapshot(database_path) is None
    opened = open_services(database_path)

    snapshot = read_snapshot(database_path)

    assert snapshot is not None
    assert snapshot.provisions == opened.list_provisions()


@pytest.mark.parametrize("name", ["tracker.sqlite3", "with space.sqlite3", "ünïcode.db"])
def test_a_plain_file_is_described_as_sqlalchemy_names_it(tmp_path: Path, name: str) -> None:
    url = f"sqlite:///{tmp_path / name}"

    assert describe_location(url) == make_url(url).database == str(tmp_path / name)


def test_a_url_with_a_password_is_described_without_it() -> None:
    assert describe_location("postgresql://analyst:secret@db.example/tracker") == (
        "postgresql://analyst:***@db.example/tracker"
    )
