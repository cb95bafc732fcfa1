"""The night-time promise under faults, proved at HTTP level against real processes (issue 9, part 7).

A bounded version of `make chaos`: two replicas of app.py on PostgreSQL, customers and emergencies sent
to either one, kill -9, connector faults and a database outage; then nothing may be lost or doubled
and every emergency must be paged within the acknowledgement timeout plus 60 s after the faults end.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time

import pytest

from bench.chaos_figures import tally
from bench.chaos_monkey import FaultMix
from bench.chaos_run import ChaosPlan, inbound_activity_ids, rig, run_chaos, wait_quiet, write_journal
from bench.chaos_traffic import EMERGENCIES
from fakes import activities, faults
from fakes.chaos_config import chaos_customers
from fakes.people import ANNA

log = logging.getLogger(__name__)
RESEND_WITHIN_S = 75.0

BOUNDED = ChaosPlan(
    customers=10, traffic_seconds=35.0, ack_minutes=1, settle_seconds=3.0, seed=7,
    faults=FaultMix(kills=2, outage_seconds=8.0, fault_rate=0.15, hang_seconds=8.0, throttle_burst=9),
)


@pytest.mark.postgres
async def test_two_replicas_under_chaos_lose_nothing_and_page_every_emergency_once(postgres_database_url, tmp_path):
    result = await run_chaos(BOUNDED, postgres_database_url, tmp_path, say=log.warning)

    assert result.kills >= 1 and result.outages == 1 and result.connector_faults > 0  # the chaos happened
    figures = result.figures
    assert figures.emergencies_reported >= 3 and figures.messages_sent >= 20
    journal = (tmp_path / "journal.txt").read_text(encoding="utf-8")
    assert figures.misses() == [], "\n".join(figures.lines()) + "\n" + journal


async def test_a_replica_killed_while_handling_an_emergency_pages_once_after_restart(sqlite_database_url, tmp_path):
    plan = ChaosPlan(customers=1, replicas=1, ack_minutes=1)
    [who] = chaos_customers(1)
    started = time.monotonic()
    async with rig(plan, sqlite_database_url, tmp_path, random.Random(3), say=log.warning) as r:
        [replica] = r.replicas
        r.connector.plan.next(1, faults.hang(60.0), conversation_id=ANNA.conversation_id)  # the page gets stuck
        report = activities.message(who.user, r.connector.url, EMERGENCIES[0])
        delivery = asyncio.create_task(r.channel.deliver(report, who=who.organisation, emergency=True))
        await _until(lambda: any("hang" in a.outcome for a in r.connector.attempts), within=30.0)
        # A second later: what was accepted meanwhile is recorded as sent. (A kill between the connector's
        # 2xx and that record is the window of at-least-once delivery; Teams has no idempotent send.)
        await asyncio.sleep(1.0)

        replica.kill()  # mid-turn: the emergency is being handled, its page hangs
        replica.start()
        await delivery  # Teams redelivers the same activity until a replica accepts it
        deadline = time.monotonic() + plan.ack_minutes * 60 + 60
        await wait_quiet(r, deadline=deadline)

        transcript = await inbound_activity_ids(sqlite_database_url)
        figures = tally(r.channel.deliveries, r.on_call.pages(), r.connector, transcript, deadline=deadline,
                        allowed_after_faults_s=plan.ack_minutes * 60 + 60)
        journal = write_journal(tmp_path / "journal.txt", r, started, transcript)
    assert figures.emergencies_reported == 1
    assert figures.misses() == [], "\n".join(figures.lines()) + "\n" + journal


@pytest.mark.postgres
async def test_a_reply_the_connector_accepted_while_the_database_was_away_is_not_sent_again(
    postgres_database_url, tmp_path
):
    plan = ChaosPlan(customers=1, replicas=1)
    [who] = chaos_customers(1)
    chat, started = who.user.conversation_id, time.monotonic()
    async with rig(plan, postgres_database_url, tmp_path, random.Random(5), say=log.warning) as r:
        assert r.proxy is not None
        r.connector.plan.next(1, faults.slow(3.0), conversation_id=chat)  # the welcome is slow to be accepted
        hello = asyncio.create_task(r.channel.deliver(activities.message(who.user, r.connector.url, "hallo"),
                                                      who=who.organisation))
        await _until(lambda: r.connector.in_flight[chat] > 0, within=30.0)
        await r.proxy.cut()  # the database goes while the connector is still taking the welcome
        await _until(lambda: r.connector.texts(chat), within=30.0)
        await asyncio.sleep(5.0)
        await r.proxy.restore()
        await hello
        # Long enough for a claimed message whose sender lost track of it to be sent again.
        await _until_or(lambda: len(r.connector.texts(chat)) > 1, within=RESEND_WITHIN_S)

        transcript = await inbound_activity_ids(postgres_database_url)
        figures = tally(r.channel.deliveries, r.on_call.pages(), r.connector, transcript,
                        deadline=time.monotonic(), allowed_after_faults_s=0.0)
        journal = write_journal(tmp_path / "journal.txt", r, started, transcript)
    assert figures.misses() == [], "\n".join(figures.lines()) + "\n" + journal


async def _until_or(condition, *, within: float) -> None:
    """Wait for something that must not happen; returns when it does, or after `within` seconds."""
    deadline = time.monotonic() + within
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.5)


async def _until(condition, *, within: float) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        await asyncio.sleep(0.1)
