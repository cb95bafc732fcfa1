"""The customer conversation's state document and reply language, stored on its conversation row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.core import run
from storage.models import Conversation

# Read and written in every customer turn: built once, run as Core (nothing reads them as ORM objects).
_LOAD = select(Conversation.customer_state).where(Conversation.id == bindparam("chat"))
_SAVE = (
    update(Conversation)
    .where(Conversation.id == bindparam("chat"))
    .values(customer_state=bindparam("document"), language=bindparam("reply_language"))
)


async def load(session: AsyncSession, conversation_id: str) -> dict[str, Any] | None:
    """The stored document, or None for a conversation without one (or not stored at all)."""
    await session.flush()  # a conversation the turn just added is written first (Core does not flush)
    document = (await run(session, _LOAD, {"chat": conversation_id})).scalar()
    return dict(document) if isinstance(document, dict) else None


async def save(session: AsyncSession, conversation_id: str, document: dict[str, Any], language: str) -> None:
    """Written with the turn: the state and the language proactive messages will use."""
    await session.flush()
    await run(session, _SAVE, {"chat": conversation_id, "document": document, "reply_language": language})


async def language_of(session: AsyncSession, conversation_id: str | None) -> str | None:
    """The language the customer last wrote in, in this conversation; None when not known yet."""
    if not conversation_id:
        return None
    return await session.scalar(select(Conversation.language).where(Conversation.id == conversation_id))
