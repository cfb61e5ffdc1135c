"""Monitors named by organisation, mission, demonym lists and agent phrases; look-alikes left out."""

from __future__ import annotations

import pytest

from tracker.extraction import extract


def monitors_of(sentence: str) -> set[str]:
    provisions = extract(sentence).provisions
    assert len(provisions) == 1, [p.excerpt for p in provisions]
    return set(provisions[0].facets.patrol_parties)


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("UNIKOM shall verify the withdrawal from the border strip.", {"United Nations"}),
        ("The AU Peace and Security Council shall oversee the disarmament.", {"African Union"}),
        (
            "The United Nations Secretary-General shall appoint a special envoy to monitor the truce.",
            {"United Nations"},
        ),
        (
            "Inside the limited area will be stationed UNTSO, the observer body of the region.",
            {"United Nations"},
        ),
        ("Blue helmets will be deployed along the new buffer line.", {"United Nations"}),
        ("The crossing points will be policed by U.N. troops.", {"United Nations"}),
        ("The villages will continue to be protected by UNIFIL.", {"United Nations"}),
        ("The truce will be supervised by ECOMOG.", {"ECOWAS"}),
        ("The valley shall be patrolled by KFOR units.", {"NATO"}),
        ("The EUMM will observe the situation along the administrative boundary line.", {"European Union"}),
        ("Peacekeepers of the Commonwealth of Independent States shall patrol the river banks.", {"CIS"}),
        ("Military observers of the Organisation of African Unity shall be deployed at once.", {"OAU"}),
        ("Troops of the East African Community will patrol the corridor.", {"East African Community"}),
        (
            "The IGAD Joint Ceasefire Monitoring and Verification Team shall verify the cantonment.",
            {"IGAD"},
        ),
        (
            "The Organisation of Islamic Cooperation will monitor the truce in the camps.",
            {"Organisation of Islamic Cooperation"},
        ),
    ],
)
def test_organisations_and_missions_by_name_or_acronym(sentence: str, parties: set[str]) -> None:
    assert monitors_of(sentence) == parties


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        (
            "Ceasefire monitors drawn from Ghanaian, Nigerian and Senegalese units will be deployed.",
            {"Ghana", "Nigeria", "Senegal"},
        ),
        (
            "Inspection teams made up of Norwegian, Finnish, Irish and Czechoslovak officers shall be "
            "stationed at the ports.",
            {"Norway", "Finland", "Ireland", "Czechoslovakia"},
        ),
        (
            "A supervisory board of officers appointed by Norway, Finland and Ireland is hereby "
            "established to inspect the airfields.",
            {"Norway", "Finland", "Ireland"},
        ),
        (
            "Observers from Indonesia and other ASEAN member states will monitor the ceasefire line.",
            {"Indonesia", "ASEAN"},
        ),
        (
            "A joint commission composed of representatives of Kenya, Uganda, the United Nations and "
            "the OAU shall be established to monitor the truce.",
            {"Kenya", "Uganda", "United Nations", "OAU"},
        ),
        (
            "A verification team led by Zambia will monitor the disengagement.",
            {"Zambia"},
        ),
        (
            "A liaison body, composed of officers appointed by the United Nations Command and officers "
            "appointed jointly by the Korean People's Army and the Chinese People's Volunteers, shall "
            "supervise the truce.",
            {"United Nations", "North Korea", "China"},
        ),
        (
            "The truce will be monitored by a joint commission of the two sides and the United Nations.",
            {"United Nations"},
        ),
        ("The pullback will be monitored by NATO air reconnaissance.", {"NATO"}),
        (
            "The truce will be monitored by a team including Qatari, Egyptian and American officials.",
            {"Qatar", "Egypt", "United States"},
        ),
        (
            "Peacekeepers from Fiji and Nepal will patrol the zone under the UN flag.",
            {"Fiji", "Nepal", "United Nations"},
        ),
        ("Chadian troops will patrol the border jointly with Niger.", {"Chad", "Niger"}),
        ("Both Chad and Niger will keep observation posts in the zone.", {"Chad", "Niger"}),
        ("Forces of the Republic of Kenya shall ensure the security of the corridor.", {"Kenya"}),
        ("Israel and Hamas shall ensure the safety of civilians.", set()),
        (
            "The Joint Ceasefire Commission, co-chaired by Norway and the United Kingdom, will "
            "investigate violations.",
            {"Norway", "United Kingdom"},
        ),
        (
            "The truce will be verified by the United Nations mission in Haiti and the Catholic Church.",
            {"United Nations", "Catholic Church"},
        ),
        ("The truce will be monitored by Russian observers in Syria and Iraq.", {"Russia"}),
        (
            "The United Nations Security Council shall be requested to deploy an observer force along "
            "the border.",
            {"United Nations"},
        ),
        (
            "Egypt and Qatar will set up a joint cell to exchange information and monitor the truce.",
            {"Egypt", "Qatar"},
        ),
        (
            "The US will lead a monitoring mechanism in which France will take part.",
            {"United States", "France"},
        ),
    ],
)
def test_lists_agents_and_subjects_of_monitoring(sentence: str, parties: set[str]) -> None:
    assert monitors_of(sentence) == parties


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        # Complying with a ceasefire is not monitoring it.
        ("Armenia and Azerbaijan shall strictly observe the ceasefire regime.", set()),
        ("The Russian units stationed in Transnistria shall observe strict neutrality.", set()),
        # Moving one's own forces to a line is not a deployment of monitors.
        ("All Sudanese forces shall be deployed to the south of Line C as drawn on the map.", set()),
        # A force the parties only wait for is not the one at work.
        (
            "Pending the arrival of a United Nations force, the African Union shall deploy military "
            "observers.",
            {"African Union"},
        ),
        # A line or position held by peacekeepers locates a withdrawal; it does not make them monitors.
        ("Both armies shall withdraw behind the line held by UN peacekeepers.", set()),
        # The target of hostilities is not a monitor.
        (
            "The militias will stop all attacks against civilians, the army and UN peacekeepers.",
            set(),
        ),
        # A time reference to a deployment is not the deployment.
        (
            "A joint committee shall be established with the deployment of KFOR, chaired by a senior "
            "officer of the parties.",
            set(),
        ),
        # The place where monitors work is not a monitor.
        ("Observers will be deployed in Moldova to monitor the truce.", set()),
        ("The OSCE mission will monitor the border from inside Ukraine.", {"OSCE"}),
        # Forces bound by the clause are a side, not the monitor.
        (
            "The Sudanese army shall allow humanitarian convoys escorted by African Union troops.",
            {"African Union"},
        ),
        (
            "Iraqi forces shall not enter the zone, which will be monitored by UNIKOM observers.",
            {"United Nations"},
        ),
        # A force already in place locates the clause.
        ("Syria shall withdraw its forces from the areas where UNIKOM is deployed.", set()),
        # A mission titled after a place belongs to the organisation that runs it.
        ("The Darfur Verification Mission of the OSCE will verify compliance.", {"OSCE"}),
        # A coalition led by a party is a belligerent unless the clause gives it the monitoring.
        (
            "The Saudi-led coalition will halt air strikes while UN monitors verify the truce.",
            {"United Nations"},
        ),
        ("An African Union-led mission will monitor the truce.", {"African Union"}),
        # A source of the news is not a monitor, even right after the agent phrase.
        (
            "The truce will be monitored by observers from the African Union, the Kenyan foreign "
            "ministry said.",
            {"African Union"},
        ),
        (
            "International observers will monitor the truce, Turkish officials said.",
            set(),
        ),
    ],
)
def test_look_alikes_are_not_monitors(sentence: str, parties: set[str]) -> None:
    assert monitors_of(sentence) == parties


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        (
            "Bosnian and Croat forces will be separated by a corridor monitored by the OSCE.",
            {"OSCE"},
        ),
        (
            "Azerbaijani forces will keep their positions while Russian peacekeepers are deployed along "
            "the line of contact.",
            {"Russia"},
        ),
        ("Sudanese army units will be monitored by a joint team.", set()),
        (
            "Chadian and Sudanese officials will meet to discuss monitoring of the crossing.",
            set(),
        ),
        (
            "Some 3,000 Malian troops will be deployed in the north alongside UN peacekeepers.",
            {"Mali", "United Nations"},
        ),
        (
            "Ghana and Togo agreed to deploy Nigerian and Beninese forces in the border zone.",
            {"Nigeria", "Benin"},
        ),
        ("The handover will take place under the supervision of Kenyan forces.", {"Kenya"}),
        (
            "Order in the valley will be kept by mobile patrol groups of Zambian units and units of "
            "Malawi's military police.",
            {"Zambia", "Malawi"},
        ),
    ],
)
def test_general_forces_monitor_only_when_given_the_work(sentence: str, parties: set[str]) -> None:
    assert monitors_of(sentence) == parties


def test_a_clause_that_sets_no_monitoring_gets_no_monitors_from_a_nearby_mission() -> None:
    text = (
        "1. The observer mission of the United Nations shall patrol the security zone.\n"
        "2. Government forces shall withdraw to the barracks held by UNAMSIL within seven days.\n"
    )
    provisions = extract(text).provisions
    assert [set(p.facets.patrol_parties) for p in provisions] == [{"United Nations"}, set()]


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("The Republic of Chad shall return the border villages by 15 November 2021.", {"Chad"}),
        ("Units stationed in the Republic of Moldova shall keep strict neutrality.", set()),
        ("Israel and Hamas agreed to halt all attacks, Egyptian officials said.", {"Israel", "Hamas"}),
        ("Chad and the Republic of Niger shall cease all military operations.", {"Chad", "Niger"}),
        (
            "Malian forces shall withdraw beyond the river under the observation of ECOWAS monitors.",
            {"Mali"},
        ),
        ("The parties shall refrain from any action against UN observers.", set()),
    ],
)
def test_responsible_parties_leave_out_places_and_sources(sentence: str, parties: set[str]) -> None:
    provisions = extract(sentence).provisions
    assert len(provisions) == 1, [p.excerpt for p in provisions]
    assert set(provisions[0].facets.responsible_parties) == parties


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        (
            "An international force deployed by the United Nations shall maintain peace and security "
            "in the region.",
            {"United Nations"},
        ),
        ("A Russian checkpoint will be set up 3 km north of the crossing.", {"Russia"}),
        (
            "Monitoring shall be carried out by the Sri Lanka Monitoring Mission, composed of monitors "
            "from Norway and Iceland.",
            {"Norway", "Iceland"},
        ),
        ("The truce will be monitored by the Russian Peacekeeping Force.", {"Russia"}),
    ],
)
def test_forces_keeping_the_peace_checkpoints_and_missions_titled_with_a_country(
    sentence: str, parties: set[str]
) -> None:
    assert monitors_of(sentence) == parties


def test_checkpoints_that_are_removed_have_no_monitor() -> None:
    assert monitors_of("Ukrainian checkpoints will be removed from the road.") == set()
