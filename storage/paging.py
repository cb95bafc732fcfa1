"""Pages and on-call overrides: rows that make a night's paging auditable and restart-proof."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OnCallOverride, Organisation, Page, Ticket
from bot.policy.model import TicketStatus
from storage.rows import changed
from storage.records import TicketRecord, ticket_record

WAITING = ("sending", "sent")  # a page out (or going out) that nobody has answered yet


async def overrides_active_around(session: AsyncSession, moment: datetime) -> list[OnCallOverride]:
    query = select(OnCallOverride).where(OnCallOverride.starts_at <= moment, OnCallOverride.ends_at > moment)
    return list(await session.scalars(query))


async def joinable_emergency_of(session: AsyncSession, organisation_id: int, since: datetime) -> TicketRecord | None:
    """The organisation's emergency reported after `since` that someone is on or is being paged
    for: a new report joins it. One in business hours, or one whose paging ran out, is not joined.

    Locks the organisation's row first (PostgreSQL), so two colleagues reporting at the same
    moment make one ticket and one page chain, not two.
    """
    await session.execute(select(Organisation.id).where(Organisation.id == organisation_id).with_for_update())
    query = (
        select(Ticket)
        .where(
            Ticket.organisation_id == organisation_id, Ticket.emergency.is_(True), Ticket.status != TicketStatus.RESOLVED,
            Ticket.created_at >= since,
            Ticket.acknowledged_at.is_not(None) | (Ticket.paging_started_at.is_not(None) & Ticket.unanswered_at.is_(None)),
        )
        .order_by(Ticket.created_at.desc())
        .limit(1)
    )
    ticket = await session.scalar(query.execution_options(populate_existing=True))
    return ticket_record(ticket) if ticket is not None else None


async def unattended_emergencies(session: AsyncSession) -> list[TicketRecord]:
    """Open emergencies nobody has acknowledged or taken over: their paging must be running."""
    query = select(Ticket).where(
        Ticket.emergency.is_(True), Ticket.status == TicketStatus.OPEN, Ticket.acknowledged_at.is_(None),
        Ticket.paging_started_at.is_not(None), Ticket.unanswered_at.is_(None),
    )
    return [ticket_record(t) for t in await session.scalars(query.order_by(Ticket.id).execution_options(populate_existing=True))]


async def claim_timeout(session: AsyncSession, page_id: int, now: datetime) -> Page | None:
    """Mark a still-unanswered page as timed out; None when someone else (or an ack) got there first."""
    claimed = await session.execute(
        update(Page).where(Page.id == page_id, Page.status.in_(WAITING)).values(status="timed_out", timed_out_at=now),
        execution_options={"synchronize_session": False},
    )
    if changed(claimed) != 1:
        return None
    return await session.get(Page, page_id)


async def pages_of(session: AsyncSession, ticket_id: int) -> list[Page]:
    return list(await session.scalars(select(Page).where(Page.ticket_id == ticket_id).order_by(Page.id)))


async def acknowledge_pages(session: AsyncSession, ticket_id: int, now: datetime) -> list[int]:
    """Mark every page still waiting as acknowledged; returns their ids so their timers can go."""
    query = select(Page.id).where(Page.ticket_id == ticket_id, Page.status.in_(WAITING))
    waiting = list(await session.scalars(query))
    if waiting:
        await session.execute(
            update(Page)
            .where(Page.id.in_(waiting), Page.status.in_(WAITING))
            .values(status="acknowledged", acknowledged_at=now),
            execution_options={"synchronize_session": False},
        )
    return waiting


async def finish_page(session: AsyncSession, page_id: int, reached: bool, error: str | None = None) -> bool:
    """After delivery: sent (wait for an acknowledgement) or unreachable. False: settled meanwhile."""
    values = {"status": "sent"} if reached else {"status": "unreachable", "error": error or "could not be reached in Teams"}
    finished = await session.execute(
        update(Page).where(Page.id == page_id, Page.status == "sending").values(**values),
        execution_options={"synchronize_session": False},
    )
    return changed(finished) == 1
