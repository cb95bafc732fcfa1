"""Pages by e-mail, received by a real SMTP server on loopback."""

from __future__ import annotations

import aiosmtplib
import pytest

from bot.channels.mail import MailChannel
from bot.config.out_of_band import SmtpSettings
from fakes.clock import FakeClock, amsterdam
from fakes.out_of_band import SMTP_PASSWORD, SMTP_USER, Inbox, make_page

CLOCK = FakeClock(amsterdam(2026, 11, 28, 3, 20))


def channel(inbox: Inbox, **changes) -> MailChannel:
    settings = dict(host="127.0.0.1", port=inbox.port, sender="bot@websitenazorg.nl", security="none")
    return MailChannel(SmtpSettings(**{**settings, **changes}), CLOCK, timeout=5)


async def test_the_on_call_engineer_receives_the_page_with_the_ticket_and_the_acknowledge_link(smtp_server):
    assert await channel(smtp_server).send(make_page())

    [(recipients, mail)] = smtp_server.mails
    assert recipients == ["anna.bakker@websitenazorg.nl"]
    assert mail["To"] == "anna.bakker@websitenazorg.nl" and mail["From"] == "bot@websitenazorg.nl"
    assert mail["Subject"] == "[Noodgeval] T-2026-0042: Bakkerij de Vries B.V."
    body = mail.get_content()
    assert "Hallo Anna Bakker" in body
    assert "Bakkerij de Vries B.V." in body and "Niemand kan inloggen, de hele bakkerij ligt stil" in body
    assert "Bevestig het hier: https://bot.example.nl/ack/token123" in body
    assert "Via Teams was niemand te bereiken" in body
    assert mail["Auto-Submitted"] == "auto-generated"
    assert smtp_server.logins == []


async def test_an_english_engineer_reads_english_and_without_a_link_is_told_to_acknowledge_in_teams(smtp_server):
    await channel(smtp_server).send(make_page(language="en", acknowledge_url=None))

    [(_, mail)] = smtp_server.mails
    assert mail["Subject"] == "[Emergency] T-2026-0042: Bakkerij de Vries B.V."
    assert "Acknowledge it in Teams with: ack T-2026-0042" in mail.get_content()


async def test_the_relay_login_is_used_when_configured(smtp_server):
    assert await channel(smtp_server, username=SMTP_USER, password=SMTP_PASSWORD).send(make_page())
    assert smtp_server.logins == [SMTP_USER] and len(smtp_server.mails) == 1


async def test_a_wrong_password_is_an_error_and_nothing_is_delivered(smtp_server):
    with pytest.raises(aiosmtplib.SMTPAuthenticationError):
        await channel(smtp_server, username=SMTP_USER, password="wrong").send(make_page())
    assert smtp_server.mails == []


async def test_starttls_is_required_when_configured_so_a_relay_without_it_gets_nothing(smtp_server):
    with pytest.raises(aiosmtplib.SMTPException):
        await channel(smtp_server, security="starttls").send(make_page())
    assert smtp_server.mails == []


async def test_a_staff_member_without_an_address_gets_no_mail(smtp_server):
    assert not await channel(smtp_server).send(make_page(staff_email=None))
    assert smtp_server.mails == []


async def test_a_line_break_in_a_name_cannot_add_a_mail_header(smtp_server):
    await channel(smtp_server).send(make_page(organisation="Evil\r\nBcc: victim@example.org"))

    [(recipients, mail)] = smtp_server.mails
    assert recipients == ["anna.bakker@websitenazorg.nl"] and mail["Bcc"] is None
    assert mail["Subject"] == "[Noodgeval] T-2026-0042: Evil Bcc: victim@example.org"
