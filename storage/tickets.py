"""Tickets: numbering that is safe across replicas, look-ups scoped to one organisation."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, Select, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.core import run
from storage.models import EscalationEvent, Ticket, TicketCounter, TicketNote
from storage.records import TicketRecord, ticket_record
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


def _fresh(query: Select[tuple[Ticket]]) -> Select[tuple[Ticket]]:
    """Rows read afresh (a conditional update may have changed them in this transaction), relations too."""
    return query.execution_options(populate_existing=True)


async def _one(
    session: AsyncSession, query: Select[tuple[Ticket]], params: dict[str, Any] | None = None,
) -> TicketRecord | None:
    ticket = await session.scalar(_fresh(query), params)
    return ticket_record(ticket) if ticket is not None else None


async def _all(session: AsyncSession, query: Select[tuple[Ticket]]) -> list[TicketRecord]:
    return [ticket_record(ticket) for ticket in await session.scalars(_fresh(query))]


async def ticket_by_number(session: AsyncSession, number: str, *, organisation_id: int | None = None) -> TicketRecord | None:
    """With an organisation, a ticket of another organisation is simply not found."""
    query = select(Ticket).where(Ticket.number == number.upper())
    if organisation_id is not None:
        query = query.where(Ticket.organisation_id == organisation_id)
    return await _one(session, query)


async def ticket_by_id(session: AsyncSession, ticket_id: int) -> TicketRecord | None:
    return await _one(session, select(Ticket).where(Ticket.id == ticket_id))


async def ticket_by_source_activity(session: AsyncSession, activity_id: str) -> TicketRecord | None:
    return await _one(session, select(Ticket).where(Ticket.source_activity_id == activity_id))


_OPEN_OF_ORGANISATION = (
    select(Ticket.number, Ticket.intent, Ticket.status, Ticket.escalation_step, Ticket.priority, Ticket.created_at,
           Ticket.step_since, Ticket.subject, Ticket.reporter_id)
    .where(Ticket.organisation_id == bindparam("organisation"), Ticket.status.in_(OPEN_STATUSES))
    .order_by(Ticket.created_at.desc(), Ticket.id.desc())
)


async def open_ticket_rows_of(session: AsyncSession, organisation_id: int) -> list[Row[Any]]:
    """An organisation's open tickets, newest first, as the policy weighs them (number, intent, status,
    escalation_step, priority, created_at, step_since, subject, reporter_id). Rows, not ORM objects:
    read in every customer turn, where loading each ticket with its four relations cost more than the turn."""
    await session.flush()  # a ticket opened or resolved earlier in this transaction counts
    return list((await run(session, _OPEN_OF_ORGANISATION, {"organisation": organisation_id})).all())


async def all_open_tickets(session: AsyncSession) -> list[TicketRecord]:
    query = select(Ticket).where(Ticket.status.in_(OPEN_STATUSES)).order_by(Ticket.priority, Ticket.created_at)
    return await _all(session, query)


_HELD_IN_CONVERSATION = select(Ticket.id).where(
    Ticket.conversation_id == bindparam("chat"), Ticket.holder_id.is_not(None), Ticket.status == TicketStatus.TAKEN_OVER
).order_by(Ticket.id.desc()).limit(1)


async def held_ticket_in_conversation(session: AsyncSession, conversation_id: str) -> TicketRecord | None:
    """The ticket whose chat a staff member has taken over: the customer's messages go to them.
    Asked in every customer turn, and almost always none: a Core look-up, the record only when there is one."""
    await session.flush()  # a take-over written earlier in this transaction counts
    ticket_id = (await run(session, _HELD_IN_CONVERSATION, {"chat": conversation_id})).scalar()
    return await ticket_by_id(session, ticket_id) if ticket_id is not None else None


async def ticket_held_by(session: AsyncSession, person_id: int) -> TicketRecord | None:
    """The one chat a staff member holds, if any: their plain messages go to its customer."""
    query = select(Ticket).where(Ticket.holder_id == person_id, Ticket.status == TicketStatus.TAKEN_OVER)
    return await _one(session, query.order_by(Ticket.id.desc()).limit(1))


async def rate(session: AsyncSession, number: str, organisation_id: int, rating: int) -> None:
    """The customer's 1-5 rating of their organisation's ticket."""
    await session.execute(
        update(Ticket).where(Ticket.number == number.upper(), Ticket.organisation_id == organisation_id).values(rating=rating)
    )


async def notes_of(session: AsyncSession, ticket_id: int) -> list[TicketNote]:
    return list(await session.scalars(select(TicketNote).where(TicketNote.ticket_id == ticket_id).order_by(TicketNote.id)))


async def escalations_of(session: AsyncSession, ticket_id: int) -> list[EscalationEvent]:
    query = select(EscalationEvent).where(EscalationEvent.ticket_id == ticket_id).order_by(EscalationEvent.id)
    return list(await session.scalars(query))
