"""The composition root: `create_app(settings)` wires everything; `main()` reads settings and serves."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import AsyncIterator

from aiohttp import web
from botbuilder.core import ConversationState

from bot import keys
from bot.config.errors import ConfigError
from bot.config.settings import Settings, load_settings
from bot.services.admission import AdmissionService
from bot.services.clock import Clock, SystemClock
from bot.services.transcript import TranscriptService
from bot.teams.adapter import create_adapter
from bot.teams.endpoint import MAX_BODY_BYTES, healthz, messages_handler
from bot.teams.handler import SupportBot
from bot.teams.router import FirstLineRouter
from storage import directory
from storage.db import create_async_engine_for, session_factory, upgrade_database
from storage.state import SqlAlchemyStorage

log = logging.getLogger("supportbot")


def create_app(settings: Settings, *, clock: Clock | None = None) -> web.Application:
    """One application per call; tests build theirs the same way with their own settings and clock."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[keys.SETTINGS] = settings
    app[keys.CLOCK] = clock or SystemClock()
    app.cleanup_ctx.append(_database)
    app.cleanup_ctx.append(_bot)
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/api/messages", _messages)
    return app


async def _database(app: web.Application) -> AsyncIterator[None]:
    """Upgrade the schema, open the engine, and mirror the operator's directory into the tables."""
    settings = app[keys.SETTINGS]
    await asyncio.to_thread(upgrade_database, settings.database_url)
    engine = create_async_engine_for(settings.database_url)
    app[keys.ENGINE] = engine
    app[keys.SESSIONS] = session_factory(engine)
    try:
        await _sync_directory(app)
        yield
    finally:
        await engine.dispose()


async def _sync_directory(app: web.Application) -> None:
    config = app[keys.SETTINGS].operator
    async with app[keys.SESSIONS].begin() as session:
        msp = await directory.upsert_organisation(session, config.msp.tenant_id, config.msp.name, is_msp=True)
        for customer in config.customers:
            await directory.upsert_organisation(session, customer.tenant_id, customer.name)
        for member in config.staff:
            await directory.upsert_person(
                session, member.object_id, kind="staff", organisation=msp, name=member.name, role=member.role
            )


async def _bot(app: web.Application) -> AsyncIterator[None]:
    settings, clock, sessions = app[keys.SETTINGS], app[keys.CLOCK], app[keys.SESSIONS]
    conversation_state = ConversationState(SqlAlchemyStorage(app[keys.ENGINE]))
    app[keys.CONVERSATION_STATE] = conversation_state
    app[keys.ADAPTER] = create_adapter(settings, conversation_state)
    bot = SupportBot(
        AdmissionService(sessions, settings.operator, clock),
        TranscriptService(sessions, clock, bot_name=f"{settings.operator.msp.name} support bot"),
        FirstLineRouter(settings.operator),
    )
    app[keys.MESSAGES] = messages_handler(app[keys.ADAPTER], bot)
    yield


async def _messages(request: web.Request) -> web.StreamResponse:
    return await request.app[keys.MESSAGES](request)


def main() -> None:
    """Read the settings once, say which mode we run in, and serve."""
    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"supportbot: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if settings.development_mode:
        log.warning(
            "development mode: no MicrosoftAppId, Bot Framework authentication is OFF; "
            "listening on loopback only (%s:%s)", settings.host, settings.port,
        )
    else:
        log.info("production mode: Bot Framework authentication on for app %s", settings.app_id)
    log.info("database: %s; operator config: %s", _redacted(settings.database_url), settings.config_path)
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    main()
