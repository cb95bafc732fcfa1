"""Edits and soft deletes by the sender: the transcript follows, and a staff member holding the chat sees a correction.

Only the author can change a message: the edit must come from the same person (object id and
tenant) as the stored message. An earlier version is kept as a revision; a delete redacts the
text, the attachment references and every earlier version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.admission import payload_of
from bot.services.clock import Clock
from bot.services.messages import Author, Inbound, Reply
from bot.services.notifier import Notifier
from bot.services.wordless import describe_attachments
from bot.texts import language_of_locale, text
from bot.policy import TicketStatus
from storage import directory, transcript_edits
from storage import tickets as ticket_store
from storage.models import Organisation, Person, TranscriptMessage
from storage.records import PersonRef, person_ref
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Correction:
    holder: PersonRef
    author: PersonRef
    organisation: str
    number: str


class RevisionService:
    def __init__(self, sessions: Sessions, clock: Clock, notifier: Notifier):
        self._sessions, self._clock, self._notifier = sessions, clock, notifier

    async def edited(self, inbound: Inbound) -> None:
        """Store the new version; the holder of a taken-over chat is shown it."""
        async with self._sessions.begin() as session:
            message = await self._own_message(session, inbound)
            if message is None or message.deleted_at is not None:
                return
            payload = payload_of(inbound)
            if (message.text, message.payload) == (inbound.text, payload):
                return  # a redelivered edit
            await transcript_edits.replace_text(session, message, inbound.text, payload, self._clock.now())
            correction = await self._correction_for(session, message)
        if correction is not None:
            await self._show(correction, inbound)

    async def deleted(self, inbound: Inbound) -> None:
        """Redact what the sender deleted (a password typed by mistake must not stay in the transcript)."""
        async with self._sessions.begin() as session:
            message = await self._own_message(session, inbound)
            if message is None or message.deleted_at is not None:
                return
            await transcript_edits.redact(session, message, self._clock.now())
        log.info("message %s in %s deleted by its sender: redacted", inbound.activity_id, inbound.conversation_id)

    async def _own_message(self, session: AsyncSession, inbound: Inbound) -> TranscriptMessage | None:
        message = await transcript_edits.incoming(session, inbound.conversation_id, inbound.activity_id, lock=True)
        if message is None:
            log.info("%s of unknown message %s in %s: ignored", inbound.kind, inbound.activity_id, inbound.conversation_id)
            return None
        author = await directory.person_by_object_id(session, inbound.user_object_id) if inbound.user_object_id else None
        organisation = await session.get(Organisation, author.organisation_id) if author and author.organisation_id else None
        if author is None or author.id != message.author_person_id or organisation is None or (
            organisation.tenant_id != inbound.tenant_id
        ):
            log.warning("%s of message %s in %s not by its author: ignored", inbound.kind, inbound.activity_id,
                        inbound.conversation_id)  # fmt: skip
            return None
        return message

    @staticmethod
    async def _correction_for(session: AsyncSession, message: TranscriptMessage) -> _Correction | None:
        """Only a message that went to a staff member who still holds the chat needs a correction."""
        relayed = message.relayed and message.ticket_id
        ticket = await ticket_store.ticket_by_id(session, message.ticket_id) if relayed and message.ticket_id else None
        if ticket is None or ticket.status != TicketStatus.TAKEN_OVER or ticket.holder is None:
            return None
        author = await session.get(Person, message.author_person_id) if message.author_person_id else None
        if author is None or author.id == ticket.holder.id:
            return None  # the holder's own messages went to the customer: nothing to show them
        return _Correction(ticket.holder, person_ref(author), ticket.organisation, ticket.number)

    async def _show(self, correction: _Correction, inbound: Inbound) -> None:
        language = language_of_locale(correction.holder.locale)
        words = "\n".join(filter(None, [inbound.text, describe_attachments(language, inbound.attachments)]))
        notice = Reply(text(
            language, "relayed_correction", name=correction.author.name, organisation=correction.organisation,
            number=correction.number, text=words,
        ))  # fmt: skip
        author = Author(correction.author.id, correction.author.name)
        if not await self._notifier.to_person(correction.holder.object_id, [notice], author=author):
            log.warning("holder of %s could not be shown a correction", correction.number)
