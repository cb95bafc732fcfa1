"""The customer's conversation: assess each message, then answer or start the right follow-up."""

from __future__ import annotations

from typing import Any

from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext

from bot.policy import (
    AlreadyInMediation, AskWhichTicket, Clarify, ConfirmEmergency, CreateTicket, Escalate, Greet, OfferQuote,
    OutOfScope, PageOnCall, RefuseExcluded, RefuseOutOfHours, ReportStatus, SayGoodbye,
)
from bot.services import replies
from bot.services.messages import Reply
from bot.services.welcome import welcome
from bot.teams.activities import reply_activity
from dialogs.card_prompt import CardChoicePrompt
from dialogs.context import CustomerServices, caller_of
from dialogs.follow_ups import (
    ClarifyDialog, ConfirmEmergencyDialog, IntakeDialog, OutOfHoursDialog, QuoteDialog, RatingDialog,
)

CUSTOMER_DIALOG = "customer"


class CustomerDialog(ComponentDialog):
    """One pass per customer message; follow-ups that need a new decision come back as `reassess`."""

    def __init__(self, services: CustomerServices):
        super().__init__(CUSTOMER_DIALOG)
        self._services = services
        self.add_dialog(CardChoicePrompt("choice"))
        for follow_up in (IntakeDialog, OutOfHoursDialog, ConfirmEmergencyDialog, ClarifyDialog, QuoteDialog, RatingDialog):
            self.add_dialog(follow_up(services))
        self.add_dialog(WaterfallDialog("main", [self._act, self._after_follow_up]))
        self.initial_dialog_id = "main"

    async def _act(self, step: WaterfallStepContext) -> DialogTurnResult:
        options: dict[str, Any] = step.options
        if options.get("rate"):  # started by a resolve, from outside a turn
            return await step.begin_dialog(RatingDialog.__name__, {**options, "number": options["rate"]})
        caller = caller_of(options)
        assessment = await self._services.desk.assess(
            caller, options["text"], intent=options["intent"], insists=options["insists"],
            confirmed=options["confirmed"], affected_people=options["affected_people"],
        )
        step.values["options"] = {**options, "first_contact": False}
        decision, lang, config = assessment.decision, caller.language, self._services.config
        follow = {**options, "intent": assessment.intent, "emergency": assessment.emergency, "first_contact": False}
        if options.get("first_contact") and not isinstance(decision, Greet):
            await step.context.send_activity(reply_activity(welcome(config, lang)))
        match decision:
            case Greet():
                return await self._say(step, welcome(config, lang))
            case SayGoodbye():
                return await self._say(step, replies.goodbye(lang))
            case OutOfScope():
                return await self._say(step, replies.out_of_scope(lang, config))
            case ReportStatus():
                views = await self._services.tickets.open_views(caller.organisation_id or 0)
                return await self._say(step, replies.status(lang, views))
            case AskWhichTicket():
                return await self._say(step, replies.ask_which_ticket(lang))
            case AlreadyInMediation(ticket=ticket):
                return await self._say(step, replies.already_in_mediation(lang, ticket.number))
            case Escalate(ticket=ticket, to_step=to_step):
                await self._services.escalations.escalate(
                    ticket.number, options["text"], trigger="customer", actor=caller,
                    organisation_id=caller.organisation_id, from_step=to_step - 1,
                )
                return await self._say(step, replies.escalated(lang, ticket.number, to_step))
            case RefuseExcluded():
                return await self._say(step, replies.excluded(lang, decision, config))
            case OfferQuote():
                return await step.begin_dialog(QuoteDialog.__name__, {**follow, "offer": True})
            case Clarify(candidates=candidates):
                return await step.begin_dialog(ClarifyDialog.__name__, {**follow, "candidates": list(candidates)})
            case ConfirmEmergency():
                return await step.begin_dialog(ConfirmEmergencyDialog.__name__, follow)
            case RefuseOutOfHours(next_opening=next_opening):
                return await step.begin_dialog(OutOfHoursDialog.__name__, {**follow, "next_opening": next_opening.isoformat()})
            case CreateTicket(priority=priority):
                return await step.begin_dialog(IntakeDialog.__name__, {**follow, "priority": str(priority)})
            case PageOnCall():
                reply = await self._services.paging.report_emergency(caller, follow)
                return await self._say(step, reply)
        raise AssertionError(f"unhandled decision {decision!r}")

    async def _after_follow_up(self, step: WaterfallStepContext) -> DialogTurnResult:
        result = step.result
        if isinstance(result, dict) and "reassess" in result:
            return await step.replace_dialog("main", {**step.values["options"], **result["reassess"]})
        return await step.end_dialog()

    async def _say(self, step: WaterfallStepContext, reply: Reply) -> DialogTurnResult:
        await step.context.send_activity(reply_activity(reply))
        return await step.end_dialog()
