"""After admission: who gets which conversation. Customers get dialogs, staff get commands."""

from __future__ import annotations

from botbuilder.core import TurnContext

from bot.config.operator import OperatorConfig
from bot.services.messages import Admission, Inbound, InboundKind, Reply
from bot.services.welcome import welcome
from bot.teams.handler import send_replies
from bot.texts import text


class FirstLineRouter:
    """Welcome on first contact; the customer and staff desks take everything else."""

    def __init__(self, config: OperatorConfig):
        self._config = config

    async def route(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None:
        caller = admission.caller
        if caller.kind == "staff":
            role = text(caller.language, f"role_{caller.role}")
            await send_replies(context, [Reply(text(caller.language, "staff_hello", name=caller.name, role=role))])
            return
        if inbound.kind is InboundKind.INSTALLED and not admission.first_contact:
            return  # Teams announces an installation twice; welcome once
        await send_replies(context, [welcome(self._config, caller.language)])
