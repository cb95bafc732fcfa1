"""Tickets: numbering that is safe across replicas, look-ups scoped to one organisation."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import EscalationEvent, Ticket, TicketCounter, TicketNote
from bot.policy.model import TicketStatus

OPEN_STATUSES = (TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.TAKEN_OVER)


async def next_ticket_number(session: AsyncSession, year: int) -> str:
    """"T-2026-0042": an atomic per-year counter, so two replicas never hand out one number twice."""
    bump = (
        update(TicketCounter)
        .where(TicketCounter.year == year)
        .values(last_value=TicketCounter.last_value + 1)
        .returning(TicketCounter.last_value)
    )
    value = await session.scalar(bump)
    if value is None:
        try:
            async with session.begin_nested():
                session.add(TicketCounter(year=year, last_value=1))
            value = 1
        except IntegrityError:  # another replica created the year's counter first
            value = await session.scalar(bump)
    return f"T-{year}-{value:04d}"


async def ticket_by_number(session: AsyncSession, number: str, *, organisation_id: int | None = None) -> Ticket | None:
    """With an organisation, a ticket of another organisation is simply not found."""
    query = select(Ticket).where(Ticket.number == number.upper())
    if organisation_id is not None:
        query = query.where(Ticket.organisation_id == organisation_id)
    return await session.scalar(query)


async def ticket_by_source_activity(session: AsyncSession, activity_id: str) -> Ticket | None:
    return await session.scalar(select(Ticket).where(Ticket.source_activity_id == activity_id))


async def open_tickets_of(session: AsyncSession, organisation_id: int) -> list[Ticket]:
    query = (
        select(Ticket)
        .where(Ticket.organisation_id == organisation_id, Ticket.status.in_(OPEN_STATUSES))
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
    )
    return list(await session.scalars(query))


async def recent_tickets_of(session: AsyncSession, organisation_id: int, limit: int = 5) -> list[Ticket]:
    query = (
        select(Ticket)
        .where(Ticket.organisation_id == organisation_id)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(limit)
    )
    return list(await session.scalars(query))


async def all_open_tickets(session: AsyncSession) -> list[Ticket]:
    query = select(Ticket).where(Ticket.status.in_(OPEN_STATUSES)).order_by(Ticket.priority, Ticket.created_at)
    return list(await session.scalars(query))


async def held_ticket_in_conversation(session: AsyncSession, conversation_id: str) -> Ticket | None:
    """The ticket whose chat a staff member has taken over: the customer's messages go to them."""
    query = select(Ticket).where(
        Ticket.conversation_id == conversation_id, Ticket.holder_id.is_not(None), Ticket.status == TicketStatus.TAKEN_OVER
    )
    return await session.scalar(query.order_by(Ticket.id.desc()).limit(1))


async def ticket_held_by(session: AsyncSession, person_id: int) -> Ticket | None:
    """The one chat a staff member holds, if any: their plain messages go to its customer."""
    query = select(Ticket).where(Ticket.holder_id == person_id, Ticket.status == TicketStatus.TAKEN_OVER)
    return await session.scalar(query.order_by(Ticket.id.desc()).limit(1))


async def notes_of(session: AsyncSession, ticket_id: int) -> list[TicketNote]:
    return list(await session.scalars(select(TicketNote).where(TicketNote.ticket_id == ticket_id).order_by(TicketNote.id)))


async def escalations_of(session: AsyncSession, ticket_id: int) -> list[EscalationEvent]:
    query = select(EscalationEvent).where(EscalationEvent.ticket_id == ticket_id).order_by(EscalationEvent.id)
    return list(await session.scalars(query))
