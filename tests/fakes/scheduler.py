"""Run the persisted jobs that are due at the fake clock's time, as the scheduler would at that moment."""

from __future__ import annotations

from datetime import datetime

from aiohttp.test_utils import TestClient
from apscheduler.job import Job
from apscheduler.triggers.date import DateTrigger

from bot import keys


async def run_due_jobs(bot: TestClient, now: datetime) -> int:
    """APScheduler keeps real time; tests move a fake clock, so they fire due one-off timers through this.

    Daily jobs (the on-call gap check) follow the real calendar; tests call their handler instead.
    """
    fired = 0
    for job in sorted(timers(bot), key=lambda j: j.next_run_time):
        if job.next_run_time <= now:
            job.remove()
            await job.func(*job.args, **job.kwargs)
            fired += 1
    return fired


def timers(bot: TestClient) -> list[Job]:
    """The one-off timers in the job store (page timeouts, escalations, reminders), not the daily jobs."""
    return [job for job in bot.app[keys.SCHEDULER].get_jobs() if isinstance(job.trigger, DateTrigger)]
