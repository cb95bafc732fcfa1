"""Issue 11 over HTTP: mentions, screenshots, edits, deletes, invokes and every other activity type Teams sends."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fakes import activities, teams_events
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.http_helpers import count, post, rows
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import ANNA, CUSTOMER, OTHER_CUSTOMER
from storage.models import Page, Ticket, TranscriptMessage, TranscriptRevision

SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)
NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
HINT = "Ik kan geen afbeeldingen lezen; beschrijf het probleem in een paar woorden."


@pytest.fixture
def environment(database_url: str) -> dict[str, str]:
    """Everything a user can send must work on both databases."""
    return {"SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": database_url}


async def send(bot, connector, activity: dict, *, expect: int = 201) -> list[str]:
    """Post any activity; what the bot answered in its conversation."""
    conversation_id = activity["conversation"]["id"]
    before = len(connector.texts(conversation_id))
    await post(bot, activity, expect=expect)
    return connector.texts(conversation_id)[before:]


async def incoming(bot, user) -> list[TranscriptMessage]:
    """The user's messages in the order they were stored."""
    stored = await rows(
        bot, TranscriptMessage, TranscriptMessage.conversation_id == user.conversation_id,
        TranscriptMessage.direction == "in",
    )
    return sorted(stored, key=lambda message: message.id)


async def taken_over_by_anna(bot, connector) -> Ticket:
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    [ticket] = await rows(bot, Ticket)
    await say(bot, connector, ANNA, f"overnemen {ticket.number}")
    return ticket


# --- Mentions ------------------------------------------------------------------------------


async def test_a_night_report_that_mentions_the_bot_pages_on_call(bot, clock, connector):
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)

    *_, answer = await send(bot, connector, teams_events.mentioning(CUSTOMER, connector.url, NIGHT_REPORT))

    [ticket] = await rows(bot, Ticket)
    assert (ticket.priority, ticket.emergency, ticket.description) == ("P1", True, NIGHT_REPORT)
    assert ticket.number in answer
    assert [page.staff_object_id for page in await rows(bot, Page)] == [ANNA.object_id]
    assert (await incoming(bot, CUSTOMER))[-1].text == NIGHT_REPORT


async def test_a_staff_command_after_a_mention_is_the_command(bot, connector):
    [answer] = await send(bot, connector, teams_events.mentioning(ANNA, connector.url, "wachtrij"))
    assert answer == "Er zijn geen open meldingen."


# --- Messages without words ---------------------------------------------------------------


async def test_a_screenshot_gets_one_hint_never_a_ticket_and_is_kept_as_a_reference(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")

    assert await send(bot, connector, teams_events.screenshot(CUSTOMER, connector.url)) == [HINT]
    assert await send(bot, connector, teams_events.screenshot(CUSTOMER, connector.url)) == []  # once in a row
    [asked] = await say(bot, connector, CUSTOMER, "🤔")  # an emoji, not a thank-you one: what can we do
    assert asked.startswith("Waarmee kan ik u helpen?")

    assert await count(bot, Ticket) == 0
    assert not any(sent.cards for sent in connector.messages(CUSTOMER.conversation_id))
    stored = (await incoming(bot, CUSTOMER))[1]
    assert stored.text == ""
    assert stored.payload == {"attachments": [
        {"kind": "image", "name": "", "content_type": "image/*", "url": teams_events.IMAGE_URL},
    ]}  # fmt: skip


async def test_after_words_the_next_wordless_message_gets_the_hint_again(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    assert await say(bot, connector, CUSTOMER, "") == [HINT]
    await say(bot, connector, CUSTOMER, "dank je")
    assert await say(bot, connector, CUSTOMER, "") == [HINT]


async def test_a_screenshot_as_the_answer_to_an_intake_question_keeps_the_question_open(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [question] = await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    assert "Hoeveel mensen hebben hier last van?" in question

    assert await send(bot, connector, teams_events.screenshot(CUSTOMER, connector.url)) == [HINT]

    [next_question] = await say(bot, connector, CUSTOMER, "alleen ik")
    assert "Sinds wanneer speelt dit?" in next_question


async def test_a_long_free_text_intake_answer_fits_the_ticket(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    await say(bot, connector, CUSTOMER, "alleen ik")

    *_, created = await say(bot, connector, CUSTOMER, "sinds de update van vorige week en daarna " * 10)

    [ticket] = await rows(bot, Ticket)
    assert ticket.number in created
    assert len(ticket.since) == 100 and ticket.since.startswith("sinds de update") and ticket.since.endswith("…")


async def test_a_screenshot_in_a_taken_over_chat_reaches_the_holder_as_a_reference(bot, connector):
    ticket = await taken_over_by_anna(bot, connector)
    before = len(connector.texts(ANNA.conversation_id))

    assert await send(bot, connector, teams_events.screenshot(CUSTOMER, connector.url)) == []

    [relayed] = connector.texts(ANNA.conversation_id)[before:]
    assert f"**Petra de Vries** (Bakkerij de Vries B.V., {ticket.number})" in relayed
    assert f"[afbeelding] {teams_events.IMAGE_URL}" in relayed
    assert (await incoming(bot, CUSTOMER))[-1].relayed


async def test_a_report_with_a_screenshot_keeps_it_on_the_ticket(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    report = teams_events.screenshot(CUSTOMER, connector.url)
    report["text"] = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"
    await send(bot, connector, report)
    [ticket] = await rows(bot, Ticket)

    await send(bot, connector, activities.message(ANNA, connector.url, f"toon {ticket.number}"))

    shown = connector.messages(ANNA.conversation_id)[-1]
    [facts] = [block["facts"] for card in shown.cards for block in card["body"] if block["type"] == "FactSet"]
    assert {"title": "Bijlagen", "value": f"[afbeelding] {teams_events.IMAGE_URL}"} in facts


# --- Edits and deletes --------------------------------------------------------------------


async def test_an_edit_updates_the_transcript_and_keeps_the_earlier_version(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    original = activities.message(CUSTOMER, connector.url, "Outlook start niet")
    await send(bot, connector, original)

    assert await send(bot, connector, teams_events.edit(CUSTOMER, connector.url, original["id"], "Outlook start niet op mijn laptop")) == []

    [stored] = [m for m in await incoming(bot, CUSTOMER) if m.activity_id == original["id"]]
    assert stored.text == "Outlook start niet op mijn laptop" and stored.edited_at is not None
    [earlier] = await rows(bot, TranscriptRevision, TranscriptRevision.message_id == stored.id)
    assert earlier.text == "Outlook start niet"


async def test_the_holder_of_a_taken_over_chat_is_shown_the_correction(bot, connector):
    await taken_over_by_anna(bot, connector)
    typo = activities.message(CUSTOMER, connector.url, "het gebeurt op de pc van Jan")
    await send(bot, connector, typo)
    before = len(connector.texts(ANNA.conversation_id))

    await send(bot, connector, teams_events.edit(CUSTOMER, connector.url, typo["id"], "het gebeurt op de pc van Jaap"))

    [correction] = connector.texts(ANNA.conversation_id)[before:]
    assert "heeft een bericht aangepast: het gebeurt op de pc van Jaap" in correction


async def test_a_deleted_password_leaves_no_trace_in_the_transcript(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    oops = activities.message(CUSTOMER, connector.url, "mijn wachtwoord is Zomer2026")
    await send(bot, connector, oops)
    await send(bot, connector, teams_events.edit(CUSTOMER, connector.url, oops["id"], "mijn wachtwoord is Zomer2026!"))

    await send(bot, connector, teams_events.soft_delete(CUSTOMER, connector.url, oops["id"]))

    [stored] = [m for m in await incoming(bot, CUSTOMER) if m.activity_id == oops["id"]]
    assert (stored.text, stored.payload) == ("", None) and stored.deleted_at is not None
    revisions = await rows(bot, TranscriptRevision, TranscriptRevision.message_id == stored.id)
    assert revisions and all(r.text == "" for r in revisions)
    assert not [m for m in await rows(bot, TranscriptMessage) if "Zomer2026" in m.text]


async def test_someone_else_cannot_edit_or_delete_a_message(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    original = activities.message(CUSTOMER, connector.url, "Outlook start niet")
    await send(bot, connector, original)
    forged_edit = teams_events.edit(OTHER_CUSTOMER, connector.url, original["id"], "alles is opgelost")
    forged_delete = teams_events.soft_delete(OTHER_CUSTOMER, connector.url, original["id"])
    for forged in (forged_edit, forged_delete):
        forged["conversation"]["id"] = CUSTOMER.conversation_id
        await send(bot, connector, forged)

    [stored] = [m for m in await incoming(bot, CUSTOMER) if m.activity_id == original["id"]]
    assert (stored.text, stored.edited_at, stored.deleted_at) == ("Outlook start niet", None, None)


# --- Invokes and every other activity type ------------------------------------------------


async def test_a_card_action_with_a_bad_value_gets_a_400_body_not_a_500(bot, connector):
    for value in (None, {}, "x", {"action": {"type": "Action.Submit"}}, {"action": {"type": "Action.Execute", "data": 5}}):
        response = await bot.post("/api/messages", json=teams_events.invoke(CUSTOMER, connector.url, "adaptiveCard/action", value))
        assert response.status == 400
        body = await response.json()
        assert body["statusCode"] == 400 and body["value"]["code"] == "BadRequest"
    assert connector.sent == []


async def test_a_card_action_is_answered_like_the_button_it_stands_for(bot, clock, connector):
    clock.set(amsterdam(2026, 11, 27, 17, 0))
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")
    execute = {"action": {"type": "Action.Execute", "verb": "choose", "data": {"choice": "remind"}}}

    response = await bot.post("/api/messages", json=teams_events.invoke(CUSTOMER, connector.url, "adaptiveCard/action", execute))

    assert response.status == 200
    assert await response.json() == {"statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": "Ontvangen."}
    assert "maandag 30 november om 09:00" in connector.texts(CUSTOMER.conversation_id)[-1]


async def test_other_invokes_get_200_and_nothing_else(bot, connector):
    response = await bot.post("/api/messages", json=teams_events.invoke(CUSTOMER, connector.url, "composeExtension/query", {}))
    assert response.status == 200
    assert connector.sent == []


@pytest.mark.parametrize(
    ("activity_type", "extra"),
    [
        ("messageReaction", {"reactionsAdded": [{"type": "like"}], "replyToId": "1"}),
        ("typing", {}),
        ("endOfConversation", {"code": "userCancelled"}),
        ("installationUpdate", {"action": "remove"}),
        ("conversationUpdate", {"membersRemoved": [{"id": "29:someone"}]}),
        ("conversationUpdate", {"channelData": {"eventType": "teamRenamed", "team": {"id": "t"}}}),
        ("event", {"name": "application/vnd.microsoft.meetingStart", "value": "not an object"}),
        ("messageUpdate", {"channelData": {"eventType": "undeleteMessage"}}),
        ("somethingTeamsInventsNextYear", {"value": {"x": 1}}),
    ],
)
async def test_every_other_activity_type_gets_a_2xx_and_nothing(bot, connector, activity_type, extra):
    await say(bot, connector, CUSTOMER, "hallo")
    connector.clear()
    stored = await count(bot, TranscriptMessage)

    response = await bot.post("/api/messages", json=teams_events.of_type(CUSTOMER, connector.url, activity_type, **extra))

    assert response.status in (200, 201)
    assert connector.sent == []
    assert await count(bot, TranscriptMessage) == stored


# --- The per-person limit -----------------------------------------------------------------


async def test_a_flood_is_stored_in_full_and_answered_once_politely(make_bot, connector, tmp_path: Path):
    config = yaml.safe_load(OPERATOR_CONFIG.read_text(encoding="utf-8"))
    config["limits"] = {"messages_per_minute": 3}
    strict = tmp_path / "strict.yaml"
    strict.write_text(yaml.safe_dump(config), encoding="utf-8")
    bot = await make_bot(SUPPORTBOT_CONFIG=str(strict))

    answers = [await say(bot, connector, CUSTOMER, f"hallo {n}") for n in range(5)]

    assert all(answers[n] for n in range(3))
    assert answers[3] == ["U stuurt meer berichten dan ik zo snel kan verwerken. Ze zijn bewaard, maar ik reageer er "
                          "niet op; wacht een minuut en stuur uw vraag dan nog eens."]  # fmt: skip
    assert answers[4] == []
    assert [m.text for m in await incoming(bot, CUSTOMER)] == [f"hallo {n}" for n in range(5)]
