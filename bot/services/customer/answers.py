"""Answers to the open question: a button, a typed choice, or words that carry the asked facts.

`answer` returns the outcome, `KEEP` for an acknowledgement ("ok", "bedankt": the question stays
open), or None when the message is not an answer (a new subject, handled as new).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from enum import Enum

from bot.policy import RefuseOutOfHours, escalation_of
from bot.services import replies
from bot.services.customer import intake, questions, typed_choice
from bot.services.customer.acts import Acts
from bot.services.customer.choosing import chosen
from bot.services.customer.reading import calls_off, is_acknowledgement, only_facts, only_yes
from bot.services.customer.state import (
    AwaitingProblem, ClarifyQuestion, DeclinedOffer, EmergencyCheck, Facts, IntakeQuestion, OutOfHoursOffer, Question, QuoteOffer,
    RatingQuestion, Report, SeparateTickets, TicketOffer, ToldWhileClosed, WhichTicket,
)  # fmt: skip
from bot.services.customer.turn import CustomerDeps, Outcome, Turn
from bot.services.messages import Reply

NEW_SUBJECT = 0.8  # a free-text answer this clearly about something else is a new message
_CHATTER = frozenset({"greeting", "thanks_goodbye"})
DECLINED_FOR = timedelta(hours=12)  # how long a typed "noodgeval" still means the declined problem
_NO_REQUEST = frozenset({*_CHATTER, "out_of_scope"})  # typed instead of an answer, these are no new subject
_CHOICE_QUESTIONS = (
    OutOfHoursOffer, EmergencyCheck, ClarifyQuestion, QuoteOffer, RatingQuestion, SeparateTickets, WhichTicket,
)  # fmt: skip
_TOWARDS_A_TICKET = (IntakeQuestion, AwaitingProblem, ClarifyQuestion, EmergencyCheck, SeparateTickets)


class Kept(Enum):
    KEEP = "keep"


KEEP = Kept.KEEP


class Answers:
    def __init__(self, deps: CustomerDeps, acts: Acts):
        self._deps, self._acts = deps, acts

    async def answer(self, question: Question, turn: Turn) -> Outcome | Kept | None:
        if turn.pressed is None and isinstance(question, _TOWARDS_A_TICKET) and calls_off(turn.core):
            return Outcome((replies.called_off(turn.lang),))  # "laat maar": the questions stop, nothing made
        outcome = await self._answer(question, turn)
        if isinstance(question, DeclinedOffer):  # asks nothing: anything but "noodgeval" is a new message
            return outcome
        if outcome is None and turn.pressed is None and is_acknowledgement(turn.core):
            return KEEP
        return outcome

    def hint(self, question: Question, turn: Turn) -> Outcome | None:
        """Typed words that fit none of the buttons and are no new problem ("misschien", "de zevende"): the
        question again with how to answer it, not the out-of-scope reply. The service does this once."""
        if turn.pressed is not None or not isinstance(question, _CHOICE_QUESTIONS) or self._clearly_new(turn):
            return None
        asked = questions.ask(question, turn.lang, self._deps.config, self._deps.calendar, turn.now)
        return Outcome((replies.choice_hint(turn.lang, asked),), question, hinted=True)

    def _clearly_new(self, turn: Turn) -> bool:
        """An emergency, a product named, or a request the model is sure of: handled as new, not as an answer."""
        found = turn.classified
        sure = found.confidence >= self._deps.rules.confidence_threshold and found.intent not in _NO_REQUEST
        return found.emergency or sure or intake.read_facts(turn.core, "").product is not None

    def choice(self, question: Question, turn: Turn) -> str | None:
        """Which of the question's buttons the message means, if any.

        A word of an answer inside a message that clearly speaks of something else, or names a
        product, is no answer: "Mijn OneDrive synchroniseert een map niet" or "Excel start ook niet"
        after the out-of-hours offer is a new problem, not "niet" (no). Not for the categories of a clarification, which such a message may choose."""
        value = self._chosen(question, turn)
        if value is None or turn.pressed is not None or isinstance(question, ClarifyQuestion):
            return value
        report = getattr(question, "report", None)
        names_product = intake.read_facts(turn.core, "").product is not None  # "Excel start ook niet"
        if not names_product and not _new_subject(turn, report.intent if isinstance(report, Report) else ""):
            return value
        return self._chosen(question, turn, within=False)

    def _chosen(self, question: Question, turn: Turn, *, within: bool = True) -> str | None:
        shown = questions.ask(question, turn.lang, self._deps.config, self._deps.calendar, turn.now)
        return chosen(turn.text, turn.pressed, shown.choices, replies.choice_synonyms(turn.lang), within=within)

    def _names_button(self, question: Question, turn: Turn) -> bool:
        """The message is nothing but a button's words, position or yes/no ("de tweede" reads as out of scope)."""
        return turn.pressed is None and self._chosen(question, turn, within=False) is not None

    async def _answer(self, question: Question, turn: Turn) -> Outcome | None:
        match question:
            case IntakeQuestion():
                return await self._intake(question, turn)
            case OutOfHoursOffer():
                return await self._out_of_hours(question, turn)
            case EmergencyCheck():
                return await self._emergency(question, turn)
            case ClarifyQuestion():
                return await self._clarify(question, turn)
            case QuoteOffer():
                return await self._quote(question, turn)
            case RatingQuestion():
                return await self._rating(question, turn)
            case SeparateTickets():
                return await self._separate(question, turn)
            case WhichTicket():
                return await self._which_ticket(question, turn)
            case AwaitingProblem():
                return self._awaiting(question, turn)
            case DeclinedOffer():
                return await self._declined(question, turn)
            case TicketOffer():
                return await self._ticket_offer(question, turn)
        raise AssertionError(f"unknown question {question!r}")

    def _awaiting(self, question: AwaitingProblem, turn: Turn) -> Outcome | None:
        """Asked what is wrong, "ja" says nothing about it (and is no goodbye): the question again."""
        if turn.pressed is not None or not only_yes(turn.core):
            return None
        asked = questions.ask(question, turn.lang, self._deps.config, self._deps.calendar, turn.now)
        return Outcome((replies.still_open(turn.lang, asked),), question)

    async def _intake(self, question: IntakeQuestion, turn: Turn) -> Outcome | None:
        report = question.report
        if turn.pressed is None and is_acknowledgement(turn.core):  # "ok", "bedankt": no answer, asked again
            return None
        said = intake.read_facts(turn.core, report.intent)
        unsaid = turn.pressed is None and getattr(said, question.asking.value) is None
        if unsaid and not self._names_button(question, turn) and _new_subject(turn, report.intent):
            return None
        named = question.facts.product
        if turn.pressed is None and named is not None and said.product not in (None, named):  # "en Word ook"
            question = replace(question, report=replace(report, text=f"{report.text}; {turn.core}"))
            if unsaid:
                asked = intake.ask(turn.lang, question.asking, report.intent)
                return Outcome((replies.added_to_report(turn.lang, asked),), question)
        facts = intake.answered(turn.lang, question.asking, report.intent, turn.core, turn.pressed, question.facts)
        if facts is None and turn.pressed is not None:  # another question's button: said to be stale
            return None
        if facts is None:  # nothing new, and not clearly about something else: the question stays
            again = replies.still_open(turn.lang, intake.ask(turn.lang, question.asking, report.intent))
            return Outcome((again,), question)
        return await self._acts.tickets.go_on(turn, question, facts)

    async def _out_of_hours(self, question: OutOfHoursOffer, turn: Turn) -> Outcome | None:
        value, report = self.choice(question, turn), question.report
        if value is None:
            return self._fact_for_offer(question, turn)
        facts = question.facts.merged(intake.read_facts(report.text, report.intent))
        if value == replies.NO:
            until = min(question.opening, turn.now + DECLINED_FOR)
            declined = DeclinedOffer(report, until, facts)
            return Outcome((replies.reminder_declined(turn.lang, self._deps.config.msp),), declined)
        if turn.now >= question.opening:  # an old card: say so, and act on the present
            lead = replies.offer_passed(turn.lang, question.opening, self._deps.config.business_hours.time_zone)
            decision = await self._acts.tickets.decide(turn, report, facts, insists=value == replies.EMERGENCY)
            outcome = await self._acts.act(turn, decision, report, facts)
            return replace(outcome, replies=_lead(lead, outcome.replies))
        if value == replies.REMIND:
            await self._deps.reminders.schedule(turn.conversation_id, turn.lang, question.opening)
            zone = self._deps.config.business_hours.time_zone
            booked = replies.reminder_scheduled(turn.lang, question.opening, zone, turn.now)
            return Outcome((booked,), told=ToldWhileClosed(report, facts))
        decision = await self._acts.tickets.decide(turn, report, facts, insists=True)
        return await self._acts.act(turn, decision, report, facts)

    def _fact_for_offer(self, question: OutOfHoursOffer, turn: Turn) -> Outcome | None:
        """Who is affected or since when, typed after closing time cut the intake short ("sinds
        vanochtend"): kept with the problem for the reminder and the ticket; the offer stays open."""
        if turn.pressed is not None or not only_facts(turn.core):
            return None
        kept = replace(question, facts=question.facts.merged(intake.read_facts(turn.core, question.report.intent)))
        asked = questions.ask(kept, turn.lang, self._deps.config, self._deps.calendar, turn.now)
        return Outcome((replies.fact_noted(turn.lang, asked),), kept)

    async def _declined(self, question: DeclinedOffer, turn: Turn) -> Outcome | None:
        """The decline said "type *noodgeval*": typed (alone) in time, it is the offer's emergency button."""
        if turn.pressed is not None or turn.now >= question.until:
            return None
        typed = turn.core.strip().lower().rstrip(".!")
        if typed not in {word.lower() for word in replies.choice_synonyms(turn.lang).get(replies.EMERGENCY, ())}:
            return None
        report = question.report
        decision = await self._acts.tickets.decide(turn, report, question.facts, insists=True)
        return await self._acts.act(turn, decision, report, question.facts)

    async def _ticket_offer(self, question: TicketOffer, turn: Turn) -> Outcome | None:
        """After the reminder: yes makes the ticket from the problem told then (only what is missing is
        asked), as the policy decides it now."""
        value = self.choice(question, turn)
        if value is None:
            return None
        if value != replies.YES:
            return Outcome((replies.told_ticket_declined(turn.lang),))
        decision = await self._acts.tickets.decide(turn, question.report, question.facts)
        return await self._acts.act(turn, decision, question.report, question.facts)

    async def _emergency(self, question: EmergencyCheck, turn: Turn) -> Outcome | None:
        value, report = self.choice(question, turn), question.report
        if value is None:
            return None
        facts = question.facts.merged(intake.read_facts(report.text, report.intent))
        confirmed = value == replies.YES
        report = report.chosen(report.intent) if confirmed else report  # the customer said what it is
        decision = await self._acts.tickets.decide(turn, report, facts, confirmed=confirmed)
        if not confirmed and isinstance(decision, RefuseOutOfHours):
            return Outcome((replies.not_an_emergency(turn.lang, decision.next_opening, self._deps.config, turn.now),))
        return await self._acts.act(turn, decision, report, facts)

    async def _clarify(self, question: ClarifyQuestion, turn: Turn) -> Outcome | None:
        value = self.choice(question, turn)
        if value is None:
            return None
        if value == replies.OTHER:
            return Outcome((replies.clarify_other(turn.lang),))
        report = question.report.chosen(value)
        facts = intake.read_facts(report.text, value)
        decision = await self._acts.tickets.decide(turn, report, facts)
        return await self._acts.act(turn, decision, report, facts)

    async def _quote(self, question: QuoteOffer, turn: Turn) -> Outcome | None:
        value = self.choice(question, turn)
        if value not in (replies.ACCEPT, replies.DECLINE):
            return None
        if value == replies.DECLINE:
            return Outcome((replies.quote_declined(turn.lang),))
        report = question.report
        await self._deps.quotes.request(turn.caller, report.intent, report.text)
        return Outcome((replies.quote_recorded(turn.lang, self._deps.config),))

    async def _rating(self, question: RatingQuestion, turn: Turn) -> Outcome | None:
        value = self.choice(question, turn)
        if value is None:
            return None
        await self._deps.tickets.rate(question.number, turn.caller, int(value))
        return Outcome((replies.rating_thanks(turn.lang, int(value)),))

    async def _separate(self, question: SeparateTickets, turn: Turn) -> Outcome | None:
        value = self.choice(question, turn)
        if value is None:
            return None
        if value == replies.SEPARATE:
            return await self._acts.tickets.open_each(turn, question)
        report, facts = question.report, question.facts
        # one ticket: the model's reading of the whole when it is one of the named problems, else the first
        intent = report.intent if report.intent in question.intents else question.intents[0]
        report = report.chosen(intent)
        decision = await self._acts.tickets.decide(turn, report, facts)
        return await self._acts.act(turn, decision, report, facts)

    async def _which_ticket(self, question: WhichTicket, turn: Turn) -> Outcome | None:
        value = self.choice(question, turn)
        if value == replies.NONE_OF_THESE:
            return Outcome((replies.ask_which_ticket(turn.lang),))
        # a typed number may also name a ticket offered beyond the card's buttons
        typed = typed_choice.ticket_number(turn.text) if turn.pressed is None else None
        number = value.removeprefix(replies.TICKET_PREFIX) if value else typed
        if number is None or number not in {ref.number for ref in question.tickets}:
            return None
        visible = await self._deps.tickets.visible_to(turn.caller)
        found = [t for t in (*visible.own, *visible.colleagues) if t.number == number and t.is_open]
        if not found:
            return Outcome((replies.ask_which_ticket(turn.lang),))
        decision = escalation_of(found[0], turn.now)
        return await self._acts.act(turn, decision, question.report, Facts())


def _new_subject(turn: Turn, intent: str) -> bool:
    """A message that clearly speaks of something else (it did not answer the question asked)."""
    found = turn.classified
    return found.confidence >= NEW_SUBJECT and found.intent != intent and found.intent not in _CHATTER


def _lead(lead: str, found: tuple[Reply, ...]) -> tuple[Reply, ...]:
    """One message: the lead in front of the first reply."""
    if not found:
        return (Reply(lead),)
    return (replies.with_lead(lead, found[0]), *found[1:])
