"""The decision on one customer message: what the SLA allows, given the time and the tickets.

Rules, in order (documented here because they are the product's promises):
1. An emergency is never lost. A message counts as an emergency when the model flags it,
   the customer confirmed it in the confirming question, the customer said the whole
   organisation is affected, or (when the intent is confident) the intent is
   `security_incident` or `service_outage`. The emergency wins for covered
   problems and for unsure classifications (recall first: never CLARIFY an emergency away);
   a confident excluded, conversation or out-of-scope intent keeps its own answer.
   Outside business hours: PAGE_ON_CALL. Inside: CREATE_TICKET with P1 and notify the
   support engineers (step 1 is at work; nobody is paged).
2. A customer who insists (`insists_emergency`) on a covered or unsure message that is not
   an emergency gets CONFIRM_EMERGENCY, at any hour; the dialog then calls `decide` again
   with `confirmed_emergency` set or `insists_emergency` cleared.
3. Unsure (confidence below the threshold): CLARIFY with the top three candidates that are requests
   (never a greeting, thanks or out of scope); none left: CLARIFY with none (ask what is wrong).
4. Covered: CREATE_TICKET when open, else REFUSE_OUT_OF_HOURS with the next opening.
5. Excluded: REFUSE_EXCLUDED or OFFER_QUOTE, as configured per intent, with the clause.
6. Conversation: escalate the customer's own open ticket when there is exactly one (any
   hour); with several, or none of their own, ask which (a colleague's tickets are offered
   only when the organisation's tickets are visible to its people); report status, greet,
   say goodbye, or point out of scope.
Priority: P1 emergency; P2 when several people are affected, when the customer says it is
urgent, or for sign-in and domain problems (access and mail routing of the whole
organisation); P3 otherwise.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from bot.policy import decisions as d
from bot.policy.calendar import BusinessCalendar
from bot.policy.errors import AlreadyAtFinalStep
from bot.policy.escalation import next_step, notify_roles, recently_escalated
from bot.policy.model import Priority, TicketSummary, require_aware
from bot.policy.scope import (
    ALWAYS_EMERGENCY,
    EXCLUDED_INTENTS,
    NOT_A_REQUEST,
    Intent,
    Scope,
    exclusion_clause,
    parse_intent,
)

HIGH_PRIORITY_INTENTS = frozenset({Intent.SIGNIN_PROBLEM, Intent.DOMAIN_PROBLEM})
MAX_CANDIDATES = 3


class ExcludedHandling(StrEnum):
    """What to do with a request the SLA excludes."""

    REFUSE = "refuse"
    QUOTE = "quote"


# The product's defaults, also where an operator config leaves one out: paid work where the customer
# may want it, a refusal for weakening the standard (security) set-up.
DEFAULT_EXCLUDED_HANDLING: Mapping[Intent, ExcludedHandling] = MappingProxyType({
    Intent.HOWTO: ExcludedHandling.QUOTE,
    Intent.USER_MANAGEMENT: ExcludedHandling.QUOTE,
    Intent.SECURITY_SETTINGS_CHANGE: ExcludedHandling.REFUSE,
    Intent.ONBOARDING: ExcludedHandling.QUOTE,
})  # fmt: skip


def _default_handling() -> Mapping[str, ExcludedHandling | str]:
    return {str(intent): handling for intent, handling in DEFAULT_EXCLUDED_HANDLING.items()}


@dataclass(frozen=True, slots=True)
class PolicyRules:
    """Operator choices the policy applies; every excluded intent needs a handling."""

    confidence_threshold: float = 0.55
    excluded_handling: Mapping[str, ExcludedHandling | str] = field(
        default_factory=_default_handling
    )

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence_threshold <= 1.0:
            raise ValueError(f"confidence_threshold must be 0..1: {self.confidence_threshold}")
        if set(self.excluded_handling) != EXCLUDED_INTENTS:
            raise ValueError(f"excluded_handling must cover exactly {sorted(EXCLUDED_INTENTS)}")
        handling = {str(k): ExcludedHandling(v) for k, v in self.excluded_handling.items()}
        object.__setattr__(self, "excluded_handling", MappingProxyType(handling))


@dataclass(frozen=True, slots=True)
class CustomerRequest:
    """One classified customer message and the customer's open tickets; validated on entry."""

    intent: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()
    emergency: bool = False
    open_tickets: tuple[TicketSummary, ...] = ()  # the customer's own
    colleague_tickets: tuple[TicketSummary, ...] = ()  # colleagues' tickets this customer may see
    confirmed_emergency: bool = False
    insists_emergency: bool = False
    affected_people: int = 1
    whole_organisation: bool = False  # the customer said everyone is affected: an emergency by definition
    urgent: bool = False  # "dringend", "asap": at least P2, not an emergency by itself

    def __post_init__(self) -> None:
        for label, confidence in ((self.intent, self.confidence), *self.alternatives):
            parse_intent(label)
            if not 0.0 <= confidence <= 1.0:
                raise ValueError(f"confidence of {label} must be 0..1, got {confidence}")
        if self.affected_people < 1:
            raise ValueError(f"affected_people must be at least 1, got {self.affected_people}")


def decide(
    request: CustomerRequest, now: datetime, calendar: BusinessCalendar, rules: PolicyRules
) -> d.Decision:
    """What to do with this message now; see the module docstring for the rules."""
    require_aware(now)
    intent = parse_intent(request.intent)
    unsure = request.confidence < rules.confidence_threshold
    may_be_emergency = unsure or intent.scope is Scope.COVERED
    if may_be_emergency and _is_emergency(request, intent, unsure):
        return _emergency(now, calendar)
    if may_be_emergency and request.insists_emergency:
        return d.ConfirmEmergency()
    if unsure:
        return d.Clarify(_candidates(request))
    if intent.scope is Scope.COVERED:
        return _covered(request, intent, now, calendar)
    if intent.scope is Scope.EXCLUDED:
        return _excluded(intent, rules)
    return _conversation(request, intent, now)


def priority_for(request: CustomerRequest, intent: Intent) -> Priority:
    """A non-emergency's priority: P2 for several people, urgency or sign-in/domain, else P3."""
    if request.affected_people > 1 or request.urgent or intent in HIGH_PRIORITY_INTENTS:
        return Priority.P2
    return Priority.P3


def ticket_priority(request: CustomerRequest, rules: PolicyRules) -> Priority:
    """The priority of a ticket made from this covered request, at whatever hour it is made: P1 for an
    emergency, else `priority_for`. The hour decides only what happens now (a ticket, a page, the
    out-of-hours offer), never the priority: a problem told in the evening is no emergency next morning."""
    intent = parse_intent(request.intent)
    unsure = request.confidence < rules.confidence_threshold
    if _is_emergency(request, intent, unsure):
        return Priority.P1
    return priority_for(request, intent)


def _is_emergency(request: CustomerRequest, intent: Intent, unsure: bool) -> bool:
    by_definition = intent in ALWAYS_EMERGENCY and not unsure
    return request.emergency or request.confirmed_emergency or request.whole_organisation or by_definition


def _emergency(now: datetime, calendar: BusinessCalendar) -> d.Decision:
    return d.CreateTicket(Priority.P1) if calendar.is_open(now) else d.PageOnCall()


def _candidates(request: CustomerRequest) -> tuple[str, ...]:
    best: dict[str, float] = {}
    for label, confidence in ((request.intent, request.confidence), *request.alternatives):
        if parse_intent(label) in NOT_A_REQUEST:
            continue
        best[label] = max(confidence, best.get(label, confidence))
    ranked = sorted(best, key=lambda label: best[label], reverse=True)
    return tuple(ranked[:MAX_CANDIDATES])


def _covered(
    request: CustomerRequest, intent: Intent, now: datetime, calendar: BusinessCalendar
) -> d.Decision:
    if calendar.is_open(now):
        return d.CreateTicket(priority_for(request, intent))
    return d.RefuseOutOfHours(calendar.next_opening(now))


def _excluded(intent: Intent, rules: PolicyRules) -> d.Decision:
    clause = exclusion_clause(intent)
    if rules.excluded_handling[intent] == ExcludedHandling.QUOTE:
        return d.OfferQuote(str(intent), clause)
    return d.RefuseExcluded(str(intent), clause)


def _conversation(request: CustomerRequest, intent: Intent, now: datetime) -> d.Decision:
    own, colleagues = _newest_open(request.open_tickets), _newest_open(request.colleague_tickets)
    match intent:
        case Intent.ESCALATION_REQUEST:
            return _escalation(own, colleagues, now)
        case Intent.TICKET_STATUS:
            return d.ReportStatus(own, colleagues)
        case Intent.GREETING:
            return d.Greet()
        case Intent.THANKS_GOODBYE:
            return d.SayGoodbye()
    return d.OutOfScope()


def _newest_open(tickets: tuple[TicketSummary, ...]) -> tuple[TicketSummary, ...]:
    return tuple(sorted((t for t in tickets if t.is_open), key=lambda t: t.opened_at, reverse=True))


def _escalation(own: tuple[TicketSummary, ...], colleagues: tuple[TicketSummary, ...], now: datetime) -> d.Decision:
    if len(own) == 1:
        return escalation_of(own[0], now)
    if own:
        return d.AskWhichTicket(own)
    return d.AskWhichTicket(colleagues, colleagues=True)


def escalation_of(ticket: TicketSummary, now: datetime) -> d.Escalate | d.AlreadyInMediation | d.AlreadyEscalated:
    """One step up the chain for this ticket; nothing when it moved up moments ago (the request is a
    repeat) or is in mediation."""
    if recently_escalated(ticket, now):
        assert ticket.step_since is not None
        return d.AlreadyEscalated(ticket, ticket.escalation_step, ticket.step_since)
    try:
        to_step = next_step(ticket.escalation_step)
    except AlreadyAtFinalStep:
        return d.AlreadyInMediation(ticket)
    return d.Escalate(ticket, to_step, notify_roles(to_step))
