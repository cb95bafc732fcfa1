"""The HTTP edge: validate, authenticate, store durably, then run the turn; never 500 for bad input."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from aiohttp import web
from botbuilder.schema import Activity, ActivityTypes

from bot.services.clock import Clock
from bot.teams import json_guard
from bot.teams.inbox import Accepted, InboxProcessor
from storage import inbox as inbox_store
from storage import outbox as outbox_store
from storage.patience import Patience
from storage.spool import Spool
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 256 * 1024
READINESS_TIMEOUT_SECONDS = 2.0


class BadActivity(Exception):
    """The request body is not an activity we can process; the message says why."""


def parse_activity(raw: bytes) -> tuple[dict[str, Any], Activity]:
    """JSON object -> (the body as sent, Activity), with the fields every turn needs checked first:
    depth, storable strings and protocol field types (json_guard, issue 11)."""
    try:
        body = json_guard.loads(raw)
        if not isinstance(body, dict):
            raise BadActivity("body must be a JSON object")
        body = json_guard.checked(body)
    except json_guard.UnsafeBody as error:
        raise BadActivity(str(error)) from error
    for key in ("type", "serviceUrl"):
        if not isinstance(body.get(key), str) or not body[key]:
            raise BadActivity(f"'{key}' is required and must be a string")
    if not isinstance(body.get("conversation"), dict) or not isinstance(body["conversation"].get("id"), str):
        raise BadActivity("'conversation.id' is required")
    try:
        return body, Activity().deserialize(body)
    except Exception as error:  # msrest raises assorted types for wrongly typed fields
        raise BadActivity(f"not a Bot Framework activity: {type(error).__name__}") from error


class Authentication(Protocol):
    """The SDK's BotFrameworkAuthentication, or anything that raises for a request it must refuse."""

    async def authenticate_request(self, activity: Activity, auth_header: str) -> Any: ...


def messages_handler(authentication: Authentication, inbox: InboxProcessor):
    """POST /api/messages: authenticate, store durably, then run the turn (and any owed before it)."""

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.content_type != "application/json":
            return _problem(415, "Content-Type must be application/json")
        try:
            body, activity = parse_activity(await request.read())
        except BadActivity as error:
            return _problem(400, str(error))
        try:
            await authentication.authenticate_request(activity, request.headers.get("Authorization", ""))
        except Exception as error:
            log.warning("authentication failed: %s: %s", type(error).__name__, error)
            return _problem(401, "a valid Bot Framework token is required")
        try:
            accepted = await inbox.accept(body)
        except OSError:
            log.exception("neither the database nor the local spool could take an activity")
            return _problem(503, "cannot accept messages right now", retry_after=10)
        answer = None
        invoke = activity.type == ActivityTypes.invoke
        if accepted is not Accepted.SPOOLED:
            answer = await inbox.answer(body, parsed=activity)
        if invoke:
            return _invoke_response(answer)
        return web.Response(status=201)

    return handle


def _invoke_response(answer: Activity | None) -> web.Response:
    """The invoke response the turn produced; an empty 200 when it ran elsewhere or produced none."""
    value = getattr(answer, "value", None)
    if value is None:
        return web.json_response({}, status=200)
    body = value.body
    if hasattr(body, "serialize"):
        body = body.serialize()
    try:
        return web.json_response(body, status=value.status or 200)
    except (TypeError, ValueError):
        log.error("an invoke response could not be serialised; answering 500 would make Teams retry")
        return web.json_response({"error": "invalid invoke response"}, status=400)


async def healthz(_request: web.Request) -> web.Response:
    """Liveness: the process answers. Readiness (database, backlog) is /readyz."""
    return web.json_response({"status": "ok"})


def _problem(status: int, detail: str, *, retry_after: int | None = None) -> web.Response:
    log.info("rejected a request to /api/messages: %s %s", status, detail)
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    return web.json_response({"error": detail}, status=status, headers=headers)


def readiness_handler(sessions: UnitOfWorkSessions, spool: Spool, clock: Clock):
    """GET /readyz: 200 while this replica can take messages: the database answers, or, while it does
    not, the local spool can hold them (a load balancer that drops a replica whose database blipped
    would refuse every message instead). 503 when neither. The backlogs either way.

    A probe the database did not answer in time is left to finish (cancelling it would wait for the
    driver's cancel); while it runs, later probes do not query again but report the database as not answering.
    """
    patience = Patience("readiness probe")

    async def backlogs() -> dict[str, Any]:
        async with sessions() as session:
            return {
                "inbox_owed": await inbox_store.backlog(session),
                "outbox": await outbox_store.backlog(session, clock.now()),
            }

    async def ready(_request: web.Request) -> web.Response:
        report: dict[str, Any] = {"spooled": len(spool.waiting())}
        try:
            if patience.late:
                raise TimeoutError("the last probe is still waiting for the database")
            report.update(await patience.within(READINESS_TIMEOUT_SECONDS, backlogs()))
        except Exception as error:  # not in time: the messages go to the spool meanwhile
            report["database"] = type(error).__name__
            if spool.writable():
                report["status"] = "degraded"
                return web.json_response(report)
            report["status"] = "unavailable"
            return web.json_response(report, status=503)
        report.update(status="ok", database="ok")
        return web.json_response(report)

    return ready
