"""Tickets from the conversation: the intake's questions, one ticket or several, escalating one."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.policy import (
    Clarify, CreateTicket, CustomerRequest, Decision, Escalate, Priority, RefuseOutOfHours, Scope, decide, scope_of,
    ticket_priority,
)
from bot.services import replies
from bot.services.customer import intake
from bot.services.customer.reading import follows_on, guesses_cause, only_facts, parts
from bot.services.customer.state import Facts, IntakeQuestion, OutOfHoursOffer, RecentTicket, Report, SeparateTickets
from bot.services.customer.turn import CustomerDeps, Outcome, Turn
from bot.services.intake_slots import products_named
from bot.services.tickets import NewTicket

SEVERAL_CONFIDENCE = 0.7  # each named problem must be this clear before the customer is asked about several
ADDITION_WINDOW = timedelta(hours=2)  # how long after a ticket a few words more are taken as about it


class TicketActs:
    def __init__(self, deps: CustomerDeps):
        self._deps = deps

    async def decide(
        self, turn: Turn, report: Report, facts: Facts, *, insists: bool = False, confirmed: bool = False,
    ) -> Decision:
        """The policy's decision on this report as things stand now, with the facts known now."""
        request = await self._request(turn, report, facts, insists=insists, confirmed=confirmed)
        return decide(request, turn.now, self._deps.calendar, self._deps.rules)

    async def priority(self, turn: Turn, report: Report, facts: Facts) -> Priority:
        """The priority of the ticket made now from this report, with the facts known now: never the
        hour the report was told (told in the evening, made next morning, it is no emergency)."""
        return ticket_priority(await self._request(turn, report, facts), self._deps.rules)

    async def _request(
        self, turn: Turn, report: Report, facts: Facts, *, insists: bool = False, confirmed: bool = False,
    ) -> CustomerRequest:
        tickets = await self._deps.tickets.visible_to(turn.caller)
        return CustomerRequest(
            intent=report.intent, confidence=report.confidence, alternatives=report.alternatives,
            emergency=report.emergency,
            open_tickets=tickets.own, colleague_tickets=tickets.colleagues, confirmed_emergency=confirmed,
            insists_emergency=insists, affected_people=intake.PEOPLE.get(facts.affected or "one", 1),
            whole_organisation=facts.affected == "everyone", urgent=facts.urgent,
        )  # fmt: skip

    async def create(self, turn: Turn, report: Report, facts: Facts, priority: Priority) -> Outcome:
        """A clear emergency at once; else ask what is missing, one question at a time, then the ticket.

        An emergency flag on words the model is unsure of ("sinds vanochtend") still gets the intake:
        in business hours support is at work, and the ticket keeps its top priority."""
        missing = facts.missing()
        if (priority is Priority.P1 and self._clear(report)) or not missing:
            return await self.open(turn, report, facts, priority)
        question = IntakeQuestion(report, facts, missing[0])
        return Outcome((intake.ask(turn.lang, question.asking, report.intent),), question)

    def _clear(self, report: Report) -> bool:
        """The model was sure of the words, or the customer chose or confirmed what it is."""
        return report.confidence >= self._deps.rules.confidence_threshold

    async def go_on(self, turn: Turn, question: IntakeQuestion, facts: Facts) -> Outcome:
        """With what is known now the policy decides the priority: an emergency (the whole organisation
        affected) is opened at once, else the next missing fact is asked.

        Closing time that comes mid-intake ends it with the out-of-hours offer: the facts said so far are
        kept with it, for the reminder and the ticket at the next opening."""
        priority = await self.priority(turn, question.report, facts)
        missing = facts.missing()
        if priority is not Priority.P1:
            now = await self.decide(turn, question.report, facts)  # are we still open now?
            if isinstance(now, RefuseOutOfHours):  # begun in hours, answered when closed: say so, as a new report
                why = replies.closed_words(turn.lang, self._deps.calendar.closed_reason(turn.now), self._deps.calendar)
                offer = replies.out_of_hours(turn.lang, now.next_opening, self._deps.config, why, turn.now)
                return Outcome((offer,), OutOfHoursOffer(question.report, now.next_opening, facts))
        if priority is Priority.P1 or not missing:
            return await self.open(turn, question.report, facts, priority)
        asked = replace(question, facts=facts, asking=missing[0])
        return Outcome((intake.ask(turn.lang, asked.asking, question.report.intent),), asked)

    async def open(self, turn: Turn, report: Report, facts: Facts, priority: Priority, *, suffix: str = "") -> Outcome:
        view, _ = await self._store(turn, report, facts, priority, suffix)
        opened = RecentTicket(view.number, turn.now, report.intent, facts.product)
        if priority is Priority.P1:
            return Outcome((replies.emergency_in_hours(turn.lang, view.number),), opened=opened)
        return Outcome((replies.ticket_created(turn.lang, view.number, view.intent, view.priority),), opened=opened)

    async def add_to_recent(self, turn: Turn, recent: RecentTicket | None) -> Outcome | None:
        """Words with a fact in them soon after a ticket ("het gaat om de versie van Excel 2016", "sinds
        gisteren") are more about that ticket when they name its product or category, or the model cannot
        tell what they are about: they go onto it as a note, not into a new report."""
        if recent is None or turn.now - recent.opened_at > ADDITION_WINDOW:
            return None
        said = intake.read_facts(turn.core, "")
        if said == Facts():
            return None
        classified = turn.classified
        unsure = classified.confidence < self._deps.rules.confidence_threshold
        same = said.product is not None and said.product == recent.product
        if not (unsure or same or classified.intent == recent.intent):
            return None
        if not await self._deps.tickets.add_note(turn.caller, recent.number, turn.core):
            return None
        return Outcome((replies.added_to_ticket(turn.lang, recent.number),))

    async def _store(self, turn: Turn, report: Report, facts: Facts, priority: Priority, suffix: str) -> tuple[replies.TicketView, bool]:
        new = NewTicket(
            intent=report.intent, priority=str(priority), emergency=priority is Priority.P1, description=report.text,
            product=facts.product, affected=facts.affected, since=facts.since,
            source_activity_id=f"{report.activity_id}{suffix}" if report.activity_id else None,
        )  # fmt: skip
        view, created = await self._deps.tickets.open_ticket(turn.caller, turn.conversation_id, new)
        if created:
            await self._deps.tickets.notify_support(turn.caller, view, new.description)
        return view, created

    def several(self, turn: Turn, report: Report, facts: Facts, decision: Decision) -> Outcome | None:
        """Several clear problems in one message: ask whether to open a ticket for each.

        Asked where a ticket would be opened now (not for an emergency), and where the model is unsure
        because the message names several problems: at least two of those are among its best guesses
        for the whole ("ik kan niet inloggen, mijn licentie is verlopen en Teams start niet"), not where a
        clause only guesses at a cause ("word doet raar, misschien iets met mijn account") or says what follows
        from the problem ("Outlook crasht als ik een bijlage open en dan moet ik alles opnieuw opstarten")."""
        if isinstance(decision, CreateTicket):
            if decision.priority is Priority.P1:
                return None
        elif not (isinstance(decision, Clarify) and self._deps.calendar.is_open(turn.now)):
            return None
        said: dict[str, str] = {}  # each problem, with the clause it was read from
        for part in parts(report.text):
            if only_facts(part) or guesses_cause(part) or follows_on(part):
                continue
            found = self._deps.classifier.classify(part)
            if found.confidence >= SEVERAL_CONFIDENCE and found.intent not in said and _covered(found.intent):
                said[found.intent] = part
        if len(said) < 2:
            return None
        if isinstance(decision, Clarify) and len(set(said) & set(decision.candidates)) < 2:
            return None
        question = SeparateTickets(report, tuple(said), facts, tuple(said.values()))
        return Outcome((replies.separate_tickets(turn.lang, list(said)),), question)

    async def open_each(self, turn: Turn, question: SeparateTickets) -> Outcome:
        """One ticket per problem, each with the priority the policy gives it, named in one message."""
        views = []
        for index, (report, facts) in enumerate(split(question)):
            priority = await self.priority(turn, report, facts)
            view, _ = await self._store(turn, report, facts, priority, f"#{index}" if index else "")
            views.append(view)
        return Outcome((replies.separate_created(turn.lang, views),))

    async def escalate(self, turn: Turn, decision: Escalate, reason: str) -> Outcome:
        """The step the policy chose; the service records it and tells staff."""
        number = decision.ticket.number
        await self._deps.escalations.escalate(
            number, reason, trigger="customer", actor=turn.caller, organisation_id=turn.caller.organisation_id,
            from_step=decision.to_step - 1,
        )  # fmt: skip
        return Outcome((replies.escalated(turn.lang, number, decision.to_step),))


def split(question: SeparateTickets) -> list[tuple[Report, Facts]]:
    """One report per problem: its own clause as the text (the whole message stays in the transcript,
    linked by the first ticket's source activity), with the product that clause names.

    Who is affected, since when and urgency said anywhere in the message hold for each problem unless
    its clause says otherwise. Where the clauses are not known, each gets the whole message, and a
    product only where it cannot belong to another of the problems."""
    known = len(question.parts) == len(question.intents)
    split_reports = []
    for index, intent in enumerate(question.intents):
        text = question.parts[index] if known else question.report.text
        own = intake.read_facts(text, "")
        facts = replace(question.facts.merged(own), product=_product(text, intent, own_clause=known))
        split_reports.append((replace(question.report.chosen(intent), text=text), facts))
    return split_reports


def _product(text: str, intent: str, *, own_clause: bool) -> str | None:
    """The product of one problem: the one its clause names, else the one its category implies (mail,
    Teams); in the whole message only a named product the category can have."""
    implied = intake.read_facts("", intent).product
    named = products_named(text)
    if implied is not None and (not named or implied in named):
        return implied
    fits = [p for p in named if own_clause or p in replies.PRODUCTS_BY_INTENT.get(intent, ())]
    return fits[0] if len(fits) == 1 else None


def _covered(intent: str) -> bool:
    return scope_of(intent) is Scope.COVERED

