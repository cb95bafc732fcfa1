"""The Teams activity handler: turns activities into service calls and replies into activities."""

from __future__ import annotations

import logging
from typing import Protocol

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsActivityHandler

from bot.services.admission import AdmissionService
from bot.services.messages import Admission, Inbound, InboundKind, Reply
from bot.teams.activities import inbound_from, reply_activity

log = logging.getLogger(__name__)


class Router(Protocol):
    """What happens after admission: dialogs for customers, commands for staff."""

    async def route(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None: ...


async def send_replies(context: TurnContext, replies: tuple[Reply, ...] | list[Reply]) -> None:
    for reply in replies:
        await context.send_activity(reply_activity(reply))


class SupportBot(TeamsActivityHandler):
    """1:1 chats only; the membership and installation events both count as first contact."""

    def __init__(self, admission: AdmissionService, router: Router):
        self._admission, self._router = admission, router

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await self._take(turn_context, InboundKind.MESSAGE)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await self._take(turn_context, InboundKind.INSTALLED)

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        """Only "the bot joined" matters here; no member look-ups, so no extra round trips."""
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if any(member.id == bot_id for member in activity.members_added or []):
            await self._take(turn_context, InboundKind.INSTALLED)

    async def _take(self, turn_context: TurnContext, kind: InboundKind) -> None:
        inbound = inbound_from(turn_context.activity, kind)
        admission = await self._admission.admit(inbound)
        await send_replies(turn_context, admission.replies)
        if admission.proceed:
            await self._router.route(turn_context, admission, inbound)
