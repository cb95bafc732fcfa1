"""Transcript bookkeeping beyond plain storage: what was relayed to a person instead of the bot.

Outgoing messages enter the transcript when the connector accepted them (the outbox sender)."""

from __future__ import annotations

from sqlalchemy import update

from storage.models import TranscriptMessage
from storage.unit_of_work import Sessions


class TranscriptService:
    def __init__(self, sessions: Sessions):
        self._sessions = sessions

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
