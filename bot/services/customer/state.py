"""The customer conversation's state, typed: its language, whether it was welcomed, the open question.

A question carries what the bot needs to act on its answer, so nothing travels in loose keys:
the report it is about, the facts the intake has so far, the moment an offer was made for.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import ClassVar


class Slot(StrEnum):
    """What the intake asks for, in this order, and only when the customer has not said it yet."""

    PRODUCT = "product"
    AFFECTED = "affected"
    SINCE = "since"


@dataclass(frozen=True, slots=True)
class Facts:
    """What the customer said about a problem: product, who is affected, since when, urgency."""

    product: str | None = None
    affected: str | None = None  # one | several | everyone
    since: str | None = None
    urgent: bool = False

    def merged(self, newer: Facts) -> Facts:
        """What is known now: a newer statement wins, urgency once said stays said."""
        return Facts(
            product=newer.product or self.product, affected=newer.affected or self.affected,
            since=newer.since or self.since, urgent=self.urgent or newer.urgent,
        )

    def missing(self) -> tuple[Slot, ...]:
        return tuple(slot for slot in Slot if getattr(self, slot.value) is None)

    def with_slot(self, slot: Slot, value: str) -> Facts:
        if slot is Slot.PRODUCT:
            return replace(self, product=value)
        if slot is Slot.AFFECTED:
            return replace(self, affected=value)
        return replace(self, since=value)


@dataclass(frozen=True, slots=True)
class Report:
    """A customer's report as first written: what a ticket, a page or a quote is made from.

    `confidence` and `alternatives` are the model's for `intent`; once the customer chose or
    confirmed the category it is certain (1.0, none)."""

    text: str
    intent: str
    reported_at: datetime
    emergency: bool = False
    activity_id: str | None = None
    confidence: float = 1.0
    alternatives: tuple[tuple[str, float], ...] = ()

    def chosen(self, intent: str) -> Report:
        """The customer picked the category: it is certain now."""
        return replace(self, intent=intent, confidence=1.0, alternatives=())


@dataclass(frozen=True, slots=True)
class IntakeQuestion:
    kind: ClassVar[str] = "intake"
    report: Report
    facts: Facts
    asking: Slot


@dataclass(frozen=True, slots=True)
class OutOfHoursOffer:
    """Closed, not an emergency: a reminder at `opening`, or report it as an emergency after all."""

    kind: ClassVar[str] = "out_of_hours"
    report: Report
    opening: datetime
    facts: Facts = field(default_factory=Facts)  # what the intake had when closing time cut it off


@dataclass(frozen=True, slots=True)
class DeclinedOffer:
    """The out-of-hours offer was declined with "type *noodgeval*" if it gets worse: until `until`, a typed
    "noodgeval" reports this problem as an emergency. Nothing else is an answer to it; the customer
    is not asked again."""

    kind: ClassVar[str] = "declined_offer"
    report: Report
    until: datetime
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True, slots=True)
class EmergencyCheck:
    """The customer says it is an emergency: asked once before anyone is woken up."""

    kind: ClassVar[str] = "confirm_emergency"
    report: Report
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True, slots=True)
class ClarifyQuestion:
    kind: ClassVar[str] = "clarify"
    report: Report
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteOffer:
    kind: ClassVar[str] = "quote"
    report: Report


@dataclass(frozen=True, slots=True)
class RatingQuestion:
    kind: ClassVar[str] = "rating"
    number: str


@dataclass(frozen=True, slots=True)
class SeparateTickets:
    """One message named several problems: one ticket each, or one for all?"""

    kind: ClassVar[str] = "separate"
    report: Report
    intents: tuple[str, ...]
    facts: Facts = field(default_factory=Facts)
    parts: tuple[str, ...] = ()  # per intent, the clause it was read from; empty: not known


@dataclass(frozen=True, slots=True)
class TicketRef:
    """A ticket offered for a choice: by number and subject only (a colleague's shows no more)."""

    number: str
    subject: str
    own: bool = True


@dataclass(frozen=True, slots=True)
class WhichTicket:
    """An escalation request with no ticket of the customer's own, or more than one: which is meant?"""

    kind: ClassVar[str] = "which_ticket"
    report: Report
    tickets: tuple[TicketRef, ...]


@dataclass(frozen=True, slots=True)
class AwaitingProblem:
    """"Dringend!", "sinds vanochtend", "alleen bij mij" and nothing else: the next words are the problem,
    and what was said goes with them."""

    kind: ClassVar[str] = "awaiting_problem"
    facts: Facts


@dataclass(frozen=True, slots=True)
class TicketOffer:
    """The reminder came: make a ticket of the problem told while closed, with the facts said then?"""

    kind: ClassVar[str] = "ticket_offer"
    report: Report
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True, slots=True)
class ToldWhileClosed:
    """A problem told while closed, with a reminder booked: the reminder names it and offers the ticket."""

    report: Report
    facts: Facts = field(default_factory=Facts)


Question = (
    IntakeQuestion | OutOfHoursOffer | EmergencyCheck | ClarifyQuestion | QuoteOffer | RatingQuestion
    | SeparateTickets | WhichTicket | AwaitingProblem | DeclinedOffer | TicketOffer
)  # fmt: skip
QUESTION_TYPES: tuple[type[Question], ...] = (
    IntakeQuestion, OutOfHoursOffer, EmergencyCheck, ClarifyQuestion, QuoteOffer, RatingQuestion,
    SeparateTickets, WhichTicket, AwaitingProblem, DeclinedOffer, TicketOffer,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RecentTicket:
    """The ticket this conversation made last: a few words more about it soon after are an addition."""

    number: str
    opened_at: datetime
    intent: str = ""  # its category and product, to tell words about it from a new problem
    product: str | None = None


@dataclass(frozen=True, slots=True)
class CustomerState:
    """Per conversation; a new conversation starts with nothing known and nothing asked."""

    language: str | None = None  # what the customer writes in, once a message said enough to tell
    welcomed: bool = False
    question: Question | None = None
    recent_ticket: RecentTicket | None = None
    hinted: bool = False  # the open question was asked again after typed words that fit none of its buttons
    told: ToldWhileClosed | None = None  # for the reminder booked at the next opening
