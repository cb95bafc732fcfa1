"""The sender when a database blip or a shutdown catches deliveries mid-way (from a break-it review):
nothing stays stuck, nothing goes out twice."""
from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import aiohttp
import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from bot.observability.metrics import create_metrics
from bot.services.clock import SystemClock
from bot.teams.connector_client import ChannelToken, ConnectorClient
from bot.teams.outbox_sender import OutboxSender, SenderSettings
from bot.teams.delivery_policy import Backoff
from fakes.connector import serve
from fakes.clock import FakeClock
from fakes.faults import throttled
from fakes.faulty_connector import FaultyConnector
from fakes.outbox_rows import add_chats, queue_replies
from storage import outbox as store
from storage.models import OutboxMessage
from storage.unit_of_work import UnitOfWorkSessions

CHAT = "a:chat"


async def _rows(sessions):
    async with sessions() as session:
        return [(r.id, r.status, r.claimed_by) for r in await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_chat_whose_retry_could_not_be_written_is_delivered_after_its_lease(async_session_factory, aiohttp_server, monkeypatch):
    """A 429 on the first message of a chat, and the database blips while the retry is written: the
    lane task dies, its claims stay `sending`, and the heartbeat renews them for as long as it lives."""
    connector = await serve(FaultyConnector(), aiohttp_server)
    connector.plan.next(1, throttled(1), conversation_id=CHAT)
    sessions = UnitOfWorkSessions(async_session_factory)
    await add_chats(sessions, connector.url, CHAT)
    await queue_replies(sessions, connector.url, CHAT, "one", "two", "three")

    real_retry_later = store.retry_later
    blips = {"left": 2}  # the retry and the except-branch retry both meet the blip

    async def blipping_retry_later(session, *args, **kwargs):
        if blips["left"] > 0:
            blips["left"] -= 1
            raise OperationalError("UPDATE", {}, ConnectionResetError("connection reset by peer"))
        return await real_retry_later(session, *args, **kwargs)

    monkeypatch.setattr(store, "retry_later", blipping_retry_later)
    async with aiohttp.ClientSession() as http:
        client = ConnectorClient(http, ChannelToken(None, None))
        clock = FakeClock(datetime.now(timezone.utc))
        settings = SenderSettings(silent_sender=timedelta(seconds=3), send_timeout=timedelta(seconds=2))
        sender, other = (OutboxSender(sessions, client, clock, metrics=create_metrics(), settings=settings) for _ in range(2))
        await sender.start()
        await other.start()
        stopping = asyncio.Event()
        running = [asyncio.create_task(sender.run(stopping))]
        await asyncio.sleep(3)
        running.append(asyncio.create_task(other.run(stopping)))
        for _ in range(120):  # clock at twice real speed: 120 s, past the 94 s lease; beats every 1 s real
            clock.advance(timedelta(seconds=1))
            await asyncio.sleep(0.5)
        stopping.set()
        await asyncio.gather(*running)
        for s in (sender, other):
            await s.close(grace_seconds=0)
    rows = await _rows(sessions)
    print(rows, [m.body["text"] for m in connector.messages(CHAT)])
    assert [m.body["text"] for m in connector.messages(CHAT)] == ["one", "two", "three"], rows


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_shutdown_keeps_beating_until_its_deliveries_are_over_so_none_goes_out_twice(async_session_factory, aiohttp_server):
    """app.py's shutdown: stopping set (the heartbeat stops at once), inbox.close (up to 5 s), then
    sender.close (10 s grace) while the stopping replica's lane tasks still send. Default settings."""
    from collections import Counter
    from fakes.faults import slow
    connector = await serve(FaultyConnector(), aiohttp_server)
    connector.plan.next(1000, slow(1.0), conversation_id=CHAT)
    sessions = UnitOfWorkSessions(async_session_factory)
    await add_chats(sessions, connector.url, CHAT)
    texts = [f"m{n}" for n in range(40)]
    await queue_replies(sessions, connector.url, CHAT, *texts)
    async with aiohttp.ClientSession() as http:
        client = ConnectorClient(http, ChannelToken(None, None))
        a, b = (OutboxSender(sessions, client, SystemClock(), metrics=create_metrics()) for _ in range(2))
        await a.start(); await b.start()
        stop_a, stop_b = asyncio.Event(), asyncio.Event()
        run_a = asyncio.create_task(a.run(stop_a))
        await asyncio.sleep(1.5)  # a has claimed the chat
        run_b = asyncio.create_task(b.run(stop_b))
        await asyncio.sleep(8.3)  # just before a beat of a (beats at 0, 5, 10 s)
        stop_a.set()
        await run_a
        await asyncio.sleep(7)  # the loops (recovery mid-turn) + inbox.close grace
        await a.close(grace_seconds=10)
        await asyncio.sleep(15)
        stop_b.set(); await run_b; await b.close(grace_seconds=0)
    sent = [m.body["text"] for m in connector.messages(CHAT)]
    print(sent)
    assert {t: n for t, n in Counter(sent).items() if n > 1} == {}
    assert sent == sorted(sent, key=lambda t: int(t[1:]))
