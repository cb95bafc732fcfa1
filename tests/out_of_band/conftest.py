"""Fixtures of the out-of-band tests: a real local SMTP server, pages, and the bot with ack links."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from app import create_app
from bot.config.settings import load_settings
from bot.services.out_of_band import OutOfBandPage, OutOfBandReason
from fakes.clock import FakeClock, amsterdam
from fakes.connector import FakeConnector
from fakes.operator_config import OPERATOR_CONFIG
from nlu_models import IntentClassifier

SMTP_USER, SMTP_PASSWORD = "supportbot", "relay-password"
ACK_SECRET = "a" * 40
WEBHOOK_SECRET = "w" * 40


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Inbox:
    """What the local SMTP server received: envelope recipients, the parsed mail, who logged in."""

    port: int
    mails: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mail = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.mails.append((list(envelope.rcpt_tos), mail))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (SMTP_USER.encode(), SMTP_PASSWORD.encode())
        if ok:
            self.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


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


def make_page(**changes: Any) -> OutOfBandPage:
    values: dict[str, Any] = dict(
        ticket_number="T-2026-0042", organisation="Bakkerij de Vries B.V.", reporter="Petra de Vries",
        description="Niemand kan inloggen, de hele bakkerij ligt stil", staff_object_id="aaaaaaaa-0000-4000-8000-000000000001",
        staff_name="Anna Bakker", staff_email="anna.bakker@websitenazorg.nl", language="nl",
        acknowledge_url="https://bot.example.nl/ack/token123", reason=OutOfBandReason.TEAMS_UNREACHABLE,
        staff_phone="+31 6 0000 0001",
    )
    return OutOfBandPage(**{**values, **changes})


@pytest.fixture
async def connector(aiohttp_server) -> FakeConnector:
    fake = FakeConnector()
    server = await aiohttp_server(fake.app())
    fake.url = str(server.make_url("")).rstrip("/") + "/"
    return fake


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(amsterdam(2026, 11, 26, 10, 0))


@pytest.fixture(scope="session")
def classifier() -> IntentClassifier:
    return IntentClassifier.load()


@pytest.fixture
def make_bot(aiohttp_client, database_url: str, clock: FakeClock, classifier: IntentClassifier):
    """The real app (create_app) with acknowledge links on, once per database backend."""

    async def start(**overrides: str) -> TestClient:
        environment = {
            "SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": database_url,
            "PUBLIC_BASE_URL": "http://127.0.0.1:3978", "ACK_LINK_SECRET": ACK_SECRET, **overrides,
        }
        app = create_app(load_settings(environment), clock=clock, classifier=classifier, fire_timers=False)
        return await aiohttp_client(app)

    return start
