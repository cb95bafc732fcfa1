"""Value types shared by the policy modules: priorities, ticket summaries, aware times."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.policy.errors import NaiveDatetimeError

FIRST_STEP = 1
FINAL_STEP = 3


def require_aware(value: datetime, name: str = "now") -> datetime:
    """Reject naive datetimes: a wall-clock time without a zone is ambiguous at DST changes."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(f"{name} must be timezone-aware, got naive {value!r}")
    return value


class Priority(StrEnum):
    """Ticket priority.

    P1: emergency (top priority, pages on-call outside business hours).
    P2: high: several people affected, or a sign-in or domain problem (who can get in, where
        the mail goes).
    P3: normal: everything else.
    """

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class TicketStatus(StrEnum):
    """Where a ticket is in its life; only RESOLVED ends it."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    TAKEN_OVER = "taken_over"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class TicketSummary:
    """What the policy needs to know about a ticket to escalate it or report on it."""

    number: str
    intent: str
    status: TicketStatus
    escalation_step: int
    priority: Priority
    opened_at: datetime
    step_since: datetime | None = None  # when the current step began; None: since opened_at
    subject: str = ""  # how the customer named it: tickets are offered by number and subject

    def __post_init__(self) -> None:
        if not FIRST_STEP <= self.escalation_step <= FINAL_STEP:
            raise ValueError(f"escalation_step must be 1..3, got {self.escalation_step}")
        require_aware(self.opened_at, "opened_at")
        if self.step_since is not None:
            require_aware(self.step_since, "step_since")

    @property
    def is_open(self) -> bool:
        """Only unresolved tickets can be escalated or escalate by themselves."""
        return self.status != TicketStatus.RESOLVED

    @property
    def current_step_began(self) -> datetime:
        """The moment the clock of the current escalation step started."""
        return self.step_since or self.opened_at
