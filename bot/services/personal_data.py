"""Management's data-protection commands: export one customer's data as JSON, or erase it after confirmation.

The erase is asked for first and only done when confirmed with the customer's exact object id,
so a name that matches the wrong person, or a slip of the keyboard, erases nothing.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config.ids import normal_guid
from bot.services.clock import Clock
from bot.services.messages import Caller, Reply
from bot.services.timers import Timers
from bot.texts import DEFAULT_LANGUAGE, text
from storage import personal_data
from storage.models import Organisation, Person
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)
EXPORT_PART_CHARS = 20_000  # one Teams message stays well under its size limit


class PersonalDataService:
    def __init__(self, sessions: Sessions, clock: Clock, timers: Timers):
        self._sessions, self._clock, self._timers = sessions, clock, timers

    async def export(self, staff: Caller, who: str) -> list[Reply]:
        async with self._sessions() as session:
            person, problem = await self._one_customer(session, staff.language, who, "export")
            if person is None:
                return [problem]
            data = await personal_data.export(session, person)
            organisation = await _organisation_name(session, person)
        data["exported_at"], data["exported_by"] = self._clock.now(), staff.name
        log.info("%s exported the data of %s", staff.object_id, person.aad_object_id)
        document = json.dumps(data, ensure_ascii=False, indent=1, default=_plain)
        parts = [document[i:i + EXPORT_PART_CHARS] for i in range(0, len(document), EXPORT_PART_CHARS)]
        return [
            Reply(text(staff.language, "desk_export_intro", name=person.name, organisation=organisation,
                       part=number, parts=len(parts)) + f"\n\n```\n{part}\n```")
            for number, part in enumerate(parts, start=1)
        ]  # fmt: skip

    async def erase(self, staff: Caller, who: str, confirmed: bool) -> Reply:
        """Unconfirmed: say what would go. Confirmed (by object id only): erase, and drop the chats' timers."""
        async with self._sessions.begin() as session:
            person, problem = await self._one_customer(session, staff.language, who, "erase")
            if person is None:
                return problem
            name, object_id = person.name, person.aad_object_id
            organisation = await _organisation_name(session, person)
            if not (confirmed and normal_guid(who) == object_id):
                counted = await personal_data.footprint(session, person)
                return Reply(text(
                    staff.language, "desk_erase_confirm", name=name, organisation=organisation, object_id=object_id,
                    messages=counted.messages, conversations=counted.conversations, tickets=counted.tickets,
                ))  # fmt: skip
            conversation_ids = await personal_data.conversation_ids_of(session, person)
            erased = await personal_data.erase(session, person, text(DEFAULT_LANGUAGE, "erased_placeholder"))
        await self._drop_reminders(conversation_ids)
        log.warning("%s erased the data of %s", staff.object_id, object_id)
        return Reply(text(
            staff.language, "desk_erased", name=name, messages=erased.messages,
            conversations=erased.conversations, tickets=erased.tickets,
        ))  # fmt: skip

    async def _one_customer(
        self, session: AsyncSession, language: str, who: str, command: str
    ) -> tuple[Person | None, Reply]:
        if not who.strip():
            return None, Reply(text(language, "desk_person_needed", command=command))
        found = await personal_data.customers_called(session, normal_guid(who), who)
        if not found:
            return None, Reply(text(language, "desk_person_unknown", who=who.strip()))
        if len(found) > 1:
            ids = ", ".join(person.aad_object_id for person in found)
            return None, Reply(text(language, "desk_person_ambiguous", who=who.strip(), ids=ids))
        return found[0], Reply("")

    async def _drop_reminders(self, conversation_ids: list[str]) -> None:
        prefixes = tuple(f"reminder:{conversation_id}:" for conversation_id in conversation_ids)
        if prefixes:
            await self._timers.cancel(*[timer for timer in await self._timers.ids() if timer.startswith(prefixes)])


async def _organisation_name(session: AsyncSession, person: Person) -> str:
    organisation = await session.get(Organisation, person.organisation_id) if person.organisation_id else None
    return organisation.name if organisation else ""


def _plain(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
