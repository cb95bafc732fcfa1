"""The faults of a chaos run, at random moments of the traffic window: kill -9 and restart a replica,
a database outage through the proxy, connector faults (429 with Retry-After, 503, resets, hangs) and
a burst of 429s on the on-call engineer's chat.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiohttp

from fakes import faults
from fakes.faulty_connector import FaultyConnector
from fakes.people import ANNA
from fakes.replicas import Replica, start_until_healthy
from fakes.tcp_proxy import TcpProxy

RESTART_WITHIN_S = 180.0


@dataclass(frozen=True)
class FaultMix:
    """How hard the run is: kills, outage length (0: none), share of connector requests that fail, hang length."""

    kills: int
    outage_seconds: float
    fault_rate: float
    hang_seconds: float
    throttle_burst: int


class Monkey:
    """Schedules every fault within a window and returns once the last one is over (replicas healthy again)."""

    def __init__(self, mix: FaultMix, replicas: list[Replica], session: aiohttp.ClientSession,
                 connector: FaultyConnector, proxy: TcpProxy | None, rng: random.Random,
                 say: Callable[[str], None]):
        self.mix, self.replicas, self.session = mix, replicas, session
        self.connector, self.proxy, self.rng, self.say = connector, proxy, rng, say
        self.kills = 0
        self.outages = 0
        self._restarting: set[str] = set()
        self._started = self._ends = 0.0

    async def run(self, window: float) -> None:
        self._started = time.monotonic()
        self._ends = self._started + window
        self._connector_faults()
        slot = 0.7 / max(1, self.mix.kills)  # kills spread over the window, one per slot
        events: list[tuple[float, Callable[[], Awaitable[None]]]] = [
            ((0.15 + slot * (n + self.rng.uniform(0.1, 0.9))) * window, self._kill_one) for n in range(self.mix.kills)
        ]
        if self.mix.throttle_burst:
            events.append((self.rng.uniform(0.1, 0.7) * window, self._throttle_on_call))
        if self.proxy is not None and self.mix.outage_seconds > 0:
            events.append((self.rng.uniform(0.25, 0.5) * window, self._outage))
        pending = [asyncio.create_task(self._at(at, action)) for at, action in sorted(events, key=lambda e: e[0])]
        pending.append(asyncio.create_task(asyncio.sleep(window)))
        await asyncio.gather(*pending)
        self.connector.plan.calm()

    def _connector_faults(self) -> None:
        mix = (faults.throttled(1), faults.throttled(2), faults.unavailable(), faults.reset(),
               faults.hang(self.mix.hang_seconds))
        self.connector.plan.at_random(self.mix.fault_rate, mix, seed=self.rng.randrange(1 << 30))

    async def _at(self, at: float, action: Callable[[], Awaitable[None]]) -> None:
        await asyncio.sleep(max(0.0, self._started + at - time.monotonic()))
        await action()

    async def _kill_one(self) -> None:
        """kill -9 one replica once no other is restarting, then start it again."""
        while self._restarting:  # one replica down at a time: wait for the last restart, within the window
            if time.monotonic() > self._ends:
                self.say(f"{self._now()} skip a kill: {', '.join(self._restarting)} is still restarting")
                return
            await asyncio.sleep(0.5)
        victim = self.rng.choice(self.replicas)
        self._restarting.add(victim.name)
        try:
            victim.kill()
            self.kills += 1
            self.say(f"{self._now()} kill -9 {victim.name}")
            await asyncio.sleep(self.rng.uniform(0.5, 3.0))
            tries = await start_until_healthy(victim, self.session, within=RESTART_WITHIN_S)
            self.say(f"{self._now()} {victim.name} healthy again ({tries} start(s))")
        finally:
            self._restarting.discard(victim.name)

    async def _outage(self) -> None:
        assert self.proxy is not None
        self.say(f"{self._now()} database outage for {self.mix.outage_seconds:g} s")
        self.outages += 1
        await self.proxy.outage(self.mix.outage_seconds)
        self.say(f"{self._now()} database back")

    async def _throttle_on_call(self) -> None:
        self.say(f"{self._now()} {self.mix.throttle_burst} x 429 on the on-call engineer's chat")
        self.connector.plan.next(self.mix.throttle_burst, faults.throttled(1), conversation_id=ANNA.conversation_id)

    def _now(self) -> str:
        return f"[{time.monotonic() - self._started:6.1f} s]"
