"""Putting activities into the outbox: inside the current unit of work, delivered once it commits."""

from __future__ import annotations

from typing import Any

from bot.services.clock import Clock
from bot.services.messages import Author
from bot.teams.outbox_sender import OutboxSender
from storage import outbox as store
from storage import unit_of_work
from storage.outbox import Delivery
from storage.unit_of_work import UnitOfWork, UnitOfWorkSessions

_PENDING = "outbox_deliveries"


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
        """Store one message to deliver; in a unit of work it is claimed just before the commit and its
        first attempt starts once committed."""
        now = self._clock.now()
        async with self._sessions.joined() as session:  # one INSERT: no savepoint needed in a unit
            row_id = await store.enqueue(
                session, kind=kind, service_url=service_url, activity=activity, now=now,
                conversation_id=conversation_id, recipient_object_id=recipient_object_id, tenant_id=tenant_id,
                page_id=page_id, author_person_id=author.person_id if author else None,
                author_name=author.name if author else self._bot_name,
            )
        unit = unit_of_work.current()
        if unit is None:
            await self._sender.flush([row_id], wait_seconds=self._wait)
            return row_id
        pending: list[Delivery] | None = unit.scratch.get(_PENDING)
        if pending is None:
            pending = unit.scratch[_PENDING] = []
            self._deliver_after_commit(unit, pending)
        pending.append(Delivery(row_id, kind, conversation_id, recipient_object_id, tenant_id, service_url, activity,
                                0, False, page_id, now))
        return row_id

    def _deliver_after_commit(self, unit: UnitOfWork, pending: list[Delivery]) -> None:
        claimed: list[Delivery] = []

        async def claim() -> None:
            claimed.extend(await self._sender.claim_in(unit.session, pending))

        unit.before_commit.append(claim)
        unit.after_commit.append(lambda: self._sender.deliver_claimed(claimed, wait_seconds=self._wait))
