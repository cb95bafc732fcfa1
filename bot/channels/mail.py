"""Pages by e-mail over SMTP (aiosmtplib): STARTTLS, implicit TLS or plain, login optional."""

from __future__ import annotations

import logging
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import aiosmtplib

from bot.channels.wording import mail_body, mail_subject
from bot.config.out_of_band import SmtpSettings
from bot.services.clock import Clock
from bot.services.out_of_band import OutOfBandPage

log = logging.getLogger(__name__)
SMTP_TIMEOUT = 20.0  # seconds per SMTP command; a relay that stalls longer is given up


class MailChannel:
    """One message per page to the staff member's own address; no address, no mail."""

    name = "e-mail"

    def __init__(
        self, settings: SmtpSettings, clock: Clock, *, timeout: float = SMTP_TIMEOUT,
        tls_context: ssl.SSLContext | None = None,
    ):
        self._settings, self._clock, self._timeout, self._tls = settings, clock, timeout, tls_context

    async def send(self, page: OutOfBandPage) -> bool:
        if not page.staff_email:
            log.info("no e-mail address for %s: page %s not mailed", page.staff_object_id, page.ticket_number)
            return False
        smtp = self._settings
        await aiosmtplib.send(
            self._message(page, page.staff_email), hostname=smtp.host, port=smtp.port,
            username=smtp.username or None, password=smtp.password or None,
            use_tls=smtp.security == "tls", start_tls=smtp.security == "starttls",
            timeout=self._timeout, tls_context=self._tls,
        )
        return True

    def _message(self, page: OutOfBandPage, to: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._settings.sender
        message["To"] = to
        message["Subject"] = mail_subject(page)
        message["Date"] = format_datetime(self._clock.now())
        message["Message-ID"] = make_msgid(domain=self._settings.sender.rpartition("@")[2])
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to us
        message["Importance"] = "high"
        message["X-Priority"] = "1"
        message.set_content(mail_body(page))
        return message
