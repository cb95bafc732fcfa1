"""A fake Bot Connector: a real aiohttp server at the activity's serviceUrl that records what the bot sends."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web


@dataclass
class Sent:
    """One request the bot made to the connector."""

    method: str
    path: str
    conversation_id: str
    body: dict[str, Any]

    @property
    def text(self) -> str:
        """What the person reads: the message text, or each card's text, facts and button titles."""
        parts = [self.body.get("text") or ""] + [_card_words(card) for card in self.cards]
        return "\n".join(part for part in parts if part)

    @property
    def buttons(self) -> list[str]:
        """The titles of the cards' buttons, in order."""
        return [action.get("title", "") for card in self.cards for action in card.get("actions", [])]

    @property
    def choices(self) -> list[str]:
        """The value each button sends back (`choice`), in order."""
        return [action.get("data", {}).get("choice", "") for card in self.cards for action in card.get("actions", [])]

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [a["content"] for a in self.body.get("attachments") or [] if "adaptive" in a.get("contentType", "")]


def _card_words(card: dict[str, Any]) -> str:
    lines: list[str] = []
    for element in card.get("body", []):
        if element.get("type") == "TextBlock":
            lines.append(element.get("text", ""))
        elif element.get("type") == "FactSet":
            lines += [f"{fact.get('title')}: {fact.get('value')}" for fact in element.get("facts", [])]
    lines += [action.get("title", "") for action in card.get("actions", [])]
    return "\n".join(lines)


@dataclass
class FakeConnector:
    """Records replies, proactive sends and conversation creation; answers member look-ups."""

    sent: list[Sent] = field(default_factory=list)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    unreachable: set[str] = field(default_factory=set)  # member ids whose conversation creation fails
    url: str = ""
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations", self._create_conversation)
        app.router.add_post("/v3/conversations/{cid}/activities", self._send)
        app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self._send)
        app.router.add_put("/v3/conversations/{cid}/activities/{aid}", self._send)
        app.router.add_get("/v3/conversations/{cid}/members/{mid}", self._member)
        return app

    # -- what tests read ---------------------------------------------------------------
    def messages(self, conversation_id: str | None = None) -> list[Sent]:
        return [
            s for s in self.sent
            if s.body.get("type") == "message" and (conversation_id is None or s.conversation_id == conversation_id)
        ]

    def texts(self, conversation_id: str | None = None) -> list[str]:
        return [s.text for s in self.messages(conversation_id)]

    def created_conversations(self) -> list[Sent]:
        return [s for s in self.sent if s.path == "/v3/conversations"]

    def clear(self) -> None:
        self.sent.clear()

    async def wait_for(self, count: int, timeout: float = 5.0) -> list[Sent]:
        """Wait until at least `count` messages were sent (proactive sends run in the background)."""
        async def reached() -> None:
            while len(self.messages()) < count:
                self._changed.clear()
                await self._changed.wait()
        await asyncio.wait_for(reached(), timeout)
        return self.messages()

    # -- handlers ------------------------------------------------------------------------
    async def _send(self, request: web.Request) -> web.Response:
        body = await request.json()
        self._record(request, request.match_info["cid"], body)
        return web.json_response({"id": f"sent-{next(self._ids)}"})

    async def _create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        member_ids = [m.get("id") for m in body.get("members") or []]
        if any(member in self.unreachable for member in member_ids):
            return web.json_response({"error": {"code": "Forbidden", "message": "bot not installed"}}, status=403)
        conversation_id = f"a:created-{next(self._ids)}"
        self._record(request, conversation_id, body)
        if body.get("activity"):
            self._record(request, conversation_id, body["activity"])
        return web.json_response({"id": conversation_id, "activityId": f"sent-{next(self._ids)}"})

    async def _member(self, request: web.Request) -> web.Response:
        member = self.members.get(request.match_info["mid"])
        if member is None:
            return web.json_response({"error": {"code": "MemberNotFound"}}, status=404)
        return web.json_response(member)

    def _record(self, request: web.Request, conversation_id: str, body: dict[str, Any]) -> None:
        self.sent.append(Sent(request.method, request.path, conversation_id, body))
        self._changed.set()


ConnectorT = TypeVar("ConnectorT", bound=FakeConnector)


async def serve(fake: ConnectorT, aiohttp_server: Any) -> ConnectorT:
    """Start a fake connector on a test server (pytest-aiohttp's `aiohttp_server`) and point its url there."""
    server = await aiohttp_server(fake.app())
    fake.url = str(server.make_url("")).rstrip("/") + "/"
    return fake
