"""The Teams activity handler: turns activities into service calls and replies into activities."""

from __future__ import annotations

import logging
from typing import Protocol

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ActivityTypes

from bot.services.admission import AdmissionService
from bot.services.messages import Admission, Inbound, InboundKind, Reply
from bot.services.revisions import RevisionService
from bot.teams.activities import card_action_data, event_type, inbound_from, reply_activity
from bot.teams.invoke import CARD_ACTION, bad_card_action, card_action_done

log = logging.getLogger(__name__)


class Router(Protocol):
    """What happens after admission: the customer service for customers, commands for staff."""

    async def route(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None: ...


async def send_replies(context: TurnContext, replies: tuple[Reply, ...] | list[Reply]) -> None:
    for reply in replies:
        await context.send_activity(reply_activity(reply))


class SupportBot(TeamsActivityHandler):
    """1:1 chats only; the membership and installation events both count as first contact."""

    def __init__(self, admission: AdmissionService, router: Router, revisions: RevisionService):
        self._admission, self._router, self._revisions = admission, router, revisions

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

    # --- Every other activity type Teams sends (issue 11): the right answer, and nothing for the rest ---

    async def on_message_update_activity(self, turn_context: TurnContext) -> None:
        """An edit; Teams' undelete carries no text to restore, so it changes nothing."""
        if event_type(turn_context.activity) != "undeleteMessage":
            await self._revise(turn_context, InboundKind.EDITED)

    async def on_message_delete_activity(self, turn_context: TurnContext) -> None:
        """A soft delete by the sender: the stored text is redacted."""
        if event_type(turn_context.activity) in (None, "softDeleteMessage"):
            await self._revise(turn_context, InboundKind.DELETED)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        """An Action.Execute button works like an Action.Submit one; other invokes are acknowledged, unanswered."""
        activity = turn_context.activity
        if activity.name != CARD_ACTION:
            return InvokeResponse(status=200)
        data = card_action_data(activity.value)
        if data is None:
            return bad_card_action()
        await turn_context.send_activity(Activity(type=ActivityTypes.invoke_response, value=card_action_done(activity)))
        activity.value, activity.type = data, ActivityTypes.message  # handled as the button press it stands for
        try:
            await self._take(turn_context, InboundKind.MESSAGE)
        finally:
            activity.type = ActivityTypes.invoke  # the adapter answers an invoke with the response sent above
        return None  # already sent: the base class sends nothing more

    async def on_message_reaction_activity(self, turn_context: TurnContext) -> None:
        """A like on a message says nothing the bot acts on."""

    async def on_typing_activity(self, turn_context: TurnContext) -> None:
        """Typing indicators: nothing to do."""

    async def on_end_of_conversation_activity(self, turn_context: TurnContext) -> None:
        """Nothing to close: conversations and tickets live on."""

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        """Uninstalled: the bot can no longer write there; the stored reference stays for the history."""
        log.info("bot removed from conversation %s", turn_context.activity.conversation.id)

    async def on_event_activity(self, turn_context: TurnContext) -> None:
        """Read receipts and meeting events: nothing to do (the SDK's parsing of them can fail on bad input)."""

    async def on_unrecognized_activity_type(self, turn_context: TurnContext) -> None:
        """Unknown types: 200 and nothing."""

    async def _revise(self, turn_context: TurnContext, kind: InboundKind) -> None:
        inbound = inbound_from(turn_context.activity, kind)
        if not inbound.personal or not inbound.user_object_id:
            return
        if kind is InboundKind.EDITED:
            await self._revisions.edited(inbound)
        else:
            await self._revisions.deleted(inbound)

    async def _take(self, turn_context: TurnContext, kind: InboundKind) -> None:
        inbound = inbound_from(turn_context.activity, kind)
        admission = await self._admission.admit(inbound)
        await send_replies(turn_context, admission.replies)
        if admission.proceed:
            await self._router.route(turn_context, admission, inbound)
