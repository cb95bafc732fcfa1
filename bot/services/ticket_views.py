"""A ticket row as the replies and the policy see it: plain values, no database session needed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from bot.policy import TicketStatus, TicketSummary
from bot.policy.model import Priority
from bot.services import replies
from storage.records import TicketRecord


def view_of(ticket: TicketRecord) -> replies.TicketView:
    return replies.TicketView(
        number=ticket.number, subject=ticket.subject, intent=ticket.intent, status=ticket.status,
        escalation_step=ticket.escalation_step, priority=ticket.priority,
        holder_name=_holder(ticket), acknowledged=ticket.acknowledged_at is not None,
    )


def _holder(ticket: TicketRecord) -> str | None:
    """Who has it: the staff member in the customer's chat, else whoever acknowledged it."""
    person = ticket.holder or ticket.acknowledged_by
    return person.name if person else None


def summary_of(ticket: TicketRecord | Row[Any]) -> TicketSummary:
    """From a full record or a row of storage.tickets.open_ticket_rows_of (the same names)."""
    return TicketSummary(
        number=ticket.number, intent=ticket.intent, status=TicketStatus(ticket.status),
        escalation_step=ticket.escalation_step, priority=Priority(ticket.priority), opened_at=ticket.created_at,
        step_since=ticket.step_since, subject=ticket.subject,
    )
