"""What the acknowledge-link pages need from paging, as a port: the web layer knows no database.

The composition root binds `acknowledge` to the paging service and `glance` to a read of the
ticket (see `bot.services.ack_desk` for the stored implementation).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class AckOutcome(StrEnum):
    FIRST = "first"  # this press acknowledged the ticket: paging stops, the customer is told
    ALREADY = "already"  # someone (maybe the same person) had acknowledged it before
    NO_TICKET = "no_ticket"
    UNKNOWN_STAFF = "unknown_staff"  # the link's staff member left the directory since it was sent


@dataclass(frozen=True, slots=True)
class AckResult:
    """The outcome of one press of the button; `by` names who holds the acknowledgement."""

    outcome: AckOutcome
    ticket_number: str
    by: str = ""


@dataclass(frozen=True, slots=True)
class TicketGlance:
    """What the page shows before the button is pressed, in the staff member's language."""

    ticket_number: str
    language: str
    organisation: str
    reporter: str
    description: str
    status: str  # open | acknowledged | taken_over | resolved
    acknowledged_by: str | None = None


class AcknowledgePort(Protocol):
    async def __call__(self, staff_object_id: str, ticket_number: str) -> AckResult:
        """Acknowledge as this staff member; idempotent (a second call says who had it)."""
        ...


class AckDesk(Protocol):
    async def glance(self, staff_object_id: str, ticket_number: str) -> TicketGlance | None:
        """The ticket as this staff member should see it; None: no such ticket or staff member."""
        ...

    async def acknowledge(self, staff_object_id: str, ticket_number: str) -> AckResult:
        ...
