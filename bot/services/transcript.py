"""Record what the bot sent, so the transcript holds both sides of every conversation."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.clock import Clock
from storage import conversations
from storage.models import TranscriptMessage


class TranscriptService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock, bot_name: str):
        self._sessions, self._clock, self._bot_name = sessions, clock, bot_name

    async def record_outgoing(
        self, conversation_id: str, sent: list[tuple[str | None, str, dict | None]], *,
        author_person_id: int | None = None, author_name: str | None = None, relayed: bool = False,
    ) -> None:
        """`sent` holds (activity id, text, attachments payload); unknown conversations are skipped."""
        async with self._sessions.begin() as session:
            if await conversations.conversation_by_id(session, conversation_id) is None:
                return
            for activity_id, body, payload in sent:
                await conversations.record_message(session, TranscriptMessage(
                    conversation_id=conversation_id, direction="out", activity_id=activity_id,
                    author_person_id=author_person_id, author_name=author_name or self._bot_name,
                    relayed=relayed, text=body, payload=payload, created_at=self._clock.now(),
                ))

    async def mark_relayed(self, conversation_id: str, activity_id: str | None, ticket_id: int) -> None:
        """An incoming message that went to a person, not to the bot's intent detection."""
        if activity_id is None:
            return
        async with self._sessions.begin() as session:
            await session.execute(
                update(TranscriptMessage)
                .where(
                    TranscriptMessage.conversation_id == conversation_id, TranscriptMessage.direction == "in",
                    TranscriptMessage.activity_id == activity_id,
                )
                .values(relayed=True, ticket_id=ticket_id)
            )
