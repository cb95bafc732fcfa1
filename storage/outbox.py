"""The outbox: what the bot must say, stored with the change that causes it, handed to one sender.

Delivery is at least once: a sender that dies after the connector accepted a message but before it
recorded that, leaves the message `sending`; once its lease runs out it is sent again. Bot Framework
has no idempotency key, so that window (milliseconds) is the one place a message can be doubled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.core import run
from storage.models import Conversation, OutboxMessage, OutboxSenderBeat, Person, TranscriptMessage
from storage.rows import changed

OPEN = ("pending", "sending")


@dataclass(frozen=True, slots=True)
class Delivery:
    """A claimed outbox row, detached from the session: what the sender needs to deliver it."""

    id: int
    kind: str
    conversation_id: str | None
    recipient_object_id: str | None
    tenant_id: str | None
    service_url: str
    activity: dict[str, Any]
    attempts: int
    opened_new_chat: bool
    page_id: int | None
    created_at: datetime


def lane_of(conversation_id: str | None, recipient_object_id: str | None) -> str:
    return f"chat:{conversation_id}" if conversation_id else f"person:{recipient_object_id}"


_ENQUEUE = insert(OutboxMessage).returning(OutboxMessage.id)


async def enqueue(
    session: AsyncSession, *, kind: str, service_url: str, activity: dict[str, Any], now: datetime,
    conversation_id: str | None = None, recipient_object_id: str | None = None, tenant_id: str | None = None,
    page_id: int | None = None, author_person_id: int | None = None, author_name: str | None = None,
) -> int:
    """Add one message to deliver; its id, for the caller's after-commit delivery."""
    if not conversation_id and not recipient_object_id:
        raise ValueError("an outbox message needs a conversation or a recipient")
    values = {
        "kind": kind, "lane": lane_of(conversation_id, recipient_object_id), "conversation_id": conversation_id,
        "recipient_object_id": recipient_object_id, "tenant_id": tenant_id, "service_url": service_url,
        "activity": activity, "page_id": page_id, "author_person_id": author_person_id, "author_name": author_name,
        "status": "pending", "attempts": 0, "opened_new_chat": False, "created_at": now, "next_attempt_at": now,
    }
    return (await run(session, _ENQUEUE, values)).scalar_one()


_BLOCKING = (
    select(OutboxMessage.lane, func.min(OutboxMessage.id))
    .where(OutboxMessage.lane.in_(bindparam("lanes", expanding=True)), OutboxMessage.status.in_(OPEN),
           OutboxMessage.id.not_in(bindparam("ids", expanding=True)))
    .group_by(OutboxMessage.lane)
)
_TAKE = (
    update(OutboxMessage)
    .where(OutboxMessage.id.in_(bindparam("ids", expanding=True)), OutboxMessage.status == "pending")
    .values(status="sending", lease_until=bindparam("until"), claimed_by=bindparam("sender"))
    .returning(OutboxMessage.id)
)
_LANE_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:lane, 1))")


async def claim_new(session: AsyncSession, deliveries: list[Delivery], now: datetime, lease: timedelta, *,
                    sender: str) -> list[Delivery]:
    """Claim messages written in this very transaction (nobody else can see them yet) for `sender`,
    unless an earlier open message of their lane holds them back; the ones claimed, in order.

    Two statements, and on PostgreSQL a lock per lane held until the commit: two transactions writing
    to one lane at once (a staff relay and the customer's turn, a page and a reminder) could otherwise
    each miss the other's uncommitted message and both claim theirs, so they would be sent side by
    side. With the lock the later one sees the earlier one's message, as `claim` does after a commit.
    SQLite runs one writer at a time anyway."""
    if not deliveries:
        return []
    ids = [delivery.id for delivery in deliveries]
    lanes = sorted({lane_of(delivery.conversation_id, delivery.recipient_object_id) for delivery in deliveries})
    if session.bind.dialect.name == "postgresql":
        for lane in lanes:  # sorted: two units never wait for each other's lanes crosswise
            await run(session, _LANE_LOCK, {"lane": lane})
    blocking = await run(session, _BLOCKING, {"lanes": lanes, "ids": ids})
    first_blocked: dict[str, int] = {lane: row_id for lane, row_id in blocking.all()}
    free = [d for d in deliveries if first_blocked.get(lane_of(d.conversation_id, d.recipient_object_id), d.id + 1) > d.id]
    if not free:
        return []
    taken = await run(session, _TAKE, {"ids": [d.id for d in free], "until": now + lease, "sender": sender})
    claimed = set(taken.scalars())  # a row rolled back with a savepoint since is not there any more
    return [delivery for delivery in free if delivery.id in claimed]


async def claim(session: AsyncSession, now: datetime, lease: timedelta, *, sender: str,
                ids: list[int] | None = None, limit: int = 50) -> list[Delivery]:
    """Claim due messages that no earlier open message of their lane holds back, so a chat's
    messages arrive in order: a lane waits behind a message being sent or waiting for a retry."""
    query = select(OutboxMessage.id, OutboxMessage.lane).where(
        OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now
    )
    if ids is not None:
        query = query.where(OutboxMessage.id.in_(ids))
    candidates = (await session.execute(query.order_by(OutboxMessage.id).limit(limit))).all()
    if not candidates:
        return []
    blocking = await session.execute(
        select(OutboxMessage.lane, func.min(OutboxMessage.id))
        .where(
            OutboxMessage.lane.in_({lane for _, lane in candidates}), OutboxMessage.status.in_(OPEN),
            OutboxMessage.id.not_in([row_id for row_id, _ in candidates]),
        )
        .group_by(OutboxMessage.lane)
    )
    first_blocked: dict[str, int] = {lane: row_id for lane, row_id in blocking.all()}
    claimed: list[Delivery] = []
    for row_id, lane in candidates:
        if lane in first_blocked and first_blocked[lane] < row_id:
            continue
        taken = await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.status == "pending")
            .values(status="sending", lease_until=now + lease, claimed_by=sender)
            .returning(OutboxMessage)
        )
        row = taken.scalar_one_or_none()
        if row is None:  # another sender took it: the rest of its lane waits for that one
            first_blocked[lane] = row_id
            continue
        claimed.append(_delivery(row))
    return claimed


def _delivery(row: OutboxMessage) -> Delivery:
    return Delivery(
        row.id, row.kind, row.conversation_id, row.recipient_object_id, row.tenant_id, row.service_url,
        dict(row.activity), row.attempts, row.opened_new_chat, row.page_id, row.created_at,
    )


_KEPT = exists().where(Conversation.id == bindparam("chat"))
_DELIVERED = (
    update(OutboxMessage)
    .where(OutboxMessage.id == bindparam("row_id"), OutboxMessage.status == "sending", _KEPT)
    .values(status="delivered", activity_id=bindparam("sent_id"), delivered_at=bindparam("at"),
            conversation_id=bindparam("chat"), attempts=OutboxMessage.attempts + 1, lease_until=None)
    .returning(OutboxMessage.author_person_id, OutboxMessage.author_name)
)
_NOT_KEPT = delete(OutboxMessage).where(OutboxMessage.id == bindparam("row_id"), OutboxMessage.status == "sending", ~_KEPT)
_TRANSCRIPT = insert(TranscriptMessage)
_LANE_WAITING = select(OutboxMessage.id).where(
    OutboxMessage.lane == bindparam("lane"), OutboxMessage.status == "pending"
).limit(1)


async def delivered(session: AsyncSession, delivery: Delivery, *, conversation_id: str, activity_id: str | None,
                    now: datetime) -> bool:
    """Mark delivered and add it to the transcript with the connector's activity id; False if not ours.

    A message into a conversation the bot does not keep (a tenant without a contract) leaves no row.
    """
    found = {"row_id": delivery.id, "chat": conversation_id}
    author = (await run(session, _DELIVERED, {**found, "sent_id": activity_id, "at": now})).one_or_none()
    if author is None:  # not ours any more, or a chat the bot does not keep: then no row at all
        return bool((await run(session, _NOT_KEPT, found)).rowcount)
    activity = delivery.activity
    payload = {"attachments": activity["attachments"]} if activity.get("attachments") else None
    await run(session, _TRANSCRIPT, {
        "conversation_id": conversation_id, "direction": "out", "activity_id": activity_id,
        "activity_type": activity.get("type", "message"), "author_person_id": author.author_person_id,
        "author_name": author.author_name or "", "relayed": author.author_person_id is not None,
        "text": what_was_read(activity), "payload": payload, "created_at": now,
    })
    return True


def what_was_read(activity: dict[str, Any]) -> str:
    """The transcript's text of a sent message: its text, or its cards' text, facts and button titles,
    so the transcript shows the choices the person was given."""
    if activity.get("text"):
        return str(activity["text"])
    lines: list[str] = []
    for attachment in activity.get("attachments") or []:
        card = attachment.get("content") if isinstance(attachment, dict) else None
        if not isinstance(card, dict):
            continue
        for element in card.get("body") or []:
            if element.get("type") == "TextBlock":
                lines.append(str(element.get("text") or ""))
            elif element.get("type") == "FactSet":
                lines += [f"{fact.get('title')}: {fact.get('value')}" for fact in element.get("facts") or []]
        lines += [str(action.get("title") or "") for action in card.get("actions") or []]
    return "\n".join(line for line in lines if line) or str(activity.get("summary") or "")


async def lane_has_waiting(session: AsyncSession, lane: str) -> bool:
    """A message of this lane waits for the one just delivered (so the sender should look again now)."""
    return (await run(session, _LANE_WAITING, {"lane": lane})).first() is not None


async def retry_later(session: AsyncSession, delivery_id: int, at: datetime, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == delivery_id, OutboxMessage.status == "sending")
        .values(status="pending", next_attempt_at=at, last_error=error[:2000], attempts=OutboxMessage.attempts + 1,
                lease_until=None)
    )


async def unclaim(session: AsyncSession, ids: list[int]) -> None:
    """Claimed but not tried: back in the queue as they were (an earlier message of their chat waits
    for a retry, and they must not overtake it)."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == "sending")
        .values(status="pending", lease_until=None, claimed_by=None)
    )


async def reroute_to_new_chat(session: AsyncSession, delivery_id: int, error: str) -> None:
    """The stored chat is gone (403/404/400 on a stale service URL): the message goes to a new 1:1 chat.
    Stays claimed: the sender opens the chat at once; a retry after a crash opens it too."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == delivery_id, OutboxMessage.status == "sending")
        .values(conversation_id=None, opened_new_chat=True, last_error=error[:2000], attempts=OutboxMessage.attempts + 1)
    )


async def failed(session: AsyncSession, delivery_id: int, error: str) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == delivery_id, OutboxMessage.status.in_(OPEN))
        .values(status="failed", last_error=error[:2000], attempts=OutboxMessage.attempts + 1, lease_until=None)
    )


async def beat(session: AsyncSession, sender: str, now: datetime) -> None:
    """This sender is alive (see `release_abandoned`)."""
    insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
    statement = insert(OutboxSenderBeat).values(id=sender, seen_at=now)
    await session.execute(statement.on_conflict_do_update(index_elements=["id"], set_={"seen_at": now}))


async def renew_leases(session: AsyncSession, sender: str, ids: list[int], now: datetime, lease: timedelta) -> int:
    """The claims `ids` of a sender that is alive, still being worked on, stay its own however long its
    queue takes (a lane of many messages, rate-limit waits). A claim whose delivery task died (its
    retry could not even be written) is not among them: its lease runs out and it goes back."""
    if not ids:
        return 0
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.claimed_by == sender, OutboxMessage.status == "sending")
        .values(lease_until=now + lease)
    )
    return changed(result)


async def release_abandoned(session: AsyncSession, now: datetime, silent_for: timedelta) -> int:
    """Messages claimed by a sender that has not beaten for `silent_for` (killed), or whose lease ran
    out (a sender stuck), go back to the queue; senders long gone are forgotten."""
    alive = select(OutboxSenderBeat.id).where(OutboxSenderBeat.seen_at >= now - silent_for)
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == "sending",
            (OutboxMessage.lease_until < now) | OutboxMessage.claimed_by.is_(None)
            | OutboxMessage.claimed_by.not_in(alive),
        )
        .values(status="pending", lease_until=None, claimed_by=None)
    )
    await session.execute(delete(OutboxSenderBeat).where(OutboxSenderBeat.seen_at < now - timedelta(days=1)))
    return changed(result)


async def cancel_page_messages(session: AsyncSession, page_ids: list[int]) -> None:
    """A settled page (acknowledged elsewhere) need not reach anyone any more."""
    if page_ids:
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.page_id.in_(page_ids), OutboxMessage.status == "pending")
            .values(status="cancelled", last_error="page settled before it was delivered")
        )


async def waiting(session: AsyncSession) -> int:
    """Messages not delivered yet (pending or being sent): the backlog gauge."""
    return await session.scalar(select(func.count()).where(OutboxMessage.status.in_(OPEN))) or 0


async def backlog(session: AsyncSession, now: datetime) -> dict[str, Any]:
    """Readiness figures: messages waiting, the oldest one's age in seconds, and messages given up on."""
    waiting = await session.execute(
        select(func.count(), func.min(OutboxMessage.created_at)).where(OutboxMessage.status.in_(OPEN))
    )
    count, oldest = waiting.one()
    undeliverable = await session.scalar(select(func.count()).where(OutboxMessage.status == "failed")) or 0
    age = (now - oldest).total_seconds() if oldest else 0.0
    return {"waiting": count, "oldest_seconds": round(age, 1), "undeliverable": undeliverable}


@dataclass(frozen=True, slots=True)
class Undeliverable:
    recipient: str  # the person's name, else their object id or the conversation id
    at: datetime
    text: str


async def undeliverable(session: AsyncSession, since: datetime, limit: int = 5) -> tuple[list[Undeliverable], int]:
    """For staff: the newest messages given up on since `since`, and how many there were in all."""
    recent = OutboxMessage.status == "failed", OutboxMessage.created_at >= since
    total = await session.scalar(select(func.count()).where(*recent)) or 0
    if not total:
        return [], 0
    owner, recipient = aliased(Person), aliased(Person)
    query = (
        select(OutboxMessage, owner.name, recipient.name)
        .outerjoin(Conversation, Conversation.id == OutboxMessage.conversation_id)
        .outerjoin(owner, owner.id == Conversation.person_id)
        .outerjoin(recipient, recipient.aad_object_id == OutboxMessage.recipient_object_id)
        .where(*recent)
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    found = []
    for row, chat_owner, recipient_name in (await session.execute(query)).all():
        name = recipient_name or chat_owner or row.recipient_object_id or row.conversation_id or "?"
        found.append(Undeliverable(name, row.created_at, row.activity.get("text") or row.activity.get("summary") or ""))
    return found, total
