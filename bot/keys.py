"""Typed application keys: everything create_app puts on the aiohttp app, in one place."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp
from aiohttp import web
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config.settings import Settings
from bot.config.source import ConfigHolder
from bot.observability.metrics import Metrics
from bot.services.clock import Clock
from bot.services.config_reload import ConfigReloader
from bot.services.ack_port import AckDesk
from bot.services.escalations import EscalationService
from bot.services.oncall import OnCall
from bot.services.out_of_band import OutOfBandPager
from bot.services.paging import PagingService
from bot.teams.connector_client import ChannelToken
from bot.teams.inbox import InboxProcessor
from bot.teams.notifier import TeamsNotifier
from bot.teams.outbox_sender import OutboxSender
from nlu_models import IntentClassifier
from storage.unit_of_work import UnitOfWorkSessions

SETTINGS = web.AppKey("settings", Settings)
CONFIG = web.AppKey("config", ConfigHolder)  # the operator config in force; a reload replaces it
RELOADER = web.AppKey("reloader", ConfigReloader)
CLOCK = web.AppKey("clock", Clock)
FIRE_TIMERS = web.AppKey("fire_timers", bool)
ENGINE = web.AppKey("engine", AsyncEngine)
SESSIONS = web.AppKey("sessions", UnitOfWorkSessions)
HTTP = web.AppKey("http", aiohttp.ClientSession)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MESSAGES: web.AppKey[Handler] = web.AppKey("messages")
READINESS: web.AppKey[Handler] = web.AppKey("readiness")
SENDER = web.AppKey("sender", OutboxSender)
INBOX = web.AppKey("inbox", InboxProcessor)
CLASSIFIER = web.AppKey("classifier", IntentClassifier)
SCHEDULER = web.AppKey("scheduler", BackgroundScheduler)
NOTIFIER = web.AppKey("notifier", TeamsNotifier)
PAGING = web.AppKey("paging", PagingService)
ESCALATIONS = web.AppKey("escalations", EscalationService)
METRICS = web.AppKey("metrics", Metrics)
ON_CALL = web.AppKey("on_call", OnCall)
OUT_OF_BAND = web.AppKey("out_of_band", OutOfBandPager)  # only set when SMTP or the webhook is configured
ACK_DESK = web.AppKey("ack_desk", AckDesk)
CHANNEL_TOKEN = web.AppKey("channel_token", ChannelToken)  # only set when a caller brings its own
