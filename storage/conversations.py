"""Conversation references (for proactive messages) and the transcript of every message."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.core import by_dialect, prebuilt, run
from storage.models import Conversation, Organisation, TranscriptMessage

SEEN_REFRESH = timedelta(minutes=15)
"""How stale `updated_at` (which chat of a person, or of a tenant, was seen last) may get before an
unchanged reference is written again: writing it on every message cost a statement per turn."""


async def conversation_by_id(session: AsyncSession, conversation_id: str) -> Conversation | None:
    return await session.get(Conversation, conversation_id)


async def save_reference(
    session: AsyncSession,
    *,
    conversation_id: str,
    person_id: int | None,
    organisation_id: int | None,
    channel_id: str,
    service_url: str,
    reference: dict[str, Any],
    now: datetime,
) -> bool:
    """Store or refresh the reference; True when this conversation was not known before."""
    existing = await conversation_by_id(session, conversation_id)
    if existing is not None:
        if _changed(existing, reference, service_url, person_id) or now - existing.updated_at >= SEEN_REFRESH:
            existing.reference, existing.service_url, existing.updated_at = reference, service_url, now
            existing.person_id = person_id or existing.person_id
            await session.flush()
        return False
    try:
        async with session.begin_nested():
            session.add(
                Conversation(
                    id=conversation_id, person_id=person_id, organisation_id=organisation_id,
                    channel_id=channel_id, service_url=service_url, reference=reference,
                    created_at=now, updated_at=now,
                )
            )
    except IntegrityError:  # another replica stored it first
        return False
    return True


def _changed(stored: Conversation, reference: dict[str, Any], service_url: str, person_id: int | None) -> bool:
    """Anything but the id of the latest activity, which every message changes and nothing reads."""
    return (
        stored.service_url != service_url
        or (person_id is not None and stored.person_id != person_id)
        or _without_activity_id(stored.reference) != _without_activity_id(reference)
    )


def _without_activity_id(reference: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in reference.items() if key != "activityId"}


async def latest_personal_conversation_of(session: AsyncSession, person_id: int) -> Conversation | None:
    """Where to reach a person proactively: their most recent 1:1 chat, never a group chat or a channel,
    where a page (with a customer's details) would be read by others."""
    query = (
        select(Conversation)
        .where(Conversation.person_id == person_id)
        .order_by(Conversation.updated_at.desc())
        .limit(20)
    )
    for conversation in await session.scalars(query):
        if is_personal(conversation.reference):
            return conversation
    return None


def is_personal(reference: dict[str, Any]) -> bool:
    """Teams marks 1:1 chats `conversationType: personal`; group chats and channels say otherwise."""
    conversation = reference.get("conversation") or {}
    kind = conversation.get("conversationType")
    return not conversation.get("isGroup") and kind in (None, "", "personal")


_RECORD = {
    name: prebuilt(insert(TranscriptMessage).on_conflict_do_nothing(index_elements=["conversation_id", "direction", "activity_id"])
                   .returning(TranscriptMessage.id))
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


async def record_message(session: AsyncSession, message: TranscriptMessage) -> bool:
    """Append to the transcript; False when this activity was recorded before (a redelivery).
    One statement that skips a duplicate itself, so no savepoint is needed: it runs in every turn."""
    values = {key: value for key, value in inspect(message).dict.items() if not key.startswith("_")}
    return (await run(session, by_dialect(session, _RECORD), values)).scalar_one_or_none() is not None


async def transcript(session: AsyncSession, conversation_id: str) -> list[TranscriptMessage]:
    query = (
        select(TranscriptMessage)
        .where(TranscriptMessage.conversation_id == conversation_id)
        .order_by(TranscriptMessage.id)
    )
    return list(await session.scalars(query))


async def any_conversation_in_tenant(session: AsyncSession, tenant_id: str) -> Conversation | None:
    """A recent chat in a tenant: it tells the service URL and the bot's Teams id for opening new chats."""
    query = (
        select(Conversation)
        .join(Organisation, Conversation.organisation_id == Organisation.id)
        .where(Organisation.tenant_id == tenant_id)
        .order_by(Conversation.updated_at.desc())
        .limit(1)
    )
    return await session.scalar(query)
