"""The recording fake Bot Connector with a fault plan in front of it.

`sent` (inherited) holds only what the connector accepted, as Teams would show it; `attempts`
holds every request with what it got, so a test can tell a retried send from a doubled one.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import time
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.typedefs import Handler

from fakes.connector import FakeConnector, Sent
from fakes.faults import Fault, FaultPlan, Kind


@dataclass(frozen=True)
class Attempt:
    """One request to the connector and its outcome: the status answered, or the fault's label."""

    kind: Kind
    conversation_id: str | None
    outcome: str
    at: float


@dataclass
class FaultyConnector(FakeConnector):
    """A FakeConnector that consults `plan` before handling each request."""

    plan: FaultPlan = field(default_factory=FaultPlan)
    attempts: list[Attempt] = field(default_factory=list)
    accepted_at: list[float] = field(default_factory=list)  # time.monotonic() of each entry of `sent`
    in_flight: Counter[str | None] = field(default_factory=Counter)  # requests being answered, per conversation

    def app(self) -> web.Application:
        app = super().app()
        app.middlewares.append(self._faults)
        return app

    # -- what tests read ---------------------------------------------------------------
    def conversations_of(self, *member_ids: str) -> set[str]:
        """Conversations the connector opened with one of `member_ids` (channel account or AAD object id)."""
        wanted = set(member_ids)
        return {
            created.conversation_id for created in self.created_conversations()
            if wanted & {m.get(key) for m in created.body.get("members") or [] for key in ("id", "aadObjectId")}
        }

    def accepted(self) -> list[tuple[Sent, float]]:
        """Every accepted request with the time it was accepted."""
        return list(zip(self.sent, self.accepted_at, strict=True))

    def failed_attempts(self) -> list[Attempt]:
        return [a for a in self.attempts if not a.outcome.startswith("2")]

    # -- the fault boundary --------------------------------------------------------------
    @web.middleware
    async def _faults(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        kind, conversation_id = _classify(request)
        self.in_flight[conversation_id] += 1
        try:
            return await self._answer(request, handler, kind, conversation_id)
        finally:
            self.in_flight[conversation_id] -= 1

    async def _answer(self, request: web.Request, handler: Handler, kind: Kind,
                      conversation_id: str | None) -> web.StreamResponse:
        fault = self.plan.decide(kind, conversation_id)
        if fault is None:
            response = await handler(request)
            self._attempt(kind, conversation_id, str(response.status))
            return response
        if fault.accept:
            await asyncio.sleep(fault.hang)
            response = await handler(request)
            self._attempt(kind, conversation_id, f"{response.status} after {fault.hang:g}s")
            return response
        self._attempt(kind, conversation_id, fault.label)
        return await _inject(request, fault)

    def _attempt(self, kind: Kind, conversation_id: str | None, outcome: str) -> None:
        self.attempts.append(Attempt(kind, conversation_id, outcome, time.monotonic()))

    def _record(self, request: web.Request, conversation_id: str, body: dict) -> None:
        super()._record(request, conversation_id, body)
        self.accepted_at.append(time.monotonic())


def _classify(request: web.Request) -> tuple[Kind, str | None]:
    conversation_id = request.match_info.get("cid")
    if conversation_id is None:
        return "create", None
    return ("member" if "mid" in request.match_info else "send"), conversation_id


async def _inject(request: web.Request, fault: Fault) -> web.StreamResponse:
    if fault.hang:
        await asyncio.sleep(fault.hang)
    if fault.status is None:
        _reset_connection(request)
        return web.Response(status=499)  # never written: the connection is gone
    headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else None
    body = {"error": {"code": fault.error_code, "message": f"fault plan: {fault.label}"}}
    return web.json_response(body, status=fault.status, headers=headers)


def _reset_connection(request: web.Request) -> None:
    """Close the socket with a TCP RST (linger 0), as a dropped connection looks to the client."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
