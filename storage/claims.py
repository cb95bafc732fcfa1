"""Conditional updates that make staff actions happen once: whoever's update matches the row wins.

Each returns whether it won. They lock the ticket row (PostgreSQL), so a page being stored and
an acknowledgement of the same ticket are serialised. `synchronize_session=False`: a lost claim
must not rewrite the caller's in-memory ticket as if it had won.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload

from storage.models import Ticket
from storage.tickets import OPEN_STATUSES
from bot.policy.model import TicketStatus
from storage.rows import changed

_UNSYNCED = {"synchronize_session": False}


_TICKET_RELATIONS = (Ticket.organisation, Ticket.reporter, Ticket.holder, Ticket.acknowledged_by)


async def lock_ticket(session: AsyncSession, ticket_id: int) -> Ticket | None:
    """The ticket, read fresh and locked for the rest of the transaction.

    Its relations are read afresh too: in a unit of work the caller may hold this same object, and
    a refresh that left them unloaded would make the next attribute access lazy-load (not allowed
    under asyncio)."""
    query = (
        select(Ticket).where(Ticket.id == ticket_id).with_for_update()
        .options(*(selectinload(relation) for relation in _TICKET_RELATIONS))
        .execution_options(populate_existing=True)
    )
    return await session.scalar(query)


async def claim_holder(session: AsyncSession, ticket_id: int, person_id: int, now: datetime) -> bool:
    """Take a chat over only if nobody holds it, nor another ticket of the same customer chat."""
    other = aliased(Ticket)
    same_chat_held = exists().where(
        other.conversation_id == Ticket.conversation_id, other.id != Ticket.id, other.status == TicketStatus.TAKEN_OVER
    )
    try:
        async with session.begin_nested():
            claimed = await session.execute(
                update(Ticket)
                .where(Ticket.id == ticket_id, Ticket.holder_id.is_(None), Ticket.status.in_(OPEN_STATUSES), ~same_chat_held)
                .values(holder_id=person_id, status=TicketStatus.TAKEN_OVER, updated_at=now),
                execution_options=_UNSYNCED,
            )
    except IntegrityError:  # the one-held-ticket-per-chat index: a concurrent claim got there first
        return False
    return changed(claimed) == 1


async def release_holder(session: AsyncSession, ticket_id: int, holder_id: int, now: datetime) -> bool:
    """Hand back: only while that person still holds it (a resolve in between wins)."""
    released = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.holder_id == holder_id, Ticket.status == TicketStatus.TAKEN_OVER)
        .values(
            holder_id=None, updated_at=now,
            status=case((Ticket.acknowledged_at.is_(None), TicketStatus.OPEN.value), else_=TicketStatus.ACKNOWLEDGED.value),
        ),
        execution_options=_UNSYNCED,
    )
    return changed(released) == 1


async def resolve(session: AsyncSession, ticket_id: int, seen_holder: int | None, note: str | None, now: datetime) -> bool:
    """Close the ticket once, and only while the holder is who the rights were checked against."""
    resolved = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.status.in_(OPEN_STATUSES), Ticket.holder_id.is_not_distinct_from(seen_holder))
        .values(status=TicketStatus.RESOLVED, resolved_at=now, updated_at=now, resolution_note=note, holder_id=None),
        execution_options=_UNSYNCED,
    )
    return changed(resolved) == 1


async def move_step(session: AsyncSession, ticket_id: int, from_step: int, to_step: int, now: datetime) -> bool:
    """One step up, only from where the caller saw it: a repeated or concurrent escalation moves nothing."""
    moved = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.escalation_step == from_step, Ticket.status.in_(OPEN_STATUSES))
        .values(escalation_step=to_step, step_since=now, updated_at=now),
        execution_options=_UNSYNCED,
    )
    return changed(moved) == 1


async def claim_acknowledgement(session: AsyncSession, ticket_id: int, person_id: int | None, now: datetime) -> bool:
    """The first acknowledgement counts; a second click or a colleague's later one changes nothing."""
    claimed = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.acknowledged_at.is_(None), Ticket.status.in_(OPEN_STATUSES))
        .values(acknowledged_at=now, acknowledged_by_id=person_id, updated_at=now),
        execution_options=_UNSYNCED,
    )
    await session.execute(
        update(Ticket).where(Ticket.id == ticket_id, Ticket.status == TicketStatus.OPEN).values(status=TicketStatus.ACKNOWLEDGED),
        execution_options=_UNSYNCED,
    )
    return changed(claimed) == 1


async def mark_unanswered(session: AsyncSession, ticket_id: int, now: datetime) -> bool:
    """The chain ran out: the first to record it tells the customer, nobody does twice."""
    marked = await session.execute(
        update(Ticket).where(Ticket.id == ticket_id, Ticket.unanswered_at.is_(None)).values(unanswered_at=now),
        execution_options=_UNSYNCED,
    )
    return changed(marked) == 1
