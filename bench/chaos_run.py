"""One chaos run: replicas of the real app, customers and an on-call engineer, faults, then the figures.

Black box on purpose: processes, HTTP and the database only, so it measures whatever core is in app.py.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy.engine import make_url

from bench.chaos_figures import Figures, content_of, inbound_activity_ids, tally
from bench.chaos_journal import logged_errors, write_journal
from bench.chaos_monkey import FaultMix, Monkey
from bench.chaos_traffic import Channel, OnCall, answers_to, customer, script_for, wait_for_reply
from fakes import activities
from fakes.chaos_config import chaos_customers, chaos_operator_config, write_chaos_config
from fakes.faulty_connector import FaultyConnector
from fakes.people import ANNA
from fakes.replicas import Replica, start_until_healthy
from fakes.tcp_proxy import LOOPBACK, TcpProxy


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
    """The figures, and how much chaos there was (so a run without faults cannot pass for a proof)."""

    figures: Figures
    kills: int
    outages: int
    connector_faults: int
    errors_logged: int
    seconds: float


@dataclass
class Rig:
    """Everything a run drives: the fake connector, the outage proxy (PostgreSQL only), the replicas,
    the channel that posts to them and the on-call engineer."""

    connector: FaultyConnector
    proxy: TcpProxy | None
    replicas: list[Replica]
    session: aiohttp.ClientSession
    channel: Channel
    on_call: OnCall
    database_url: str


@asynccontextmanager
async def rig(plan: ChaosPlan, database_url: str, workdir: Path, rng: random.Random,
              say: Callable[[str], None] = print) -> AsyncIterator[Rig]:
    """Start the connector, the proxy and the replicas (healthy), and let the on-call engineer say hello."""
    started = time.monotonic()
    async with AsyncExitStack() as stack:
        connector = await _start_connector(stack)
        proxy = await _start_proxy(stack, database_url) if _is_postgres(database_url) else None
        replicas = _replicas(plan, proxy.url_for(database_url) if proxy else database_url, workdir)
        stack.push_async_callback(_stop_all, replicas)
        session = await stack.enter_async_context(aiohttp.ClientSession())
        for replica in replicas:  # one after the other: the first one migrates the schema
            await start_until_healthy(replica, session, within=180)
        say(f"{len(replicas)} replica(s) up after {time.monotonic() - started:.0f} s; logs in {workdir}")
        channel = Channel(session, replicas, rng)
        await _on_call_says_hello(channel, connector)
        yield Rig(connector, proxy, replicas, session, channel, OnCall(channel, connector), database_url)


async def run_chaos(plan: ChaosPlan, database_url: str, workdir: Path,
                    say: Callable[[str], None] = print) -> ChaosResult:
    """Run `plan` against `database_url` (PostgreSQL: through an outage proxy; SQLite: no outage)."""
    started, rng = time.monotonic(), random.Random(plan.seed)
    async with rig(plan, database_url, workdir, rng, say) as r:
        monkey = Monkey(plan.faults, r.replicas, r.session, r.connector, r.proxy, rng, say)
        stop = asyncio.Event()
        on_call_task = asyncio.create_task(r.on_call.run(stop))
        await asyncio.gather(monkey.run(plan.traffic_seconds), *_customers(plan, r.channel, r.connector, rng))
        faults_end = time.monotonic()
        allowed = plan.ack_minutes * 60 + 60.0
        say(f"faults over after {faults_end - started:.0f} s; waiting up to {allowed:.0f} s for quiescence")
        await wait_quiet(r, deadline=faults_end + allowed)
        await asyncio.sleep(plan.settle_seconds)
        stop.set()
        await on_call_task
        transcript = await inbound_activity_ids(r.database_url)
        figures = tally(r.channel.deliveries, r.on_call.pages(), r.connector, transcript,
                        deadline=faults_end + allowed, allowed_after_faults_s=allowed)
        figures.pages_to_others = len(r.on_call.pages_to_others())
        write_journal(workdir / "journal.txt", r, started, transcript)
        errors = len(logged_errors(r.replicas))
        return ChaosResult(figures, monkey.kills, monkey.outages, len(r.connector.failed_attempts()), errors,
                           time.monotonic() - started)


def _is_postgres(database_url: str) -> bool:
    return make_url(database_url).drivername.startswith("postgres")


async def _start_connector(stack: AsyncExitStack) -> FaultyConnector:
    connector = FaultyConnector()
    runner = web.AppRunner(connector.app(), access_log=None, shutdown_timeout=1.0)  # hangs end here
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


def _customers(plan: ChaosPlan, channel: Channel, connector: FaultyConnector,
               rng: random.Random) -> list[Coroutine[Any, Any, None]]:
    people = chaos_customers(plan.customers)
    emergencies = set(rng.sample(range(len(people)), k=round(plan.emergency_share * len(people))))
    return [
        customer(channel, connector, who, script_for(rng, n in emergencies),
                 start_after=rng.uniform(0.0, 0.6 * plan.traffic_seconds))
        for n, who in enumerate(people)
    ]


async def wait_quiet(r: Rig, *, deadline: float) -> None:
    """Until every accepted message is answered and stored and every accepted emergency paged, or the deadline."""
    while time.monotonic() < deadline:
        accepted = [d for d in r.channel.deliveries if d.accepted_at and not d.staff]
        pages = " ".join(content_of(p) for p, _ in r.on_call.pages())
        unpaged = [d for d in accepted if d.emergency and d.who not in pages]
        unanswered = [d for d in accepted if not answers_to(r.connector, d.activity_id)]
        if not unpaged and not unanswered:
            stored = await inbound_activity_ids(r.database_url)
            if all(d.activity_id in stored for d in accepted):
                return
        await asyncio.sleep(2.0)
