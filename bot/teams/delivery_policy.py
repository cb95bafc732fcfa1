"""How the outbox sender treats the connector's answers, backs off, and keeps within Teams' rate limits.

Source: Microsoft Teams platform docs, "Optimize your bot with rate limiting in Teams": retry 429
with exponential backoff and random jitter, and retry 412, 502 and 504 too; per bot per thread
(one conversation) at most 7 sends per second, 8 per 2 s, 60 per 30 s and 1800 per hour; per app
per tenant 50 requests per second (a burst from many tenants is not held to one tenant's limit). The exact figures may change, which is why 429 is also honoured.
"""

from __future__ import annotations

import random
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from enum import StrEnum


class Outcome(StrEnum):
    DELIVERED = "delivered"
    TRANSIENT = "transient"  # try again later: throttled, busy, a blip
    GONE = "gone"  # this conversation cannot be written to (removed, blocked, stale service URL)
    REJECTED = "rejected"  # the activity itself is refused; sending it again cannot help


def outcome_of(status: int) -> Outcome:
    """HTTP status of a send -> what to do. 401: our token was refused; a fresh one may work."""
    if 200 <= status < 300:
        return Outcome.DELIVERED
    if status in (401, 408, 412, 429) or status >= 500:
        return Outcome.TRANSIENT
    if status in (400, 403, 404, 410):
        return Outcome.GONE
    return Outcome.REJECTED


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter; `Retry-After` wins when the connector gives one."""

    base_seconds: float = 1.0
    cap_seconds: float = 300.0

    def delay(self, attempt: int, retry_after: float | None = None, rng: random.Random | None = None) -> float:
        """Seconds to wait before attempt number `attempt + 1` (attempt counts from 1)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.cap_seconds)
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** max(attempt - 1, 0))
        return (rng or random).uniform(ceiling / 2, ceiling)


def retry_after_seconds(header: str | None, now: datetime) -> float | None:
    """`Retry-After` as delta-seconds or an HTTP date (RFC 9110 section 10.2.3); None when absent or bad."""
    if not header:
        return None
    header = header.strip()
    if header.isdigit():
        return float(header)
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - now).total_seconds(), 0.0)


PER_CONVERSATION = ((1.0, 7), (2.0, 8), (30.0, 60), (3600.0, 1800))
PER_TENANT = ((1.0, 50),)  # "the global limit per app per tenant"


@dataclass
class SlidingWindows:
    """Send times within the longest window; `wait` says how long until one more send fits every window."""

    windows: tuple[tuple[float, int], ...]
    sent: deque[float] = field(default_factory=deque)

    def wait(self, now: float) -> float:
        longest = max(seconds for seconds, _ in self.windows)
        while self.sent and self.sent[0] <= now - longest:
            self.sent.popleft()
        delay = 0.0
        for seconds, limit in self.windows:
            inside = [t for t in self.sent if t > now - seconds]
            if len(inside) >= limit:
                delay = max(delay, inside[-limit] + seconds - now)
        return delay

    def record(self, now: float) -> None:
        self.sent.append(now)


@dataclass
class RateLimits:
    """Teams' limits, kept per conversation and per tenant (for this app), in this process.

    Conversations are kept in the order they last sent, so forgetting the idle ones looks only at
    the oldest: its cost does not grow with the number of chats a burst brings.
    """

    per_conversation: OrderedDict[str, SlidingWindows] = field(default_factory=OrderedDict)
    per_tenant: dict[str, SlidingWindows] = field(default_factory=dict)

    def wait(self, conversation_id: str, tenant_id: str | None, now: float) -> float:
        lane = self.per_conversation.get(conversation_id)
        tenant = self.per_tenant.get(tenant_id or "")
        return max(lane.wait(now) if lane else 0.0, tenant.wait(now) if tenant else 0.0)

    def record(self, conversation_id: str, tenant_id: str | None, now: float) -> None:
        lane = self.per_conversation.pop(conversation_id, None) or SlidingWindows(PER_CONVERSATION)
        self.per_conversation[conversation_id] = lane  # now the most recent
        lane.record(now)
        self.per_tenant.setdefault(tenant_id or "", SlidingWindows(PER_TENANT)).record(now)

    def forget_idle(self, now: float) -> None:
        """Drop conversations with nothing sent in the last hour (the longest window), oldest first."""
        while self.per_conversation:
            oldest = next(iter(self.per_conversation.values()))
            if oldest.sent and oldest.sent[-1] > now - 3600:
                return
            self.per_conversation.popitem(last=False)


def lease_for(timeout: timedelta) -> timedelta:
    """How long a claimed message stays ours while we keep beating: the send time-out plus room for
    the bookkeeping, and for a short database outage in which the sender keeps trying to record a
    delivery (longer outages in that very moment can double one message). A sender that dies stops
    beating, and its claims are free again within `SenderSettings.silent_sender`."""
    return timeout * 2 + timedelta(seconds=90)
