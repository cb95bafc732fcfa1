"""Card buttons already acted on, per conversation: a second press of the same card does nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CardPress
from storage.rows import changed


async def first_press(session: AsyncSession, conversation_id: str, card_id: str, now: datetime) -> bool:
    """True for the first press of this card in this conversation; False for any later one."""
    insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(CardPress)
        .values(conversation_id=conversation_id, card_id=card_id[:64], pressed_at=now)
        .on_conflict_do_nothing(index_elements=["conversation_id", "card_id"])
        .execution_options(preserve_rowcount=True)
    )
    return changed(await session.execute(statement)) == 1
