"""The kind an analyst sees for a clause follows its main predicate and that predicate's object,
not whichever word the clause happens to mention first."""

from __future__ import annotations

import pytest

from tracker.domain import Kind
from tracker.extraction import extract


def kind_of(sentence: str) -> Kind:
    provisions = extract(sentence).provisions
    assert len(provisions) == 1, [p.excerpt for p in provisions]
    return provisions[0].kind


ZONES = [
    "A demilitarised belt shall be established along the northern ridge.",
    "The two sides will set up a neutral corridor between the valleys.",
    "The ground between the two rivers shall be the line of separation.",
    "No artillery or mortars shall be positioned within twelve kilometres of the river.",
    "Military aircraft shall not fly over the neutral strip without the consent of the commission.",
    "The parties shall refrain from moving armoured vehicles into the contested villages.",
    "The valley shall be kept free of armed units and their weapons.",
    "In each limited area a party shall keep no more than two battalions.",
]

WITHDRAWALS = [
    "The militia shall pull its mortars back from the outskirts of the town.",
    "Within five days the brigades must have vacated the lower valley.",
    "The northern garrison shall disengage to a distance of 8 km from the front.",
    "All government battalions will be deployed to the south of the river line.",
    "Armed units must go back to the barracks they held before the offensive.",
    "The rebels are to stay at least 5 miles away from the airfield.",
    "Anti-tank launchers placed near the dam shall be withdrawn within a week.",
    "The militia will withdraw its fighters from the district in step with the disarmament.",
]

PATROLS = [
    "The truce shall be monitored and verified by a regional observer team.",
    "A joint patrol unit will patrol the road north of the lake every day.",
    "A peacekeeping battalion from the regional bloc shall be deployed along the ceasefire line.",
    "Along the river will be stationed a United Nations observer force.",
    "A joint committee will follow up and oversee the implementation of this accord.",
    "The hill villages will continue to be protected by the regional force.",
    "The two governments will set up a hotline to share reports and monitor the truce.",
]

TRANSITS = [
    "Relief agencies shall be given unhindered humanitarian access to the besieged districts.",
    "The parties shall reopen the mountain pass to trucks carrying food.",
    "Residents who fled will be allowed to return to the eastern suburbs.",
    "Commercial flights will resume between the capital and the southern port.",
    "The sides shall lift every barrier to the free movement of goods between the provinces.",
]

CEASEFIRES = [
    "All acts of violence between the two forces shall end at midnight.",
    "The armed groups shall abstain from any hostile act against the observers.",
    "Both sides shall strictly observe the truce on land and at sea.",
    "The ceasefire shall take effect in the three provinces at dawn on Friday.",
    "Units shall remain in their present positions until the commission meets.",
    "The front lines held at noon shall not be extended by either side.",
]

EXCHANGES = [
    "The sides shall release all prisoners taken during the spring offensive.",
    "Civilians detained at the checkpoints are to be released within a week.",
    "The remains of fallen soldiers shall be returned to their families.",
    "Each side will free the fishermen held since the clashes.",
]

OTHERS = [
    "Mines laid earlier inside the buffer strip shall be removed.",
    "The parties shall hand the observers maps of all minefields they have laid.",
    "All irregular militias shall be disarmed and their members demobilised.",
    "Heavy weapons of the militia shall be collected and stored in two depots.",
    "Talks on a lasting settlement will begin next month in the capital.",
    "The chiefs of staff shall meet within a week to discuss the modalities.",
    "The exact borders of the buffer zone will be settled by the two ministers.",
    "Neither party shall bring reinforcements into the disputed town.",
    "This truce shall not apply to groups listed as terrorist by the council.",
    "A joint working group shall be established to draft the electoral law.",
    "The army shall assume full control of the airports and highways of the province.",
    "The garrison stationed in the province shall observe strict neutrality.",
    "Displaced families shall return to their homes under the supervision of the refugee agency.",
]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [(s, Kind.ZONE) for s in ZONES]
    + [(s, Kind.WITHDRAWAL) for s in WITHDRAWALS]
    + [(s, Kind.PATROL) for s in PATROLS]
    + [(s, Kind.TRANSIT) for s in TRANSITS]
    + [(s, Kind.CEASEFIRE) for s in CEASEFIRES]
    + [(s, Kind.EXCHANGE) for s in EXCHANGES]
    + [(s, Kind.OTHER) for s in OTHERS],
)
def test_kind_follows_the_main_predicate(sentence: str, kind: Kind) -> None:
    assert kind_of(sentence) is kind


def test_a_mission_deployed_in_a_ceasefire_zone_is_a_patrol() -> None:
    assert kind_of("The monitoring mission shall be deployed in the ceasefire zone.") is Kind.PATROL


def test_monitoring_a_withdrawal_is_a_patrol_and_withdrawing_under_supervision_is_a_withdrawal() -> None:
    assert kind_of("The pull-back of the brigades will be monitored by the observers.") is Kind.PATROL
    assert kind_of("The brigades shall withdraw under the supervision of the observers.") is Kind.WITHDRAWAL


def test_each_clause_of_an_agreement_gets_its_own_kind() -> None:
    text = (
        "1. A ceasefire shall enter into force at 06:00 on 3 May.\n"
        "2. The militia shall withdraw its tanks from the valley.\n"
        "3. The parties shall release all detainees held since March.\n"
        "4. A joint commission shall meet every month.\n"
    )
    kinds = [provision.kind for provision in extract(text).provisions]
    assert kinds == [Kind.CEASEFIRE, Kind.WITHDRAWAL, Kind.EXCHANGE, Kind.OTHER]
