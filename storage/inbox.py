"""The durable inbox: incoming activities stored before they are answered, finished exactly once."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from storage.core import by_dialect, prebuilt, run
from storage.models import Conversation, InboxActivity


_ACCEPT = {
    name: prebuilt(insert(InboxActivity).on_conflict_do_nothing(index_elements=["conversation_id", "activity_key"])
                   .returning(InboxActivity.id))
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


async def accept(
    session: AsyncSession, *, conversation_id: str, activity_key: str, activity_type: str, body: dict[str, Any],
    now: datetime,
) -> int | None:
    """Store an activity once; None when this (conversation, activity) was accepted before."""
    values = {
        "conversation_id": conversation_id, "activity_key": activity_key, "activity_type": activity_type, "body": body,
        "status": "pending", "attempts": 0, "received_at": now, "next_attempt_at": now,
    }
    return (await run(session, by_dialect(session, _ACCEPT), values)).scalar_one_or_none()


async def status_of(session: AsyncSession, conversation_id: str, activity_key: str) -> str | None:
    query = select(InboxActivity.status).where(
        InboxActivity.conversation_id == conversation_id, InboxActivity.activity_key == activity_key
    )
    return await session.scalar(query)


_NEXT_PENDING = (
    select(InboxActivity.id, InboxActivity.activity_key, InboxActivity.activity_type, InboxActivity.body,
           InboxActivity.attempts, InboxActivity.next_attempt_at)
    .where(InboxActivity.conversation_id == bindparam("chat"), InboxActivity.status == "pending")
    .order_by(InboxActivity.id)
    .limit(1)
)


async def next_pending(session: AsyncSession, conversation_id: str) -> Row[Any] | None:
    """The oldest owed turn of one conversation (id, activity_key, activity_type, body, attempts, next_attempt_at):
    turns run in the order they arrived. A row, not an ORM object: it is read in every turn."""
    return (await run(session, _NEXT_PENDING, {"chat": conversation_id})).first()


_FINISH = (
    update(InboxActivity)
    .where(InboxActivity.id == bindparam("row_id"), exists().where(Conversation.id == InboxActivity.conversation_id))
    .values(status=bindparam("outcome"), done_at=bindparam("at"), last_error=bindparam("error_text"),
            attempts=InboxActivity.attempts + 1)
)
_FORGET = delete(InboxActivity).where(InboxActivity.id == bindparam("row_id"))


async def finish(session: AsyncSession, inbox_id: int, now: datetime, *, status: str = "done", error: str | None = None) -> None:
    """Done (or failed) with its turn's effects; an activity in a conversation the bot does not keep
    (a tenant without a contract) is forgotten instead: of those, nothing is stored but a log line."""
    finished = await run(session, _FINISH, {"row_id": inbox_id, "outcome": status, "at": now, "error_text": error})
    if not finished.rowcount:
        await run(session, _FORGET, {"row_id": inbox_id})


_HAS_PENDING = select(InboxActivity.id).where(
    InboxActivity.conversation_id == bindparam("chat"), InboxActivity.status == "pending"
).limit(1)


async def has_pending(session: AsyncSession, conversation_id: str) -> bool:
    """Another turn of this conversation is owed (asked in the turn's own transaction, to save one)."""
    return (await run(session, _HAS_PENDING, {"chat": conversation_id})).first() is not None


async def postpone(session: AsyncSession, inbox_id: int, until: datetime, error: str) -> None:
    """A turn that could not run (the database went away mid-turn): try again later, still owed."""
    await session.execute(
        update(InboxActivity)
        .where(InboxActivity.id == inbox_id, InboxActivity.status == "pending")
        .values(attempts=InboxActivity.attempts + 1, next_attempt_at=until, last_error=error[:2000])
    )


async def conversations_owed(session: AsyncSession, now: datetime, older_than: timedelta, limit: int = 100) -> list[str]:
    """Conversations with a turn still owed that nobody seems to be running (crash, outage, other replica)."""
    query = (
        select(InboxActivity.conversation_id)
        .where(
            InboxActivity.status == "pending", InboxActivity.received_at <= now - older_than,
            InboxActivity.next_attempt_at <= now,
        )
        .group_by(InboxActivity.conversation_id)
        .order_by(func.min(InboxActivity.id))
        .limit(limit)
    )
    return list(await session.scalars(query))


async def backlog(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).where(InboxActivity.status == "pending")) or 0
