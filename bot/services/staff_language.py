"""Staff read notices in the language their Teams is set to; Dutch for anyone not seen yet."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.texts import language_of_locale
from storage import directory


async def staff_language(sessions: async_sessionmaker[AsyncSession], object_id: str) -> str:
    async with sessions() as session:
        person = await directory.person_by_object_id(session, object_id)
    return language_of_locale(person.locale if person else None)
