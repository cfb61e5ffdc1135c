"""The compliance summary as CSV: one row per provision, for spreadsheets and other tools.

Dates are ISO (YYYY-MM-DD) and lists are joined with "; ", so the file sorts and filters well.
"""

from __future__ import annotations

import csv
import io

from tracker.reports.formatting import describe_countdown_of, weapon_label
from tracker.reports.model import Summary

COLUMNS = (
    "as_of",
    "agreement_id",
    "agreement",
    "number",
    "provision_id",
    "kind",
    "summary",
    "deadline",
    "deadline_text",
    "countdown_days",
    "countdown",
    "status",
    "status_since",
    "overdue",
    "days_overdue",
    "due_within_30_days",
    "zone_width_km",
    "weapons",
    "patrol_parties",
    "responsible_parties",
    "latest_note",
    "evidence",
    "excerpt",
)


def render_csv(summary: Summary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    as_of = summary.as_of.isoformat()
    for agreement in summary.agreements:
        due_soon = {line.id for line in agreement.due_soon}
        for line in agreement.provisions:
            width = line.facets.zone_width_km
            writer.writerow(
                (
                    as_of,
                    agreement.id,
                    agreement.title,
                    line.number,
                    line.id,
                    line.kind.value,
                    line.summary,
                    line.deadline.isoformat() if line.deadline else "",
                    line.deadline_text or "",
                    "" if line.countdown_days is None else line.countdown_days,
                    describe_countdown_of(line),
                    line.status.value,
                    line.status_since.isoformat() if line.status_since else "",
                    "yes" if line.overdue else "no",
                    line.days_overdue,
                    "yes" if line.id in due_soon else "no",
                    ""
                    if width is None
                    else (f"{width[0]:g}" if width[0] == width[1] else f"{width[0]:g}-{width[1]:g}"),
                    "; ".join(weapon_label(w) for w in line.facets.weapons),
                    "; ".join(line.facets.patrol_parties),
                    "; ".join(line.facets.responsible_parties),
                    line.latest_note,
                    line.evidence,
                    line.excerpt,
                )
            )
    return out.getvalue()
