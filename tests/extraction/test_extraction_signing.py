"""The signing date, when the caller does not give it, and how it was found."""

from __future__ import annotations

from datetime import date

from tracker.extraction import extract


def test_given_date_wins() -> None:
    extraction = extract(
        "Done at Oslo on 3 April 2011.\n\n1. The parties shall cease fire.", date(2011, 4, 4)
    )
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2011, 4, 4), "given")


def test_stated_signing_date() -> None:
    text = "1. The parties shall cease fire.\n\nDone at Geneva on 14 June 2012."
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2012, 6, 14), "stated")


def test_recitals_do_not_give_the_signing_date() -> None:
    text = (
        "Recalling the Declaration of 2 March 2010,\n\n"
        "1. The parties shall cease fire.\n\n"
        "Done at Geneva on 14 June 2012."
    )
    assert extract(text).signed_on == date(2012, 6, 14)


def test_day_without_year_takes_the_year_that_fits_the_weekday() -> None:
    text = (
        "VIENNA, June 11. /TASS/. The two ministries signed a protocol on Monday.\n\n"
        "In 2017, a buffer zone was set up in the region.\n\n"
        "The sides will reopen the border crossings by the end of 2018."
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2018, 6, 11), "stated")


def test_signing_weekday_counts_back_from_the_dateline() -> None:
    text = (
        "OSLO, March 9, 2022 (Reuters) - In a deal signed with the rebels on Saturday, the government "
        "promised to bring its troops home in 6 months, officials said on Wednesday."
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2022, 3, 5), "stated")
    assert extraction.provisions[0].deadline == date(2022, 9, 5)


def test_dateline_with_a_year_from_the_text() -> None:
    text = (
        "NAIROBI, Kenya, Aug. 14 (Xinhua) -- The delegations held talks on the situation in the region.\n\n"
        '"Starting 08:00 on August 15, 2019, observers will enter the area," the document said.'
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2019, 8, 14), "dateline")


def test_background_years_do_not_date_a_report() -> None:
    text = (
        "LUSAKA, June 5 (Reuters) - The rival factions have agreed to a pause in fighting, the mediator "
        "said on Thursday, the first since 2012."
    )
    extraction = extract(text)
    assert extraction.signed_on is None
    assert extraction.signed_on_source == "unknown"


def test_past_weekday_picks_a_later_year_than_the_background() -> None:
    text = (
        "DAKAR, March 12 (Reuters) - The factions have agreed a truce, mediators said on Wednesday.\n\n"
        "The fighting began on Nov. 4, 2023."
    )
    assert extract(text).signed_on == date(2025, 3, 12)


def test_a_line_with_only_a_place_and_a_date_is_the_signing() -> None:
    text = (
        "1. To halt all combat operations starting from 06:00 on 9 July 2019.\n"
        "2. Joint patrols will begin on 20 July 2019.\n\n"
        "Tbilisi, 8 July 2019"
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2019, 7, 8), "stated")


def test_earliest_date_that_is_not_a_time_limit() -> None:
    text = (
        "1. To halt all combat operations starting from 06:00 on 9 July 2019.\n"
        "2. The parties confirm the arrangements of 8 July 2019 on joint patrols.\n"
        "3. Joint patrols will begin on 20 July 2019."
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2019, 7, 8), "earliest-date")


def test_unknown_when_the_text_gives_no_year() -> None:
    extraction = extract("1. The truce is to be considered permanent.\n2. Units shall halt as of October 3.")
    assert (extraction.signed_on, extraction.signed_on_source) == (None, "unknown")
    assert extraction.provisions[1].deadline is None
