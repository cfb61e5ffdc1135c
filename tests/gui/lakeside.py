"""The Truce of Lakeside: a made-up agreement written for the GUI tests, and a window on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tracker.domain import ExtractedProvision, Facets, Kind
from tracker.gui.main_window import MainWindow
from tracker.services import Services

TRUCE_TEXT = (
    "Truce of Lakeside\n"
    "Signed at Lakeside on 1 March 2020 by the Northern Council and the Southern League.\n"
    "1. The parties shall cease all hostilities from 2 March 2020.\n"
    "2. Tanks and artillery shall be withdrawn 15 km from the contact line by 15 March 2020.\n"
    "3. Joint patrols of the Northern Council and the Southern League shall start by 1 April 2020.\n"
    "4. Prisoners shall be exchanged within sixty days, by 30 April 2020.\n"
)

TRUCE_PROVISIONS: tuple[tuple[str, Kind, str, date | None, Facets], ...] = (
    (
        "The parties shall cease all hostilities from 2 March 2020.",
        Kind.CEASEFIRE,
        "Cease hostilities",
        date(2020, 3, 2),
        Facets(responsible_parties=("Northern Council", "Southern League")),
    ),
    (
        "Tanks and artillery shall be withdrawn 15 km from the contact line by 15 March 2020.",
        Kind.WITHDRAWAL,
        "Withdraw tanks and artillery 15 km",
        date(2020, 3, 15),
        Facets(zone_width_km=(15.0, 15.0), weapons=("tanks", "artillery")),
    ),
    (
        "Joint patrols of the Northern Council and the Southern League shall start by 1 April 2020.",
        Kind.PATROL,
        "Start joint patrols",
        date(2020, 4, 1),
        Facets(patrol_parties=("Northern Council", "Southern League")),
    ),
    (
        "Prisoners shall be exchanged within sixty days, by 30 April 2020.",
        Kind.EXCHANGE,
        "Exchange prisoners",
        date(2020, 4, 30),
        Facets(),
    ),
)

# Six days before the withdrawal deadline, after the ceasefire one.
TRUCE_AS_OF = date(2020, 3, 9)


def truce_provisions() -> list[ExtractedProvision]:
    provisions = []
    for excerpt, kind, summary, deadline, facets in TRUCE_PROVISIONS:
        start = TRUCE_TEXT.index(excerpt)
        provisions.append(
            ExtractedProvision(start, start + len(excerpt), excerpt, kind, summary, deadline, None, facets)
        )
    return provisions


def open_window(
    qtbot: QtBot, services: Services, settings: QSettings, as_of: date = TRUCE_AS_OF
) -> MainWindow:
    window = MainWindow(services, settings, as_of)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.reload()
    return window
