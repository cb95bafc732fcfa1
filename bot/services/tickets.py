"""Tickets as the customer and staff see them: open, list, and tell the right engineers."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.observability.logging import add_to_log_context
from bot.policy import TicketSummary
from bot.services import replies
from bot.services.clock import Clock
from bot.services.escalations import EscalationService
from bot.services.limits import TICKET_FACT, clip
from bot.services.messages import Caller
from bot.services.notifier import Notifier
from bot.services.staff_language import staff_language
from bot.services.ticket_views import summary_of, view_of
from storage import paging as paging_store
from storage import tickets as ticket_store
from storage.models import Organisation, Ticket, TicketNote
from storage.records import TicketRecord
from bot.policy import Role, TicketStatus
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NewTicket:
    """What the intake collected."""

    intent: str
    priority: str
    emergency: bool
    description: str
    product: str | None = None
    affected: str | None = None
    since: str | None = None
    source_activity_id: str | None = None


@dataclass(frozen=True, slots=True)
class CustomerTickets:
    """Open tickets as one customer may see them: their own, and colleagues' where the organisation shares."""

    own: tuple[TicketSummary, ...]
    colleagues: tuple[TicketSummary, ...] = ()


@dataclass(frozen=True, slots=True)
class Joined:
    """An emergency report: a new ticket, or the ongoing one it joined (and who is already on it)."""

    view: replies.TicketView
    created: bool
    acknowledged_by: str | None = None


class TicketService:
    def __init__(
        self, sessions: Sessions, config: ConfigHolder, clock: Clock, notifier: Notifier,
        escalations: EscalationService,
    ):
        self._sessions, self._holder, self._clock, self._notifier = sessions, config, clock, notifier
        self._escalations = escalations

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    async def open_ticket(self, caller: Caller, conversation_id: str, new: NewTicket) -> tuple[replies.TicketView, bool]:
        """Store the ticket; (view, created). A redelivered report returns the ticket it made before."""
        async with self._sessions.begin() as session:
            earlier = await self._redelivered(session, new)
            if earlier is not None:
                return view_of(earlier), False
            ticket = await self._insert(session, caller, conversation_id, new)
            view, summary = view_of(ticket), summary_of(ticket)
        await self._escalations.start_clock(ticket.id, summary)
        return view, True

    async def open_emergency(self, caller: Caller, conversation_id: str, new: NewTicket, join_since: datetime) -> Joined:
        """One ticket per emergency: a report after `join_since` of an unresolved one joins it, as a note."""
        async with self._sessions.begin() as session:
            earlier = await self._redelivered(session, new)
            if earlier is not None:
                return Joined(view_of(earlier), created=False)
            ongoing = await paging_store.joinable_emergency_of(session, caller.organisation_id or 0, join_since)
            if ongoing is not None:
                session.add(TicketNote(
                    ticket_id=ongoing.id, author_person_id=caller.person_id, author_name=caller.name,
                    text=new.description, created_at=self._clock.now(),
                ))  # fmt: skip
                by = ongoing.acknowledged_by.name if ongoing.acknowledged_by else None
                return Joined(view_of(ongoing), created=False, acknowledged_by=by)
            ticket = await self._insert(session, caller, conversation_id, new, paging=True)
            view, summary = view_of(ticket), summary_of(ticket)
        await self._escalations.start_clock(ticket.id, summary)
        return Joined(view, created=True)

    @staticmethod
    async def _redelivered(session: AsyncSession, new: NewTicket) -> TicketRecord | None:
        if not new.source_activity_id:
            return None
        return await ticket_store.ticket_by_source_activity(session, new.source_activity_id)

    async def _insert(
        self, session: AsyncSession, caller: Caller, conversation_id: str, new: NewTicket, *, paging: bool = False
    ) -> TicketRecord:
        """`paging`: its page chain begins now, recorded with the ticket so a restart pages on."""
        now = self._clock.now()
        ticket = Ticket(
            number=await ticket_store.next_ticket_number(session, now.year),
            organisation_id=caller.organisation_id, reporter_id=caller.person_id,
            conversation_id=conversation_id, intent=new.intent, subject=_subject(new.description),
            description=new.description, product=_fact(new.product), affected=_fact(new.affected), since=_fact(new.since),
            priority=new.priority, emergency=new.emergency, source_activity_id=new.source_activity_id,
            created_at=now, updated_at=now, paging_started_at=now if paging else None,
        )
        session.add(ticket)
        await session.flush()
        add_to_log_context(ticket=ticket.number)
        log.info("ticket %s opened: %s %s%s", ticket.number, ticket.priority, ticket.intent,
                 ", emergency" if ticket.emergency else "")
        stored = await ticket_store.ticket_by_id(session, ticket.id)
        assert stored is not None
        return stored

    async def notify_support(self, caller: Caller, view: replies.TicketView, description: str) -> int:
        """Step 1: every support engineer hears of a new ticket in business hours; returns how many were reached."""
        reached = 0
        for member in self._config.staff:
            if member.role is not Role.SUPPORT:
                continue
            lang = await staff_language(self._sessions, member.object_id)
            notice = replies.new_ticket_notice(lang, view, caller.organisation_name, caller.name, description)
            if await self._notifier.to_person(member.object_id, [notice]):
                reached += 1
            else:
                log.warning("support engineer %s could not be told about %s", member.name, view.number)
        return reached

    async def add_note(self, caller: Caller, number: str, words: str) -> bool:
        """The customer's own words added to their open ticket, for the staff who handle it."""
        async with self._sessions.begin() as session:
            ticket = await ticket_store.ticket_by_number(session, number, organisation_id=caller.organisation_id)
            if ticket is None or ticket.reporter.id != caller.person_id or ticket.status == TicketStatus.RESOLVED:
                return False
            session.add(TicketNote(
                ticket_id=ticket.id, author_person_id=caller.person_id, author_name=caller.name, text=words,
                created_at=self._clock.now(),
            ))  # fmt: skip
        return True

    async def rate(self, number: str, caller: Caller, rating: int) -> None:
        async with self._sessions.begin() as session:
            await ticket_store.rate(session, number, caller.organisation_id or 0, rating)

    async def visible_to(self, caller: Caller) -> CustomerTickets:
        """The caller's own open tickets; colleagues' too when the operator lets the organisation share them.
        Never another organisation's."""
        async with self._sessions() as session:
            found = await ticket_store.open_ticket_rows_of(session, caller.organisation_id or 0)
            others = [row for row in found if row.reporter_id != caller.person_id]
            shared = bool(others) and await self._shares_tickets(session, caller.organisation_id)
        own = tuple(summary_of(row) for row in found if row.reporter_id == caller.person_id)
        return CustomerTickets(own, tuple(summary_of(row) for row in others) if shared else ())

    async def views(self, caller: Caller, numbers: tuple[str, ...]) -> list[replies.TicketView]:
        """The caller's own tickets as the status shows them (who holds each, too)."""
        async with self._sessions() as session:
            found = [await ticket_store.ticket_by_number(session, n, organisation_id=caller.organisation_id) for n in numbers]
        return [view_of(t) for t in found if t is not None and t.reporter.id == caller.person_id]

    async def _shares_tickets(self, session: AsyncSession, organisation_id: int | None) -> bool:
        organisation = await session.get(Organisation, organisation_id) if organisation_id else None
        customer = self._config.customer(organisation.tenant_id) if organisation else None
        return customer is not None and customer.ticket_visibility == "organisation"


def _fact(answer: str | None) -> str | None:
    """An intake answer may be free text of any length; its column holds 100 characters."""
    return clip(answer, TICKET_FACT) if answer is not None else None


def _subject(description: str) -> str:
    first_line = description.strip().splitlines()[0] if description.strip() else "(no description)"
    return first_line if len(first_line) <= 120 else first_line[:117] + "..."
