"""The follow-up questions: intake, out of hours, emergency confirmation, clarification, quote, rating."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from bot.policy import OfferQuote, exclusion_clause
from bot.services import replies
from bot.services.intake_facts import facts_from, intake_priority
from bot.services.messages import Reply
from bot.services.tickets import NewTicket
from bot.teams.activities import reply_activity
from dialogs.card_prompt import prompt_options
from dialogs.context import CustomerServices, caller_of

CHOICE = "choice"


class _FollowUp(WaterfallDialog):
    def __init__(self, services: CustomerServices):
        super().__init__(type(self).__name__, self.steps())
        self._services = services

    def steps(self) -> list:
        raise NotImplementedError

    @staticmethod
    def lang(step: WaterfallStepContext) -> str:
        return step.options["caller"]["language"]

    async def ask(self, step: WaterfallStepContext, reply: Reply, *, free_text: bool = False) -> DialogTurnResult:
        synonyms = replies.choice_synonyms(self.lang(step))
        return await step.prompt(CHOICE, prompt_options(reply, synonyms=synonyms, free_text=free_text))

    @staticmethod
    async def say(step: WaterfallStepContext, reply: Reply, result: Any = None) -> DialogTurnResult:
        await step.context.send_activity(reply_activity(reply))
        return await step.end_dialog(result)


class IntakeDialog(_FollowUp):
    """Asks only for what the first message did not already say: product, who is affected, since when."""

    def steps(self) -> list:
        return [self._product, self._affected, self._since, self._create]

    async def _product(self, step: WaterfallStepContext) -> DialogTurnResult:
        facts = facts_from(step.options["text"], step.options["intent"])
        step.values.update(product=facts.product, affected=facts.affected, since=facts.since)
        if facts.product:
            return await step.next(facts.product)
        return await self.ask(step, replies.ask_product(self.lang(step), step.options["intent"]), free_text=True)

    async def _affected(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["product"] = step.result
        if step.values["affected"]:
            return await step.next(step.values["affected"])
        return await self.ask(step, replies.ask_affected(self.lang(step)))

    async def _since(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["affected"] = step.result
        if step.values["since"]:
            return await step.next(step.values["since"])
        return await self.ask(step, replies.ask_since(self.lang(step)), free_text=True)

    async def _create(self, step: WaterfallStepContext) -> DialogTurnResult:
        options, values = step.options, step.values
        values["since"] = step.result
        emergency = bool(options.get("emergency")) or values["affected"] == "everyone"
        priority = intake_priority(options["intent"], values["affected"], emergency)
        new = NewTicket(
            intent=options["intent"], priority=priority, emergency=emergency, description=options["text"],
            product=values["product"], affected=values["affected"], since=values["since"],
            source_activity_id=options["activity_id"],
        )
        caller = caller_of(options)
        view, created = await self._services.tickets.open_ticket(caller, options["conversation_id"], new)
        if created:
            await self._services.tickets.notify_support(caller, view, new.description)
        lang = self.lang(step)
        reply = replies.emergency_in_hours(lang, view.number) if emergency else replies.ticket_created(lang, view.number, view.intent, view.priority)
        return await self.say(step, reply)


class OutOfHoursDialog(_FollowUp):
    """Closed and not an emergency: offer a reminder at opening time, or the way to report an emergency."""

    def steps(self) -> list:
        return [self._offer, self._answer]

    async def _offer(self, step: WaterfallStepContext) -> DialogTurnResult:
        opening = datetime.fromisoformat(step.options["next_opening"])
        reply = replies.out_of_hours(self.lang(step), opening, self._zone, self._services.config)
        return await self.ask(step, reply)

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        opening, lang = datetime.fromisoformat(step.options["next_opening"]), self.lang(step)
        if step.result == "emergency":
            return await step.end_dialog({"reassess": {"insists": True}})
        if step.result == "remind":
            await self._services.reminders.schedule(step.options["conversation_id"], lang, opening)
            return await self.say(step, replies.reminder_scheduled(lang, opening, self._zone))
        return await self.say(step, replies.reminder_declined(lang))

    @property
    def _zone(self) -> str:
        return self._services.config.business_hours.time_zone


class ConfirmEmergencyDialog(_FollowUp):
    """The customer says it is an emergency: one confirming question before anyone is woken up."""

    def steps(self) -> list:
        return [self._ask, self._answer]

    async def _ask(self, step: WaterfallStepContext) -> DialogTurnResult:
        return await self.ask(step, replies.confirm_emergency(self.lang(step)))

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result == "yes":
            return await step.end_dialog({"reassess": {"confirmed": True, "insists": False, "affected_people": 10}})
        opening = self._services.desk.next_opening()
        zone = self._services.config.business_hours.time_zone
        return await self.say(step, replies.not_an_emergency(self.lang(step), opening, zone))


class ClarifyDialog(_FollowUp):
    """Unsure: the customer picks the category, and the message is decided again with it."""

    def steps(self) -> list:
        return [self._ask, self._answer]

    async def _ask(self, step: WaterfallStepContext) -> DialogTurnResult:
        return await self.ask(step, replies.clarify(self.lang(step), tuple(step.options["candidates"])))

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result == "other":
            return await self.say(step, replies.clarify_other(self.lang(step)))
        return await step.end_dialog({"reassess": {"intent": step.result}})


class QuoteDialog(_FollowUp):
    """Excluded work offered as paid support: an accepted offer becomes a quote request, never a ticket."""

    def steps(self) -> list:
        return [self._offer, self._answer]

    async def _offer(self, step: WaterfallStepContext) -> DialogTurnResult:
        intent = step.options["intent"]
        offer = OfferQuote(intent, exclusion_clause(intent))
        return await self.ask(step, replies.excluded(self.lang(step), offer, self._services.config))

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        lang = self.lang(step)
        if step.result != "accept":
            return await self.say(step, replies.quote_declined(lang))
        await self._services.quotes.request(caller_of(step.options), step.options["intent"], step.options["text"])
        return await self.say(step, replies.quote_recorded(lang, self._services.config))


class RatingDialog(_FollowUp):
    """After a ticket is resolved: a 1-5 rating; anything else is handled as a new message."""

    def steps(self) -> list:
        return [self._ask, self._answer]

    async def _ask(self, step: WaterfallStepContext) -> DialogTurnResult:
        return await self.ask(step, replies.rating_request(self.lang(step), step.options["number"]))

    async def _answer(self, step: WaterfallStepContext) -> DialogTurnResult:
        rating = int(step.result)
        await self._services.tickets.rate(step.options["number"], caller_of(step.options), rating)
        return await self.say(step, replies.rating_thanks(self.lang(step), rating))
