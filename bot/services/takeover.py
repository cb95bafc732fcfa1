"""A staff member in the customer's chat: take over, relay both ways, hand back, resolve.

While a ticket is taken over, the customer's messages skip intent detection and go to the
holder; the holder's plain messages go to the customer. Both are stored in the transcript
with their real author. One holder at a time: the claim is a conditional update.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import replies
from bot.services.clock import Clock
from bot.services.customer_language import customer_language
from bot.services.escalations import EscalationService
from bot.services.messages import Author, Caller, Inbound, Reply
from bot.services.notifier import Notifier
from bot.services.paging import PagingService, settle_pages
from bot.services.transcript import TranscriptService
from bot.services.wordless import describe_attachments
from bot.texts import DEFAULT_LANGUAGE, language_of_locale, text
from storage import claims
from storage import tickets as ticket_store
from storage.records import PersonRef, TicketRecord
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)


class CustomerChats(Protocol):
    """Starts a customer dialog from outside a turn: the rating question after a resolve."""

    async def ask_rating(self, conversation_id: str, customer: Caller, number: str) -> bool: ...


class Outcome(StrEnum):
    DONE = "done"
    ALREADY = "already"  # the actor already had it: nothing changed
    HELD_BY_OTHER = "held_by_other"
    HOLDING_ANOTHER = "holding_another"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TakeOver:
    outcome: Outcome
    number: str
    other: str = ""  # the other holder's name, or the ticket the actor still holds


def customer_of(ticket: TicketRecord, language: str) -> Caller:
    """The ticket's reporter as a caller, written to in `language`."""
    reporter = ticket.reporter
    return Caller(
        kind="customer", language=language, object_id=reporter.object_id,
        name=reporter.name, person_id=reporter.id, organisation_id=ticket.organisation_id,
        organisation_name=ticket.organisation,
    )


class TakeoverService:
    def __init__(
        self, sessions: Sessions, clock: Clock, notifier: Notifier,
        transcript: TranscriptService, paging: PagingService, escalations: EscalationService, chats: CustomerChats,
    ):
        self._sessions, self._clock, self._notifier, self._transcript = sessions, clock, notifier, transcript
        self._paging, self._escalations, self._chats = paging, escalations, chats

    async def take_over(self, staff: Caller, number: str) -> TakeOver:
        """Claim the chat, stop the paging, tell the customer who joined."""
        now = self._clock.now()
        async with self._sessions.begin() as session:
            ticket = await ticket_store.ticket_by_number(session, number)
            if ticket is None:
                return TakeOver(Outcome.UNKNOWN, number)
            number = ticket.number
            if ticket.holder is not None and ticket.holder.id == staff.person_id:
                return TakeOver(Outcome.ALREADY, number)
            held = await ticket_store.ticket_held_by(session, staff.person_id or 0)
            if held is not None:
                return TakeOver(Outcome.HOLDING_ANOTHER, number, held.number)
            language = await customer_language(session, ticket.conversation_id, ticket.reporter.locale)
            customer, ticket_id, conversation_id = customer_of(ticket, language), ticket.id, ticket.conversation_id
            if not await claims.claim_holder(session, ticket_id, staff.person_id or 0, now):
                return TakeOver(Outcome.HELD_BY_OTHER, number, await self._chat_holder(session, conversation_id))
            await claims.claim_acknowledgement(session, ticket_id, staff.person_id, now)
            settled = await settle_pages(session, ticket_id, now)
        log.info("ticket %s taken over by %s: %s settled", number, staff.object_id, settled.described,
                 extra={"ticket": number})
        await self._paging.pages_settled(settled)
        if conversation_id:
            joined = replies.staff_joined(customer.language, staff.name, number)
            await self._notifier.to_conversation(conversation_id, [joined])
        return TakeOver(Outcome.DONE, number, customer.name)

    async def hand_back(self, staff: Caller, ticket: TicketRecord) -> bool:
        """The bot answers the customer again; the ticket stays open. False: nobody held it any more."""
        holder, customer = ticket.holder, await self._customer(ticket)
        async with self._sessions.begin() as session:
            if holder is None or not await claims.release_holder(session, ticket.id, holder.id, self._clock.now()):
                return False
        if ticket.conversation_id:
            await self._notifier.to_conversation(ticket.conversation_id, [replies.handed_back(customer.language, ticket.number)])
        await self._tell_displaced_holder(staff, holder, "desk_handed_back_by", ticket.number)
        return True

    async def resolve(self, staff: Caller, ticket: TicketRecord, note: str) -> bool:
        """Close with a note; the customer is told and asked for a rating. False: it was resolved already."""
        now, holder, customer = self._clock.now(), ticket.holder, await self._customer(ticket)
        async with self._sessions.begin() as session:
            if not await claims.resolve(session, ticket.id, holder.id if holder else None, note.strip() or None, now):
                return False
            settled = await settle_pages(session, ticket.id, now)
        log.info("ticket %s resolved by %s: %s settled", ticket.number, staff.object_id, settled.described,
                 extra={"ticket": ticket.number})
        await self._paging.pages_settled(settled)
        await self._escalations.stop_clock(ticket.id)
        if ticket.conversation_id:
            await self._notifier.to_conversation(ticket.conversation_id, [replies.resolved(customer.language, ticket.number, note)])
            await self._chats.ask_rating(ticket.conversation_id, customer, ticket.number)
        await self._tell_displaced_holder(staff, holder, "desk_resolved_by", ticket.number)
        return True

    async def _customer(self, ticket: TicketRecord) -> Caller:
        async with self._sessions() as session:
            language = await customer_language(session, ticket.conversation_id, ticket.reporter.locale)
        return customer_of(ticket, language)

    async def _tell_displaced_holder(self, actor: Caller, holder: PersonRef | None, key: str, number: str) -> None:
        """Management may end a colleague's chat; the colleague must know their words no longer go out."""
        if holder is None or holder.id == actor.person_id:
            return
        notice = Reply(text(language_of_locale(holder.locale), key, name=actor.name, number=number))
        await self._notifier.to_person(holder.object_id, [notice])

    @staticmethod
    async def _chat_holder(session: AsyncSession, conversation_id: str | None) -> str:
        held = await ticket_store.held_ticket_in_conversation(session, conversation_id or "")
        return held.holder.name if held is not None and held.holder else ""

    async def relay_from_customer(self, customer: Caller, inbound: Inbound) -> list[Reply] | None:
        """None: nobody holds this chat (the bot answers). Else the message went to the holder."""
        async with self._sessions() as session:
            ticket = await ticket_store.held_ticket_in_conversation(session, inbound.conversation_id)
            if ticket is None:
                return None
            holder = ticket.holder
        await self._transcript.mark_relayed(inbound.conversation_id, inbound.activity_id, ticket.id)
        holder_language = language_of_locale(holder.locale if holder else None)
        attached = describe_attachments(holder_language, inbound.attachments)  # a pasted screenshot, a file
        words = "\n".join(filter(None, [inbound.text or _chosen(inbound), attached]))
        if not words:  # nothing to pass on (an empty card submit)
            return []
        notice = Reply(text(
            holder_language, "relayed_from_customer", name=customer.name,
            organisation=customer.organisation_name, number=ticket.number, text=words,
        ))  # fmt: skip
        author = Author(customer.person_id, customer.name)
        if holder is not None and await self._notifier.to_person(holder.object_id, [notice], author=author):
            return []
        log.error("holder of %s could not be reached: the customer's message waits in the transcript", ticket.number)
        return [Reply(text(customer.language, "relay_unreachable", name=holder.name if holder else ""))]

    async def relay_from_staff(self, staff: Caller, inbound: Inbound, ticket: TicketRecord) -> bool:
        """The holder's plain message goes to the customer under the holder's name."""
        await self._transcript.mark_relayed(inbound.conversation_id, inbound.activity_id, ticket.id)
        if not ticket.conversation_id or not inbound.text:
            return False
        message = Reply(text(DEFAULT_LANGUAGE, "relayed_from_staff", name=staff.name, text=inbound.text))
        return await self._notifier.to_conversation(
            ticket.conversation_id, [message], author=Author(staff.person_id, staff.name)
        )



def _chosen(inbound: Inbound) -> str:
    """A card button pressed during a relay: pass on what was chosen."""
    value = (inbound.value or {}).get("choice")
    return str(value) if value is not None else ""
