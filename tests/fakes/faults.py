"""What a fault-injecting Bot Connector does instead of accepting a request: the fault plan.

Teams answers a busy bot with 429 and Retry-After, has bad minutes (500, 503, 412 on a
conversation being written to), drops connections, hangs, and answers 403/404/400 for good when
a stored conversation went stale (the bot was removed, or the tenant's service URL moved).
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["send", "create", "member"]
"""A send to a conversation, opening a conversation (POST /v3/conversations), a member look-up."""

_ERROR_CODES = {400: "BadArgument", 403: "Forbidden", 404: "ConversationNotFound", 412: "PreconditionFailed",
                429: "Throttled", 500: "InternalServerError", 503: "ServiceUnavailable"}


@dataclass(frozen=True)
class Fault:
    """Hang for `hang` seconds first (if any), then answer `status` or, without one, reset the connection;
    or, with `accept`, handle the request normally after the wait (a slow connector)."""

    status: int | None = None
    retry_after: int | None = None
    hang: float = 0.0
    accept: bool = False

    @property
    def label(self) -> str:
        answer = "accepted" if self.accept else str(self.status) if self.status else "reset"
        return f"hang {self.hang:g}s, {answer}" if self.hang else answer

    @property
    def error_code(self) -> str:
        return _ERROR_CODES.get(self.status or 0, "Error")


def throttled(retry_after: int = 1) -> Fault:
    return Fault(429, retry_after=retry_after)


def unavailable() -> Fault:
    return Fault(503)


def server_error() -> Fault:
    return Fault(500)


def precondition_failed() -> Fault:
    return Fault(412)


def reset() -> Fault:
    return Fault()


def hang(seconds: float, then: Fault | None = None) -> Fault:
    """A request that gets no answer for `seconds`, then `then` (a reset by default): never accepted."""
    then = then or reset()
    return Fault(then.status, then.retry_after, hang=seconds)


def slow(seconds: float) -> Fault:
    """A request that is accepted, but only after `seconds`: a slow connector, not a failing one."""
    return Fault(hang=seconds, accept=True)


@dataclass
class _Queued:
    fault: Fault
    kind: Kind | None
    conversation_id: str | None

    def matches(self, kind: Kind, conversation_id: str | None) -> bool:
        return (self.kind is None or self.kind == kind) and (
            self.conversation_id is None or self.conversation_id == conversation_id
        )


@dataclass
class FaultPlan:
    """Which requests fail and how: queued faults first, then stale conversations, then random faults."""

    _queue: deque[_Queued] = field(default_factory=deque)
    _stale: dict[str, int] = field(default_factory=dict)
    _random_rate: float = 0.0
    _random_faults: tuple[Fault, ...] = ()
    _rng: random.Random = field(default_factory=random.Random)

    def next(self, count: int, fault: Fault, *, kind: Kind | None = "send", conversation_id: str | None = None) -> None:
        """The next `count` matching requests (of `kind`, in `conversation_id`; None: any) get `fault`."""
        self._queue.extend(_Queued(fault, kind, conversation_id) for _ in range(count))

    def stale(self, conversation_id: str, status: int = 403) -> None:
        """Every request in `conversation_id` is answered `status` from now on (403, 404 or 400)."""
        self._stale[conversation_id] = status

    def heal(self, conversation_id: str) -> None:
        self._stale.pop(conversation_id, None)

    def at_random(self, rate: float, faults: tuple[Fault, ...], *, seed: int | None = None) -> None:
        """Each request fails with probability `rate`, with one of `faults` picked at random."""
        if not 0.0 <= rate <= 1.0 or (rate and not faults):
            raise ValueError("rate must be within 0..1 and needs at least one fault")
        self._random_rate, self._random_faults = rate, faults
        if seed is not None:
            self._rng.seed(seed)

    def calm(self) -> None:
        """The faults end: queued and random faults are dropped; stale conversations stay stale."""
        self._queue.clear()
        self._random_rate, self._random_faults = 0.0, ()

    def decide(self, kind: Kind, conversation_id: str | None) -> Fault | None:
        """The fault for this request, or None: the connector handles it normally."""
        for queued in self._queue:
            if queued.matches(kind, conversation_id):
                self._queue.remove(queued)
                return queued.fault
        if kind != "create" and conversation_id in self._stale:
            return Fault(self._stale[conversation_id])
        if self._random_rate and self._rng.random() < self._random_rate:
            return self._rng.choice(self._random_faults)
        return None

    @property
    def pending(self) -> int:
        """Queued faults not yet used."""
        return len(self._queue)
