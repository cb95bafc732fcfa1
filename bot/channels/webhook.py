"""Pages to an SMS or voice gateway: a signed JSON POST, retried briefly when the gateway stumbles.

5xx, 408, 429, timeouts and connection errors are retried a few times with backoff and jitter
(honouring a short Retry-After); any other answer is final. Every attempt is signed afresh with
its own timestamp; the delivery id stays the same, so the gateway can drop a repeat.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import uuid
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

import aiohttp

from bot.channels.signing import DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from bot.channels.wording import short_text
from bot.config.out_of_band import WebhookSettings
from bot.services.clock import Clock
from bot.services.out_of_band import OutOfBandPage

log = logging.getLogger(__name__)
ATTEMPTS = 3
ATTEMPT_TIMEOUT = 10.0  # seconds for one POST, connect included
FIRST_BACKOFF = 0.5  # seconds; doubles per attempt, times a jitter factor of 0.5-1.5
MAX_WAIT = 10.0  # a longer Retry-After is not honoured: the page chain cannot wait that long
_RETRY_STATUSES = frozenset({408, 429})

Sleep = Callable[[float], Awaitable[None]]


class _Answer(Enum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    RETRY = "retry"


class WebhookChannel:
    """POSTs the page as JSON to PAGE_WEBHOOK_URL over a session the caller owns."""

    name = "webhook"

    def __init__(
        self, settings: WebhookSettings, session: aiohttp.ClientSession, clock: Clock, *,
        attempts: int = ATTEMPTS, timeout: float = ATTEMPT_TIMEOUT, sleep: Sleep = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
    ):
        self._settings, self._session, self._clock = settings, session, clock
        self._attempts, self._timeout, self._sleep, self._jitter = attempts, timeout, sleep, jitter

    async def send(self, page: OutOfBandPage) -> bool:
        delivery = uuid.uuid4().hex
        body = json.dumps(payload(page, delivery), ensure_ascii=False).encode("utf-8")
        for attempt in range(1, self._attempts + 1):
            answer, retry_after = await self._post(body, delivery)
            if answer is not _Answer.RETRY:
                return answer is _Answer.ACCEPTED
            if attempt < self._attempts:
                await self._sleep(self._wait(attempt, retry_after))
        log.warning("webhook gave up on %s after %d attempts", page.ticket_number, self._attempts)
        return False

    async def _post(self, body: bytes, delivery: str) -> tuple[_Answer, float | None]:
        timestamp = str(int(self._clock.now().timestamp()))
        headers = {
            "Content-Type": "application/json; charset=utf-8", TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: sign(self._settings.secret, timestamp, body), DELIVERY_HEADER: delivery,
        }
        try:
            async with self._session.post(
                self._settings.url, data=body, headers=headers, allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=self._timeout),
            ) as response:
                return _judge(response.status), _retry_after(response.headers.get("Retry-After"))
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError, TimeoutError) as error:
            log.warning("webhook attempt failed: %s", type(error).__name__)
            return _Answer.RETRY, None

    def _wait(self, attempt: int, retry_after: float | None) -> float:
        backoff = FIRST_BACKOFF * 2 ** (attempt - 1) * (0.5 + self._jitter())
        return min(max(backoff, retry_after or 0.0), MAX_WAIT)


def payload(page: OutOfBandPage, delivery: str) -> dict[str, Any]:
    """The JSON the gateway receives; `text` is ready to send as an SMS or read out."""
    return {
        "event": "emergency_page",
        "version": 1,
        "delivery_id": delivery,
        "ticket": {
            "number": page.ticket_number, "organisation": page.organisation,
            "reporter": page.reporter, "description": page.description,
        },
        "staff": {
            "object_id": page.staff_object_id, "name": page.staff_name,
            "email": page.staff_email, "phone": page.staff_phone,
        },
        "language": page.language,
        "reason": page.reason.value,
        "acknowledge_url": page.acknowledge_url,
        "text": short_text(page),
    }


def _judge(status: int) -> _Answer:
    if 200 <= status < 300:
        return _Answer.ACCEPTED
    if status >= 500 or status in _RETRY_STATUSES:
        log.warning("webhook answered %d: retrying", status)
        return _Answer.RETRY
    log.error("webhook refused the page with %d: not retried", status)
    return _Answer.REFUSED


def _retry_after(raw: str | None) -> float | None:
    """Only the seconds form; an HTTP date is ignored (our backoff applies)."""
    return float(raw) if raw and raw.strip().isdigit() else None
