"""Pages and on-call overrides: rows that make a night's paging auditable and restart-proof."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OnCallOverride, Page, Ticket


async def overrides_active_around(session: AsyncSession, moment: datetime) -> list[OnCallOverride]:
    query = select(OnCallOverride).where(OnCallOverride.starts_at <= moment, OnCallOverride.ends_at > moment)
    return list(await session.scalars(query))


async def open_emergency_of(session: AsyncSession, organisation_id: int) -> Ticket | None:
    """The organisation's unresolved emergency, so a second report joins it instead of paging again."""
    query = (
        select(Ticket)
        .where(Ticket.organisation_id == organisation_id, Ticket.emergency.is_(True), Ticket.status != "resolved")
        .order_by(Ticket.created_at.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def claim_timeout(session: AsyncSession, page_id: int, now: datetime) -> Page | None:
    """Mark a still-unanswered page as timed out; None when someone else (or an ack) got there first."""
    claimed = await session.execute(
        update(Page).where(Page.id == page_id, Page.status == "sent").values(status="timed_out", timed_out_at=now)
    )
    if claimed.rowcount != 1:
        return None
    return await session.get(Page, page_id)


async def pages_of(session: AsyncSession, ticket_id: int) -> list[Page]:
    return list(await session.scalars(select(Page).where(Page.ticket_id == ticket_id).order_by(Page.id)))


async def acknowledge_pages(session: AsyncSession, ticket_id: int, now: datetime) -> list[int]:
    """Mark every page still waiting as acknowledged; returns their ids so their timers can go."""
    waiting = list(await session.scalars(select(Page.id).where(Page.ticket_id == ticket_id, Page.status == "sent")))
    if waiting:
        await session.execute(
            update(Page).where(Page.id.in_(waiting), Page.status == "sent").values(status="acknowledged", acknowledged_at=now)
        )
    return waiting
