"""The statements every turn runs, on SQLite and PostgreSQL: claiming a turn's own messages, and
keeping a chat's reference without rewriting it on every message."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage import conversations
from storage import outbox as store
from storage.models import Conversation, OutboxMessage
from storage.outbox import Delivery

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)
LEASE = timedelta(seconds=50)


async def _put(session: AsyncSession, chat: str, text: str) -> Delivery:
    activity = {"type": "message", "text": text}
    row_id = await store.enqueue(session, kind="reply", service_url="http://x/", activity=activity, now=NOW,
                                 conversation_id=chat)
    return Delivery(row_id, "reply", chat, None, None, "http://x/", activity, 0, False, None, NOW)


async def _statuses(sessions: async_sessionmaker[AsyncSession]) -> dict[str, str]:
    async with sessions() as session:
        rows = await session.execute(select(OutboxMessage.activity, OutboxMessage.status))
        return {activity["text"]: status for activity, status in rows.all()}


async def _claimers(sessions: async_sessionmaker[AsyncSession]) -> dict[str, str | None]:
    async with sessions() as session:
        rows = await session.execute(select(OutboxMessage.activity, OutboxMessage.claimed_by))
        return {activity["text"]: sender for activity, sender in rows.all()}


async def test_a_turn_claims_its_messages_unless_an_earlier_one_of_the_chat_is_still_open(async_session_factory):
    async with async_session_factory.begin() as session:
        await _put(session, "chat-busy", "waiting for a retry")
    async with async_session_factory.begin() as session:
        mine = [await _put(session, "chat-busy", "behind it"), await _put(session, "chat-free", "first"),
                await _put(session, "chat-free", "second")]
        claimed = await store.claim_new(session, mine, NOW, LEASE, sender="sender-1")
    assert [delivery.activity["text"] for delivery in claimed] == ["first", "second"]
    assert await _statuses(async_session_factory) == {
        "waiting for a retry": "pending", "behind it": "pending", "first": "sending", "second": "sending",
    }
    claimers = await _claimers(async_session_factory)  # claimed for the sender: its heartbeat keeps them
    assert (claimers["first"], claimers["second"], claimers["behind it"]) == ("sender-1", "sender-1", None)


async def _put_and_claim(sessions: async_sessionmaker[AsyncSession], chat: str, text: str) -> list[Delivery]:
    async with sessions.begin() as session:
        mine = await _put(session, chat, text)
        return await store.claim_new(session, [mine], NOW, LEASE, sender="sender-2")


async def test_two_transactions_writing_to_one_chat_at_once_do_not_both_claim(async_session_factory):
    """A staff relay and the customer's own turn, say: the one that commits second waits its turn."""
    async with async_session_factory.begin() as session:
        earlier = await _put(session, "chat-1", "earlier")
        assert await store.claim_new(session, [earlier], NOW, LEASE, sender="sender-1") == [earlier]
        later = asyncio.create_task(_put_and_claim(async_session_factory, "chat-1", "later"))
        await asyncio.sleep(0.3)  # it writes its message and asks before this transaction commits
    assert await asyncio.wait_for(later, 10) == []
    assert await _statuses(async_session_factory) == {"earlier": "sending", "later": "pending"}


async def test_a_message_rolled_back_with_its_savepoint_is_not_claimed(async_session_factory):
    async with async_session_factory.begin() as session:
        kept = await _put(session, "chat-1", "kept")
        savepoint = await session.begin_nested()
        dropped = await _put(session, "chat-1", "dropped")
        await savepoint.rollback()
        claimed = await store.claim_new(session, [kept, dropped], NOW, LEASE, sender="sender-1")
    assert [delivery.activity["text"] for delivery in claimed] == ["kept"]


async def _save(session: AsyncSession, reference: dict, service_url: str, now: datetime) -> None:
    await conversations.save_reference(session, conversation_id="chat-1", person_id=None, organisation_id=None,
                                       channel_id="msteams", service_url=service_url, reference=reference, now=now)


async def test_a_chat_reference_is_rewritten_when_it_changes_not_for_every_message(async_session_factory):
    reference = {"conversation": {"id": "chat-1"}, "serviceUrl": "https://smba.one/", "activityId": "a-1"}
    async with async_session_factory.begin() as session:
        await _save(session, reference, "https://smba.one/", NOW)
    async with async_session_factory.begin() as session:  # the next message: only its activity id differs
        await _save(session, {**reference, "activityId": "a-2"}, "https://smba.one/", NOW + timedelta(minutes=1))
    async with async_session_factory() as session:
        stored = await session.get(Conversation, "chat-1")
        assert (stored.updated_at, stored.reference["activityId"]) == (NOW, "a-1")
    moved = {**reference, "serviceUrl": "https://smba.two/", "activityId": "a-3"}
    async with async_session_factory.begin() as session:
        await _save(session, moved, "https://smba.two/", NOW + timedelta(minutes=2))
    async with async_session_factory() as session:
        stored = await session.get(Conversation, "chat-1")
        assert (stored.service_url, stored.updated_at) == ("https://smba.two/", NOW + timedelta(minutes=2))


async def test_an_unchanged_chat_is_still_marked_seen_every_quarter_of_an_hour(async_session_factory):
    reference = {"conversation": {"id": "chat-1"}, "serviceUrl": "https://smba.one/"}
    async with async_session_factory.begin() as session:
        await _save(session, reference, "https://smba.one/", NOW)
    later = NOW + conversations.SEEN_REFRESH
    async with async_session_factory.begin() as session:
        await _save(session, reference, "https://smba.one/", later)
    async with async_session_factory() as session:
        assert (await session.get(Conversation, "chat-1")).updated_at == later
