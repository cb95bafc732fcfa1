"""Builds the out-of-band pager from the settings, and owns the webhook's HTTP session."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

from bot import keys
from bot.channels.mail import MailChannel
from bot.channels.webhook import WebhookChannel
from bot.config.out_of_band import OutOfBandSettings
from bot.services.ack_links import AckLinks
from bot.services.clock import Clock
from bot.services.out_of_band import OutOfBandChannel, OutOfBandPager

log = logging.getLogger(__name__)


def build_pager(
    settings: OutOfBandSettings, clock: Clock, session: aiohttp.ClientSession | None,
) -> OutOfBandPager | None:
    """None when neither SMTP nor the webhook is configured; the webhook needs `session`."""
    if not settings.enabled:
        return None
    channels: list[OutOfBandChannel] = []
    if settings.smtp is not None:
        channels.append(MailChannel(settings.smtp, clock))
    if settings.webhook is not None:
        if session is None:
            raise ValueError("the webhook channel needs an HTTP session")
        channels.append(WebhookChannel(settings.webhook, session, clock))
    links = settings.ack_links
    return OutOfBandPager(channels, links=AckLinks(links.secret, links.public_base_url, clock) if links else None)


async def out_of_band_pager(app: web.Application) -> AsyncIterator[None]:
    """A cleanup context before the bot's: puts the pager on the app (when configured) for paging."""
    settings = app[keys.SETTINGS].out_of_band
    if not settings.enabled:
        log.info("out-of-band paging off: neither SMTP_HOST nor PAGE_WEBHOOK_URL is set")
        yield
        return
    async with aiohttp.ClientSession() as session:  # its own pool: a stuck connector never blocks a page
        pager = build_pager(settings, app[keys.CLOCK], session)
        assert pager is not None
        app[keys.OUT_OF_BAND] = pager
        log.info("out-of-band paging on: %s", ", ".join(pager.channel_names))
        yield
