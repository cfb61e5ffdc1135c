"""The use cases over a real SQLite file: import, status history, edits, soft delete, locking."""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind, Status
from tracker.errors import InvalidInput, NotFound, StaleEdit, StorageError
from tracker.services import Services
from tracker.settings import DATABASE_ENV

TEXT = (
    "Article 1. The parties shall cease all hostilities from 00:01 on 6 March 2020.\n"
    "Article 2. Heavy weapons shall be withdrawn 10 km from the line by 20 March 2020.\n"
    "Article 3. Joint patrols shall begin along the highway.\n"
)


def clause(
    number: int, kind: Kind, summary: str, deadline: date | None = None, **facets: object
) -> ExtractedProvision:
    line = TEXT.splitlines(keepends=True)[number - 1].rstrip("\n")
    start = TEXT.index(line)
    return ExtractedProvision(start, start + len(line), line, kind, summary, deadline, None, Facets(**facets))  # type: ignore[arg-type]


PROVISIONS = [
    clause(1, Kind.CEASEFIRE, "Hostilities cease", date(2020, 3, 6)),
    clause(
        2,
        Kind.WITHDRAWAL,
        "Heavy weapons withdrawn 10 km",
        date(2020, 3, 20),
        zone_width_km=(10.0, 10.0),
        weapons=("heavy_weapons",),
    ),
    clause(3, Kind.PATROL, "Joint patrols begin", patrol_parties=("Russia", "Turkey")),
]
DRAFT = AgreementDraft(
    title="Additional Protocol",
    text=TEXT,
    parties=("Russia", "Turkey"),
    signed_on=date(2020, 3, 5),
    place="Moscow",
    source="protocol.txt",
)


@pytest.fixture
def agreement_id(empty_services: Services) -> int:
    return empty_services.import_agreement(DRAFT, PROVISIONS)


def first_provision(services: Services) -> int:
    return services.list_provisions()[0].id


def test_an_imported_agreement_comes_back_with_its_provisions(
    empty_services: Services, agreement_id: int
) -> None:
    [listed] = empty_services.list_agreements()
    assert (listed.id, listed.title, listed.parties, listed.place) == (
        agreement_id,
        "Additional Protocol",
        ("Russia", "Turkey"),
        "Moscow",
    )
    assert listed.text == ""  # lists leave the text out
    assert empty_services.get_agreement(agreement_id).text == TEXT

    provisions = empty_services.list_provisions(agreement_id)
    assert [p.summary for p in provisions] == [
        "Hostilities cease",
        "Heavy weapons withdrawn 10 km",
        "Joint patrols begin",
    ]
    assert [p.order for p in provisions] == [1, 2, 3]
    assert all(TEXT[p.start : p.end] == p.excerpt for p in provisions)
    assert provisions[1].facets == Facets(zone_width_km=(10.0, 10.0), weapons=("heavy_weapons",))
    assert provisions[2].facets.patrol_parties == ("Russia", "Turkey")
    assert {p.version for p in provisions} == {1}
    assert all(p.status() is Status.PENDING and p.history == () for p in provisions)
    assert provisions[0].created_at.tzinfo is not None


def test_a_failed_import_leaves_no_half_agreement(empty_services: Services, agreement_id: int) -> None:
    broken = ExtractedProvision(0, 0, "", Kind.OTHER, None)  # type: ignore[arg-type]
    with pytest.raises(StorageError):
        # The agreement row and the first provision are written before the database refuses
        # the second one; the whole transaction must roll back.
        empty_services.import_agreement(AgreementDraft(title="Half", text=TEXT), [PROVISIONS[0], broken])

    assert [a.title for a in empty_services.list_agreements()] == ["Additional Protocol"]
    assert len(empty_services.list_provisions()) == 3


@pytest.mark.parametrize(
    ("draft", "provisions", "message"),
    [
        (AgreementDraft(title="  ", text=TEXT), [], "title"),
        (AgreementDraft(title="Empty", text=" \n "), [], "text is empty"),
        (DRAFT, [ExtractedProvision(0, 5, "wrong", Kind.OTHER, "x")], "does not match"),
        (DRAFT, [ExtractedProvision(5, 10_000, "x", Kind.OTHER, "x")], "outside"),
        (DRAFT, [ExtractedProvision(0, 0, "", "treaty", "x")], "unknown kind"),  # type: ignore[arg-type]
    ],
)
def test_bad_imports_are_refused_before_anything_is_written(
    empty_services: Services, draft: AgreementDraft, provisions: list[ExtractedProvision], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        empty_services.import_agreement(draft, provisions)
    assert empty_services.list_agreements() == []


def test_a_status_change_is_appended_and_bumps_the_version(
    empty_services: Services, agreement_id: int
) -> None:
    provision_id = first_provision(empty_services)

    record = empty_services.set_status(
        provision_id,
        "violated",
        date(2020, 3, 7),
        note="shelling reported",
        evidence="https://example.org/report",
        author="ana",
    )

    assert record.version == 2
    assert record.status() is Status.VIOLATED
    [change] = empty_services.history(provision_id)
    assert (change.status, change.effective_on, change.note, change.evidence, change.author) == (
        Status.VIOLATED,
        date(2020, 3, 7),
        "shelling reported",
        "https://example.org/report",
        "ana",
    )
    assert change.recorded_at.tzinfo is not None
    assert empty_services.get_provision(provision_id).version == 2


def test_the_current_status_is_the_latest_by_effective_date(
    empty_services: Services, agreement_id: int
) -> None:
    provision_id = first_provision(empty_services)
    empty_services.set_status(provision_id, Status.COMPLIED, date(2020, 3, 10))
    # Recorded later but effective earlier: history, not the current status.
    record = empty_services.set_status(provision_id, Status.IN_PROGRESS, date(2020, 3, 8))

    assert record.status() is Status.COMPLIED
    assert record.status(as_of=date(2020, 3, 9)) is Status.IN_PROGRESS
    assert record.status(as_of=date(2020, 3, 1)) is Status.PENDING
    assert [c.status for c in record.history] == [Status.COMPLIED, Status.IN_PROGRESS]


def test_the_author_defaults_to_the_login_name(empty_services: Services, agreement_id: int) -> None:
    record = empty_services.set_status(first_provision(empty_services), Status.PARTIAL, date(2020, 3, 9))
    assert record.history[0].author == getpass.getuser()


def test_a_stale_edit_is_refused_and_nothing_is_written(empty_services: Services, agreement_id: int) -> None:
    provision_id = first_provision(empty_services)
    seen = empty_services.get_provision(provision_id)
    empty_services.set_status(
        provision_id, Status.IN_PROGRESS, date(2020, 3, 7), expected_version=seen.version
    )

    with pytest.raises(StaleEdit, match="changed elsewhere"):
        empty_services.set_status(
            provision_id, Status.COMPLIED, date(2020, 3, 8), expected_version=seen.version
        )
    with pytest.raises(StaleEdit):
        empty_services.update_provision(provision_id, seen.version, summary="Overwritten")
    with pytest.raises(StaleEdit):
        empty_services.delete_provision(provision_id, seen.version)

    now = empty_services.get_provision(provision_id)
    assert now.version == seen.version + 1
    assert now.summary == "Hostilities cease"
    assert [c.status for c in now.history] == [Status.IN_PROGRESS]


def test_a_write_based_on_an_outdated_read_is_refused_by_the_version_check(
    database_path: Path, empty_services: Services, agreement_id: int
) -> None:
    """Beyond the services' own check: the UPDATE itself carries "WHERE version = <read>"."""
    from tracker.storage.engine import create_engine
    from tracker.storage.models import ProvisionRow
    from tracker.storage.unit_of_work import UnitOfWork, session_factory

    provision_id = first_provision(empty_services)
    sessions = session_factory(create_engine(f"sqlite:///{database_path}"))
    with pytest.raises(StaleEdit), UnitOfWork(sessions) as slow:
        row = slow.session.get(ProvisionRow, provision_id)
        assert row is not None and row.version == 1
        slow.commit()  # the read is over; the object keeps what it read
        empty_services.update_provision(provision_id, 1, summary="Written first")
        row.summary = "Written second"
        row.version += 1
        slow.commit()
    assert empty_services.get_provision(provision_id).summary == "Written first"


def test_update_provision_changes_only_what_is_given(empty_services: Services, agreement_id: int) -> None:
    provision = empty_services.list_provisions()[1]

    record = empty_services.update_provision(
        provision.id,
        provision.version,
        summary="  Weapons   pulled back ",
        facets=Facets(zone_width_km=(15.0, 20.0)),
    )
    assert record.summary == "Weapons pulled back"
    assert record.deadline == date(2020, 3, 20)
    assert record.kind is Kind.WITHDRAWAL
    assert record.facets.zone_width_km == (15.0, 20.0)
    assert record.version == provision.version + 1

    cleared = empty_services.update_provision(provision.id, record.version, deadline=None, kind="zone")
    assert cleared.deadline is None
    assert cleared.kind is Kind.ZONE
    assert empty_services.get_provision(provision.id) == cleared


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "treaty"}, "unknown kind"),
        ({"summary": "   "}, "summary"),
        ({"deadline": "2020-04-01"}, "calendar date"),
        ({"facets": Facets(zone_width_km=(20.0, 15.0))}, "zone width"),
    ],
)
def test_bad_edits_are_refused(
    empty_services: Services, agreement_id: int, change: dict[str, object], message: str
) -> None:
    provision = empty_services.list_provisions()[0]
    with pytest.raises(InvalidInput, match=message):
        empty_services.update_provision(provision.id, provision.version, **change)  # type: ignore[arg-type]
    assert empty_services.get_provision(provision.id) == provision


def test_add_provision_appends_to_the_agreement(empty_services: Services, agreement_id: int) -> None:
    record = empty_services.add_provision(
        agreement_id, ExtractedProvision(0, 9, "Article 1", Kind.OTHER, "Added by hand")
    )
    assert record.order == 4
    assert record.version == 1
    assert [p.summary for p in empty_services.list_provisions(agreement_id)][-1] == "Added by hand"
    with pytest.raises(InvalidInput):
        empty_services.add_provision(agreement_id, ExtractedProvision(0, 3, "nope", Kind.OTHER, "Bad span"))


def test_a_deleted_provision_keeps_its_history_and_can_be_restored(
    empty_services: Services, agreement_id: int
) -> None:
    provision_id = first_provision(empty_services)
    record = empty_services.set_status(provision_id, Status.VIOLATED, date(2020, 3, 7), note="shelling")

    empty_services.delete_provision(provision_id, record.version)

    assert provision_id not in [p.id for p in empty_services.list_provisions()]
    with pytest.raises(NotFound, match="deleted"):
        empty_services.get_provision(provision_id)
    assert [c.note for c in empty_services.history(provision_id)] == ["shelling"]

    restored = empty_services.restore_provision(provision_id)
    assert restored.status() is Status.VIOLATED
    assert restored.version == record.version + 2
    assert provision_id in [p.id for p in empty_services.list_provisions()]


def test_unknown_ids_are_not_found(empty_services: Services, agreement_id: int) -> None:
    for call in (
        lambda: empty_services.get_agreement(999),
        lambda: empty_services.get_provision(999),
        lambda: empty_services.history(999),
        lambda: empty_services.set_status(999, Status.COMPLIED, date(2020, 3, 7)),
        lambda: empty_services.add_provision(999, PROVISIONS[0]),
        lambda: empty_services.restore_provision(999),
    ):
        with pytest.raises(NotFound, match="999"):
            call()


@pytest.mark.parametrize(
    ("status", "effective_on", "message"),
    [
        ("done", date(2020, 3, 7), "unknown status"),
        (Status.COMPLIED, "2020-03-07", "calendar date"),
        (Status.COMPLIED, datetime(2020, 3, 7, 12, 0), "calendar date"),
    ],
)
def test_bad_status_changes_are_refused(
    empty_services: Services, agreement_id: int, status: str, effective_on: object, message: str
) -> None:
    provision_id = first_provision(empty_services)
    with pytest.raises(InvalidInput, match=message):
        empty_services.set_status(provision_id, status, effective_on)  # type: ignore[arg-type]
    assert empty_services.history(provision_id) == []
    assert empty_services.get_provision(provision_id).version == 1


def test_a_new_database_holds_the_sample(services: Services) -> None:
    [sample] = services.list_agreements()
    assert "Idlib" in sample.title
    assert sample.parties == ("Russia", "Turkey")
    assert sample.signed_on == date(2018, 9, 17)
    assert sample.place == "Sochi"
    provisions = services.list_provisions(sample.id)
    assert provisions, "the sample's provisions were not extracted"
    assert any(p.deadline is not None for p in provisions)


def test_the_sample_is_imported_once(database_path: Path, services: Services) -> None:
    reopened = open_services(database_path)
    assert len(reopened.list_agreements()) == 1


def test_import_file_reads_extracts_and_uses_metadata_beside_the_file(
    empty_services: Services, tmp_path: Path
) -> None:
    document = tmp_path / "protocol.txt"
    document.write_text(TEXT, encoding="utf-8")
    (tmp_path / "protocol.json").write_text(
        json.dumps(
            {
                "title": "Moscow Protocol",
                "parties": ["Russia", "Turkey"],
                "signed_on": "2020-03-05",
                "place": "Moscow",
            }
        ),
        encoding="utf-8",
    )

    agreement_id = empty_services.import_file(document)

    agreement = empty_services.get_agreement(agreement_id)
    assert (agreement.title, agreement.parties, agreement.signed_on, agreement.place) == (
        "Moscow Protocol",
        ("Russia", "Turkey"),
        date(2020, 3, 5),
        "Moscow",
    )
    assert agreement.text == TEXT
    for provision in empty_services.list_provisions(agreement_id):
        assert agreement.text[provision.start : provision.end] == provision.excerpt


def test_import_file_arguments_win_over_the_metadata(empty_services: Services, tmp_path: Path) -> None:
    document = tmp_path / "protocol.txt"
    document.write_text(TEXT, encoding="utf-8")
    (tmp_path / "protocol.json").write_text('{"title": "From metadata"}', encoding="utf-8")

    agreement_id = empty_services.import_file(document, signed_on=date(2020, 3, 4), title="Given title")

    agreement = empty_services.get_agreement(agreement_id)
    assert (agreement.title, agreement.signed_on) == ("Given title", date(2020, 3, 4))


def test_the_database_location_comes_from_the_argument_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "chosen.sqlite3"
    assert open_services(chosen, with_sample=False).database_location == str(chosen)

    from_env = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv(DATABASE_ENV, str(from_env))
    assert open_services(None, with_sample=False).database_location == str(from_env)
    assert from_env.exists()

    monkeypatch.setenv(DATABASE_ENV, f"sqlite:///{tmp_path / 'by-url.sqlite3'}")
    assert open_services(None, with_sample=False).database_location == str(tmp_path / "by-url.sqlite3")


def test_the_default_location_is_the_user_data_folder(
    isolated_user_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATABASE_ENV)
    services = open_services(None, with_sample=False)
    location = Path(services.database_location)
    assert location.is_relative_to(isolated_user_folders)
    assert location.exists()


def test_an_in_memory_database_works_for_a_whole_session() -> None:
    services = open_services("sqlite://", with_sample=False)
    agreement_id = services.import_agreement(DRAFT, PROVISIONS)
    assert services.database_location == "sqlite://"
    assert len(services.list_provisions(agreement_id)) == 3
