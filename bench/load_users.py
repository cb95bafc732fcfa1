"""The closed loop: N Teams users, each posting a customer message and waiting for the bot's reply.

Each user is a stream of customers: one person in a 1:1 chat of their own writes a few messages
(drawn from the NLU training data, in their own language) and is then followed by the next
person. That keeps every chat within Teams' per-chat rate limits (7 a second, 8 in 2 s), so the
run measures the bot rather than the limiter, and the number of chats grows with the turns, as
it does when an outage makes every customer write. A turn counts from the POST until the bot
answered it over HTTP *and* its reply reached the (fake) connector: what the customer waits for.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from fakes.activities import TeamsUser, message
from fakes.connector import FakeConnector

TRAINING_DATA = Path(__file__).resolve().parents[1] / "nlu_models" / "data" / "train.jsonl"
LOCALES = {"nl": "nl-NL", "en": "en-US"}
REPLY_TIMEOUT_SECONDS = 20.0  # beyond Teams' 15 s redelivery: a reply this late is an error


class MessageMix:
    """Customer messages of the training data, by language, drawn with a seeded generator."""

    def __init__(self, seed: int, path: Path = TRAINING_DATA):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        self._by_language: dict[str, list[str]] = {}
        for row in rows:
            self._by_language.setdefault(row["language"], []).append(row["text"])
        self._languages = [row["language"] for row in rows]  # a person's language, in the data's proportion
        self._random = random.Random(seed)

    def language(self) -> str:
        return self._random.choice(self._languages)

    def text(self, language: str) -> str:
        return self._random.choice(self._by_language[language])


@dataclass
class CountingConnector(FakeConnector):
    """The tests' fake connector, counting messages per chat instead of keeping them (a long run sends
    hundreds of thousands), so a user can wait for the reply to its own message."""

    received: Counter[str] = field(default_factory=Counter)
    total: int = 0
    _waiters: dict[str, asyncio.Event] = field(default_factory=dict)

    def _record(self, request: Any, conversation_id: str, body: dict[str, Any]) -> None:
        if body.get("type") != "message":
            return
        self.received[conversation_id] += 1
        self.total += 1
        waiter = self._waiters.get(conversation_id)
        if waiter is not None:
            waiter.set()

    async def reply_after(self, conversation_id: str, seen: int, timeout: float) -> bool:
        """True once the chat has received more than `seen` messages; False after `timeout`."""
        waiter = self._waiters.setdefault(conversation_id, asyncio.Event())
        deadline = time.monotonic() + timeout
        try:
            while self.received[conversation_id] <= seen:
                waiter.clear()
                await asyncio.wait_for(waiter.wait(), max(deadline - time.monotonic(), 0.0))
            return True
        except asyncio.TimeoutError:
            return False
        finally:
            self._waiters.pop(conversation_id, None)

    def forget(self, conversation_id: str) -> None:
        self.received.pop(conversation_id, None)


@dataclass
class Recorder:
    """Turns finished inside the measuring window: latencies, statuses, what went wrong."""

    measuring: bool = False
    latencies: list[float] = field(default_factory=list)  # until answered and replied to
    answers: list[float] = field(default_factory=list)  # until the HTTP answer alone
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    turns_total: int = 0

    def record(self, seconds: float, answered: float, status: int, replied: bool) -> None:
        self.turns_total += 1
        if not self.measuring:
            return
        self.latencies.append(seconds)
        self.answers.append(answered)
        self.statuses[status] += 1
        if status not in (200, 201):
            self.errors[f"HTTP {status}" if status else "no answer"] += 1
        elif not replied:
            self.errors["no reply"] += 1


@dataclass
class Traffic:
    """What every user shares: where to post, how to sign, what to say, who they are."""

    bot_urls: list[str]
    connector: CountingConnector
    mix: MessageMix
    tenants: list[str]
    turns_per_person: int
    authorization: str | None = None
    run_tag: str = "b0000000"
    _people: itertools.count = field(default_factory=lambda: itertools.count(1))
    _requests: itertools.count = field(default_factory=itertools.count)

    def next_person(self) -> TeamsUser:
        number = next(self._people)
        language = self.mix.language()
        tenant = self.tenants[number % len(self.tenants)]
        return TeamsUser(f"{self.run_tag}-0000-4000-9000-{number:012d}", tenant, f"Klant {number}", LOCALES[language])

    def next_url(self) -> str:
        """Round robin over the replicas, request by request, as a load balancer does."""
        return self.bot_urls[next(self._requests) % len(self.bot_urls)]


async def user_loop(traffic: Traffic, http: aiohttp.ClientSession, recorder: Recorder, stop: Callable[[], bool]) -> None:
    """One closed-loop user: the next message only when the last one was answered."""
    while not stop():
        person = traffic.next_person()
        language = "nl" if person.locale.startswith("nl") else "en"
        for _ in range(traffic.turns_per_person):
            if stop():
                break
            await _turn(traffic, http, recorder, message(person, traffic.connector.url, traffic.mix.text(language)))
        traffic.connector.forget(person.conversation_id)


async def _turn(traffic: Traffic, http: aiohttp.ClientSession, recorder: Recorder, activity: dict[str, Any]) -> None:
    conversation_id = activity["conversation"]["id"]
    seen = traffic.connector.received[conversation_id]
    headers = {"Authorization": traffic.authorization} if traffic.authorization else {}
    started, status, replied = time.perf_counter(), 0, False
    answered = started
    try:
        async with http.post(f"{traffic.next_url()}/api/messages", json=activity, headers=headers) as response:
            await response.read()
            status = response.status
        answered = time.perf_counter()
        if status in (200, 201):
            replied = await traffic.connector.reply_after(conversation_id, seen, REPLY_TIMEOUT_SECONDS)
    except (aiohttp.ClientError, asyncio.TimeoutError):
        status = 0
    recorder.record(time.perf_counter() - started, answered - started, status, replied)
