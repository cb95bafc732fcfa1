"""The HTTP edge: validate the request, authenticate through the adapter, never answer 500 to bad input."""

from __future__ import annotations

import logging

from aiohttp import web
from botbuilder.core import Bot
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.teams import json_guard

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 256 * 1024


class BadActivity(Exception):
    """The request body is not an activity we can process; the message says why."""


def parse_activity(raw: bytes) -> Activity:
    """JSON object → Activity, with the fields every turn needs checked before anything runs."""
    try:  # issue 11: depth, storable strings and protocol field types are checked in json_guard
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
        return Activity().deserialize(body)
    except Exception as error:  # msrest raises assorted types for wrongly typed fields
        raise BadActivity(f"not a Bot Framework activity: {error}") from error


def messages_handler(adapter: CloudAdapter, bot: Bot):
    """POST /api/messages."""

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.content_type != "application/json":
            return _problem(415, "Content-Type must be application/json")
        try:
            activity = parse_activity(await request.read())
        except BadActivity as error:
            return _problem(400, str(error))
        auth_header = request.headers.get("Authorization", "")
        try:
            response = await adapter.process_activity(auth_header, activity, bot.on_turn)
        except Exception as error:  # turn errors end in on_turn_error: what escapes is authentication
            log.warning("authentication failed: %s: %s", type(error).__name__, error)
            return _problem(401, "a valid Bot Framework token is required")
        if response is not None:
            return web.json_response(data=response.body, status=response.status)
        return web.Response(status=201)

    return handle


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def _problem(status: int, detail: str) -> web.Response:
    log.info("rejected a request to /api/messages: %s %s", status, detail)
    return web.json_response({"error": detail}, status=status)
