"""What the policy decided about a customer message: one small record per kind.

Each decision is its own frozen dataclass (so the services can `match` on it and get typed
data) and carries its `kind` (so logs and tables can use one enum).
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from bot.policy.model import Priority, TicketSummary
from bot.policy.sla_clauses import PAID_SUPPORT, SlaClause


class DecisionKind(StrEnum):
    """Every outcome of `decide`."""

    CREATE_TICKET = "create_ticket"
    PAGE_ON_CALL = "page_on_call"
    REFUSE_OUT_OF_HOURS = "refuse_out_of_hours"
    CONFIRM_EMERGENCY = "confirm_emergency"
    REFUSE_EXCLUDED = "refuse_excluded"
    OFFER_QUOTE = "offer_quote"
    ESCALATE = "escalate"
    ALREADY_IN_MEDIATION = "already_in_mediation"
    ALREADY_ESCALATED = "already_escalated"
    ASK_WHICH_TICKET = "ask_which_ticket"
    REPORT_STATUS = "report_status"
    OUT_OF_SCOPE = "out_of_scope"
    CLARIFY = "clarify"
    GREET = "greet"
    SAY_GOODBYE = "say_goodbye"


@dataclass(frozen=True, slots=True)
class CreateTicket:
    """Open a ticket at step 1 and notify `notify` (the support engineers)."""

    kind: ClassVar[DecisionKind] = DecisionKind.CREATE_TICKET
    priority: Priority
    notify: frozenset[str] = frozenset({"support"})


@dataclass(frozen=True, slots=True)
class PageOnCall:
    """Outside hours, an emergency: open a top-priority ticket and page the on-call chain."""

    kind: ClassVar[DecisionKind] = DecisionKind.PAGE_ON_CALL
    priority: Priority = Priority.P1


@dataclass(frozen=True, slots=True)
class RefuseOutOfHours:
    """Not an emergency and closed: say when we open, offer a reminder then."""

    kind: ClassVar[DecisionKind] = DecisionKind.REFUSE_OUT_OF_HOURS
    next_opening: datetime
    offer_reminder: bool = True


@dataclass(frozen=True, slots=True)
class ConfirmEmergency:
    """The customer insists it is an emergency: ask the confirming question, then decide again."""

    kind: ClassVar[DecisionKind] = DecisionKind.CONFIRM_EMERGENCY


@dataclass(frozen=True, slots=True)
class RefuseExcluded:
    """Outside the SLA and configured to refuse: quote the clause."""

    kind: ClassVar[DecisionKind] = DecisionKind.REFUSE_EXCLUDED
    intent: str
    clause: SlaClause


@dataclass(frozen=True, slots=True)
class OfferQuote:
    """Outside the SLA, offered as paid work: quote the clause and the paid-support clause."""

    kind: ClassVar[DecisionKind] = DecisionKind.OFFER_QUOTE
    intent: str
    clause: SlaClause
    offer: SlaClause = PAID_SUPPORT


@dataclass(frozen=True, slots=True)
class Escalate:
    """Move `ticket` to `to_step` and notify `notify`."""

    kind: ClassVar[DecisionKind] = DecisionKind.ESCALATE
    ticket: TicketSummary
    to_step: int
    notify: frozenset[str]


@dataclass(frozen=True, slots=True)
class AlreadyInMediation:
    """The ticket is already in mediation: tell the customer; nothing moves."""

    kind: ClassVar[DecisionKind] = DecisionKind.ALREADY_IN_MEDIATION
    ticket: TicketSummary


@dataclass(frozen=True, slots=True)
class AlreadyEscalated:
    """Asked again soon after the ticket moved up: nothing moves; `step` was reached at `since`."""

    kind: ClassVar[DecisionKind] = DecisionKind.ALREADY_ESCALATED
    ticket: TicketSummary
    step: int
    since: datetime


@dataclass(frozen=True, slots=True)
class AskWhichTicket:
    """An escalation request with several of the customer's own open tickets, or none: ask which.

    `candidates` are the customer's own tickets, or (`colleagues`) the colleagues' tickets the
    customer may see; none at all: ask what it is about.
    """

    kind: ClassVar[DecisionKind] = DecisionKind.ASK_WHICH_TICKET
    candidates: tuple[TicketSummary, ...] = ()
    colleagues: bool = False


@dataclass(frozen=True, slots=True)
class ReportStatus:
    """Report the customer's own open tickets (possibly none), and colleagues' they may see."""

    kind: ClassVar[DecisionKind] = DecisionKind.REPORT_STATUS
    tickets: tuple[TicketSummary, ...]
    colleague_tickets: tuple[TicketSummary, ...] = ()


@dataclass(frozen=True, slots=True)
class OutOfScope:
    """Not about Office 365: give the MSP's general contact address."""

    kind: ClassVar[DecisionKind] = DecisionKind.OUT_OF_SCOPE


@dataclass(frozen=True, slots=True)
class Clarify:
    """Too unsure: ask which of these intents (best first, at most three, never chatter) was meant; with
    none, ask what is wrong."""

    kind: ClassVar[DecisionKind] = DecisionKind.CLARIFY
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Greet:
    """First contact: the welcome."""

    kind: ClassVar[DecisionKind] = DecisionKind.GREET


@dataclass(frozen=True, slots=True)
class SayGoodbye:
    """Thanks or goodbye: close politely."""

    kind: ClassVar[DecisionKind] = DecisionKind.SAY_GOODBYE


Decision = (
    CreateTicket | PageOnCall | RefuseOutOfHours | ConfirmEmergency | RefuseExcluded
    | OfferQuote | Escalate | AlreadyInMediation | AlreadyEscalated | AskWhichTicket | ReportStatus
    | OutOfScope | Clarify | Greet | SayGoodbye
)  # fmt: skip
