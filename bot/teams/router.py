"""After admission: who gets which conversation. Customers get the customer service (or their staff
member), staff the desk."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext

from bot.services.customer import CustomerMessage, CustomerService
from bot.services.messages import Admission, Inbound, InboundKind, Reply
from bot.services.staff_desk import StaffDesk
from bot.services.takeover import TakeoverService
from bot.teams.handler import send_replies
from bot.texts import text


class FirstLineRouter:
    """A taken-over chat relays; otherwise the customer service answers; staff use the desk."""

    def __init__(self, customers: CustomerService, desk: StaffDesk, takeover: TakeoverService):
        self._customers, self._desk, self._takeover = customers, desk, takeover

    async def route(self, context: TurnContext, admission: Admission, inbound: Inbound) -> None:
        caller = admission.caller
        if caller.kind == "staff":
            await send_replies(context, await self._staff(admission, inbound))
            return
        if inbound.kind is InboundKind.INSTALLED:  # Teams announces an installation twice; welcome once
            welcomed = await self._customers.installed(
                caller, inbound.conversation_id, admission.first_contact, locale_given=inbound.locale is not None,
            )  # fmt: skip
            await send_replies(context, welcomed)
            return
        relayed = await self._takeover.relay_from_customer(caller, inbound)
        if relayed is not None:  # no intent detection while a staff member holds the chat
            await self._customers.drop_question(inbound.conversation_id)
            await send_replies(context, relayed)
            return
        message = CustomerMessage(
            caller=caller, conversation_id=inbound.conversation_id, activity_id=inbound.activity_id,
            text=inbound.text, pressed=_pressed(inbound.value), first_contact=admission.first_contact,
        )  # fmt: skip
        await send_replies(context, await self._customers.handle(message))

    async def _staff(self, admission: Admission, inbound: Inbound) -> list[Reply]:
        caller = admission.caller
        if inbound.kind is InboundKind.MESSAGE and not inbound.text and inbound.value is None:
            return [Reply(text(caller.language, "desk_wordless"))]  # a pasted image
        if inbound.kind is InboundKind.MESSAGE:
            return await self._desk.handle(caller, inbound)
        if admission.first_contact:
            role = text(caller.language, f"role_{caller.role}")
            return [Reply(text(caller.language, "staff_hello", name=caller.name, role=role))]
        return []


def _pressed(value: dict[str, Any] | None) -> str | None:
    """The value of the card button pressed, if this message is a press."""
    found = (value or {}).get("choice")
    return found if isinstance(found, str) else None
