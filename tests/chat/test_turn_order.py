"""One turn at a time per conversation, across requests and replicas: no state conflict reaches a
customer, and every message is answered in the order it was sent."""

from __future__ import annotations

import asyncio

import pytest

from app import create_app
from bot.config.settings import load_settings
from fakes import activities
from fakes.chat import say
from fakes.http_helpers import count, post, rows
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import CUSTOMER
from storage.models import InboxActivity, Ticket, TranscriptMessage

TURN_ERROR = "er ging iets mis"


async def test_messages_sent_at_once_in_one_chat_are_answered_in_order_without_conflicts(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    first = activities.message(CUSTOMER, connector.url, "Word crasht bij het opstarten")
    second = activities.message(CUSTOMER, connector.url, "Alleen bij mij, sinds vanochtend")

    await asyncio.gather(post(bot, first), post(bot, second))

    replies = connector.texts(CUSTOMER.conversation_id)
    assert not any(TURN_ERROR in reply for reply in replies)
    incoming = sorted(await rows(bot, TranscriptMessage, TranscriptMessage.direction == "in"), key=lambda m: m.id)
    accepted = sorted(await rows(bot, InboxActivity), key=lambda a: a.id)
    assert [m.activity_id for m in incoming][-2:] == [a.activity_key for a in accepted][-2:]  # in arrival order
    assert {m.activity_id for m in incoming[-2:]} == {first["id"], second["id"]}
    assert await count(bot, InboxActivity, InboxActivity.status != "done") == 0


@pytest.mark.postgres
async def test_two_replicas_take_turns_in_one_chat_and_each_message_is_handled_once(
    aiohttp_client, postgres_database_url, clock, classifier, connector,
):
    environment = {"SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": postgres_database_url}
    replicas = [
        await aiohttp_client(create_app(load_settings(environment), clock=clock, classifier=classifier, fire_timers=False))
        for _ in range(2)
    ]
    await say(replicas[0], connector, CUSTOMER, "hallo")
    messages = [activities.message(CUSTOMER, connector.url, text) for text in (
        "Word crasht bij het opstarten", "Alleen bij mij", "sinds vanochtend", "het gaat om Word",
    )]

    await asyncio.gather(*(post(replicas[i % 2], m) for i, m in enumerate(messages)))
    await asyncio.gather(*(post(replicas[(i + 1) % 2], m) for i, m in enumerate(messages)))  # redelivered

    assert not any(TURN_ERROR in reply for reply in connector.texts(CUSTOMER.conversation_id))
    incoming = await rows(replicas[0], TranscriptMessage, TranscriptMessage.direction == "in")
    assert sorted(m.activity_id for m in incoming[1:]) == sorted(m["id"] for m in messages)
    assert await count(replicas[1], Ticket) <= 1
