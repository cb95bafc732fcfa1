"""The language to write to a ticket's customer in: the one they last wrote in, else their Teams locale."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.texts import language_of_locale
from storage import customer_state


async def customer_language(session: AsyncSession, conversation_id: str | None, locale: str | None) -> str:
    """Proactive messages (acknowledged, resolved, escalated, reminders) follow the conversation's language."""
    return await customer_state.language_of(session, conversation_id) or language_of_locale(locale)
