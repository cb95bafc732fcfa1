"""Timers survive a restart: a job scheduled before shutdown fires once in the next process."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from apscheduler.schedulers.background import BackgroundScheduler

from fakes.tcp_proxy import ThreadedTcpProxy
from storage.scheduler_store import MISFIRE_GRACE_SECONDS, create_scheduler, start_scheduler, stop_scheduler


def record_firing(log_file: str, label: str) -> None:
    """The job: module level, so the persistent store can refer to it by name."""
    with open(log_file, "a", encoding="utf-8") as log:
        log.write(f"{label}\n")


def _schedule_then_stop(database_url: str, log_file: Path, run_date: datetime) -> None:
    scheduler = create_scheduler(database_url)
    scheduler.start(paused=True)  # paused: this process must not run it
    scheduler.add_job(record_firing, "date", run_date=run_date, args=[str(log_file), "escalate"], id="t-1")
    scheduler.shutdown(wait=False)


async def _firings_after_restart(database_url: str, log_file: Path, seconds: float) -> list[str]:
    scheduler: BackgroundScheduler = create_scheduler(database_url)
    scheduler.start()
    try:
        await asyncio.sleep(seconds)
        assert scheduler.get_jobs() == []  # a date job leaves the store once it has run
    finally:
        scheduler.shutdown(wait=False)
    return log_file.read_text(encoding="utf-8").splitlines() if log_file.exists() else []


@pytest.mark.parametrize("delay", [0.6, -30.0], ids=["due-after-restart", "overdue-at-restart"])
async def test_a_job_scheduled_before_shutdown_fires_once_after_restart(
    database_url: str, tmp_path: Path, delay: float
) -> None:
    log_file = tmp_path / "firings.log"
    _schedule_then_stop(database_url, log_file, datetime.now(timezone.utc) + timedelta(seconds=delay))
    assert await _firings_after_restart(database_url, log_file, seconds=1.5) == ["escalate"]


async def test_jobs_coalesce_run_alone_and_get_an_hour_of_grace(database_url: str) -> None:
    scheduler = create_scheduler(database_url)
    scheduler.start(paused=True)
    try:
        job = scheduler.add_job(record_firing, "date", run_date=datetime(2030, 1, 1, 9, 0), args=["x", "y"])
        stored = scheduler.get_job(job.id)
        assert stored is not None
        assert (stored.misfire_grace_time, stored.coalesce, stored.max_instances) == (MISFIRE_GRACE_SECONDS, True, 1)
        assert stored.next_run_time.isoformat() == "2030-01-01T09:00:00+01:00"  # naive times are Amsterdam's
    finally:
        scheduler.shutdown(wait=False)


RAN_ON: list[int] = []


async def record_loop_thread() -> None:
    """A coroutine job, as every job of the app is: it must run on the app's loop, where its services live."""
    RAN_ON.append(threading.get_ident())


async def test_a_coroutine_job_runs_on_the_apps_event_loop_not_the_schedulers_thread(database_url: str) -> None:
    RAN_ON.clear()
    scheduler = create_scheduler(database_url)
    await start_scheduler(scheduler)
    try:
        scheduler.add_job(record_loop_thread, "date", run_date=datetime.now(timezone.utc) - timedelta(seconds=1))
        for _ in range(50):
            if RAN_ON:
                break
            await asyncio.sleep(0.1)
    finally:
        assert await stop_scheduler(scheduler)
    assert RAN_ON == [threading.get_ident()]


async def test_a_job_due_while_the_scheduler_stops_stays_stored_for_the_next_start(
    database_url: str, tmp_path: Path
) -> None:
    """APScheduler's own background scheduler processes due jobs once more on shutdown and drops them."""
    log_file = tmp_path / "firings.log"
    scheduler = create_scheduler(database_url)
    await start_scheduler(scheduler, paused=True)
    scheduler.add_job(record_firing, "date", run_date=datetime.now(timezone.utc) - timedelta(seconds=5),
                      args=[str(log_file), "page-timeout"], id="due-at-stop")
    assert await stop_scheduler(scheduler)

    assert not log_file.exists()
    assert await _firings_after_restart(database_url, log_file, seconds=1.5) == ["page-timeout"]


async def test_two_replicas_racing_for_one_due_timer_both_keep_their_timers(database_url: str, tmp_path: Path) -> None:
    """Both pick up the due job and both remove it; the second removal fails. That round fails, not the
    replica's timers: a job due later still fires."""
    log_file = tmp_path / "firings.log"
    replicas = [create_scheduler(database_url) for _ in range(2)]
    for replica in replicas:
        await start_scheduler(replica, paused=True)
    now = datetime.now(timezone.utc)
    replicas[0].add_job(record_firing, "date", run_date=now - timedelta(seconds=1), args=[str(log_file), "first"], id="a")
    replicas[0].add_job(record_firing, "date", run_date=now + timedelta(seconds=3), args=[str(log_file), "later"], id="b")
    try:
        for replica in replicas:
            replica.resume()
        for _ in range(10):  # both look at the store every half second, as the timer poll makes them
            await asyncio.sleep(0.5)
            for replica in replicas:
                replica.wakeup()
        alive = [replica._thread.is_alive() for replica in replicas]
    finally:
        for replica in replicas:
            assert await stop_scheduler(replica)

    assert alive == [True, True]
    firings = log_file.read_text(encoding="utf-8").splitlines()
    assert "later" in firings and 1 <= firings.count("first") <= 2  # twice at most: the handlers claim their work


@pytest.mark.postgres
async def test_a_round_stuck_on_a_silent_database_at_shutdown_hands_out_no_timer(
    postgres_database_url: str, tmp_path: Path
) -> None:
    """The scheduler's thread is left behind at shutdown, waiting on the database; when the answer comes,
    the due timer is not handed to the app that is gone (and deleted), it stays for the next start."""
    log_file = tmp_path / "firings.log"
    address = make_url(postgres_database_url)
    proxy = ThreadedTcpProxy(address.host or "127.0.0.1", address.port or 5432)
    try:
        scheduler = create_scheduler(proxy.url_for(postgres_database_url))
        await start_scheduler(scheduler, paused=True)
        scheduler.add_job(record_firing, "date", run_date=datetime.now(timezone.utc) - timedelta(seconds=1),
                          args=[str(log_file), "page-timeout"], id="due-in-the-partition")
        await proxy.freeze()
        scheduler.resume()  # its thread now waits for the due jobs
        await asyncio.sleep(0.5)

        assert not await stop_scheduler(scheduler, wait_seconds=1)  # stuck: left behind
        await proxy.thaw()
        await asyncio.sleep(2)  # the stuck round gets its answer
    finally:
        proxy.close()

    assert not log_file.exists()
    assert await _firings_after_restart(postgres_database_url, log_file, seconds=1.5) == ["page-timeout"]
