"""Pages to an SMS or voice gateway: a local receiver that checks the signature as docs/paging.md says."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.channels import signing
from bot.channels.webhook import WebhookChannel
from bot.config.out_of_band import WebhookSettings
from fakes.clock import FakeClock, amsterdam
from fakes.out_of_band import WEBHOOK_SECRET, free_port, make_page

NOW = amsterdam(2026, 11, 28, 3, 20)


class Gateway:
    """Answers with the next scripted status ("hang" waits forever); records the verified requests."""

    def __init__(self, *answers: int | str):
        self.answers, self.received, self.forged = list(answers), [], 0

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        timestamp = request.headers["X-Supportbot-Timestamp"]
        expected = "sha256=" + hmac.new(WEBHOOK_SECRET.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers["X-Supportbot-Signature"]):
            self.forged += 1
            return web.Response(status=401)
        self.received.append((dict(request.headers), json.loads(body)))
        answer = self.answers.pop(0) if self.answers else 200
        if answer == "hang":
            await asyncio.Event().wait()
        headers = {"Retry-After": "3"} if answer == 429 else {}
        return web.Response(status=int(answer), headers=headers)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/pages", self.handle)
        return app


class Waits:
    """A sleep that only records: retries are checked without waiting."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


@pytest.fixture
def waits() -> Waits:
    return Waits()


@pytest.fixture
def start(aiohttp_server, session, waits):
    async def started(gateway: Gateway, **options: Any) -> WebhookChannel:
        server = await aiohttp_server(gateway.app())
        settings = WebhookSettings(url=str(server.make_url("/pages")), secret=WEBHOOK_SECRET)
        return WebhookChannel(settings, session, FakeClock(NOW), sleep=waits, jitter=lambda: 0.5, **options)

    return started


async def test_the_gateway_receives_a_signed_page_with_the_number_to_text_and_the_link(start):
    gateway = Gateway(200)
    assert await (await start(gateway)).send(make_page())

    [(headers, body)] = gateway.received
    assert gateway.forged == 0
    assert headers["X-Supportbot-Timestamp"] == str(int(NOW.timestamp()))
    assert body["ticket"] == {
        "number": "T-2026-0042", "organisation": "Bakkerij de Vries B.V.", "reporter": "Petra de Vries",
        "description": "Niemand kan inloggen, de hele bakkerij ligt stil",
    }
    assert body["staff"]["phone"] == "+31 6 0000 0001" and body["staff"]["name"] == "Anna Bakker"
    assert body["acknowledge_url"] == "https://bot.example.nl/ack/token123"
    assert body["text"].startswith("Noodgeval T-2026-0042 bij Bakkerij de Vries B.V.: Niemand kan inloggen")
    assert body["text"].endswith("Bevestig het hier: https://bot.example.nl/ack/token123")
    assert body["reason"] == "teams_unreachable" and body["language"] == "nl"
    assert headers["X-Supportbot-Delivery"] == body["delivery_id"]


async def test_5xx_and_a_hang_are_retried_with_growing_waits_and_the_same_delivery_id(start, waits):
    gateway = Gateway(503, "hang", 200)
    assert await (await start(gateway, attempts=3, timeout=0.2)).send(make_page())

    assert len(gateway.received) == 3
    assert len({body["delivery_id"] for _, body in gateway.received}) == 1
    assert waits.seconds == [0.5, 1.0]  # 0.5 s doubling, jitter factor 1.0 here


async def test_429_waits_as_long_as_retry_after_says(start, waits):
    gateway = Gateway(429, 200)
    assert await (await start(gateway)).send(make_page())
    assert waits.seconds == [3.0]


async def test_a_4xx_refusal_is_final(start, waits):
    gateway = Gateway(422, 200)
    assert not await (await start(gateway)).send(make_page())
    assert len(gateway.received) == 1 and waits.seconds == []


async def test_a_gateway_that_keeps_failing_is_given_up_after_the_attempts(start):
    gateway = Gateway(500, 502, 503, 200)
    assert not await (await start(gateway, attempts=3)).send(make_page())
    assert len(gateway.received) == 3


async def test_a_gateway_that_is_down_is_retried_then_given_up(session, waits):
    settings = WebhookSettings(url=f"http://127.0.0.1:{free_port()}/pages", secret=WEBHOOK_SECRET)
    channel = WebhookChannel(settings, session, FakeClock(NOW), sleep=waits, attempts=3)
    assert not await channel.send(make_page())
    assert len(waits.seconds) == 2


def test_the_reference_check_accepts_a_genuine_request_and_refuses_a_changed_or_replayed_one():
    body, stamp = b'{"event":"emergency_page"}', "1795000000"
    signature = signing.sign(WEBHOOK_SECRET, stamp, body)
    assert signing.verify(WEBHOOK_SECRET, stamp, body, signature, now=1795000010)
    assert not signing.verify(WEBHOOK_SECRET, stamp, body + b" ", signature, now=1795000010)
    assert not signing.verify("x" * 40, stamp, body, signature, now=1795000010)
    assert not signing.verify(WEBHOOK_SECRET, "1795000001", body, signature, now=1795000010)
    assert not signing.verify(WEBHOOK_SECRET, stamp, body, signature, now=1795000000 + 301)  # a replay later
