"""Everything the bot sends inside a turn lands in the transcript, reactive or proactive alike."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ResourceResponse

from bot.services.transcript import TranscriptService
from bot.teams.activities import transcript_entry

SendNext = Callable[[], Awaitable[list[ResourceResponse]]]
SendHandler = Callable[[TurnContext, list[Activity], SendNext], Awaitable[list[ResourceResponse]]]


def recording_sends(transcript: TranscriptService) -> SendHandler:
    """A `TurnContext.on_send_activities` handler that records sent messages after delivery."""

    async def record(context: TurnContext, activities: list[Activity], send_next: SendNext) -> list[ResourceResponse]:
        responses = await send_next()
        sent = zip(activities, responses or [None] * len(activities), strict=False)  # a channel may answer fewer
        entries = [transcript_entry(a, r.id if r else None) for a, r in sent if a.type == "message"]
        if entries:
            await transcript.record_outgoing(context.activity.conversation.id, entries)
        return responses

    return record
