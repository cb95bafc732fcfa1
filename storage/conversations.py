"""Conversation references (for proactive messages) and the transcript of every message."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Conversation, Organisation, TranscriptMessage


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


async def record_message(session: AsyncSession, message: TranscriptMessage) -> bool:
    """Append to the transcript; False when this activity was recorded before (a redelivery)."""
    try:
        async with session.begin_nested():
            session.add(message)
    except IntegrityError:
        return False
    return True


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
