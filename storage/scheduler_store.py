"""The APScheduler instance whose timers (escalation, page time-outs) live in the database, not in memory.

Jobs are kept in APScheduler's own table, ``apscheduler_jobs``, which ``SQLAlchemyJobStore``
creates when the scheduler starts (not a migration: APScheduler owns that schema; Alembic's
env.py ignores the table). Job functions must be module-level functions, referenced by
``module:name``, and their arguments picklable: ids, never ORM objects or sessions.

APScheduler 3 does not coordinate several schedulers sharing one job store: with more than one
replica, each may run the same due job. Exactly-once is therefore the job handlers' duty, not
APScheduler's: a handler claims its work with a conditional UPDATE (``... WHERE status = 'sent'``)
and does nothing when the row count is 0.

On SQLite the job store is a file of its own next to the database (``supportbot.jobs.db``):
SQLite has one write lock per file, and the job store's blocking writes must never wait for a
transaction of the app's async engine on the same event loop.

The job store is read with blocking calls, so the scheduler runs in a thread of its own
(``BackgroundScheduler``), never on the event loop: a database that stops answering without
closing the connection stalls that thread only, while the loop keeps answering Teams and spooling
messages. Due jobs are handed to the app's loop (`EventLoopExecutor`).
"""

from __future__ import annotations

import asyncio
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from apscheduler.executors.base import BaseExecutor, run_coroutine_job, run_job
from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.util import iscoroutinefunction_partial
from sqlalchemy.engine import make_url

from storage.db import JOBS_TABLE, DatabaseUrls, create_sync_engine_for

T = TypeVar("T")

MISFIRE_GRACE_SECONDS: int | None = None
"""No limit: a job that came due while the bot was down (a deploy, a crash, a weekend outage) still
runs when it is back, however late. A page timeout or escalation must happen late rather than never."""


SHUTDOWN_WAIT_SECONDS = 5.0
"""How long `stop_scheduler` waits for the scheduler's thread; a thread stuck on a dead database is left
behind (it is a daemon thread) rather than holding up the shutdown."""


class EventLoopExecutor(BaseExecutor):
    """Runs due jobs from the scheduler's thread: coroutine jobs on the app's event loop (where the
    services live), plain functions on a small pool of threads."""

    def __init__(self, loop: asyncio.AbstractEventLoop, *, threads: int = 2):
        super().__init__()
        self._loop = loop
        self._threads = ThreadPoolExecutor(threads, thread_name_prefix="timer-job")

    def _do_submit_job(self, job: Job, run_times: list[datetime]) -> None:
        future: Future[Any]
        if iscoroutinefunction_partial(job.func):
            coroutine = run_coroutine_job(job, job._jobstore_alias, run_times, self._logger.name)
            future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)  # RuntimeError once the loop closed
        else:
            future = self._threads.submit(run_job, job, job._jobstore_alias, run_times, self._logger.name)
        future.add_done_callback(partial(self._finished, job.id))

    def _finished(self, job_id: str, future: Future[Any]) -> None:
        try:
            events = future.result()
        except BaseException:
            self._run_job_error(job_id, *sys.exc_info()[1:])
        else:
            self._run_job_success(job_id, events)

    def shutdown(self, wait: bool = True) -> None:
        self._threads.shutdown(wait=wait)


RETRY_AFTER_ERROR_SECONDS = 2.0
"""How soon the scheduler's thread looks at the store again after a round that failed."""


class ThreadedScheduler(BackgroundScheduler):
    """APScheduler's background scheduler, minus two traps.

    - Its thread has no error handling of its own: one exception in a round ends it for good, and
      with it every timer of the replica. Two replicas that both pick up a due job both remove it,
      and the second removal raises. A failed round is logged and tried again shortly.
    - On shutdown the thread wakes and processes due jobs once more, hands them to executors that
      are already shut down, and removes them from the store: a timer due at that moment was lost.
      A stopped scheduler processes nothing (`GuardedJobStore` covers a round already under way).
    """

    def _process_jobs(self) -> float | None:
        if self.state == STATE_STOPPED:
            return None
        try:
            return super()._process_jobs()
        except Exception:
            self._logger.exception("a round of timers failed; looking again in %s s", RETRY_AFTER_ERROR_SECONDS)
            return RETRY_AFTER_ERROR_SECONDS


class GuardedJobStore(SQLAlchemyJobStore):
    """Due jobs read by a round that began before the scheduler stopped (a thread stuck on a silent
    database, left behind at shutdown) are not handed out: APScheduler would pass them to a loop that
    is gone and delete them. They stay stored for the next start or another replica."""

    def get_due_jobs(self, now: datetime) -> list[Job]:
        due = super().get_due_jobs(now)
        return [] if self._scheduler.state == STATE_STOPPED else due


async def in_daemon_thread(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` in a daemon thread of its own, awaited on the loop.

    For blocking job-store calls: a thread of the loop's default executor stuck on a database that
    does not answer holds up the loop's close and the interpreter's exit; a daemon thread does neither.
    """
    loop = asyncio.get_running_loop()
    result: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not result.done():
            outcome()

    def work() -> None:
        try:
            value = function(*args, **kwargs)
        except BaseException as error:  # handed over to the awaiting coroutine
            caught = error
            _call_soon(loop, settle, lambda: result.set_exception(caught))
        else:
            _call_soon(loop, settle, lambda: result.set_result(value))

    threading.Thread(target=work, name=f"jobstore-{getattr(function, '__name__', 'call')}", daemon=True).start()
    return await result


def _call_soon(loop: asyncio.AbstractEventLoop, callback: Callable[..., None], *args: Any) -> None:
    try:
        loop.call_soon_threadsafe(callback, *args)
    except RuntimeError:  # the loop closed while the thread waited on the database
        pass


def create_scheduler(
    database_url: str, *, timezone: str = "Europe/Amsterdam", loop: asyncio.AbstractEventLoop | None = None,
) -> ThreadedScheduler:
    """A scheduler over the app's database whose coroutine jobs run on `loop` (default: the running loop).

    Create it inside the running loop; start it with `start_scheduler`, stop it with `stop_scheduler`.
    ``coalesce``: after downtime, a recurring job runs once, not once per missed run.
    ``max_instances=1``: a slow run is not overlapped by the next one in the same process.
    """
    job_store = GuardedJobStore(engine=create_sync_engine_for(jobs_database_url(database_url)), tablename=JOBS_TABLE)
    return ThreadedScheduler(
        jobstores={"default": job_store},
        executors={"default": EventLoopExecutor(loop or asyncio.get_running_loop())},
        job_defaults={
            "coalesce": True,
            "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            "max_instances": 1,
        },
        timezone=timezone,
    )


async def start_scheduler(scheduler: BackgroundScheduler, *, paused: bool = False) -> None:
    """Start it off the loop: starting creates the job table and stores pending jobs (blocking I/O)."""
    await in_daemon_thread(scheduler.start, paused=paused)


async def stop_scheduler(scheduler: BackgroundScheduler, *, wait_seconds: float = SHUTDOWN_WAIT_SECONDS) -> bool:
    """Stop the scheduler's thread; False when it did not stop within `wait_seconds` (stuck on the database).

    Shutting down joins that thread, so it is done from a daemon thread of its own (`in_daemon_thread`).
    """
    if not scheduler.running:
        return True
    try:
        await asyncio.wait_for(asyncio.shield(in_daemon_thread(scheduler.shutdown, wait=False)), wait_seconds)
    except asyncio.TimeoutError:
        return False
    return True


def jobs_database_url(database_url: str) -> str:
    """PostgreSQL: the same database. SQLite: a sibling file, `supportbot.db` -> `supportbot.jobs.db`."""
    if DatabaseUrls.from_url(database_url).backend != "sqlite":
        return database_url
    url = make_url(database_url)
    if not url.database or url.database == ":memory:":
        return database_url
    path = Path(url.database)
    return url.set(database=str(path.with_name(f"{path.stem}.jobs{path.suffix or '.db'}"))).render_as_string(
        hide_password=False
    )
