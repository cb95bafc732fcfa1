"""Fixtures of the out-of-band tests: a real local SMTP server, pages, and the bot with ack links."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiohttp.test_utils import TestClient
from aiosmtpd.controller import Controller

from app import create_app
from bot.config.settings import load_settings
from fakes.clock import FakeClock, amsterdam
from fakes.connector import FakeConnector, serve
from fakes.operator_config import OPERATOR_CONFIG
from fakes.out_of_band import ACK_SECRET, Inbox, free_port
from nlu_models import IntentClassifier


@pytest.fixture
def smtp_server() -> Iterator[Inbox]:
    """aiosmtpd on loopback, without TLS (STARTTLS is not offered), login accepted over plain text."""
    inbox = Inbox(port=free_port())
    controller = Controller(
        inbox, hostname="127.0.0.1", port=inbox.port, authenticator=inbox.authenticate, auth_require_tls=False,
    )
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
async def connector(aiohttp_server) -> FakeConnector:
    return await serve(FakeConnector(), aiohttp_server)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(amsterdam(2026, 11, 26, 10, 0))


@pytest.fixture(scope="session")
def classifier() -> IntentClassifier:
    return IntentClassifier.load()


@pytest.fixture
def make_bot(database_url: str, aiohttp_client, clock: FakeClock, classifier: IntentClassifier):
    """The real app (create_app) with acknowledge links on, once per database backend."""

    async def start(**overrides: str) -> TestClient:
        environment = {
            "SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": database_url,
            "PUBLIC_URL": "http://127.0.0.1:3978", "ACK_LINK_SECRET": ACK_SECRET, **overrides,
        }
        app = create_app(load_settings(environment), clock=clock, classifier=classifier, fire_timers=False)
        return await aiohttp_client(app)

    return start
