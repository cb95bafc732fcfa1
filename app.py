"""The composition root: `create_app(settings)` wires everything; `main()` reads settings and serves."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web
from apscheduler.schedulers.base import BaseScheduler

from bot import keys
from bot.channels.setup import out_of_band_pager
from bot.config.errors import ConfigError
from bot.config.settings import Settings, load_settings
from bot.config.source import ConfigHolder
from bot.observability.database import time_statements
from bot.observability.logging import configure_logging
from bot.observability.metrics import create_metrics, metrics_server
from bot.services import jobs
from bot.services.ack_desk import StoredAckDesk, paging_acknowledger
from bot.services.admission import AdmissionService
from bot.services.clock import Clock, SystemClock
from bot.services.config_reload import ConfigReloader
from bot.services.customer import CustomerDeps, CustomerService
from bot.services.desk_info import DeskInfo
from bot.services.directory_sync import sync_directory
from bot.services.escalations import EscalationService
from bot.services.oncall import build_on_call
from bot.services.paging import PagingService
from bot.services.paging_out_of_band import PageOutOfBand
from bot.services.personal_data import PersonalDataService
from bot.services.policy_setup import business_calendar, policy_rules
from bot.services.quotes import QuoteService
from bot.services.reminders import ReminderService
from bot.services.retention import RetentionService
from bot.services.revisions import RevisionService
from bot.services.staff_desk import StaffDesk
from bot.services.takeover import TakeoverService
from bot.services.tickets import TicketService
from bot.services.timers import Timers
from bot.services.transcript import TranscriptService
from bot.services.wordless import WordlessMessages
from bot.teams.adapter import create_authentication, create_channel_token, received_notice_sender, turn_failed_handler
from bot.teams.auth_cache import CheckedTokens
from bot.teams.connector_client import ChannelToken, ConnectorClient
from bot.teams.endpoint import MAX_BODY_BYTES, healthz, messages_handler, readiness_handler
from bot.teams.handler import SupportBot
from bot.teams.inbox import InboxProcessor
from bot.teams.notifier import TeamsNotifier
from bot.teams.outbox import Outbox
from bot.teams.outbox_adapter import OutboxAdapter
from bot.teams.outbox_sender import OutboxSender
from bot.teams.router import FirstLineRouter
from bot.web.calendar_feed import setup_calendar_feeds
from bot.web.access_log import RedactingAccessLogger
from bot.web.ack_routes import add_ack_routes
from nlu_models import IntentClassifier
from storage.db import DatabaseUrls, create_async_engine_for, session_factory, spool_folder_for, upgrade_database
from storage.scheduler_store import create_scheduler, start_scheduler, stop_scheduler
from storage.spool import Spool
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger("supportbot")
SHUTDOWN_GRACE_SECONDS = 10.0
TIMER_SWEEP_SECONDS = 60.0  # how often each replica looks for timers lost with a killed replica


def create_app(
    settings: Settings, *, clock: Clock | None = None, classifier: IntentClassifier | None = None,
    fire_timers: bool = True, channel_token: ChannelToken | None = None,
) -> web.Application:
    """One application per call; tests pass their own clock, and one classifier loaded per test session.

    `fire_timers=False` stores timers but never fires them by wall-clock time: a test with a fake
    clock fires what is due by its own clock instead (a real-time scheduler would fire timers that
    are due in the fake future but already past in real time).
    """
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[keys.SETTINGS] = settings
    app[keys.CONFIG] = ConfigHolder(settings.operator)
    app[keys.CLOCK] = clock or SystemClock()
    app[keys.FIRE_TIMERS] = fire_timers
    app[keys.METRICS] = create_metrics()
    if classifier is not None:
        app[keys.CLASSIFIER] = classifier
    if channel_token is not None:
        app[keys.CHANNEL_TOKEN] = channel_token
    if settings.metrics_port is not None:
        app.cleanup_ctx.append(metrics_server(app[keys.METRICS].registry, settings.host, settings.metrics_port))
    app.cleanup_ctx.append(_database)
    app.cleanup_ctx.append(_http_client)
    app.cleanup_ctx.append(_classifier)
    app.cleanup_ctx.append(_scheduler)
    app.cleanup_ctx.append(out_of_band_pager)  # before _bot: paging finds app.get(keys.OUT_OF_BAND)
    app.cleanup_ctx.append(_bot)
    app.cleanup_ctx.append(_background_work)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_post("/api/messages", _messages)
    setup_calendar_feeds(app)
    add_ack_routes(app)
    return app


async def _database(app: web.Application) -> AsyncIterator[None]:
    """Upgrade the schema, open the engine, and mirror the operator's directory into the tables."""
    settings = app[keys.SETTINGS]
    await asyncio.to_thread(upgrade_database, settings.database_url)
    engine = create_async_engine_for(settings.database_url)
    time_statements(engine, app[keys.METRICS].database_latency)
    app[keys.ENGINE] = engine
    app[keys.SESSIONS] = UnitOfWorkSessions(session_factory(engine))
    try:
        await sync_directory(app[keys.SESSIONS], app[keys.CONFIG].current)
        yield
    finally:
        await engine.dispose()


async def _http_client(app: web.Application) -> AsyncIterator[None]:
    """One pooled HTTP session for every call to the Bot Connector."""
    async with aiohttp.ClientSession() as http:
        app[keys.HTTP] = http
        yield


async def _classifier(app: web.Application) -> AsyncIterator[None]:
    """The spaCy pipeline is loaded once per process, off the event loop."""
    if keys.CLASSIFIER not in app:
        app[keys.CLASSIFIER] = await asyncio.to_thread(IntentClassifier.load)
    yield


async def _scheduler(app: web.Application) -> AsyncIterator[None]:
    """Timers live in the database; the scheduler starts only once every job handler is bound."""
    settings = app[keys.SETTINGS]
    scheduler = create_scheduler(settings.database_url, timezone=settings.operator.business_hours.time_zone)
    app[keys.SCHEDULER] = scheduler
    try:
        yield
    finally:
        if not await stop_scheduler(scheduler):
            log.warning("the scheduler's thread did not stop in time (its database does not answer); left behind")
        jobs.unbind_all()


async def _bot(app: web.Application) -> AsyncIterator[None]:
    settings, clock, sessions = app[keys.SETTINGS], app[keys.CLOCK], app[keys.SESSIONS]
    config = app[keys.CONFIG]  # read per use by the services, so a reload reaches them
    client = ConnectorClient(app[keys.HTTP], app.get(keys.CHANNEL_TOKEN) or create_channel_token(settings))
    metrics = app[keys.METRICS]
    sender = OutboxSender(sessions, client, clock, metrics=metrics)
    outbox = Outbox(sessions, clock, sender, bot_name=f"{config.current.msp.name} support bot")
    adapter = OutboxAdapter(outbox)
    notifier = TeamsNotifier(adapter, outbox, sessions, tenant_id=config.current.msp.tenant_id)
    timers = Timers(app[keys.SCHEDULER])
    jobs.run_in(sessions.unit_of_work)
    calendar = business_calendar(config.current)  # business hours change with a restart only
    escalations = EscalationService(sessions, config, clock, notifier, timers)
    tickets = TicketService(sessions, config, clock, notifier, escalations)
    startup = config.current  # what only a restart changes: business hours, rules, retention
    paging = PagingService(
        sessions, config, clock, notifier, timers, tickets,
        PageOutOfBand(sessions, config, clock, timers, app.get(keys.OUT_OF_BAND)), metrics,
    )
    customers = CustomerService(CustomerDeps(
        sessions=sessions, holder=config, classifier=app[keys.CLASSIFIER], calendar=calendar,
        rules=policy_rules(config.current), clock=clock, tickets=tickets, escalations=escalations,
        quotes=QuoteService(sessions, config, clock, notifier),
        reminders=ReminderService(timers, notifier, sessions, clock, calendar, config.current), paging=paging,
        wordless=WordlessMessages(sessions), notifier=notifier,
    ))  # fmt: skip
    sender.listen(paging)
    takeover = TakeoverService(sessions, clock, notifier, TranscriptService(sessions), paging, escalations, customers)
    on_call = build_on_call(sessions, config, clock, notifier, timers, public_url=settings.public_url)
    await RetentionService(sessions, startup, clock, timers).schedule()
    personal_data = PersonalDataService(sessions, clock, timers)
    reloader = ConfigReloader(config, settings.config_source, sessions, clock)
    await reloader.start()
    desk = StaffDesk(
        sessions, config, clock, paging, takeover, escalations, DeskInfo(sessions, config, clock),
        on_call.desk, personal_data, reloader,
    )
    router = FirstLineRouter(customers, desk, takeover)
    bot = SupportBot(AdmissionService(sessions, config, clock), router, RevisionService(sessions, clock, notifier))
    spool = Spool(spool_folder_for(settings.database_url, settings.spool_dir))
    inbox = InboxProcessor(
        sessions, adapter, bot, clock, spool, metrics=metrics,
        on_turn_failed=turn_failed_handler(config, customers.drop_question),
        on_unavailable=received_notice_sender(client),
    )
    app[keys.NOTIFIER], app[keys.PAGING], app[keys.ESCALATIONS] = notifier, paging, escalations
    app[keys.SENDER], app[keys.INBOX], app[keys.ON_CALL] = sender, inbox, on_call
    app[keys.RELOADER] = reloader
    app[keys.ACK_DESK] = StoredAckDesk(sessions, config, paging_acknowledger(sessions, paging))
    app[keys.MESSAGES] = messages_handler(CheckedTokens(create_authentication(settings)), inbox)
    app[keys.READINESS] = readiness_handler(sessions, spool, clock)
    yield


async def _background_work(app: web.Application) -> AsyncIterator[None]:
    """Timers, the outbox sender and the inbox recovery run from here on; an emergency left mid-way
    by the last stop is picked up first."""
    scheduler = app[keys.SCHEDULER]
    await start_scheduler(scheduler, paused=not app[keys.FIRE_TIMERS])
    await app[keys.SENDER].start()
    await app[keys.PAGING].resume()
    await app[keys.ESCALATIONS].resume()
    await app[keys.ON_CALL].gaps.start()
    stopping = asyncio.Event()
    every = app[keys.SETTINGS].timer_poll_seconds
    loops = [
        app[keys.SENDER].run(stopping),
        app[keys.INBOX].run_recovery(stopping),
        _poll_shared_timers(scheduler, stopping, every=every),
    ]
    if DatabaseUrls.from_url(app[keys.SETTINGS].database_url).backend == "postgresql":  # SQLite: one process
        loops.append(_follow_config_reloads(app[keys.RELOADER], stopping, every=every))
    if app[keys.FIRE_TIMERS]:
        loops.append(_rearm_lost_timers(app, stopping, every=TIMER_SWEEP_SECONDS))
    tasks = [asyncio.create_task(loop) for loop in loops]
    try:
        yield
    finally:
        stopping.set()  # loops stop between rounds, so no transaction is cut off halfway
        _, late = await asyncio.wait(tasks, timeout=SHUTDOWN_GRACE_SECONDS)
        for task in late:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await app[keys.INBOX].close()
        await app[keys.SENDER].close()


async def _poll_shared_timers(scheduler: BaseScheduler, stopping: asyncio.Event, *, every: float) -> None:
    """APScheduler 3 only wakes for timers it set itself: look at the shared job store every few
    seconds, so a timer stored by a replica that died still fires on time here. Waking only signals
    the scheduler's own thread, which reads the store; the loop never waits for it."""
    while not stopping.is_set():
        try:
            await asyncio.wait_for(stopping.wait(), every)
        except asyncio.TimeoutError:
            if scheduler.running:
                scheduler.wakeup()


async def _rearm_lost_timers(app: web.Application, stopping: asyncio.Event, *, every: float) -> None:
    """A timer leaves the job store when it fires; a replica killed before its job committed took it
    along, and start-up's resume only runs when some replica restarts. Every replica therefore looks
    now and then for open emergencies and tickets whose timer is missing and sets it again (the job
    handlers claim their work, so a timer set twice still acts once)."""
    while not stopping.is_set():
        try:
            await asyncio.wait_for(stopping.wait(), every)
        except asyncio.TimeoutError:
            try:
                await app[keys.PAGING].resume()  # a chain position is paged once: unique per ticket, under its lock
                await app[keys.ESCALATIONS].resume()
            except Exception:  # the database may be away; the next round looks again
                log.warning("could not look for lost timers", exc_info=True)


async def _follow_config_reloads(reloader: ConfigReloader, stopping: asyncio.Event, *, every: float) -> None:
    """Another replica reloaded the operator config (a staff command, SIGHUP): read it here too."""
    while not stopping.is_set():
        try:
            await asyncio.wait_for(stopping.wait(), every)
        except asyncio.TimeoutError:
            try:
                await reloader.follow()
            except Exception:  # the database may be away; the next round looks again
                log.warning("could not look for config reloads of other replicas", exc_info=True)


async def reload_on_sighup(app: web.Application) -> AsyncIterator[None]:
    """`kill -HUP` reloads the operator config (validated first; a bad file is refused and logged).
    Only the process's own loop may take the signal, so main() adds this, not create_app."""
    loop, reloads = asyncio.get_running_loop(), set[asyncio.Task]()

    def reload() -> None:
        log.warning("SIGHUP: reloading the operator config")
        task = asyncio.create_task(app[keys.RELOADER].reload("SIGHUP"))
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    loop.add_signal_handler(signal.SIGHUP, reload)
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGHUP)
        await asyncio.gather(*reloads, return_exceptions=True)


async def _messages(request: web.Request) -> web.StreamResponse:
    return await request.app[keys.MESSAGES](request)


async def _readyz(request: web.Request) -> web.StreamResponse:
    return await request.app[keys.READINESS](request)


def main() -> None:
    """Read the settings once, say which mode we run in, and serve."""
    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"supportbot: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    configure_logging(settings.log_level, settings.log_format)
    if settings.development_mode:
        log.warning(
            "development mode: no MicrosoftAppId, Bot Framework authentication is OFF; "
            "listening on loopback only (%s:%s)", settings.host, settings.port,
        )
    else:
        log.info("production mode: Bot Framework authentication on for app %s", settings.app_id)
    log.info("database: %s; operator config: %s", _redacted(settings.database_url), settings.config_source.describe())
    app = create_app(settings)
    app.cleanup_ctx.append(reload_on_sighup)
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log_class=RedactingAccessLogger)


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    main()
