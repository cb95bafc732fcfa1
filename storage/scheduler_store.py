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
"""

from __future__ import annotations

from pathlib import Path

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.engine import make_url

from storage.db import JOBS_TABLE, DatabaseUrls, create_sync_engine_for

MISFIRE_GRACE_SECONDS: int | None = None
"""No limit: a job that came due while the bot was down (a deploy, a crash, a weekend outage) still
runs when it is back, however late. A page timeout or escalation must happen late rather than never."""


def create_scheduler(database_url: str, *, timezone: str = "Europe/Amsterdam") -> AsyncIOScheduler:
    """A scheduler over the app's database; start it inside the running loop, shut it down on cleanup.

    ``coalesce``: after downtime, a recurring job runs once, not once per missed run.
    ``max_instances=1``: a slow run is not overlapped by the next one in the same process.
    """
    job_store = SQLAlchemyJobStore(engine=create_sync_engine_for(jobs_database_url(database_url)), tablename=JOBS_TABLE)
    return AsyncIOScheduler(
        jobstores={"default": job_store},
        job_defaults={
            "coalesce": True,
            "misfire_grace_time": MISFIRE_GRACE_SECONDS,
            "max_instances": 1,
        },
        timezone=timezone,
    )


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
