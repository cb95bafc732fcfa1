"""The customer conversation's state document and reply language, stored on its conversation row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Conversation


async def load(session: AsyncSession, conversation_id: str) -> dict[str, Any] | None:
    """The stored document, or None for a conversation without one (or not stored at all)."""
    query = select(Conversation.customer_state).where(Conversation.id == conversation_id)
    document = await session.scalar(query)
    return dict(document) if isinstance(document, dict) else None


async def save(session: AsyncSession, conversation_id: str, document: dict[str, Any], language: str) -> None:
    """Written with the turn: the state and the language proactive messages will use."""
    await session.execute(
        update(Conversation)
        .where(Conversation.id == conversation_id)
        .values(customer_state=document, language=language)
    )


async def language_of(session: AsyncSession, conversation_id: str | None) -> str | None:
    """The language the customer last wrote in, in this conversation; None when not known yet."""
    if not conversation_id:
        return None
    return await session.scalar(select(Conversation.language).where(Conversation.id == conversation_id))
