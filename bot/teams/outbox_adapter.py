"""A botbuilder adapter whose sends go to the outbox: the turn's words commit with the turn's changes.

Keeps botbuilder's programming model (TurnContext, ActivityHandler, dialogs) while nothing leaves
the process before the turn's transaction commits. An invoke response is kept for the HTTP answer,
as botbuilder's own adapters do; typing indicators and traces are not stored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import Activity, ActivityTypes, ConversationReference, ResourceResponse

from bot.teams.outbox import Outbox

_NOT_STORED = {ActivityTypes.typing, ActivityTypes.trace, "delay"}


class OutboxAdapter(BotAdapter):
    def __init__(self, outbox: Outbox):
        super().__init__()
        self._outbox = outbox

    async def send_activities(self, context: TurnContext, activities: list[Activity]) -> list[ResourceResponse]:
        responses: list[ResourceResponse] = []
        for activity in activities:
            if activity.type == ActivityTypes.invoke_response:
                context.turn_state[self._INVOKE_RESPONSE_KEY] = activity
            elif activity.type not in _NOT_STORED:
                row_id = await self._outbox.put(
                    kind="reply", activity=_wire(activity), service_url=activity.service_url or "",
                    conversation_id=activity.conversation.id, tenant_id=_tenant_of(context.activity),
                )
                responses.append(ResourceResponse(id=f"outbox-{row_id}"))
                continue
            responses.append(ResourceResponse(id=""))
        return responses

    async def update_activity(self, context: TurnContext, activity: Activity) -> None:
        raise NotImplementedError("the bot does not edit what it sent")

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        raise NotImplementedError("the bot does not delete what it sent")

    async def run_turn(self, activity: Activity, logic: Callable[[TurnContext], Awaitable[None]]) -> Any:
        """Run one turn; errors propagate (the caller's unit of work rolls back). Returns the invoke response."""
        context = TurnContext(self, activity)
        await self.run_pipeline(context, logic)
        return context.turn_state.get(self._INVOKE_RESPONSE_KEY)

    async def continue_in(self, reference: ConversationReference, logic: Callable[[TurnContext], Awaitable[None]]) -> None:
        """A proactive turn (a dialog started from outside a message) in a stored conversation."""
        await self.run_pipeline(TurnContext(self, reference_activity(reference)), logic)


def reference_activity(reference: ConversationReference) -> Activity:
    """The continuation activity botbuilder uses for proactive turns."""
    return reference.get_continuation_activity() if hasattr(reference, "get_continuation_activity") else Activity(
        type=ActivityTypes.event, name="ContinueConversation", channel_id=reference.channel_id,
        service_url=reference.service_url, conversation=reference.conversation, recipient=reference.bot,
        from_property=reference.user, relates_to=reference,
    )


def _wire(activity: Activity) -> dict[str, Any]:
    body = activity.serialize()
    body.pop("serviceUrl", None)
    return body


def _tenant_of(activity: Activity) -> str | None:
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant") or {}
    return tenant.get("id") if isinstance(tenant, dict) else None
