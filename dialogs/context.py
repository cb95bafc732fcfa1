"""What every customer dialog is given: the services, and the turn's facts as plain options."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.services.desk import CustomerDesk
from bot.services.escalations import EscalationService
from bot.services.messages import Caller
from bot.services.paging import PagingService
from bot.services.quotes import QuoteService
from bot.services.reminders import ReminderService
from bot.services.tickets import TicketService


@dataclass(frozen=True, slots=True)
class CustomerServices:
    holder: ConfigHolder
    desk: CustomerDesk
    tickets: TicketService
    escalations: EscalationService
    quotes: QuoteService
    reminders: ReminderService
    paging: PagingService

    @property
    def config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self.holder.current


def turn_options(caller: Caller, text: str, conversation_id: str, activity_id: str | None) -> dict[str, Any]:
    """Dialog options are stored with the dialog state, so they are plain JSON values."""
    return {
        "caller": asdict(caller), "text": text, "conversation_id": conversation_id, "activity_id": activity_id,
        "intent": None, "confirmed": False, "insists": False, "affected_people": 1,
    }


def caller_of(options: dict[str, Any]) -> Caller:
    return Caller(**options["caller"])
