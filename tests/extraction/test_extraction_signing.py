"""The signing date, when the caller does not give it, and how it was found."""

from __future__ import annotations

from datetime import date

from tracker.extraction import extract


def test_given_date_wins() -> None:
    extraction = extract(
        "Done at Minsk on 19 September 2014.\n\n1. The parties shall cease fire.", date(2014, 9, 20)
    )
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2014, 9, 20), "given")


def test_stated_signing_date() -> None:
    text = "1. The parties shall cease fire.\n\nDone at Minsk on 12 February 2015."
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2015, 2, 12), "stated")


def test_recitals_do_not_give_the_signing_date() -> None:
    text = (
        "Recalling the Protocol of 5 September 2014,\n\n"
        "1. The parties shall cease fire.\n\n"
        "Done at Minsk on 12 February 2015."
    )
    assert extract(text).signed_on == date(2015, 2, 12)


def test_day_without_year_takes_the_year_that_fits_the_weekday() -> None:
    text = (
        "SOCHI, September 17. /TASS/. The defence ministries signed a memorandum on Monday.\n\n"
        "In 2017, a de-escalation zone was established in the region.\n\n"
        "The sides will resume transit traffic by the end of 2018."
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2018, 9, 17), "stated")


def test_signing_weekday_counts_back_from_the_dateline() -> None:
    text = (
        "DOHA, March 2, 2020 (Reuters) - In a deal signed with the Taliban on Saturday, the United States "
        "promised to bring its troops home in 14 months, officials said on Monday."
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2020, 2, 29), "stated")
    assert extraction.provisions[0].deadline == date(2021, 4, 29)


def test_dateline_with_a_year_from_the_text() -> None:
    text = (
        "SOCHI, Russia, Oct. 22 (Xinhua) -- Russia and Turkey held talks on the situation in Syria.\n\n"
        '"Starting 12:00 noon of October 23, 2019, military police will enter the area," the document said.'
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2019, 10, 22), "dateline")


def test_background_years_do_not_date_a_report() -> None:
    text = (
        "AMMAN, April 1 (Reuters) - The warring parties have agreed to a truce, the envoy said on Friday, "
        "the first since 2016."
    )
    extraction = extract(text)
    assert extraction.signed_on is None
    assert extraction.signed_on_source == "unknown"


def test_past_weekday_picks_a_later_year_than_the_background() -> None:
    text = (
        "CAIRO, Jan 15 (Reuters) - The sides have agreed a ceasefire, mediators said on Wednesday.\n\n"
        "The war began on Oct. 7, 2023."
    )
    assert extract(text).signed_on == date(2025, 1, 15)


def test_a_line_with_only_a_place_and_a_date_is_the_signing() -> None:
    text = (
        "1. To cease all military actions starting from 00:01 on 6 March 2020.\n"
        "2. Joint patrols will begin on 15 March 2020.\n\n"
        "Moscow, 5 March 2020"
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2020, 3, 5), "stated")


def test_earliest_date_that_is_not_a_time_limit() -> None:
    text = (
        "1. To cease all military actions starting from 00:01 on 6 March 2020.\n"
        "2. The parties confirm the arrangements of 5 March 2020 on joint patrols.\n"
        "3. Joint patrols will begin on 15 March 2020."
    )
    extraction = extract(text)
    assert (extraction.signed_on, extraction.signed_on_source) == (date(2020, 3, 5), "earliest-date")


def test_unknown_when_the_text_gives_no_year() -> None:
    extraction = extract(
        "1. Ceasefire is to be considered bilateral.\n2. Units shall stop as of September 19."
    )
    assert (extraction.signed_on, extraction.signed_on_source) == (None, "unknown")
    assert extraction.provisions[1].deadline is None
