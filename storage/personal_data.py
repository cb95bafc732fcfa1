"""One customer's personal data (AVG/GDPR): find it, export it as plain JSON, erase it; and the retention purge.

Erasing deletes the person's conversations and every message in them (with earlier versions and
dialog state), and anonymises what the MSP must keep as a record: tickets, notes, escalation
reasons and quote requests keep their numbers and dates but lose the person's words and name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Conversation, EscalationEvent, Organisation, Person, QuoteRequest, Ticket, TicketNote,
    TranscriptMessage, TranscriptRevision,
)  # fmt: skip
from storage.rows import changed
from storage.sqlite_driver import off_the_loop


@dataclass(frozen=True, slots=True)
class Footprint:
    """How much there is of one person: what the erase confirmation shows and the erase reports."""

    messages: int
    conversations: int
    tickets: int


async def customers_called(session: AsyncSession, object_id: str | None, name: str) -> list[Person]:
    """By object id when one is given, else by name (ignoring case); customers only, never staff."""
    query = select(Person).where(Person.kind == "customer")
    if object_id is not None:
        query = query.where(Person.aad_object_id == object_id)
    else:
        query = query.where(func.lower(Person.name) == name.strip().lower())
    return list(await session.scalars(query.order_by(Person.id)))


async def footprint(session: AsyncSession, person: Person) -> Footprint:
    conversation_ids = await conversation_ids_of(session, person)
    messages = await session.scalar(select(func.count()).select_from(_messages(person, conversation_ids).subquery()))
    tickets = await session.scalar(select(func.count()).select_from(Ticket).where(Ticket.reporter_id == person.id))
    return Footprint(messages or 0, len(conversation_ids), tickets or 0)


async def export(session: AsyncSession, person: Person) -> dict[str, Any]:
    """Everything stored about the person, as JSON-ready values."""
    organisation = await session.get(Organisation, person.organisation_id) if person.organisation_id else None
    conversation_ids = await conversation_ids_of(session, person)
    conversations = await session.scalars(select(Conversation).where(Conversation.id.in_(conversation_ids)))
    messages = list(await session.scalars(_messages(person, conversation_ids).order_by(TranscriptMessage.id)))
    revisions = await _revisions_by_message(session, [m.id for m in messages])
    tickets = await session.scalars(select(Ticket).where(Ticket.reporter_id == person.id).order_by(Ticket.id))
    quotes = await session.scalars(select(QuoteRequest).where(QuoteRequest.person_id == person.id).order_by(QuoteRequest.id))
    return {
        "person": {
            "object_id": person.aad_object_id, "name": person.name, "locale": person.locale,
            "organisation": {"name": organisation.name, "tenant_id": organisation.tenant_id} if organisation else None,
        },
        "conversations": [{"id": c.id, "created_at": c.created_at, "updated_at": c.updated_at} for c in conversations],
        "messages": [_message(m, revisions.get(m.id, [])) for m in messages],
        "tickets": [_ticket(t) for t in tickets],
        "quote_requests": [{"intent": q.intent, "text": q.text, "status": q.status, "created_at": q.created_at} for q in quotes],
    }


async def erase(session: AsyncSession, person: Person, placeholder: str) -> Footprint:
    """Delete the conversations and messages, anonymise the records; the person row stays as an empty shell."""
    with off_the_loop():  # writes of many rows: the chats go on meanwhile
        counted = await footprint(session, person)
        conversations = list(await session.scalars(select(Conversation).where(Conversation.person_id == person.id)))
        conversation_ids = [c.id for c in conversations]
        message_ids = select(TranscriptMessage.id).where(_messages_filter(person, conversation_ids))
        await session.execute(delete(TranscriptRevision).where(TranscriptRevision.message_id.in_(message_ids)))
        await session.execute(delete(TranscriptMessage).where(_messages_filter(person, conversation_ids)))
        await session.execute(
            update(Ticket).where(Ticket.reporter_id == person.id)
            .values(subject=placeholder, description=placeholder, product=None, affected=None, since=None)
        )  # fmt: skip
        await session.execute(update(Ticket).where(Ticket.conversation_id.in_(conversation_ids)).values(conversation_id=None))
        await session.execute(
            update(TicketNote).where(TicketNote.author_person_id == person.id).values(text=placeholder, author_name=placeholder)
        )
        await session.execute(update(EscalationEvent).where(EscalationEvent.actor_person_id == person.id).values(reason=placeholder))
        await session.execute(update(QuoteRequest).where(QuoteRequest.person_id == person.id).values(text=placeholder))
        await session.execute(delete(Conversation).where(Conversation.id.in_(conversation_ids)))
        person.name, person.locale, person.aad_object_id = placeholder[:200], None, f"erased-{person.id}"
        await session.flush()
    return counted


async def purge_transcripts(session: AsyncSession, before: datetime) -> int:
    """Retention: messages (and their attachment references and earlier versions) older than `before`."""
    with off_the_loop():
        old = select(TranscriptMessage.id).where(TranscriptMessage.created_at < before)
        await session.execute(delete(TranscriptRevision).where(TranscriptRevision.message_id.in_(old)))
        result = await session.execute(delete(TranscriptMessage).where(TranscriptMessage.created_at < before))
    return changed(result)


async def conversation_ids_of(session: AsyncSession, person: Person) -> list[str]:
    return list(await session.scalars(select(Conversation.id).where(Conversation.person_id == person.id)))


def _messages_filter(person: Person, conversation_ids: list[str]) -> Any:
    """Their own chats both ways, and their words relayed into a staff member's chat."""
    return or_(TranscriptMessage.conversation_id.in_(conversation_ids), TranscriptMessage.author_person_id == person.id)


def _messages(person: Person, conversation_ids: list[str]) -> Select[tuple[TranscriptMessage]]:
    return select(TranscriptMessage).where(_messages_filter(person, conversation_ids))


async def _revisions_by_message(session: AsyncSession, message_ids: list[int]) -> dict[int, list[TranscriptRevision]]:
    found: dict[int, list[TranscriptRevision]] = {}
    query = select(TranscriptRevision).where(TranscriptRevision.message_id.in_(message_ids)).order_by(TranscriptRevision.id)
    for revision in await session.scalars(query):
        found.setdefault(revision.message_id, []).append(revision)
    return found


def _message(message: TranscriptMessage, revisions: list[TranscriptRevision]) -> dict[str, Any]:
    return {
        "conversation_id": message.conversation_id, "direction": message.direction, "author": message.author_name,
        "text": message.text, "payload": message.payload, "created_at": message.created_at,
        "edited_at": message.edited_at, "deleted_at": message.deleted_at,
        "earlier_versions": [{"text": r.text, "payload": r.payload, "replaced_at": r.replaced_at} for r in revisions],
    }


def _ticket(ticket: Ticket) -> dict[str, Any]:
    return {
        "number": ticket.number, "subject": ticket.subject, "description": ticket.description,
        "product": ticket.product, "affected": ticket.affected, "since": ticket.since, "priority": ticket.priority,
        "status": ticket.status, "created_at": ticket.created_at, "resolved_at": ticket.resolved_at,
        "resolution_note": ticket.resolution_note, "rating": ticket.rating,
    }
