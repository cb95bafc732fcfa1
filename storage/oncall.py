"""On-call rows: overrides in a period, shift offers taken once, the change log, calendar-feed tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CalendarFeed, OnCallChange, OnCallOverride, ShiftOffer
from storage.rows import changed


async def overrides_overlapping(session: AsyncSession, starts: datetime, ends: datetime) -> list[OnCallOverride]:
    """Overrides that meet [starts, ends), oldest first (the newest wins where they overlap)."""
    query = select(OnCallOverride).where(OnCallOverride.starts_at < ends, OnCallOverride.ends_at > starts)
    return list(await session.scalars(query.order_by(OnCallOverride.id)))


async def open_offer(session: AsyncSession, offered_by: str, starts: datetime, ends: datetime) -> ShiftOffer | None:
    """The same shift offered again by the same person: one offer, not two."""
    query = select(ShiftOffer).where(
        ShiftOffer.offered_by_object_id == offered_by, ShiftOffer.starts_at == starts, ShiftOffer.ends_at == ends,
        ShiftOffer.status == "open",
    )
    return await session.scalar(query)


async def claim_offer(session: AsyncSession, offer_id: int, taker: str, now: datetime) -> bool:
    """The first colleague to press the button takes the shift; everyone after finds it taken."""
    taken = await session.execute(
        update(ShiftOffer)
        .where(ShiftOffer.id == offer_id, ShiftOffer.status == "open")
        .values(status="taken", taken_by_object_id=taker, taken_at=now),
        execution_options={"synchronize_session": False},
    )
    return changed(taken) == 1


def record_change(
    session: AsyncSession, kind: str, period: tuple[datetime, datetime], *, by: str, now: datetime,
    was: str | None = None, becomes: str | None = None, offer_id: int | None = None,
) -> None:
    """One line of the audit trail: what changed for which period, who did it, when."""
    session.add(OnCallChange(
        kind=kind, starts_at=period[0], ends_at=period[1], from_object_id=was, to_object_id=becomes,
        by_object_id=by, offer_id=offer_id, created_at=now,
    ))  # fmt: skip


async def changes(session: AsyncSession) -> list[OnCallChange]:
    return list(await session.scalars(select(OnCallChange).order_by(OnCallChange.id)))


async def active_feed(session: AsyncSession, object_id: str, scope: str) -> CalendarFeed | None:
    query = select(CalendarFeed).where(
        CalendarFeed.object_id == object_id, CalendarFeed.scope == scope, CalendarFeed.revoked_at.is_(None)
    )
    return await session.scalar(query.order_by(CalendarFeed.id.desc()).limit(1))


async def feed_by_token_hash(session: AsyncSession, token_sha256: str) -> CalendarFeed | None:
    query = select(CalendarFeed).where(CalendarFeed.token_sha256 == token_sha256, CalendarFeed.revoked_at.is_(None))
    return await session.scalar(query)


async def revoke_feeds(session: AsyncSession, object_id: str, scope: str, now: datetime) -> int:
    """Every active feed of this person and scope stops working; how many there were."""
    revoked = await session.execute(
        update(CalendarFeed)
        .where(CalendarFeed.object_id == object_id, CalendarFeed.scope == scope, CalendarFeed.revoked_at.is_(None))
        .values(revoked_at=now),
        execution_options={"synchronize_session": False},
    )
    return changed(revoked)
