"""The escalation chain of SLA section 5, and when a ticket escalates by itself.

Step 1: the support engineers. Step 2: the senior support engineer and management, who may
take the chat over. Step 3: mediation, recorded and reported to management. Automatic
escalation moves an unresolved ticket one step up once it has spent its priority's limit in
its current step; the clock restarts when the step changes (the ticket's `step_since`).
Priorities in `business_hours_only` count only opening time (a P3 ticket from Friday 16:30
does not reach management on Sunday); the others count wall-clock time (a P1 at night).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType

from bot.policy.calendar import BusinessCalendar
from bot.policy.errors import AlreadyAtFinalStep
from bot.policy.model import FINAL_STEP, FIRST_STEP, Priority, TicketSummary, require_aware


@dataclass(frozen=True, slots=True)
class EscalationStep:
    """One step of the chain: who is notified and whether they get a Take over button."""

    number: int
    name: str
    notify: frozenset[str]
    offers_take_over: bool


STEPS: MappingProxyType[int, EscalationStep] = MappingProxyType({
    1: EscalationStep(1, "support engineer", frozenset({"support"}), offers_take_over=False),
    2: EscalationStep(2, "senior support and management",
                      frozenset({"senior", "management"}), offers_take_over=True),
    3: EscalationStep(3, "mediation", frozenset({"management"}), offers_take_over=False),
})  # fmt: skip


def step(number: int) -> EscalationStep:
    """The step with this number; anything outside 1..3 is a programming error."""
    if number not in STEPS:
        raise ValueError(f"escalation steps are {FIRST_STEP}..{FINAL_STEP}, got {number}")
    return STEPS[number]


def notify_roles(number: int) -> frozenset[str]:
    """The staff roles told when a ticket arrives at this step."""
    return step(number).notify


def next_step(current: int) -> int:
    """The step above `current`; raises AlreadyAtFinalStep at mediation."""
    if step(current).number == FINAL_STEP:
        raise AlreadyAtFinalStep(f"step {FINAL_STEP} (mediation) is the last step")
    return current + 1


REPEAT_WINDOW = timedelta(hours=1)
"""How long after a ticket moved up a new request to escalate it is a repeat, not a new step.

The SLA (section 5) sets no time for this; an hour gives the people of the new step time to
read the ticket and answer, so "ik wil escaleren" typed twice, or a button press and then the
words, does not climb to mediation in seconds."""


def recently_escalated(ticket: TicketSummary, now: datetime) -> bool:
    """The ticket moved up (by anyone) less than REPEAT_WINDOW before `now`."""
    require_aware(now)
    since = ticket.step_since
    if ticket.escalation_step == FIRST_STEP or since is None:
        return False
    return timedelta() <= now - since < REPEAT_WINDOW


def _hours_only_default() -> frozenset[Priority]:
    return frozenset({Priority.P2, Priority.P3})


@dataclass(frozen=True, slots=True)
class EscalationRules:
    """How long a ticket may stay unresolved in one step, per priority; absent: never."""

    after: Mapping[Priority, timedelta]
    business_hours_only: frozenset[Priority] = field(default_factory=_hours_only_default)

    def __post_init__(self) -> None:
        for priority, limit in self.after.items():
            if limit <= timedelta():
                raise ValueError(f"escalation limit for {priority} must be positive: {limit}")


@dataclass(frozen=True, slots=True)
class DueEscalation:
    """A ticket that must move up now, and who to tell."""

    ticket_number: str
    from_step: int
    to_step: int
    notify: frozenset[str]


def escalation_due_at(
    ticket: TicketSummary, rules: EscalationRules, calendar: BusinessCalendar | None = None
) -> datetime | None:
    """When this ticket escalates by itself, so a scheduler can set one timer; None: never."""
    limit = rules.after.get(ticket.priority)
    if not ticket.is_open or ticket.escalation_step == FINAL_STEP or limit is None:
        return None
    began = ticket.current_step_began
    if ticket.priority not in rules.business_hours_only:
        return began + limit
    if calendar is None:
        raise ValueError(f"{ticket.priority} counts business hours: a calendar is needed")
    return calendar.add_business_time(began, limit)


def due_escalations(
    tickets: Iterable[TicketSummary],
    now: datetime,
    rules: EscalationRules,
    calendar: BusinessCalendar | None = None,
) -> tuple[DueEscalation, ...]:
    """The tickets whose time in their current step is up: each moves exactly one step."""
    require_aware(now)
    due = []
    for ticket in tickets:
        due_at = escalation_due_at(ticket, rules, calendar)
        if due_at is not None and due_at <= now:
            to = next_step(ticket.escalation_step)
            due.append(DueEscalation(ticket.number, ticket.escalation_step, to, notify_roles(to)))
    return tuple(due)
