"""A small agreement written for these tests: its text, provisions and status history.

The same sample is available as records built in memory (to test the renderers alone) and,
through the fixtures in conftest.py, as a real SQLite database filled through the services.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

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

AS_OF = date(2018, 10, 20)
GENERATED = datetime(2018, 10, 20, 9, 30, tzinfo=UTC)

CLAUSES = (
    (
        "The parties shall observe the ceasefire regime throughout the province.",
        Kind.CEASEFIRE,
        "Ceasefire observed throughout the province",
        None,
        None,
        Facets(),
    ),
    (
        "A demilitarised zone 15 to 20 kilometres deep shall be established by 15 October 2018.",
        Kind.ZONE,
        "Demilitarised zone 15-20 km deep established",
        date(2018, 10, 15),
        "by 15 October 2018",
        Facets(zone_width_km=(15.0, 20.0)),
    ),
    (
        "All tanks, multiple rocket launchers, artillery and mortars shall be withdrawn from the zone "
        "by 10 October 2018.",
        Kind.WITHDRAWAL,
        "Heavy weapons withdrawn from the zone",
        date(2018, 10, 10),
        "by 10 October 2018",
        Facets(weapons=("tanks", "mlrs", "artillery", "mortars")),
    ),
    (
        "Coordinated patrols by the Northern and Southern contingents shall monitor the zone.",
        Kind.PATROL,
        "Coordinated patrols monitor the zone",
        None,
        None,
        Facets(patrol_parties=("Northern contingent", "Southern contingent")),
    ),
    (
        "Transit traffic on the coastal and eastern highways shall be restored before 31 December 2018.",
        Kind.TRANSIT,
        "Transit traffic restored on both highways",
        date(2018, 12, 31),
        "before 31 December 2018",
        Facets(),
    ),
    (
        "All armed groups shall leave the zone by 15 October 2018.",
        Kind.WITHDRAWAL,
        "Armed groups leave the zone",
        date(2018, 10, 15),
        "by 15 October 2018",
        Facets(),
    ),
    (
        "Detainees shall be exchanged on an all-for-all basis by 5 November 2018.",
        Kind.EXCHANGE,
        "Detainees exchanged all for all",
        date(2018, 11, 5),
        "by 5 November 2018",
        Facets(),
    ),
    (
        "The joint commission shall meet before 1 October 2018.",
        Kind.OTHER,
        "Joint commission convened",
        date(2018, 10, 1),
        "before 1 October 2018",
        Facets(),
    ),
)

# (provision index, status, effective date, note, evidence)
CHANGES = (
    (0, Status.COMPLIED, date(2018, 9, 18), "No violations reported by the monitors.", ""),
    (1, Status.IN_PROGRESS, date(2018, 10, 1), "Work on the zone boundaries has started.", ""),
    (
        1,
        Status.VIOLATED,
        date(2018, 10, 16),
        "Zone not established by the deadline.",
        "https://monitors.example.org/report/77",
    ),
    (2, Status.PARTIAL, date(2018, 10, 10), "Most artillery withdrawn; mortars remain.", ""),
    (3, Status.IN_PROGRESS, date(2018, 10, 5), "First joint patrol held.", ""),
    (7, Status.COMPLIED, date(2018, 9, 28), "Commission met in the capital.", ""),
    # Recorded, but effective after AS_OF: must not count on AS_OF.
    (5, Status.COMPLIED, date(2018, 10, 25), "Groups left the zone.", ""),
)

# Overdue on AS_OF: zone (violated), heavy weapons (partial), armed groups (pending).
OVERDUE_ON_AS_OF = {
    "Demilitarised zone 15-20 km deep established",
    "Heavy weapons withdrawn from the zone",
    "Armed groups leave the zone",
}
DUE_SOON_ON_AS_OF = {"Detainees exchanged all for all"}

TEXT = "\n\n".join(clause for clause, *_ in CLAUSES)


def draft(title: str = "Memorandum on the Stabilisation of the Northern Province") -> AgreementDraft:
    return AgreementDraft(
        title=title,
        text=TEXT,
        parties=("Northern Republic", "Southern Federation"),
        signed_on=date(2018, 9, 17),
        place="Lakeside",
        source="written for the tests",
    )


def extracted() -> list[ExtractedProvision]:
    provisions = []
    for clause, kind, summary, deadline, deadline_text, facets in CLAUSES:
        start = TEXT.index(clause)
        provisions.append(
            ExtractedProvision(
                start, start + len(clause), clause, kind, summary, deadline, deadline_text, facets
            )
        )
    return provisions


def records(agreement_id: int = 1, title: str | None = None) -> tuple[AgreementRecord, list[ProvisionRecord]]:
    """The sample as records, as the services would return them."""
    d = draft(title) if title else draft()
    agreement = AgreementRecord(
        agreement_id, d.title, d.parties, d.signed_on, d.place, d.source, "en", GENERATED
    )
    stamp = datetime(2018, 10, 1, tzinfo=UTC)
    provisions = []
    for index, p in enumerate(extracted()):
        pid = agreement_id * 100 + index
        history = tuple(
            StatusChange(n, pid, status, on, note, evidence, "analyst", stamp)
            for n, (i, status, on, note, evidence) in enumerate(CHANGES, start=1)
            if i == index
        )
        provisions.append(
            ProvisionRecord(
                pid,
                agreement_id,
                index,
                p.kind,
                p.summary,
                p.excerpt,
                p.start,
                p.end,
                p.deadline,
                p.deadline_text,
                p.facets,
                stamp,
                stamp,
                1,
                history,
            )
        )
    return agreement, provisions
