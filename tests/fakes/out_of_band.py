"""Helpers of the out-of-band tests: secrets, a recording SMTP handler, a free port, a page."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.smtp import AuthResult, LoginPassword

from bot.services.out_of_band import OutOfBandPage, OutOfBandReason

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


def make_page(**changes: Any) -> OutOfBandPage:
    values: dict[str, Any] = dict(
        ticket_number="T-2026-0042", organisation="Bakkerij de Vries B.V.", reporter="Petra de Vries",
        description="Niemand kan inloggen, de hele bakkerij ligt stil", staff_object_id="aaaaaaaa-0000-4000-8000-000000000001",
        staff_name="Anna Bakker", staff_email="anna.bakker@websitenazorg.nl", language="nl",
        acknowledge_url="https://bot.example.nl/ack/token123", reason=OutOfBandReason.TEAMS_UNREACHABLE,
        staff_phone="+31 6 0000 0001",
    )
    return OutOfBandPage(**{**values, **changes})
