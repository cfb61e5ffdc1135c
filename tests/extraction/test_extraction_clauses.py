"""Which parts of a text are provisions, and how they are cut into clauses."""

from __future__ import annotations

from datetime import date

from extraction_support import excerpts, provision_with

from tracker.domain import Kind
from tracker.extraction import extract

AGREEMENT = """Memorandum on the Stabilization of the Situation in the Region

The Parties,

Recalling the Protocol of 5 September 2014,
Reaffirming their commitment to the sovereignty of the country,

Have agreed as follows:

1. The truce is to be considered permanent.

2. Units shall be halted at the line of separation. Minefields laid earlier shall be cleared.

3. The UN observer mission shall be deployed in the zone; its observers shall report weekly to the \
Joint Commission.

4. The parties shall exchange all prisoners of war (a) by 1 October 2014; and (b) without conditions.
"""


def test_numbered_points_and_their_sentences_are_provisions_and_recitals_are_not() -> None:
    found = excerpts(extract(AGREEMENT, date(2014, 9, 19)))
    assert "The truce is to be considered permanent." in found
    assert "Units shall be halted at the line of separation." in found
    assert "Minefields laid earlier shall be cleared." in found
    assert not any("Recalling" in e or "Reaffirming" in e or "agreed as follows" in e for e in found)
    assert not any(e.startswith(("1.", "2.")) for e in found)


def test_semicolons_separate_clauses() -> None:
    extraction = extract(AGREEMENT, date(2014, 9, 19))
    assert provision_with(extraction, "observer mission").excerpt.endswith("deployed in the zone")
    assert provision_with(extraction, "report weekly").excerpt.startswith("its observers")


def test_kinds() -> None:
    extraction = extract(AGREEMENT, date(2014, 9, 19))
    assert provision_with(extraction, "truce is to be").kind is Kind.CEASEFIRE
    assert provision_with(extraction, "observer mission").kind is Kind.PATROL
    assert provision_with(extraction, "prisoners of war").kind is Kind.EXCHANGE


def test_hard_wrapped_paragraph_is_read_as_one() -> None:
    text = (
        "The parties shall withdraw all heavy weapons from the line of contact and shall create\n"
        "a security zone 30 km wide by 1 October 2018.\n"
    )
    provisions = extract(text, date(2018, 9, 17)).provisions
    assert len(provisions) == 1
    assert provisions[0].facets.zone_width_km == (30.0, 30.0)
    assert provisions[0].deadline == date(2018, 10, 1)


REPORT = """Sides agree on truce and prisoner swap

GENEVA, March 3 (Reuters) - The warring parties agreed on Tuesday to a ceasefire and a prisoner exchange, \
the U.N. envoy said.

Under the deal, both sides will exchange about 400 prisoners within two weeks. U.S. Secretary of State \
John Doe welcomed the deal.

"We will closely watch whether they keep their word," the envoy told reporters.

Fighting erupted in 2019 and has killed thousands. Last year a similar truce collapsed within days.

Both sides will exchange about 400 prisoners within two weeks, the U.N. statement said.
"""


def test_news_report_provisions_are_what_the_agreement_sets() -> None:
    found = excerpts(extract(REPORT, date(2024, 3, 3)))
    assert any(e.startswith("Under the deal, both sides will exchange") for e in found)
    assert not any("closely watch" in e for e in found)
    assert not any("Fighting erupted" in e or "Last year" in e for e in found)
    assert not any(e.startswith("John Doe") or e == "S." for e in found)


def test_a_provision_stated_twice_is_found_twice() -> None:
    extraction = extract(REPORT, date(2024, 3, 3))
    twice = [p for p in extraction.provisions if "exchange about 400 prisoners within two weeks" in p.excerpt]
    assert len(twice) == 2
    assert {p.deadline for p in twice} == {date(2024, 3, 17)}


def test_quotes_of_the_document_are_provisions() -> None:
    text = (
        '"The European Union is committed to begin at once to work on a scheme to free detained '
        'journalists," the text of the accord reads.'
    )
    assert len(extract(text).provisions) == 1


def test_two_limits_in_one_sentence_make_two_provisions() -> None:
    text = (
        "The coalition promised to bring its soldiers home in 9 months, with a first drawdown, "
        "down to 4,000 from 9,000, to take place in the first 60 days."
    )
    extraction = extract(text, date(2020, 2, 29))
    assert provision_with(extraction, "bring its soldiers home").deadline == date(2020, 11, 29)
    assert provision_with(extraction, "first drawdown").deadline == date(2020, 4, 29)


def test_coordinated_clauses_with_their_own_subjects_are_separate() -> None:
    text = (
        "Displaced families will be allowed to go back from the third day of the truce, and some 200 "
        "lorries of aid are to cross the border each day."
    )
    found = excerpts(extract(text))
    assert len(found) == 2
    assert found[1].startswith("some 200 lorries")


def test_a_participle_clause_shares_the_limit_of_the_clause_it_continues() -> None:
    text = (
        "Serbia shall hand back the Presevo district by 1 March 2021, while leaving behind the Presevo "
        "corridor (3 km wide), which shall link the two towns."
    )
    extraction = extract(text, date(2021, 2, 10))
    corridor = provision_with(extraction, "leaving behind")
    assert corridor.deadline == date(2021, 3, 1)
    assert corridor.facets.zone_width_km == (3.0, 3.0)


def test_summary_is_a_short_title() -> None:
    extraction = extract(
        "The president stated that he agreed with his counterpart to set up a 10-15 kilometers buffer "
        "zone by November 20.",
        date(2018, 9, 17),
    )
    # Kind, deadline and width have their own columns; the title is the operative words alone.
    assert extraction.provisions[0].summary == "Set up a 10–15 km buffer zone"


def test_sub_points_share_the_time_limit_of_their_lead_in() -> None:
    text = (
        "A. The parties will take the following measures in the first ninety (90) days:\n"
        "1) They will reduce their forces to five thousand (5,000).\n"
        "2) They will withdraw all their forces from three (3) military bases.\n"
        "B. The parties will complete the withdrawal of all remaining forces.\n"
    )
    extraction = extract(text, date(2020, 2, 29))
    assert provision_with(extraction, "reduce their forces").deadline == date(2020, 5, 29)
    assert provision_with(extraction, "three (3) military bases").deadline == date(2020, 5, 29)
    assert provision_with(extraction, "complete the withdrawal").deadline is None


def test_a_participle_that_qualifies_a_noun_does_not_cut_the_clause() -> None:
    text = (
        "The coalition will withdraw all trainers, advisors, and supporting logistics personnel within "
        "twelve (12) months following the announcement of this accord."
    )
    provisions = extract(text, date(2020, 2, 29)).provisions
    assert len(provisions) == 1
    assert provisions[0].deadline == date(2021, 2, 28)


def test_decimal_point_numbers_and_reported_terms() -> None:
    text = (
        "May 3, 2021 (Reuters) - Ghana and Togo agreed on Monday to create a buffer zone by May 20.\n\n"
        "1.1 The parties shall withdraw tanks.\n\n"
        "It also provides for a prisoner swap.\n"
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2021, 5, 3), "dateline")
    assert excerpts(extraction)[1:] == [
        "The parties shall withdraw tanks.",
        "It also provides for a prisoner swap.",
    ]
    assert extraction.provisions[0].deadline == date(2021, 5, 20)


def test_short_wrapped_lines_join_but_headings_stay_apart() -> None:
    text = (
        "1. The parties shall withdraw all heavy\n"
        "weapons at least 15 kilometres from the\n"
        "contact line by 1 October 2018.\n"
        "2. Patrols by the Military Police of the Russian\n"
        "Federation shall begin on 3 October 2018.\n"
        "Executive Arrangement on the Exchange of Prisoners\n"
        "3. The parties shall release all prisoners.\n"
    )
    extraction = extract(text, date(2018, 9, 17))
    assert len(extraction.provisions) == 3
    patrols = provision_with(extraction, "Federation shall begin")
    assert patrols.facets.patrol_parties == ("Russia",)
    assert patrols.deadline == date(2018, 10, 3)
    assert extraction.provisions[2].excerpt == "The parties shall release all prisoners."


def test_the_first_cue_of_a_clause_gives_its_kind() -> None:
    cases = {
        "The OSCE will monitor the ceasefire and the withdrawal.": Kind.PATROL,
        "The Tovuz district shall be returned to Georgia by 5 June 2021.": Kind.WITHDRAWAL,
        "A complete ceasefire shall be observed in the zone of the conflict.": Kind.CEASEFIRE,
        "The parties shall release all prisoners of war.": Kind.EXCHANGE,
        "Transit traffic on the highway shall resume.": Kind.TRANSIT,
        "The sides will meet again next month.": Kind.OTHER,
    }
    for sentence, kind in cases.items():
        assert extract(sentence).provisions[0].kind is kind, sentence


def test_a_dateline_cut_off_by_a_dash_is_not_a_provision() -> None:
    text = "ACCRA, Ghana, May 3 (Xinhua) -- Ghana and Togo agreed to deploy forces in the zone."
    extraction = extract(text)
    assert excerpts(extraction) == ["Ghana and Togo agreed to deploy forces in the zone."]
    assert extraction.provisions[0].summary == "Deploy forces in the zone"


def test_a_numbered_point_that_introduces_a_list_is_a_provision() -> None:
    text = (
        "The Guarantors have decided the following:\n\n"
        "1. The following safe areas shall be created to end the fighting:\n"
        "- the northern districts of the valley;\n"
        "- certain parts of the coastal plain.\n"
    )
    found = excerpts(extract(text))
    assert not any("have decided" in e for e in found)
    assert found[0].startswith("The following safe areas shall be created")
