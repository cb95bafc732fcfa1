"""Plain, frozen copies of stored rows for the services: read once, inside the session, with everything
a reply or a decision needs. No live ORM row (nor a lazy relationship) leaves storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.models import Person, Ticket


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Someone a ticket names: the reporter, the holder, whoever acknowledged it."""

    id: int
    object_id: str
    name: str
    locale: str | None


@dataclass(frozen=True, slots=True)
class TicketRecord:
    id: int
    number: str
    organisation_id: int
    organisation: str  # its name
    reporter: PersonRef
    conversation_id: str | None
    intent: str
    subject: str
    description: str
    product: str | None
    affected: str | None
    since: str | None
    priority: str
    emergency: bool
    status: str
    escalation_step: int
    holder: PersonRef | None  # the staff member who took the chat over
    acknowledged_by: PersonRef | None
    acknowledged_at: datetime | None
    created_at: datetime
    step_since: datetime | None
    source_activity_id: str | None  # the message it was made from


def person_ref(person: Person) -> PersonRef:
    return PersonRef(person.id, person.aad_object_id, person.name, person.locale)


def ticket_record(ticket: Ticket) -> TicketRecord:
    """From a row whose relations are loaded (the models load them with every ticket)."""
    return TicketRecord(
        id=ticket.id, number=ticket.number, organisation_id=ticket.organisation_id,
        organisation=ticket.organisation.name, reporter=person_ref(ticket.reporter),
        conversation_id=ticket.conversation_id, intent=ticket.intent, subject=ticket.subject,
        description=ticket.description, product=ticket.product, affected=ticket.affected, since=ticket.since,
        priority=ticket.priority, emergency=ticket.emergency, status=ticket.status,
        escalation_step=ticket.escalation_step,
        holder=person_ref(ticket.holder) if ticket.holder else None,
        acknowledged_by=person_ref(ticket.acknowledged_by) if ticket.acknowledged_by else None,
        acknowledged_at=ticket.acknowledged_at, created_at=ticket.created_at, step_since=ticket.step_since,
        source_activity_id=ticket.source_activity_id,
    )  # fmt: skip
