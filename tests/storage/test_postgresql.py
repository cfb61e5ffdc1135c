"""The same services on a real PostgreSQL server, when one is given.

Set AGREEMENT_TRACKER_TEST_POSTGRES to an SQLAlchemy URL of a server where the user may create
databases (e.g. ``postgresql+psycopg://tracker@/postgres?host=/tmp&port=5432``) and install
its driver; each test gets a new database, dropped afterwards. Skipped otherwise.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa

from tracker.bootstrap import open_services
from tracker.domain import AgreementDraft, ExtractedProvision, Facets, Kind, Status
from tracker.errors import StaleEdit, StorageError
from tracker.services import Services

SERVER = os.environ.get("AGREEMENT_TRACKER_TEST_POSTGRES", "")
pytestmark = pytest.mark.skipif(not SERVER, reason="AGREEMENT_TRACKER_TEST_POSTGRES is not set")

TEXT = "A demilitarised zone 15 to 20 km deep shall be set up by 15 October 2018. Joint patrols follow."


@pytest.fixture
def postgres_url() -> Iterator[str]:
    admin = sa.create_engine(SERVER, isolation_level="AUTOCOMMIT")
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield sa.make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture
def services(postgres_url: str) -> Services:
    return open_services(postgres_url, with_sample=False)


def test_import_list_status_and_history(services: Services) -> None:
    zone = TEXT.split(". ")[0] + "."
    agreement_id = services.import_agreement(
        AgreementDraft(
            title="Zone accord", text=TEXT, parties=("North", "South"), signed_on=date(2018, 9, 17)
        ),
        [
            ExtractedProvision(
                0,
                len(zone),
                zone,
                Kind.ZONE,
                "Zone set up",
                date(2018, 10, 15),
                "by 15 October 2018",
                Facets(zone_width_km=(15.0, 20.0), responsible_parties=("North",)),
            )
        ],
    )
    [provision] = services.list_provisions(agreement_id)
    assert provision.facets == Facets(zone_width_km=(15.0, 20.0), responsible_parties=("North",))

    record = services.set_status(
        provision.id,
        Status.PARTIAL,
        date(2018, 10, 14),
        note="half the zone",
        expected_version=provision.version,
    )
    assert record.version == provision.version + 1
    assert [(c.status, c.note) for c in services.history(provision.id)] == [(Status.PARTIAL, "half the zone")]
    with pytest.raises(StaleEdit):
        services.update_provision(provision.id, provision.version, summary="Overwritten")

    services.delete_provision(provision.id, record.version)
    assert services.list_provisions() == []
    assert services.restore_provision(provision.id).status() is Status.PARTIAL


def test_a_failed_import_leaves_nothing(services: Services) -> None:
    broken = ExtractedProvision(0, 0, "", Kind.OTHER, None)  # type: ignore[arg-type]
    with pytest.raises(StorageError):
        services.import_agreement(AgreementDraft(title="Half", text=TEXT), [broken])
    assert services.list_agreements() == []


def test_a_new_database_gets_the_sample(postgres_url: str) -> None:
    services = open_services(postgres_url)
    [sample] = services.list_agreements()
    assert sample.signed_on == date(2018, 9, 17)
    assert services.list_provisions(sample.id)
