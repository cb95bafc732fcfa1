"""One chaos run: replicas of the real app, customers and an on-call engineer, faults, then the figures.

Black box on purpose: processes, HTTP and the database only, so it measures whatever core is in app.py.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from aiohttp import web
from sqlalchemy.engine import make_url

from bench.chaos_figures import Figures, inbound_activity_ids, tally
from bench.chaos_monkey import FaultMix, Monkey
from bench.chaos_traffic import Channel, OnCall, customer, replies_to, script_for, wait_for_reply
from fakes import activities
from fakes.chaos_config import chaos_customers, chaos_operator_config, write_chaos_config
from fakes.faulty_connector import FaultyConnector
from fakes.people import ANNA
from fakes.replicas import Replica, start_until_healthy
from fakes.tcp_proxy import LOOPBACK, TcpProxy

_ERROR_LINE = re.compile(r"\b(ERROR|CRITICAL)\b|^Traceback")


@dataclass(frozen=True)
class ChaosPlan:
    """The size and the hardness of a run; the defaults are the bench's long run."""

    customers: int = 30
    emergency_share: float = 0.5
    replicas: int = 2
    traffic_seconds: float = 90.0
    faults: FaultMix = FaultMix(kills=4, outage_seconds=20.0, fault_rate=0.1, hang_seconds=20.0, throttle_burst=9)
    ack_minutes: int = 1
    settle_seconds: float = 10.0
    seed: int = 1


@dataclass
class ChaosResult:
    figures: Figures
    kills: int
    outages: int
    connector_faults: int
    errors_logged: int
    seconds: float


async def run_chaos(plan: ChaosPlan, database_url: str, workdir: Path, say=print) -> ChaosResult:
    """Run `plan` against `database_url` (PostgreSQL: through an outage proxy; SQLite: no outage)."""
    started, rng = time.monotonic(), random.Random(plan.seed)
    async with AsyncExitStack() as stack:
        connector = await _start_connector(stack)
        proxy = await _start_proxy(stack, database_url) if _is_postgres(database_url) else None
        replicas = _replicas(plan, proxy.url_for(database_url) if proxy else database_url, workdir)
        stack.push_async_callback(_stop_all, replicas)
        session = await stack.enter_async_context(aiohttp.ClientSession())
        for replica in replicas:  # one after the other: the first one migrates the schema
            await start_until_healthy(replica, session, within=180)
        say(f"{len(replicas)} replicas up after {time.monotonic() - started:.0f} s; logs in {workdir}")
        channel, monkey = Channel(session, replicas, rng), Monkey(
            plan.faults, replicas, session, connector, proxy, rng, say)
        on_call, stop = OnCall(channel, connector), asyncio.Event()
        await _on_call_says_hello(channel, connector)
        on_call_task = asyncio.create_task(on_call.run(stop))
        await asyncio.gather(monkey.run(plan.traffic_seconds), *_customers(plan, channel, connector, rng))
        faults_end = time.monotonic()
        allowed = plan.ack_minutes * 60 + 60.0
        say(f"faults over after {faults_end - started:.0f} s; waiting up to {allowed:.0f} s for quiescence")
        await _wait_quiet(channel, on_call, connector, database_url, deadline=faults_end + allowed)
        await asyncio.sleep(plan.settle_seconds)
        stop.set()
        await on_call_task
        transcript = await inbound_activity_ids(database_url)
        figures = tally(channel.deliveries, on_call.pages(), connector, transcript,
                        deadline=faults_end + allowed, allowed_after_faults_s=allowed)
        _write_journal(workdir / "journal.txt", channel, connector, transcript, started)
        errors = sum(bool(_ERROR_LINE.search(line)) for r in replicas for line in r.logs().splitlines())
        return ChaosResult(figures, monkey.kills, monkey.outages, len(connector.failed_attempts()), errors,
                           time.monotonic() - started)


def _is_postgres(database_url: str) -> bool:
    return make_url(database_url).drivername.startswith("postgres")


async def _start_connector(stack: AsyncExitStack) -> FaultyConnector:
    connector = FaultyConnector()
    runner = web.AppRunner(connector.app(), access_log=None)
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    site = web.TCPSite(runner, LOOPBACK, 0)
    await site.start()
    port = runner.addresses[0][1]
    connector.url = f"http://{LOOPBACK}:{port}/"
    return connector


async def _start_proxy(stack: AsyncExitStack, database_url: str) -> TcpProxy:
    url = make_url(database_url)
    proxy = await TcpProxy(url.host or LOOPBACK, url.port or 5432).start()
    stack.push_async_callback(proxy.close)
    return proxy


def _replicas(plan: ChaosPlan, bot_database_url: str, workdir: Path) -> list[Replica]:
    customers = chaos_customers(plan.customers)
    config = chaos_operator_config(customers, datetime.now(UTC), acknowledge_minutes=plan.ack_minutes)
    path = write_chaos_config(workdir / "operator.yaml", config)
    env = {"DATABASE_URL": bot_database_url, "SUPPORTBOT_CONFIG": str(path), "LOG_LEVEL": "INFO"}
    return [Replica(f"replica-{chr(ord('a') + n)}", env=env, workdir=workdir) for n in range(plan.replicas)]


async def _stop_all(replicas: list[Replica]) -> None:
    await asyncio.gather(*(asyncio.to_thread(r.stop) for r in replicas))


async def _on_call_says_hello(channel: Channel, connector: FaultyConnector) -> None:
    """Before the faults: the on-call engineer's 1:1 chat is stored, as in production."""
    delivery = await channel.deliver(activities.message(ANNA, connector.url, "hallo"), who=ANNA.name, staff=True)
    if not (delivery.accepted_at and await wait_for_reply(connector, delivery.activity_id, 30.0)):
        raise RuntimeError(f"the bot did not answer the on-call engineer's hello: {delivery.outcomes}")


def _customers(plan: ChaosPlan, channel: Channel, connector: FaultyConnector, rng: random.Random) -> list:
    people = chaos_customers(plan.customers)
    emergencies = set(rng.sample(range(len(people)), k=round(plan.emergency_share * len(people))))
    return [
        customer(channel, connector, who, script_for(rng, n in emergencies),
                 start_after=rng.uniform(0.0, 0.6 * plan.traffic_seconds))
        for n, who in enumerate(people)
    ]


async def _wait_quiet(channel: Channel, on_call: OnCall, connector: FaultyConnector, database_url: str,
                      *, deadline: float) -> None:
    """Until every accepted message is answered and stored and every accepted emergency paged, or the deadline."""
    while time.monotonic() < deadline:
        accepted = [d for d in channel.deliveries if d.accepted_at and not d.staff]
        pages = " ".join(p.text for p, _ in on_call.pages())
        unpaged = [d for d in accepted if d.emergency and d.who not in pages]
        unanswered = [d for d in accepted if not replies_to(connector, d.activity_id)]
        if not unpaged and not unanswered:
            stored = await inbound_activity_ids(database_url)
            if all(d.activity_id in stored for d in accepted):
                return
        await asyncio.sleep(2.0)


def _write_journal(path: Path, channel: Channel, connector: FaultyConnector, transcript: set[str],
                   started: float) -> None:
    """Per message: the channel's tries, whether it was stored, and the answers the connector accepted."""
    lines = []
    for d in channel.deliveries:
        accepted = f"{d.accepted_at - started:.1f}s" if d.accepted_at else "never"
        lines.append(f"[{d.first_try - started:6.1f}s] {d.who} {'EMERGENCY ' if d.emergency else ''}{d.text!r}: "
                     f"tries {d.outcomes}, accepted {accepted}, stored {d.activity_id in transcript}")
        lines += [f"      -> {s.text[:100]!r}" for s in replies_to(connector, d.activity_id)]
    lines.append("\nconnector requests that failed:")
    lines += [f"[{a.at - started:6.1f}s] {a.kind} {a.conversation_id} {a.outcome}" for a in connector.failed_attempts()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
