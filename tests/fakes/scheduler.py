"""Run the persisted jobs that are due at the fake clock's time, as the scheduler would at that moment."""

from __future__ import annotations

from datetime import datetime

from aiohttp.test_utils import TestClient

from bot import keys


async def run_due_jobs(bot: TestClient, now: datetime) -> int:
    """APScheduler keeps real time; tests move a fake clock, so they fire due jobs through this."""
    scheduler = bot.app[keys.SCHEDULER]
    fired = 0
    for job in sorted(scheduler.get_jobs(), key=lambda j: j.next_run_time):
        if job.next_run_time <= now:
            job.remove()
            await job.func(*job.args, **job.kwargs)
            fired += 1
    return fired
