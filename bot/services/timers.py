"""Persistent timers for the services, without APScheduler in their code.

The job store is written through a blocking SQLAlchemy engine. Called on the event loop, a write
that waits for SQLite's lock would stall the very transaction holding that lock, and one waiting on
a database that went silent would stall everything, so every call goes to a daemon thread of its
own (`in_daemon_thread`: a stuck one never holds up the shutdown).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.base import BaseScheduler

from bot.services import jobs
from storage.scheduler_store import in_daemon_thread


class Timers:
    def __init__(self, scheduler: BaseScheduler):
        self._scheduler = scheduler

    async def at(self, timer_id: str, when: datetime, job: str, **arguments: Any) -> None:
        """Run the bound job `job` at `when`; setting the same id again replaces the timer."""
        await in_daemon_thread(
            self._scheduler.add_job, jobs.run, "date", run_date=when, id=timer_id, replace_existing=True,
            kwargs={"name": job, **arguments},
        )  # fmt: skip

    async def daily(self, timer_id: str, at: time, time_zone: str, job: str, **arguments: Any) -> None:
        """Run the bound job `job` every day at `at` local time; one stored job per id, whatever the replicas."""
        await in_daemon_thread(
            self._scheduler.add_job, jobs.run, "cron", hour=at.hour, minute=at.minute, timezone=time_zone,
            id=timer_id, replace_existing=True, kwargs={"name": job, **arguments},
        )  # fmt: skip

    async def cancel(self, *timer_ids: str) -> None:
        """Gone, or never there: both are fine (it fired already, or another replica removed it)."""
        if timer_ids:
            await in_daemon_thread(self._cancel_all, timer_ids)

    async def exists(self, timer_id: str) -> bool:
        return await in_daemon_thread(self._scheduler.get_job, timer_id) is not None

    async def ids(self) -> set[str]:
        """Every stored timer's id, in one read (start-up checks many tickets at once)."""
        jobs_now = await in_daemon_thread(self._scheduler.get_jobs)
        return {job.id for job in jobs_now}

    def _cancel_all(self, timer_ids: tuple[str, ...]) -> None:
        for timer_id in timer_ids:
            try:
                self._scheduler.remove_job(timer_id)
            except JobLookupError:
                pass
