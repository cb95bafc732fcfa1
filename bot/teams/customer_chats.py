"""The customer's dialogs: continued in a turn, or started from outside one (the rating after a resolve)."""

from __future__ import annotations

from botbuilder.core import ConversationState, TurnContext
from botbuilder.dialogs import DialogSet, DialogTurnStatus

from bot.services.messages import Admission, Caller, Inbound
from bot.teams.notifier import TeamsNotifier
from dialogs.card_prompt import UNANSWERED
from dialogs.context import turn_options
from dialogs.customer import CUSTOMER_DIALOG, CustomerDialog


class CustomerChats:
    """Owns the dialog stack in the conversation state; implements services.takeover.CustomerChats."""

    def __init__(self, conversation_state: ConversationState, customer_dialog: CustomerDialog, notifier: TeamsNotifier):
        self._state, self._notifier = conversation_state, notifier
        self._dialogs = DialogSet(conversation_state.create_property("dialog_state"))
        self._dialogs.add(customer_dialog)

    async def converse(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None:
        """Continue the open question if this answers it; otherwise treat the message as new."""
        dialog_context = await self._dialogs.create_context(context)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty or context.turn_state.get(UNANSWERED):
            options = turn_options(admission.caller, inbound.text, inbound.conversation_id, inbound.activity_id)
            options["first_contact"] = admission.first_contact
            await dialog_context.begin_dialog(CUSTOMER_DIALOG, options)
        await self._state.save_changes(context)

    async def drop_open_question(self, context: TurnContext) -> None:
        """A staff member took the chat: a question the bot asked earlier no longer waits for an answer."""
        dialog_context = await self._dialogs.create_context(context)
        if dialog_context.active_dialog is not None:
            await dialog_context.cancel_all_dialogs()
            await self._state.save_changes(context)

    async def ask_rating(self, conversation_id: str, customer: Caller, number: str) -> bool:
        async def turn(context: TurnContext) -> None:
            dialog_context = await self._dialogs.create_context(context)
            await dialog_context.cancel_all_dialogs()
            options = turn_options(customer, "", conversation_id, None)
            await dialog_context.begin_dialog(CUSTOMER_DIALOG, {**options, "rate": number})
            await self._state.save_changes(context)

        return await self._notifier.run_in_conversation(conversation_id, turn)
