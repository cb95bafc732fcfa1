"""What each staff role may do in the staff chat: the authorisation table of the staff commands.

Roles are the staff directory's three (`Role`). "holder" is the staff member who took the
chat over; "step" is the ticket's escalation step (SLA section 5: 1 support engineers,
2 senior support engineer and management, 3 mediation).

| action      | support                | senior                 | management                |
|-------------|------------------------|------------------------|---------------------------|
| help        | yes                    | yes                    | yes                       |
| queue       | yes                    | yes                    | yes                       |
| on_call     | yes                    | yes                    | yes                       |
| override    | no                     | yes                    | yes                       |
| calendar    | yes (own feed)         | yes (own feed)         | yes (own feed)            |
| team_cal.   | no                     | no                     | yes                       |
| offer_shift | yes                    | yes                    | yes                       |
| take_shift  | yes                    | yes                    | yes                       |
| assign_shift| no                     | no                     | yes                       |
| show        | yes, resolved too      | yes, resolved too      | yes, resolved too         |
| acknowledge | yes                    | yes                    | yes                       |
| note        | yes                    | yes                    | yes                       |
| take_over   | step 1, or own chat    | yes                    | yes                       |
| hand_back   | own chat               | own chat               | any held chat             |
| resolve     | step 1, or own chat    | unless another holds   | yes, even another's chat  |
| escalate    | step 1 to 2            | step 1 to 2, 2 to 3    | step 1 to 2, 2 to 3       |
| export      | no                     | no                     | yes (AVG/GDPR)            |
| erase       | no                     | no                     | yes (AVG/GDPR)            |
| reload_conf.| no                     | no                     | yes                       |

The conditions, checked in this order; the first that applies gives the `Denial`:

1. A ticket action (show .. note) without `TicketFacts` is a programming error: ValueError.
2. A role outside the three: ROLE, for every action.
3. help, queue, on_call, calendar, offer_shift, take_shift: allowed; override: senior and
   management, else ROLE; team_calendar, assign_shift, export, erase and reload_config: management,
   else ROLE. These are not about a ticket; a ticket passed with them is ignored.
4. Any ticket action but show on a resolved ticket: RESOLVED.
5. take_over: another holds the chat: HELD_BY_OTHER, whatever the role (one holder at a
   time: management too waits for a hand back). The actor holds it: allowed (idempotent).
   Step 1: allowed; step 2 or 3: senior and management, else ROLE.
6. hand_back: the holder, or management while anyone holds the chat; else NOT_HOLDER
   (nobody holds it, or another does).
7. resolve: another holds the chat: management only, else HELD_BY_OTHER. Otherwise step 1
   or the holder: allowed; step 2 or 3: senior and management, else ROLE.
8. escalate: step 3 (mediation): FINAL_STEP. Step 1 to 2: allowed; step 2 to 3: senior
   and management, else ROLE.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bot.policy.model import FINAL_STEP, FIRST_STEP, TicketStatus
from bot.policy.oncall import Role


class StaffAction(StrEnum):
    """One staff command; the card buttons map onto the same actions."""

    HELP = "help"
    QUEUE = "queue"
    SHOW = "show"
    ACKNOWLEDGE = "acknowledge"
    TAKE_OVER = "take_over"
    HAND_BACK = "hand_back"
    RESOLVE = "resolve"
    ESCALATE = "escalate"
    NOTE = "note"
    ON_CALL = "on_call"
    OVERRIDE = "override"
    CALENDAR = "calendar"
    TEAM_CALENDAR = "team_calendar"
    OFFER_SHIFT = "offer_shift"
    TAKE_SHIFT = "take_shift"
    ASSIGN_SHIFT = "assign_shift"
    EXPORT = "export"  # one customer's personal data as JSON
    ERASE = "erase"  # one customer's personal data, after confirmation
    RELOAD_CONFIG = "reload_config"  # read the operator config again: rota and staff without a restart


@dataclass(frozen=True, slots=True)
class TicketFacts:
    """What authorisation needs to know about the ticket a command is about."""

    status: TicketStatus
    escalation_step: int
    holder_object_id: str | None  # staff member who holds (took over) the chat

    def __post_init__(self) -> None:
        if not FIRST_STEP <= self.escalation_step <= FINAL_STEP:
            raise ValueError(f"escalation_step must be 1..3, got {self.escalation_step}")


class Denial(StrEnum):
    """Why a command is refused, so the reply can say so."""

    ROLE = "role"  # the role may not do this (at this step)
    HELD_BY_OTHER = "held_by_other"  # someone else holds the chat
    NOT_HOLDER = "not_holder"  # hand back needs the holder
    RESOLVED = "resolved"  # the ticket is already resolved
    FINAL_STEP = "final_step"  # escalate at step 3 (mediation)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer to "may I?": no denial means yes."""

    denial: Denial | None = None

    @property
    def allowed(self) -> bool:
        """True when nothing stands in the way."""
        return self.denial is None


ALLOWED = Verdict()
_EVERYONE = frozenset(Role)
_SENIORS = frozenset({Role.SENIOR, Role.MANAGEMENT})
_TICKETLESS: dict[StaffAction, frozenset[Role]] = {
    StaffAction.HELP: _EVERYONE,
    StaffAction.QUEUE: _EVERYONE,
    StaffAction.ON_CALL: _EVERYONE,
    StaffAction.OVERRIDE: _SENIORS,
    StaffAction.CALENDAR: _EVERYONE,
    StaffAction.TEAM_CALENDAR: frozenset({Role.MANAGEMENT}),
    StaffAction.OFFER_SHIFT: _EVERYONE,
    StaffAction.TAKE_SHIFT: _EVERYONE,
    StaffAction.ASSIGN_SHIFT: frozenset({Role.MANAGEMENT}),
    StaffAction.EXPORT: frozenset({Role.MANAGEMENT}),
    StaffAction.ERASE: frozenset({Role.MANAGEMENT}),
    StaffAction.RELOAD_CONFIG: frozenset({Role.MANAGEMENT}),
}

_Rule = Callable[[Role, str, TicketFacts], Verdict]


def _for(role: Role, roles: frozenset[Role]) -> Verdict:
    return ALLOWED if role in roles else Verdict(Denial.ROLE)


def _held_by_other(ticket: TicketFacts, actor: str) -> bool:
    return ticket.holder_object_id is not None and ticket.holder_object_id != actor


def _anyone(role: Role, actor: str, ticket: TicketFacts) -> Verdict:
    return ALLOWED


def _take_over(role: Role, actor: str, ticket: TicketFacts) -> Verdict:
    if _held_by_other(ticket, actor):
        return Verdict(Denial.HELD_BY_OTHER)
    if ticket.holder_object_id == actor or ticket.escalation_step == FIRST_STEP:
        return ALLOWED
    return _for(role, _SENIORS)


def _hand_back(role: Role, actor: str, ticket: TicketFacts) -> Verdict:
    holder = ticket.holder_object_id
    if holder == actor or (holder is not None and role is Role.MANAGEMENT):
        return ALLOWED
    return Verdict(Denial.NOT_HOLDER)


def _resolve(role: Role, actor: str, ticket: TicketFacts) -> Verdict:
    if _held_by_other(ticket, actor):
        return ALLOWED if role is Role.MANAGEMENT else Verdict(Denial.HELD_BY_OTHER)
    if ticket.holder_object_id == actor or ticket.escalation_step == FIRST_STEP:
        return ALLOWED
    return _for(role, _SENIORS)


def _escalate(role: Role, actor: str, ticket: TicketFacts) -> Verdict:
    if ticket.escalation_step == FINAL_STEP:
        return Verdict(Denial.FINAL_STEP)
    if ticket.escalation_step == FIRST_STEP:
        return ALLOWED
    return _for(role, _SENIORS)  # step 2 to 3: mediation


_TICKET_RULES: dict[StaffAction, _Rule] = {
    StaffAction.SHOW: _anyone,
    StaffAction.ACKNOWLEDGE: _anyone,
    StaffAction.TAKE_OVER: _take_over,
    StaffAction.HAND_BACK: _hand_back,
    StaffAction.RESOLVE: _resolve,
    StaffAction.ESCALATE: _escalate,
    StaffAction.NOTE: _anyone,
}


def _known_role(role: str) -> Role | None:
    try:
        return Role(role)
    except ValueError:
        return None


def may(
    role: str, action: StaffAction, actor_object_id: str, ticket: TicketFacts | None = None
) -> Verdict:
    """Whether this staff member may run this command now; the module docstring has the table."""
    rule = _TICKET_RULES.get(action)
    if rule is not None and ticket is None:
        raise ValueError(f"{action} is about a ticket: pass its TicketFacts")
    known = _known_role(role)
    if known is None:
        return Verdict(Denial.ROLE)
    if rule is None or ticket is None:  # ticket is None here only for a ticketless action
        return _for(known, _TICKETLESS[action])
    if ticket.status == TicketStatus.RESOLVED and action != StaffAction.SHOW:
        return Verdict(Denial.RESOLVED)
    return rule(known, actor_object_id, ticket)


_ME, _OTHER = "permitted-actions-me", "permitted-actions-other"
_SOME_TICKETS = tuple(
    TicketFacts(TicketStatus.OPEN, step, holder)
    for step in range(FIRST_STEP, FINAL_STEP + 1)
    for holder in (None, _ME, _OTHER)
)


def permitted_actions(role: str) -> tuple[StaffAction, ...]:
    """The actions this role may use in some ticket state, in enum order, for the help text."""
    return tuple(
        action
        for action in StaffAction
        if any(may(role, action, _ME, ticket).allowed for ticket in _SOME_TICKETS)
    )
