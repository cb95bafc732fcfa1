"""After admission: who gets which conversation. Customers get dialogs (or their staff member), staff the desk."""

from __future__ import annotations

from botbuilder.core import TurnContext

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.services.messages import Admission, Inbound, InboundKind, Reply
from bot.services.staff_desk import StaffDesk
from bot.services.takeover import TakeoverService
from bot.services.welcome import welcome
from bot.services.wordless import WordlessMessages, is_wordless
from bot.teams.customer_chats import CustomerChats
from bot.teams.handler import send_replies
from bot.texts import text


class FirstLineRouter:
    """Welcome on first contact; then a taken-over chat relays, the dialogs answer, staff use the desk."""

    def __init__(
        self, config: ConfigHolder, chats: CustomerChats, desk: StaffDesk, takeover: TakeoverService,
        wordless: WordlessMessages,
    ):
        self._holder, self._chats, self._desk, self._takeover = config, chats, desk, takeover
        self._wordless = wordless

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    async def route(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None:
        caller = admission.caller
        if caller.kind == "staff":
            if inbound.kind is InboundKind.MESSAGE and not inbound.text and inbound.value is None:
                await send_replies(context, [Reply(text(caller.language, "desk_wordless"))])  # a pasted image
            elif inbound.kind is InboundKind.MESSAGE:
                await send_replies(context, await self._desk.handle(caller, inbound))
            elif admission.first_contact:
                role = text(caller.language, f"role_{caller.role}")
                await send_replies(context, [Reply(text(caller.language, "staff_hello", name=caller.name, role=role))])
            return
        if inbound.kind is InboundKind.INSTALLED:
            if admission.first_contact:  # Teams announces an installation twice; welcome once
                await send_replies(context, [welcome(self._config, caller.language)])
            return
        relayed = await self._takeover.relay_from_customer(caller, inbound)
        if relayed is not None:  # no intent detection while a staff member holds the chat
            await self._chats.drop_open_question(context)
            await send_replies(context, relayed)
            return
        if is_wordless(inbound):  # an image, an emoji: never a ticket, and an open question stays open
            await send_replies(context, await self._wordless.answer(caller, inbound, admission.first_contact))
            return
        await self._chats.converse(context, admission, inbound)
