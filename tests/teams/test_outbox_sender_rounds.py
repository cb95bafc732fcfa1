"""The background sender under slow and hanging chats: no chat waits for another, no slow queue looks dead.

Real senders over the storage layer (SQLite and PostgreSQL) and a fault-injecting fake connector.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import datetime, timedelta, timezone

import aiohttp
import pytest

from bot.observability.metrics import create_metrics
from bot.services.clock import SystemClock
from bot.teams.connector_client import ChannelToken, ConnectorClient
from bot.teams.outbox_sender import OutboxSender, SenderSettings
from fakes.connector import serve
from fakes.faults import hang, slow
from fakes.faulty_connector import FaultyConnector
from fakes.outbox_rows import add_chats, queue_replies
from storage import outbox as store
from storage.unit_of_work import UnitOfWorkSessions

SLOW_CHAT, OTHER_CHAT = "a:slow-chat", "a:other-chat"


def _sender(sessions: UnitOfWorkSessions, http: aiohttp.ClientSession, **settings) -> OutboxSender:
    client = ConnectorClient(http, ChannelToken(None, None))
    return OutboxSender(sessions, client, SystemClock(), metrics=create_metrics(), settings=SenderSettings(**settings))


async def test_a_chat_whose_send_hangs_does_not_hold_up_another_chat(async_session_factory, aiohttp_server):
    connector = await serve(FaultyConnector(), aiohttp_server)
    connector.plan.next(1, hang(20), conversation_id=SLOW_CHAT)
    sessions = UnitOfWorkSessions(async_session_factory)
    await add_chats(sessions, connector.url, SLOW_CHAT, OTHER_CHAT)
    await queue_replies(sessions, connector.url, SLOW_CHAT, "stuck")
    async with aiohttp.ClientSession() as http:
        sender = _sender(sessions, http)
        await sender.start()
        stopping = asyncio.Event()
        running = asyncio.create_task(sender.run(stopping))
        await asyncio.sleep(1.5)  # the round with the hanging send is under way
        await queue_replies(sessions, connector.url, OTHER_CHAT, "a reminder written by a timer")
        started = time.monotonic()
        while not connector.messages(OTHER_CHAT) and time.monotonic() - started < 15:
            await asyncio.sleep(0.1)
        waited = time.monotonic() - started
        stopping.set()
        await running
        await sender.close(grace_seconds=0)

    assert [m.body["text"] for m in connector.messages(OTHER_CHAT)] == ["a reminder written by a timer"]
    assert waited < 5  # not the hanging chat's 10 s send time-out


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_slow_queue_keeps_its_claims_and_no_reply_goes_out_twice(async_session_factory, aiohttp_server):
    """Two replicas' senders; one claimed a chat's backlog that takes longer than the silence after
    which a sender counts as dead. It is not dead: nothing is sent twice, and the order holds."""
    connector = await serve(FaultyConnector(), aiohttp_server)
    connector.plan.next(100, slow(1.0), conversation_id=SLOW_CHAT)
    sessions = UnitOfWorkSessions(async_session_factory)
    await add_chats(sessions, connector.url, SLOW_CHAT)
    replies = [f"reply {n}" for n in range(7)]
    await queue_replies(sessions, connector.url, SLOW_CHAT, *replies)
    async with aiohttp.ClientSession() as http:
        first, second = (_sender(sessions, http, silent_sender=timedelta(seconds=3)) for _ in range(2))
        for sender in (first, second):
            await sender.start()
        stopping = asyncio.Event()
        running = [asyncio.create_task(first.run(stopping))]
        await asyncio.sleep(1.5)  # the first sender's round has claimed the whole chat
        running.append(asyncio.create_task(second.run(stopping)))
        started = time.monotonic()
        while len(connector.messages(SLOW_CHAT)) < len(replies) and time.monotonic() - started < 30:
            await asyncio.sleep(0.2)
        await asyncio.sleep(4)  # time for a wrongful second copy to show up
        stopping.set()
        await asyncio.gather(*running)
        for sender in (first, second):
            await sender.close(grace_seconds=0)

    sent = [m.body["text"] for m in connector.messages(SLOW_CHAT)]
    assert {text: n for text, n in Counter(sent).items() if n > 1} == {}
    assert sent == replies


async def test_only_claims_still_in_hand_are_renewed_so_an_orphaned_claim_goes_back(async_session_factory):
    """A delivery task that died (its retry could not even be written while the database blipped)
    leaves its message claimed; the live sender's heartbeat must not keep that claim forever."""
    sessions = UnitOfWorkSessions(async_session_factory)
    await add_chats(sessions, "https://smba.example/", SLOW_CHAT, OTHER_CHAT)
    await queue_replies(sessions, "https://smba.example/", SLOW_CHAT, "in hand")
    await queue_replies(sessions, "https://smba.example/", OTHER_CHAT, "orphaned")
    claimed_at = datetime.now(timezone.utc)
    async with sessions.begin() as session:
        claimed = await store.claim(session, claimed_at, timedelta(seconds=110), sender="alive")
        await store.beat(session, "alive", claimed_at)
    in_hand, orphaned = sorted(claimed, key=lambda d: d.conversation_id != SLOW_CHAT)

    later = claimed_at + timedelta(minutes=3)
    async with sessions.begin() as session:
        await store.beat(session, "alive", later)
        await store.renew_leases(session, "alive", [in_hand.id], later, timedelta(seconds=110))
        await store.release_abandoned(session, later, timedelta(seconds=15))
    async with sessions.begin() as session:
        again = await store.claim(session, later, timedelta(seconds=110), sender="other")

    assert [d.id for d in again] == [orphaned.id]  # free again; the one in hand is still the live sender's
