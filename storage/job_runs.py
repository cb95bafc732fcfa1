"""Exactly-once for scheduled work: the first replica to record a run key does the work."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import JobRun


async def claim_run(session: AsyncSession, key: str, now: datetime) -> bool:
    """False when this run was claimed before (another replica, or a second firing)."""
    try:
        async with session.begin_nested():
            session.add(JobRun(key=key, claimed_at=now))
    except IntegrityError:
        return False
    return True
