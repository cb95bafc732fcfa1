"""A per-person limit on incoming messages: a flood is stored in full but not acted on, and answered once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, func, select

from bot.services.clock import Clock
from storage.core import run
from storage.models import TranscriptMessage
from storage.unit_of_work import Sessions

WINDOW = timedelta(minutes=1)
_RECENT = select(func.count()).select_from(TranscriptMessage).where(
    TranscriptMessage.author_person_id == bindparam("person"), TranscriptMessage.direction == "in",
    TranscriptMessage.activity_type == "message", TranscriptMessage.created_at > bindparam("since"),
)


@dataclass(frozen=True, slots=True)
class LimitVerdict:
    over: bool  # more messages in the last minute than the limit: do not act on this one
    first_over: bool  # the first one over the limit: say so, once, instead of answering each


class MessageLimit:
    """Counts the person's messages in the transcript, so every replica sees the same count."""

    def __init__(self, sessions: Sessions, clock: Clock, per_minute: int):
        self._sessions, self._clock, self._per_minute = sessions, clock, per_minute

    async def check(self, person_id: int) -> LimitVerdict:
        """Called after this message was stored, so it counts itself."""
        since = self._clock.now() - WINDOW
        async with self._sessions() as session:
            recent = (await run(session, _RECENT, {"person": person_id, "since": since})).scalar() or 0
        return LimitVerdict(over=recent > self._per_minute, first_over=recent == self._per_minute + 1)
