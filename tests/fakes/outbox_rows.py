"""Chats and queued replies written straight into the outbox, for tests of the sender on its own."""

from __future__ import annotations

from datetime import datetime, timezone

from storage import outbox as store
from storage.models import Conversation
from storage.unit_of_work import UnitOfWorkSessions


async def add_chats(sessions: UnitOfWorkSessions, service_url: str, *chat_ids: str) -> None:
    now = datetime.now(timezone.utc)
    async with sessions.begin() as session:
        for chat_id in chat_ids:
            session.add(Conversation(id=chat_id, channel_id="msteams", service_url=service_url, reference={},
                                     created_at=now, updated_at=now))


async def queue_replies(sessions: UnitOfWorkSessions, service_url: str, chat_id: str, *texts: str) -> None:
    """One outbox reply per text, in this order, due now."""
    async with sessions.begin() as session:
        for text in texts:
            await store.enqueue(session, kind="reply", service_url=service_url, conversation_id=chat_id,
                                activity={"type": "message", "text": text}, now=datetime.now(timezone.utc))
