"""Config reloads across replicas: the one that reloaded records it; the others poll for newer records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConfigReload


async def record(session: AsyncSession, requested_by: str, now: datetime) -> int:
    """This replica put a new config in force; returns the record's number."""
    reload = ConfigReload(requested_by=requested_by[:64], reloaded_at=now)
    session.add(reload)
    await session.flush()
    return reload.id


async def latest(session: AsyncSession) -> int:
    """The number of the newest reload any replica recorded; 0 before the first."""
    return await session.scalar(select(func.max(ConfigReload.id))) or 0
