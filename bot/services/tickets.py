"""Tickets as the customer and staff see them: open, list, and tell the right engineers."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config.operator import OperatorConfig
from bot.policy import TicketStatus, TicketSummary
from bot.policy.model import Priority
from bot.services import replies
from bot.services.clock import Clock
from bot.services.messages import Caller
from bot.services.notifier import Notifier
from storage import tickets as ticket_store
from storage.models import EscalationEvent, Ticket

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


def view_of(ticket: Ticket) -> replies.TicketView:
    return replies.TicketView(
        number=ticket.number, subject=ticket.subject, intent=ticket.intent, status=ticket.status,
        escalation_step=ticket.escalation_step, priority=ticket.priority,
        holder_name=ticket.holder.name if ticket.holder else None,
    )


def summary_of(ticket: Ticket) -> TicketSummary:
    return TicketSummary(
        number=ticket.number, intent=ticket.intent, status=TicketStatus(ticket.status),
        escalation_step=ticket.escalation_step, priority=Priority(ticket.priority), opened_at=ticket.created_at,
    )


class TicketService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], config: OperatorConfig, clock: Clock, notifier: Notifier):
        self._sessions, self._config, self._clock, self._notifier = sessions, config, clock, notifier

    async def open_ticket(self, caller: Caller, conversation_id: str, new: NewTicket) -> tuple[replies.TicketView, bool]:
        """Store the ticket; (view, created). A redelivered report returns the ticket it made before."""
        now = self._clock.now()
        async with self._sessions.begin() as session:
            if new.source_activity_id:
                earlier = await ticket_store.ticket_by_source_activity(session, new.source_activity_id)
                if earlier is not None:
                    return view_of(earlier), False
            ticket = Ticket(
                number=await ticket_store.next_ticket_number(session, now.year),
                organisation_id=caller.organisation_id, reporter_id=caller.person_id,
                conversation_id=conversation_id, intent=new.intent, subject=_subject(new.description),
                description=new.description, product=new.product, affected=new.affected, since=new.since,
                priority=new.priority, emergency=new.emergency, source_activity_id=new.source_activity_id,
                created_at=now, updated_at=now,
            )
            session.add(ticket)
            await session.flush()
            await session.refresh(ticket, ["holder"])
            return view_of(ticket), True

    async def notify_support(self, caller: Caller, view: replies.TicketView, description: str) -> int:
        """Step 1: every support engineer hears of a new ticket in business hours; returns how many were reached."""
        reached = 0
        for member in self._config.staff:
            if member.role != "support":
                continue
            notice = replies.new_ticket_notice("nl", view, caller.organisation_name, caller.name, description)
            if await self._notifier.to_person(member.object_id, [notice]):
                reached += 1
            else:
                log.warning("support engineer %s could not be told about %s", member.name, view.number)
        return reached

    async def escalate(self, caller: Caller, number: str, to_step: int, reason: str, *, trigger: str = "customer") -> None:
        """Move one step up the chain (SLA section 5), record who asked and why, tell those the step names."""
        async with self._sessions.begin() as session:
            ticket = await ticket_store.ticket_by_number(session, number, organisation_id=caller.organisation_id)
            if ticket is None or ticket.escalation_step >= to_step:
                return
            session.add(EscalationEvent(
                ticket_id=ticket.id, from_step=ticket.escalation_step, to_step=to_step, trigger=trigger,
                actor_person_id=caller.person_id, reason=reason, created_at=self._clock.now(),
            ))
            ticket.escalation_step, ticket.updated_at = to_step, self._clock.now()
            await session.flush()
            await session.refresh(ticket, ["holder"])
            view = view_of(ticket)
        roles = {"senior", "management"} if to_step == 2 else {"management"}
        notice = replies.escalation_notice("nl", view, caller.organisation_name, reason, to_step)
        for member in self._config.staff:
            if member.role in roles and not await self._notifier.to_person(member.object_id, [notice]):
                log.warning("%s could not be told about the escalation of %s", member.name, number)

    async def rate(self, number: str, caller: Caller, rating: int) -> None:
        async with self._sessions.begin() as session:
            ticket = await ticket_store.ticket_by_number(session, number, organisation_id=caller.organisation_id)
            if ticket is not None:
                ticket.rating = rating

    async def open_summaries(self, organisation_id: int) -> tuple[TicketSummary, ...]:
        async with self._sessions() as session:
            return tuple(summary_of(t) for t in await ticket_store.open_tickets_of(session, organisation_id))

    async def open_views(self, organisation_id: int) -> list[replies.TicketView]:
        """The customer's own organisation's open tickets, and never anyone else's."""
        async with self._sessions() as session:
            found = await ticket_store.open_tickets_of(session, organisation_id)
            for ticket in found:
                await session.refresh(ticket, ["holder"])
            return [view_of(t) for t in found]


def _subject(description: str) -> str:
    first_line = description.strip().splitlines()[0] if description.strip() else "(no description)"
    return first_line if len(first_line) <= 120 else first_line[:117] + "..."
