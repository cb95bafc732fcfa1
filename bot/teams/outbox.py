"""Putting activities into the outbox: inside the current unit of work, delivered once it commits."""

from __future__ import annotations

from typing import Any

from bot.services.clock import Clock
from bot.services.messages import Author
from bot.teams.outbox_sender import OutboxSender
from storage import outbox as store
from storage import unit_of_work
from storage.unit_of_work import UnitOfWorkSessions

_PENDING = "outbox_ids"


class Outbox:
    def __init__(
        self, sessions: UnitOfWorkSessions, clock: Clock, sender: OutboxSender, *, bot_name: str,
        wait_seconds: float = 5.0,
    ):
        self._sessions, self._clock, self._sender, self._wait = sessions, clock, sender, wait_seconds
        self._bot_name = bot_name

    async def put(
        self, *, kind: str, activity: dict[str, Any], service_url: str, conversation_id: str | None = None,
        recipient_object_id: str | None = None, tenant_id: str | None = None, page_id: int | None = None,
        author: Author | None = None,
    ) -> int:
        """Store one message to deliver; the first attempt starts when the surrounding transaction commits."""
        async with self._sessions.begin() as session:
            row_id = await store.enqueue(
                session, kind=kind, service_url=service_url, activity=activity, now=self._clock.now(),
                conversation_id=conversation_id, recipient_object_id=recipient_object_id, tenant_id=tenant_id,
                page_id=page_id, author_person_id=author.person_id if author else None,
                author_name=author.name if author else self._bot_name,
            )
        unit = unit_of_work.current()
        if unit is None:
            await self._sender.flush([row_id], wait_seconds=self._wait)
            return row_id
        pending: list[int] | None = unit.scratch.get(_PENDING)
        if pending is None:
            pending = unit.scratch[_PENDING] = []
            unit.after_commit.append(lambda: self._sender.flush(pending, wait_seconds=self._wait))
        pending.append(row_id)
        return row_id
