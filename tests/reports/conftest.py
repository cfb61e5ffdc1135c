"""Fixtures over the sample in summary_sample.py: records in memory and a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from summary_sample import AS_OF, CHANGES, GENERATED, draft, extracted, records

from tracker.bootstrap import open_services
from tracker.reports.model import Summary, summarise
from tracker.services import Services


@pytest.fixture
def summary() -> Summary:
    return summarise([records()], AS_OF, GENERATED)


@pytest.fixture
def two_agreements() -> Summary:
    return summarise([records(1), records(2, "Protocol on the Southern Crossing Points")], AS_OF, GENERATED)


@pytest.fixture
def sample_db(database_path: Path) -> Path:
    """A database file holding the sample agreement twice (ids 1 and 2), with its status history."""
    services = open_services(database_path, with_sample=False)
    for title in (None, "Protocol on the Southern Crossing Points"):
        agreement_id = services.import_agreement(draft(title) if title else draft(), extracted())
        ids = [p.id for p in services.list_provisions(agreement_id)]
        for index, status, on, note, evidence in CHANGES:
            services.set_status(ids[index], status, on, note=note, evidence=evidence)
    return database_path


@pytest.fixture
def sample_services(sample_db: Path) -> Services:
    return open_services(sample_db)
