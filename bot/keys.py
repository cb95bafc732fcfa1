"""Typed application keys: everything create_app puts on the aiohttp app, in one place."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from botbuilder.integration.aiohttp import CloudAdapter
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config.settings import Settings
from bot.services.clock import Clock
from bot.services.ack_port import AckDesk
from bot.services.escalations import EscalationService
from bot.services.out_of_band import OutOfBandPager
from bot.services.paging import PagingService
from bot.teams.notifier import TeamsNotifier
from nlu_models import IntentClassifier

SETTINGS = web.AppKey("settings", Settings)
CLOCK = web.AppKey("clock", Clock)
FIRE_TIMERS = web.AppKey("fire_timers", bool)
ENGINE = web.AppKey("engine", AsyncEngine)
SESSIONS = web.AppKey("sessions", async_sessionmaker[AsyncSession])
ADAPTER = web.AppKey("adapter", CloudAdapter)
MESSAGES = web.AppKey("messages", Callable[[web.Request], Awaitable[web.StreamResponse]])
CLASSIFIER = web.AppKey("classifier", IntentClassifier)
SCHEDULER = web.AppKey("scheduler", AsyncIOScheduler)
NOTIFIER = web.AppKey("notifier", TeamsNotifier)
PAGING = web.AppKey("paging", PagingService)
ESCALATIONS = web.AppKey("escalations", EscalationService)
OUT_OF_BAND = web.AppKey("out_of_band", OutOfBandPager)  # only set when SMTP or the webhook is configured
ACK_DESK = web.AppKey("ack_desk", AckDesk)
