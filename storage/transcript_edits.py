"""Edits and deletes of incoming messages: earlier versions kept as revisions, deletions redacted everywhere."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Ticket, TranscriptMessage, TranscriptRevision
from storage.records import TicketRecord


async def incoming(
    session: AsyncSession, conversation_id: str, activity_id: str | None, *, lock: bool = False
) -> TranscriptMessage | None:
    """The stored incoming message with this activity id (Teams edits and deletes name the original's id)."""
    if not activity_id:
        return None
    query = select(TranscriptMessage).where(
        TranscriptMessage.conversation_id == conversation_id, TranscriptMessage.direction == "in",
        TranscriptMessage.activity_id == activity_id,
    )
    return await session.scalar(query.with_for_update() if lock else query)


async def replace_text(
    session: AsyncSession, message: TranscriptMessage, text: str, payload: dict | None, now: datetime
) -> None:
    """Keep the current version as a revision, then store the new one."""
    session.add(TranscriptRevision(message_id=message.id, text=message.text, payload=message.payload, replaced_at=now))
    message.text, message.payload, message.edited_at = text, payload, now
    await session.flush()


async def redact(session: AsyncSession, message: TranscriptMessage, now: datetime) -> None:
    """Nothing of what the sender deleted stays readable: not the text, its attachments, or earlier versions."""
    message.text, message.payload, message.deleted_at = "", None, now
    await session.execute(
        update(TranscriptRevision).where(TranscriptRevision.message_id == message.id).values(text="", payload=None)
    )
    await session.flush()


async def revisions_of(session: AsyncSession, message_id: int) -> list[TranscriptRevision]:
    query = select(TranscriptRevision).where(TranscriptRevision.message_id == message_id).order_by(TranscriptRevision.id)
    return list(await session.scalars(query))


async def previous_incoming(session: AsyncSession, message: TranscriptMessage) -> TranscriptMessage | None:
    """The message the same conversation received just before this one."""
    query = (
        select(TranscriptMessage)
        .where(
            TranscriptMessage.conversation_id == message.conversation_id, TranscriptMessage.direction == "in",
            TranscriptMessage.activity_type == "message", TranscriptMessage.id < message.id,
        )
        .order_by(TranscriptMessage.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def attachments_of(session: AsyncSession, ticket: TicketRecord) -> list[dict[str, Any]]:
    """Attachment references of the message that made the ticket and of those relayed under it."""
    made_it = and_(
        TranscriptMessage.conversation_id == ticket.conversation_id,
        TranscriptMessage.activity_id == ticket.source_activity_id,
    )
    query = (
        select(TranscriptMessage.payload)
        .where(TranscriptMessage.direction == "in", or_(TranscriptMessage.ticket_id == ticket.id, made_it))
        .order_by(TranscriptMessage.id)
    )
    found: list[dict[str, Any]] = []
    for payload in await session.scalars(query):
        found += [a for a in (payload or {}).get("attachments", []) if isinstance(a, dict)]
    return found
