"""After admission: who gets which conversation. Customers get dialogs, staff get commands."""

from __future__ import annotations

from botbuilder.core import ConversationState, TurnContext
from botbuilder.dialogs import DialogSet, DialogTurnStatus

from bot.config.operator import OperatorConfig
from bot.services.messages import Admission, Inbound, InboundKind, Reply
from bot.services.welcome import welcome
from bot.teams.handler import send_replies
from bot.texts import text
from dialogs.card_prompt import UNANSWERED
from dialogs.context import turn_options
from dialogs.customer import CUSTOMER_DIALOG, CustomerDialog


class FirstLineRouter:
    """Welcome on first contact; the customer's dialog and the staff desk take everything else."""

    def __init__(self, config: OperatorConfig, conversation_state: ConversationState, customer_dialog: CustomerDialog):
        self._config, self._state = config, conversation_state
        self._dialogs = DialogSet(conversation_state.create_property("dialog_state"))
        self._dialogs.add(customer_dialog)

    async def route(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None:
        caller = admission.caller
        if caller.kind == "staff":
            if inbound.kind is InboundKind.INSTALLED and not admission.first_contact:
                return
            role = text(caller.language, f"role_{caller.role}")
            await send_replies(context, [Reply(text(caller.language, "staff_hello", name=caller.name, role=role))])
            return
        if inbound.kind is InboundKind.INSTALLED:
            if admission.first_contact:  # Teams announces an installation twice; welcome once
                await send_replies(context, [welcome(self._config, caller.language)])
            return
        await self._converse(context, admission, inbound)

    async def _converse(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None:
        """Continue the open question if this answers it; otherwise treat the message as new."""
        dialog_context = await self._dialogs.create_context(context)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty or context.turn_state.get(UNANSWERED):
            options = turn_options(admission.caller, inbound.text, inbound.conversation_id, inbound.activity_id)
            options["first_contact"] = admission.first_contact
            await dialog_context.begin_dialog(CUSTOMER_DIALOG, options)
        await self._state.save_changes(context)

