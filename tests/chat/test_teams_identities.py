"""Issue 11 over HTTP: ids, tenants, missing and forged identities, group chats, hostile bodies, long fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from fakes import activities, teams_events
from fakes.activities import TeamsUser
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.http_helpers import count, post, rows
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import ANNA, CUSTOMER, OTHER_CUSTOMER, OTHER_CUSTOMER_TENANT
from storage.models import Conversation, Organisation, Page, Person, TranscriptMessage

CANNOT_VERIFY = "Sorry, ik kan niet vaststellen wie u bent"


@pytest.fixture
def environment(database_url: str) -> dict[str, str]:
    return {"SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": database_url}


async def answers(bot, connector, activity: dict, *, expect: int = 201) -> list[str]:
    conversation_id = activity["conversation"]["id"]
    before = len(connector.texts(conversation_id))
    await post(bot, activity, expect=expect)
    return connector.texts(conversation_id)[before:]


# --- Ids and tenants ----------------------------------------------------------------------


async def test_ids_written_in_upper_case_in_the_config_still_match(make_bot, connector, tmp_path: Path):
    config = yaml.safe_load(OPERATOR_CONFIG.read_text(encoding="utf-8"))
    config["msp"]["tenant_id"] = config["msp"]["tenant_id"].upper()
    config["customers"][0]["tenant_id"] = config["customers"][0]["tenant_id"].upper()
    config["staff"][0]["object_id"] = config["staff"][0]["object_id"].upper()
    shouting = tmp_path / "shouting.yaml"
    shouting.write_text(yaml.safe_dump(config), encoding="utf-8")
    bot = await make_bot(SUPPORTBOT_CONFIG=str(shouting))

    assert (await say(bot, connector, CUSTOMER, "hallo"))[0].startswith("Welkom")
    assert (await say(bot, connector, ANNA, "help"))[0].startswith("Uw opdrachten als supportmedewerker")


async def test_ids_teams_sends_in_upper_case_are_read_as_lower_case(bot, connector):
    shouting = TeamsUser(CUSTOMER.object_id.upper(), CUSTOMER.tenant_id.upper(), CUSTOMER.name)
    activity = activities.message(shouting, connector.url, "hallo")
    activity["conversation"]["id"] = CUSTOMER.conversation_id

    assert (await answers(bot, connector, activity))[0].startswith("Welkom")
    [petra] = await rows(bot, Person, Person.kind == "customer")
    assert petra.aad_object_id == CUSTOMER.object_id


async def test_a_tenant_only_in_conversation_tenant_id_is_a_known_customer(bot, connector):
    activity = activities.message(CUSTOMER, connector.url, "hallo")
    activity["channelData"] = {}  # no channelData.tenant: only conversation.tenantId says who

    assert (await answers(bot, connector, activity))[0].startswith("Welkom")


# --- Missing and forged identities --------------------------------------------------------


async def test_without_aad_object_id_people_are_answered_politely_and_stored_under_no_one(bot, connector):
    for user in (CUSTOMER, OTHER_CUSTOMER):
        activity = activities.message(user, connector.url, "Outlook start niet")
        del activity["from"]["aadObjectId"]
        [answer] = await answers(bot, connector, activity)
        assert answer.startswith(CANNOT_VERIFY)

    assert await count(bot, Person, Person.kind == "customer") == 0
    assert await count(bot, Conversation) == 0
    stored = await rows(bot, TranscriptMessage)
    assert [(m.text, m.author_person_id) for m in stored] == [("Outlook start niet", None)] * 2


async def test_a_staff_object_id_from_a_customer_tenant_changes_nothing_and_pages_still_reach_staff(bot, clock, connector):
    await say(bot, connector, ANNA, "hallo")
    forger = TeamsUser(ANNA.object_id, OTHER_CUSTOMER_TENANT, "Anna Bakker")
    forged = activities.message(forger, connector.url, "hallo")
    forged["conversation"]["id"] = "a:1:1-forger"

    [refused] = await answers(bot, connector, forged)

    assert refused.startswith(CANNOT_VERIFY)
    [anna] = await rows(bot, Person, Person.aad_object_id == ANNA.object_id)
    [msp] = await rows(bot, Organisation, Organisation.is_msp.is_(True))
    assert (anna.kind, anna.role, anna.organisation_id) == ("staff", "support", msp.id)
    assert await count(bot, Conversation, Conversation.id == "a:1:1-forger") == 0

    clock.set(amsterdam(2026, 11, 28, 3, 0))
    await say(bot, connector, CUSTOMER, "Niemand kan meer mailen of inloggen, alles ligt plat")
    [page] = await rows(bot, Page)
    assert page.staff_object_id == ANNA.object_id
    assert any("Noodmelding" in text for text in connector.texts(ANNA.conversation_id))
    assert connector.texts("a:1:1-forger") == [refused]


async def test_a_forged_conversation_id_does_not_take_over_anothers_conversation(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [before] = await rows(bot, Conversation, Conversation.id == CUSTOMER.conversation_id)
    forged = activities.message(OTHER_CUSTOMER, "http://attacker.example/", "hallo")
    forged["conversation"]["id"] = CUSTOMER.conversation_id

    await post(bot, forged)

    [after] = await rows(bot, Conversation, Conversation.id == CUSTOMER.conversation_id)
    assert (after.person_id, after.service_url, after.reference) == (before.person_id, before.service_url, before.reference)
    assert await count(bot, Person, Person.aad_object_id == OTHER_CUSTOMER.object_id) == 0


async def test_another_organisations_person_id_is_not_moved_to_this_tenant(bot, connector):
    await say(bot, connector, OTHER_CUSTOMER, "hallo")
    moved = TeamsUser(OTHER_CUSTOMER.object_id, CUSTOMER.tenant_id, "Kees Jansen")

    [refused] = await answers(bot, connector, activities.message(moved, connector.url, "status"))

    assert refused.startswith(CANNOT_VERIFY)
    [kees] = await rows(bot, Person, Person.aad_object_id == OTHER_CUSTOMER.object_id)
    [jansen] = await rows(bot, Organisation, Organisation.tenant_id == OTHER_CUSTOMER_TENANT)
    assert kees.organisation_id == jansen.id


# --- Group chats --------------------------------------------------------------------------


async def test_a_group_chat_is_told_to_chat_1_on_1_and_nothing_is_stored(bot, connector):
    activity = teams_events.in_group_chat(teams_events.mentioning(CUSTOMER, connector.url, "Outlook start niet"))
    assert await answers(bot, connector, activity) == ["Ik help alleen in een 1-op-1-chat. Stuur mij een persoonlijk bericht."]

    added = teams_events.in_group_chat(activities.bot_added(CUSTOMER, connector.url), "channel")
    assert await answers(bot, connector, added) == []
    assert await count(bot, Conversation) == 0
    assert await count(bot, TranscriptMessage) == 0


# --- Hostile bodies and long fields -------------------------------------------------------


@pytest.mark.parametrize("depth", [40, 100_000])
async def test_deeply_nested_json_is_a_400_not_a_500(bot, connector, depth):
    activity = activities.message(CUSTOMER, connector.url, "hallo")
    body = json.dumps(activity)[:-1] + ', "channelData": ' + "[" * depth + "]" * depth + "}"

    response = await bot.post("/api/messages", data=body, headers={"Content-Type": "application/json"})

    assert response.status == 400
    assert "nested" in (await response.json())["error"]
    assert await count(bot, TranscriptMessage) == 0


async def test_nul_and_lone_surrogates_are_stored_replaced_and_nobody_waits(bot, connector):
    hostile = TeamsUser(CUSTOMER.object_id, CUSTOMER.tenant_id, "Petra\x00 \ud800de Vries")
    activity = activities.message(hostile, connector.url, "Outlook\x00 start \udfffniet")

    [welcome, *_] = await answers(bot, connector, activity)

    assert welcome.startswith("Welkom")
    [stored] = await rows(bot, TranscriptMessage, TranscriptMessage.direction == "in")
    assert stored.text == "Outlook\ufffd start \ufffdniet"
    [petra] = await rows(bot, Person, Person.aad_object_id == CUSTOMER.object_id)
    assert petra.name == "Petra\ufffd \ufffdde Vries"
    assert (await say(bot, connector, OTHER_CUSTOMER, "hallo"))[0].startswith("Welkom")  # no lock left behind


async def test_names_and_locales_longer_than_their_columns_are_cut_not_fatal(bot, connector):
    long_name = "Wolfeschlegelsteinhausenbergerdorff " * 8  # Azure AD allows 256 characters
    activity = activities.message(TeamsUser(CUSTOMER.object_id, CUSTOMER.tenant_id, long_name), connector.url, "hallo")
    activity["locale"] = "nl-NL-" + "x" * 60

    [welcome] = await answers(bot, connector, activity)

    assert welcome.startswith("Welkom")
    [petra] = await rows(bot, Person, Person.aad_object_id == CUSTOMER.object_id)
    assert len(petra.name) == 200 and petra.name.endswith("…") and petra.locale is None
