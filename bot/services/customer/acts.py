"""Carry out the policy's decision on a customer message, exactly as the policy returned it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.policy import (
    AlreadyEscalated, AlreadyInMediation, AskWhichTicket, Clarify, ConfirmEmergency, CreateTicket, Decision, Escalate, Greet,
    OfferQuote, OutOfScope, PageOnCall, Priority, RefuseExcluded, RefuseOutOfHours, ReportStatus, SayGoodbye, Scope,
    TicketSummary, scope_of,
)  # fmt: skip
from bot.services import replies
from bot.services.customer.besides import outside_clause, problem_clause
from bot.services.customer.reading import (
    asks_for_person, bare_number, only_asks_for_help, only_emergency, only_facts, only_urgency,
)  # fmt: skip
from bot.services.customer.typed_choice import ticket_number
from bot.services.customer.state import (
    AwaitingProblem, ClarifyQuestion, EmergencyCheck, Facts, OutOfHoursOffer, QuoteOffer, Report, TicketRef,
    WhichTicket,
)  # fmt: skip
from bot.services.customer.intake import read_facts
from bot.services.customer.tickets import TicketActs
from bot.services.customer.turn import CustomerDeps, Outcome, Turn
from bot.services.messages import Reply
from bot.services.tickets import NewTicket


class Acts:
    def __init__(self, deps: CustomerDeps):
        self._deps = deps
        self.tickets = TicketActs(deps)

    async def new_message(self, turn: Turn, known: Facts) -> Outcome:
        """A message that answers no open question: read it, ask the policy, act."""
        if only_urgency(turn.core) or only_facts(turn.core) or only_asks_for_help(turn.core):  # not what is wrong
            return self.ask_problem(turn, known.merged(read_facts(turn.core, "")))
        if only_emergency(turn.core):  # an emergency, but what is wrong? (when closed: the emergency way stays open)
            return self.ask_problem(turn, replace(known, urgent=True))
        if bare_number(turn.core):  # "5" with nothing asked: no category guessed from it
            return _say(replies.number_unasked(turn.lang))
        classified = turn.classified
        if asks_for_person(turn.core) and scope_of(classified.intent) is not Scope.COVERED:
            return await self.person(turn, known)
        report = Report(
            turn.core, classified.intent, turn.now, classified.emergency, turn.activity_id,
            classified.confidence, tuple(classified.alternatives),
        )  # fmt: skip
        facts = known.merged(read_facts(turn.core, report.intent))
        decision = await self.tickets.decide(turn, report, facts)
        several = self.tickets.several(turn, report, facts, decision)
        return several or await self._besides(turn, decision, await self.act(turn, decision, report, facts))

    async def person(self, turn: Turn, known: Facts) -> Outcome:
        """Asked for a person: an open ticket goes a step up (seniors can take the chat over); with none,
        support takes on the ticket this problem becomes. Never a quote for help with the apps."""
        report = Report(turn.core, "escalation_request", turn.now, False, turn.activity_id, 1.0, ())
        decision = await self.tickets.decide(turn, report, known)
        if isinstance(decision, AskWhichTicket) and not decision.candidates:
            closed = not self._deps.calendar.is_open(turn.now)
            return Outcome((replies.person_asked(turn.lang, closed=closed),), AwaitingProblem(known))
        return await self.act(turn, decision, report, known)

    async def _besides(self, turn: Turn, decision: Decision, outcome: Outcome) -> Outcome:
        """The rest of the message answered too: a new problem told with an escalation request gets its
        own answer after it; a problem outside Office 365 told with one inside it, a word in front."""
        if not outcome.replies or isinstance(decision, OutOfScope):
            return outcome
        classifier = self._deps.classifier
        if isinstance(decision, Escalate):
            told = problem_clause(classifier, turn.core)
            if told is None:
                return outcome
            clause, found = told  # read as the covered problem it is: never a second escalation
            other = await self.new_message(replace(turn, core=clause, classified=found), Facts())
            if not other.replies:
                return outcome
            led = replies.other_problem(turn.lang, clause, other.replies[0])
            return replace(other, replies=(*outcome.replies, led, *other.replies[1:]))
        outside = outside_clause(classifier, turn.core)
        if outside is None:
            return outcome
        first = replies.outside_office(turn.lang, outside, self._deps.config, outcome.replies[0])
        return replace(outcome, replies=(first, *outcome.replies[1:]))

    async def act(self, turn: Turn, decision: Decision, report: Report, facts: Facts) -> Outcome:
        lang, config = turn.lang, self._deps.config
        match decision:
            case Greet():
                return Outcome(greeted=True)
            case SayGoodbye():
                return _say(replies.goodbye(lang))
            case OutOfScope():
                return _say(replies.out_of_scope(lang, config))
            case ReportStatus(tickets=own, colleague_tickets=colleagues):
                views = await self._deps.tickets.views(turn.caller, tuple(t.number for t in own))
                return _say(await self._unknown_named(turn, colleagues, replies.status(lang, views, colleagues)))
            case AskWhichTicket(candidates=candidates, colleagues=colleagues):
                if not candidates:  # "waar gaat het om?": the answer is the problem
                    return Outcome((replies.ask_which_ticket(lang),), AwaitingProblem(facts))
                refs = tuple(TicketRef(t.number, t.subject, own=not colleagues) for t in candidates)
                return Outcome((replies.which_ticket(lang, refs, own=not colleagues),), WhichTicket(report, refs))
            case AlreadyEscalated(ticket=ticket, step=step, since=since):
                zone = config.business_hours.time_zone
                return _say(replies.already_escalated(lang, ticket.number, step, since, zone))
            case AlreadyInMediation(ticket=ticket):
                return _say(replies.already_in_mediation(lang, ticket.number))
            case Escalate():
                return await self.tickets.escalate(turn, decision, report.text)
            case RefuseExcluded():
                return _say(replies.excluded(lang, decision, config))
            case OfferQuote():
                return Outcome((replies.excluded(lang, decision, config),), QuoteOffer(report))
            case Clarify(candidates=()):  # nothing the customer may need: what is wrong?
                return self.ask_problem(turn, facts)
            case Clarify(candidates=candidates):
                return Outcome((replies.clarify(lang, candidates),), ClarifyQuestion(report, candidates))
            case ConfirmEmergency():
                return Outcome((replies.confirm_emergency(lang),), EmergencyCheck(report, facts))
            case RefuseOutOfHours(next_opening=opening):
                return Outcome((self.out_of_hours(turn, opening),), OutOfHoursOffer(report, opening, facts))
            case CreateTicket(priority=priority):
                return await self.tickets.create(turn, report, facts, priority)
            case PageOnCall(priority=priority):
                return Outcome(await self._page(turn, report, facts, priority))
        raise AssertionError(f"unhandled decision {decision!r}")

    async def _unknown_named(self, turn: Turn, colleagues: Sequence[TicketSummary], status: Reply) -> Reply:
        """A ticket number asked about that is none of theirs (nor a colleague's they may see): said to be
        unknown, whether or not another organisation has it."""
        number = ticket_number(turn.core)
        if number is None or number in {t.number for t in colleagues}:
            return status
        if await self._deps.tickets.views(turn.caller, (number,)):
            return status
        return replies.unknown_ticket(turn.lang, number, status)

    def ask_problem(self, turn: Turn, facts: Facts) -> Outcome:
        """What is wrong, in one short question (out of hours: and whether the organisation cannot work)."""
        closed = not self._deps.calendar.is_open(turn.now)
        asked = replies.describe_problem(turn.lang, urgent=facts.urgent, closed=closed)
        return Outcome((asked,), AwaitingProblem(facts))

    def out_of_hours(self, turn: Turn, opening: datetime) -> Reply:
        """Why we are closed, when we open, the emergency way, and the reminder offer."""
        why = replies.closed_words(turn.lang, self._deps.calendar.closed_reason(turn.now), self._deps.calendar)
        return replies.out_of_hours(turn.lang, opening, self._deps.config, why, turn.now)

    async def _page(self, turn: Turn, report: Report, facts: Facts, priority: Priority) -> tuple[Reply, ...]:
        new = NewTicket(
            intent=report.intent, priority=str(priority), emergency=True, description=report.text,
            product=facts.product, affected=facts.affected, since=facts.since, source_activity_id=report.activity_id,
        )  # fmt: skip
        return await self._deps.paging.report_emergency(turn.caller, turn.conversation_id, new)


def _say(reply: Reply) -> Outcome:
    return Outcome((reply,))
