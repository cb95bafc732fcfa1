"""The decision table: every intent, inside and outside hours, emergency or not, unsure."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.policy import (
    PAID_SUPPORT,
    AlreadyInMediation,
    AskWhichTicket,
    BusinessCalendar,
    Clarify,
    CreateTicket,
    CustomerRequest,
    DecisionKind,
    Escalate,
    Intent,
    OfferQuote,
    PolicyRules,
    Priority,
    RefuseExcluded,
    RefuseOutOfHours,
    ReportStatus,
    TicketStatus,
    TicketSummary,
    UnknownIntentError,
    decide,
    ticket_priority,
)
from bot.policy.sla_clauses import EXCLUSION_CLAUSES
from bot.policy.scope import NOT_A_REQUEST

AMS = ZoneInfo("Europe/Amsterdam")
OPEN = datetime(2026, 11, 30, 10, 0, tzinfo=AMS)  # Monday 10:00
CLOSED = datetime(2026, 12, 25, 21, 0, tzinfo=AMS)  # Christmas evening (a Friday)
NEXT_OPENING = datetime(2026, 12, 28, 9, 0, tzinfo=AMS)  # Monday after Boxing Day
CAL = BusinessCalendar()
RULES = PolicyRules()  # howto/user_management/onboarding: quote; security settings: refuse

K = DecisionKind
CT3, CT2, CT1 = (
    (K.CREATE_TICKET, Priority.P3),
    (K.CREATE_TICKET, Priority.P2),
    (K.CREATE_TICKET, Priority.P1),
)
PAGE, REFUSE = (K.PAGE_ON_CALL, Priority.P1), (K.REFUSE_OUT_OF_HOURS, None)
QUOTE, NO = (K.OFFER_QUOTE, None), (K.REFUSE_EXCLUDED, None)

# intent: (open, no emergency), (open, emergency), (closed, no emergency), (closed, emergency)
CONFIDENT = {
    "email_problem": (CT3, CT1, REFUSE, PAGE),
    "teams_problem": (CT3, CT1, REFUSE, PAGE),
    "files_problem": (CT3, CT1, REFUSE, PAGE),
    "office_app_problem": (CT3, CT1, REFUSE, PAGE),
    "license_problem": (CT3, CT1, REFUSE, PAGE),
    "signin_problem": (CT2, CT1, REFUSE, PAGE),
    "domain_problem": (CT2, CT1, REFUSE, PAGE),
    "security_incident": (CT1, CT1, PAGE, PAGE),
    "service_outage": (CT1, CT1, PAGE, PAGE),
    "howto": (QUOTE,) * 4,
    "user_management": (QUOTE,) * 4,
    "security_settings_change": (NO,) * 4,
    "onboarding": (QUOTE,) * 4,
    "escalation_request": ((K.ASK_WHICH_TICKET, None),) * 4,
    "ticket_status": ((K.REPORT_STATUS, None),) * 4,
    "greeting": ((K.GREET, None),) * 4,
    "thanks_goodbye": ((K.SAY_GOODBYE, None),) * 4,
    "out_of_scope": ((K.OUT_OF_SCOPE, None),) * 4,
}
SITUATIONS = [(OPEN, False), (OPEN, True), (CLOSED, False), (CLOSED, True)]


def case_id(intent: str, now: datetime, emergency: bool) -> str:
    hours = "open" if now is OPEN else "closed"
    return f"{intent}-{hours}-{'emergency' if emergency else 'normal'}"


CASES = [
    pytest.param(intent, now, emergency, expected, id=case_id(intent, now, emergency))
    for intent, row in CONFIDENT.items()
    for (now, emergency), expected in zip(SITUATIONS, row, strict=True)
]


def request(intent: str, confidence: float = 0.9, **kwargs: object) -> CustomerRequest:
    return CustomerRequest(intent=intent, confidence=confidence, **kwargs)  # type: ignore[arg-type]


def ticket(
    number: str,
    step: int = 1,
    opened_hours_ago: int = 1,
    status: TicketStatus = TicketStatus.OPEN,
) -> TicketSummary:
    opened = OPEN - timedelta(hours=opened_hours_ago)
    return TicketSummary(number, "email_problem", status, step, Priority.P3, opened)


def test_the_table_covers_every_intent() -> None:
    assert set(CONFIDENT) == {str(intent) for intent in Intent}


@pytest.mark.parametrize(("intent", "now", "emergency", "expected"), CASES)
def test_confident_decisions(
    intent: str, now: datetime, emergency: bool, expected: tuple[DecisionKind, Priority | None]
) -> None:
    decision = decide(request(intent, emergency=emergency), now, CAL, RULES)
    kind, priority = expected
    assert decision.kind is kind
    assert getattr(decision, "priority", None) == priority
    if isinstance(decision, RefuseOutOfHours):
        assert decision.next_opening == NEXT_OPENING
        assert decision.offer_reminder is True
    if isinstance(decision, OfferQuote | RefuseExcluded):
        assert decision.clause is EXCLUSION_CLAUSES[intent]


@pytest.mark.parametrize("intent", [str(i) for i in Intent])
@pytest.mark.parametrize("now", [OPEN, CLOSED], ids=["open", "closed"])
def test_unsure_without_emergency_asks_which_was_meant(intent: str, now: datetime) -> None:
    alternatives = (("howto", 0.3), ("email_problem", 0.1))
    decision = decide(request(intent, 0.4, alternatives=alternatives), now, CAL, RULES)
    assert isinstance(decision, Clarify)
    assert decision.candidates[0] == (intent if intent not in NOT_A_REQUEST else "howto")


@pytest.mark.parametrize("intent", [str(i) for i in Intent])
@pytest.mark.parametrize(("now", "expected"), [(OPEN, CT1), (CLOSED, PAGE)], ids=["open", "closed"])
def test_unsure_with_emergency_is_never_clarified_away(
    intent: str, now: datetime, expected: tuple[DecisionKind, Priority]
) -> None:
    decision = decide(request(intent, 0.2, emergency=True), now, CAL, RULES)
    assert (decision.kind, getattr(decision, "priority", None)) == expected


def test_unsure_security_incident_without_the_flag_is_clarified() -> None:
    decision = decide(request("security_incident", 0.3), CLOSED, CAL, RULES)
    assert decision.kind is K.CLARIFY


def test_threshold_itself_counts_as_sure() -> None:
    assert decide(request("email_problem", 0.55), OPEN, CAL, RULES).kind is K.CREATE_TICKET
    assert decide(request("email_problem", 0.549), OPEN, CAL, RULES).kind is K.CLARIFY


def test_clarify_offers_at_most_three_distinct_candidates_best_first() -> None:
    alternatives = (("howto", 0.2), ("teams_problem", 0.35), ("howto", 0.3), ("greeting", 0.05))
    decision = decide(request("email_problem", 0.4, alternatives=alternatives), OPEN, CAL, RULES)
    assert isinstance(decision, Clarify)
    assert decision.candidates == ("email_problem", "teams_problem", "howto")


# the model's best guess and alternatives -> what the clarify card offers (besides "something else")
CLARIFY_OPTIONS = [
    (("email_problem", 0.4), (("teams_problem", 0.3), ("howto", 0.2)), ("email_problem", "teams_problem", "howto")),
    (("thanks_goodbye", 0.5), (("greeting", 0.31), ("files_problem", 0.06)), ("files_problem",)),  # "help"
    (("greeting", 0.44), (("thanks_goodbye", 0.28), ("out_of_scope", 0.11)), ()),  # "asdf": ask what is wrong
    (("out_of_scope", 0.46), (("escalation_request", 0.11), ("greeting", 0.1)), ("escalation_request",)),
    (("teams_problem", 0.3), (("greeting", 0.25), ("signin_problem", 0.2), ("ticket_status", 0.1), ("howto", 0.05)),
     ("teams_problem", "signin_problem", "ticket_status")),
]


@pytest.mark.parametrize(("best", "alternatives", "offered"), CLARIFY_OPTIONS)
def test_a_clarify_card_never_offers_a_greeting_thanks_or_out_of_scope(
    best: tuple[str, float], alternatives: tuple[tuple[str, float], ...], offered: tuple[str, ...]
) -> None:
    decision = decide(request(best[0], best[1], alternatives=alternatives), OPEN, CAL, RULES)
    assert decision == Clarify(offered)


def test_insisting_out_of_hours_asks_for_confirmation_first() -> None:
    insisting = request("email_problem", insists_emergency=True)
    assert decide(insisting, CLOSED, CAL, RULES).kind is K.CONFIRM_EMERGENCY
    confirmed = request("email_problem", insists_emergency=True, confirmed_emergency=True)
    assert decide(confirmed, CLOSED, CAL, RULES).kind is K.PAGE_ON_CALL
    declined = request("email_problem", insists_emergency=False)
    assert decide(declined, CLOSED, CAL, RULES).kind is K.REFUSE_OUT_OF_HOURS


def test_confirmed_emergency_inside_hours_is_a_p1_ticket_for_support() -> None:
    decision = decide(request("teams_problem", confirmed_emergency=True), OPEN, CAL, RULES)
    assert decision == CreateTicket(Priority.P1, notify=frozenset({"support"}))


def test_insisting_on_an_excluded_request_changes_nothing() -> None:
    decision = decide(request("howto", insists_emergency=True), CLOSED, CAL, RULES)
    assert decision.kind is K.OFFER_QUOTE


def test_several_people_affected_raise_the_priority_to_p2() -> None:
    decision = decide(request("email_problem", affected_people=5), OPEN, CAL, RULES)
    assert decision == CreateTicket(Priority.P2)


def test_excluded_handling_is_configurable() -> None:
    # Strings, as they come from the configuration file.
    rules = PolicyRules(excluded_handling={
        "howto": "refuse", "user_management": "refuse",
        "security_settings_change": "quote", "onboarding": "refuse",
    })  # fmt: skip
    assert decide(request("howto"), OPEN, CAL, rules).kind is K.REFUSE_EXCLUDED
    quote = decide(request("security_settings_change"), OPEN, CAL, rules)
    assert isinstance(quote, OfferQuote)
    assert quote.offer is PAID_SUPPORT


@pytest.mark.parametrize(
    "handling",
    [{"howto": "quote"}, {**PolicyRules().excluded_handling, "greeting": "quote"},
     {**PolicyRules().excluded_handling, "howto": "maybe"}],
)  # fmt: skip
def test_incomplete_or_invalid_excluded_handling_is_rejected(handling: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        PolicyRules(excluded_handling=handling)


# --- conversation ---


def test_escalation_of_the_customers_only_open_ticket_moves_it_one_step_up() -> None:
    tickets = (ticket("1002", step=1, opened_hours_ago=2), ticket("1003", opened_hours_ago=1, status=TicketStatus.RESOLVED))
    decision = decide(request("escalation_request", open_tickets=tickets), CLOSED, CAL, RULES)
    assert isinstance(decision, Escalate)
    assert decision.ticket.number == "1002"
    assert decision.to_step == 2
    assert decision.notify == {"senior", "management"}


# own open tickets, colleagues' visible open tickets -> what is asked (numbers offered, colleagues' or own)
WHICH_TICKET = [
    pytest.param(("1", "2"), (), ("2", "1"), False, id="two-own-newest-first"),
    pytest.param(("1", "2"), ("3",), ("2", "1"), False, id="own-before-colleagues"),
    pytest.param((), ("3", "4"), ("4", "3"), True, id="only-colleagues"),
    pytest.param((), (), (), True, id="nothing-to-offer"),
]


@pytest.mark.parametrize(("own", "colleagues", "offered", "of_colleagues"), WHICH_TICKET)
def test_escalation_asks_which_ticket_unless_the_customer_has_exactly_one(
    own: tuple[str, ...], colleagues: tuple[str, ...], offered: tuple[str, ...], of_colleagues: bool
) -> None:
    def tickets(numbers: tuple[str, ...]) -> tuple[TicketSummary, ...]:
        return tuple(ticket(n, opened_hours_ago=10 - int(n)) for n in numbers)

    decision = decide(
        request("escalation_request", open_tickets=tickets(own), colleague_tickets=tickets(colleagues)), OPEN, CAL, RULES
    )
    assert isinstance(decision, AskWhichTicket)
    assert tuple(t.number for t in decision.candidates) == offered
    assert decision.colleagues is of_colleagues


def test_a_colleagues_ticket_is_never_escalated_without_asking() -> None:
    decision = decide(request("escalation_request", colleague_tickets=(ticket("9"),)), OPEN, CAL, RULES)
    assert isinstance(decision, AskWhichTicket) and decision.colleagues


def test_escalation_from_step_2_goes_to_mediation() -> None:
    decision = decide(
        request("escalation_request", open_tickets=(ticket("7", step=2),)), OPEN, CAL, RULES
    )
    assert isinstance(decision, Escalate)
    assert decision.to_step == 3
    assert decision.notify == {"management"}


def test_escalation_in_mediation_goes_no_further() -> None:
    decision = decide(
        request("escalation_request", open_tickets=(ticket("7", step=3),)), OPEN, CAL, RULES
    )
    assert isinstance(decision, AlreadyInMediation)
    assert decision.kind is K.ALREADY_IN_MEDIATION
    assert decision.ticket.number == "7"


def test_escalation_with_only_resolved_tickets_asks_which_ticket() -> None:
    resolved = (ticket("9", status=TicketStatus.RESOLVED),)
    decision = decide(request("escalation_request", open_tickets=resolved), OPEN, CAL, RULES)
    assert decision.kind is K.ASK_WHICH_TICKET


def test_status_reports_open_tickets_newest_first() -> None:
    tickets = (ticket("1", opened_hours_ago=9), ticket("2", status=TicketStatus.RESOLVED),
               ticket("3", opened_hours_ago=2))  # fmt: skip
    decision = decide(request("ticket_status", open_tickets=tickets, colleague_tickets=(ticket("4"),)), OPEN, CAL, RULES)
    assert isinstance(decision, ReportStatus)
    assert [t.number for t in decision.tickets] == ["3", "1"]
    assert [t.number for t in decision.colleague_tickets] == ["4"]


# the customer said the whole organisation is affected / that it is urgent -> decision
SAID = [
    pytest.param(OPEN, {"whole_organisation": True}, CT1, id="everyone-open-P1"),
    pytest.param(CLOSED, {"whole_organisation": True}, PAGE, id="everyone-closed-pages"),
    pytest.param(OPEN, {"urgent": True}, CT2, id="urgent-open-P2"),
    pytest.param(CLOSED, {"urgent": True}, REFUSE, id="urgent-closed-is-no-emergency"),
    pytest.param(OPEN, {"affected_people": 3}, CT2, id="several-open-P2"),
    pytest.param(OPEN, {}, CT3, id="one-open-P3"),
]


@pytest.mark.parametrize(("now", "said", "expected"), SAID)
def test_what_the_customer_said_about_impact_and_urgency(
    now: datetime, said: dict[str, object], expected: tuple[DecisionKind, Priority | None]
) -> None:
    decision = decide(request("files_problem", **said), now, CAL, RULES)
    assert (decision.kind, getattr(decision, "priority", None)) == expected


# what the customer said -> the ticket's priority, the same at every hour the ticket is made
TICKET_PRIORITY = [
    pytest.param("files_problem", {}, Priority.P3, id="one-P3"),
    pytest.param("files_problem", {"affected_people": 3}, Priority.P2, id="several-P2"),
    pytest.param("files_problem", {"urgent": True}, Priority.P2, id="urgent-P2"),
    pytest.param("signin_problem", {}, Priority.P2, id="signin-P2"),
    pytest.param("files_problem", {"whole_organisation": True}, Priority.P1, id="everyone-P1"),
    pytest.param("files_problem", {"emergency": True}, Priority.P1, id="flagged-P1"),
    pytest.param("files_problem", {"confirmed_emergency": True}, Priority.P1, id="confirmed-P1"),
    pytest.param("service_outage", {}, Priority.P1, id="outage-P1"),
    pytest.param("files_problem", {"confidence": 0.3, "emergency": True}, Priority.P1, id="unsure-flagged-P1"),
]


@pytest.mark.parametrize(("intent", "said", "expected"), TICKET_PRIORITY)
def test_a_tickets_priority_does_not_depend_on_the_hour(intent: str, said: dict[str, object], expected: Priority) -> None:
    """Told while closed, made a ticket at the opening: the priority is the one decided in hours."""
    told = request(intent, **said)
    assert ticket_priority(told, RULES) is expected
    in_hours = decide(told, OPEN, CAL, RULES)
    assert isinstance(in_hours, CreateTicket) and in_hours.priority is expected


def test_everyone_affected_does_not_make_an_excluded_request_an_emergency() -> None:
    assert decide(request("howto", whole_organisation=True), CLOSED, CAL, RULES).kind is K.OFFER_QUOTE


# --- validation: malformed input is refused before anything happens ---


@pytest.mark.parametrize(
    "kwargs",
    [
        {"intent": "printer_problem", "confidence": 0.9},
        {"intent": "howto", "confidence": 1.5},
        {"intent": "howto", "confidence": -0.1},
        {"intent": "howto", "confidence": 0.9, "alternatives": (("bogus", 0.1),)},
        {"intent": "howto", "confidence": 0.9, "affected_people": 0},
    ],
)
def test_malformed_requests_are_rejected(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        CustomerRequest(**kwargs)  # type: ignore[arg-type]


def test_unknown_intent_raises_the_domain_error() -> None:
    with pytest.raises(UnknownIntentError):
        CustomerRequest(intent="printer_problem", confidence=0.9)


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError):
        decide(request("email_problem"), datetime(2026, 11, 30, 10, 0), CAL, RULES)
