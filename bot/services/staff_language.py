"""Staff read notices in the language their Teams is set to; Dutch for anyone not seen yet."""

from __future__ import annotations


from bot.texts import language_of_locale
from storage import directory
from storage.unit_of_work import Sessions


async def staff_language(sessions: Sessions, object_id: str) -> str:
    async with sessions() as session:
        person = await directory.person_by_object_id(session, object_id)
    return language_of_locale(person.locale if person else None)
