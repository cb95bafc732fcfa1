"""Several problems in one message, opened as separate tickets: each ticket gets its own clause and the
product that clause names; the whole message stays in the transcript, linked from the first ticket."""

from __future__ import annotations

from sqlalchemy import select, update

from bot import keys
from fakes.chat import press, say
from fakes.http_helpers import rows
from fakes.people import CUSTOMER, ENGLISH_CUSTOMER
from storage.models import Conversation, Ticket, TranscriptMessage

DUTCH = "Ik kan niet inloggen, mijn licentie is verlopen en Teams crasht"


async def _by_intent(bot) -> dict[str, Ticket]:
    return {ticket.intent: ticket for ticket in await rows(bot, Ticket)}


async def test_each_dutch_ticket_gets_its_own_clause_and_product(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, DUTCH)
    [created] = await press(bot, connector, CUSTOMER, "separate")

    tickets = await _by_intent(bot)
    assert {intent: (t.description, t.product) for intent, t in tickets.items()} == {
        "signin_problem": ("Ik kan niet inloggen", None),
        "license_problem": ("mijn licentie is verlopen", None),
        "teams_problem": ("Teams crasht", "teams"),
    }
    assert all(t.number in created for t in tickets.values())

    whole = await rows(bot, TranscriptMessage, TranscriptMessage.text == DUTCH)
    assert len(whole) == 1 and whole[0].direction == "in"
    first = min(tickets.values(), key=lambda t: t.id)
    assert first.source_activity_id == whole[0].activity_id  # the whole message, once, from the first ticket


async def test_each_english_ticket_gets_its_own_clause_and_product(bot, connector):
    await say(bot, connector, ENGLISH_CUSTOMER, "hello")
    await say(bot, connector, ENGLISH_CUSTOMER, "I cannot sign in; my licence has expired and Outlook keeps crashing")
    await press(bot, connector, ENGLISH_CUSTOMER, "separate")

    tickets = await _by_intent(bot)
    assert len(tickets) == 3
    assert tickets["license_problem"].description == "my licence has expired"
    assert tickets["signin_problem"].description == "I cannot sign in"
    assert tickets["signin_problem"].product is None
    outlook = [t for t in tickets.values() if "Outlook" in t.description]
    assert [(t.description, t.product) for t in outlook] == [("Outlook keeps crashing", "outlook")]


async def test_facts_said_for_the_whole_message_hold_for_each_ticket(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Ik kan niet inloggen, mijn licentie is verlopen en Teams crasht. Alleen bij mij, sinds vanochtend")
    await press(bot, connector, CUSTOMER, "separate")

    tickets = await rows(bot, Ticket)
    assert len(tickets) == 3
    assert {(t.affected, t.since) for t in tickets} == {("one", "sinds vanochtend")}


async def test_when_the_clauses_are_not_known_each_ticket_has_the_whole_message_and_no_wrong_product(bot, connector):
    """A question stored before clauses were kept: the whole message on each, Teams only on the Teams ticket."""
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, DUTCH)
    async with bot.app[keys.SESSIONS].begin() as session:
        document = await session.scalar(
            select(Conversation.customer_state).where(Conversation.id == CUSTOMER.conversation_id)
        )
        document = {**document, "question": {k: v for k, v in document["question"].items() if k != "parts"}}
        await session.execute(
            update(Conversation).where(Conversation.id == CUSTOMER.conversation_id).values(customer_state=document)
        )
    await press(bot, connector, CUSTOMER, "separate")

    tickets = await _by_intent(bot)
    assert {t.description for t in tickets.values()} == {DUTCH}
    assert {intent: t.product for intent, t in tickets.items()} == {
        "signin_problem": None, "license_problem": None, "teams_problem": "teams",
    }
