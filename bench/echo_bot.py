"""The baseline of the load benchmark: botbuilder-python's stock echo bot, as its samples build it.

A stock `CloudAdapter` with `ConfigurationBotFrameworkAuthentication` and no app id (development
mode: no token checked, none fetched), an `ActivityHandler` that answers "Echo: <text>" in the
turn, served by aiohttp. Nothing tuned: this is what the SDK gives a newcomer.

Run: PORT=3979 python -m bench.echo_bot
"""

from __future__ import annotations

import os
from types import SimpleNamespace

from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


def create_echo_app() -> web.Application:
    """The sample's wiring in one factory: adapter, bot, POST /api/messages and a health check."""
    configuration = SimpleNamespace(APP_ID="", APP_PASSWORD="", APP_TYPE="MultiTenant", APP_TENANTID="")
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(configuration))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await adapter.process(request, bot)

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    return app


if __name__ == "__main__":
    web.run_app(create_echo_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "3979")), print=None)
