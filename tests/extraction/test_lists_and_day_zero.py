"""Weapon lists under a lead-in, the day "D" a text defines, and entry into force on signing."""

from __future__ import annotations

from datetime import date

from extraction_support import deadline_of, excerpts, provision_with

from tracker.extraction import extract

SIGNED = date(2021, 3, 10)

ADDENDUM = (
    "1. The following types of weapons shall be withdrawn to a distance of no less than 15 km "
    "from the line on each side:\n"
    "- tanks;\n"
    "- artillery systems of calibre up to 100 mm (inclusive);\n"
    "- mortars of calibre up to 120 mm (inclusive).\n\n"
    '2. The withdrawal shall begin on Day "D", which is the second day after the signing '
    "of this Addendum.\n\n"
    '3. The first stage shall be completed within 15 days of Day "D".\n\n'
    '4. Not later than one day before Day "D", the sides shall hand over their lists of weapons.\n\n'
    "5. This Addendum shall enter into force upon its signing.\n"
)


def test_points_that_only_name_weapons_belong_to_their_lead_in() -> None:
    extraction = extract(ADDENDUM, SIGNED)
    lead = provision_with(extraction, "following types of weapons")
    assert lead.facets.weapons == ("tanks", "artillery", "mortars")
    assert lead.excerpt.endswith("mortars of calibre up to 120 mm (inclusive).")
    assert not any(excerpt.startswith("artillery systems") for excerpt in excerpts(extraction))


def test_points_with_a_distance_of_their_own_stay_provisions() -> None:
    text = (
        "1. The sides shall withdraw the following weapons from the line:\n"
        "- artillery systems of calibre over 100 mm to a distance of 50 km;\n"
        "- mortars to a distance of 15 km.\n"
    )
    widths = [p.facets.zone_width_km for p in extract(text, SIGNED).provisions]
    assert (50.0, 50.0) in widths and (15.0, 15.0) in widths


def test_day_zero_defined_as_days_after_the_signing() -> None:
    assert deadline_of(ADDENDUM, "shall begin on Day", SIGNED) == date(2021, 3, 12)
    assert deadline_of(ADDENDUM, "first stage", SIGNED) == date(2021, 3, 27)
    assert deadline_of(ADDENDUM, "lists of weapons", SIGNED) == date(2021, 3, 11)


def test_entry_into_force_upon_its_signing_is_the_signing_date() -> None:
    assert deadline_of(ADDENDUM, "enter into force", SIGNED) == SIGNED
    text = "The present Agreement shall come into force immediately upon being signed."
    assert deadline_of(text, "come into force", SIGNED) == SIGNED
