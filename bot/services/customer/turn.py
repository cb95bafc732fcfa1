"""What one customer turn works with: the message, the collaborators, and what the turn produces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.policy import BusinessCalendar, PolicyRules
from bot.services.clock import Clock
from bot.services.customer.state import Question, RecentTicket, ToldWhileClosed
from bot.services.escalations import EscalationService
from bot.services.messages import Caller, Reply
from bot.services.notifier import Notifier
from bot.services.paging import PagingService
from bot.services.quotes import QuoteService
from bot.services.reminders import ReminderService
from bot.services.tickets import TicketService
from bot.services.wordless import WordlessMessages
from storage.unit_of_work import UnitOfWorkSessions


class Classified(Protocol):
    """One classified message, as nlu_models.Classification gives it."""

    @property
    def intent(self) -> str: ...

    @property
    def confidence(self) -> float: ...

    @property
    def alternatives(self) -> tuple[tuple[str, float], ...]: ...

    @property
    def emergency(self) -> bool: ...

    @property
    def language(self) -> str: ...


class Classifier(Protocol):
    def classify(self, text: str) -> Classified: ...


@dataclass(frozen=True, slots=True)
class CustomerMessage:
    """One customer message as the Teams layer hands it over: words, or a pressed button's value."""

    caller: Caller
    conversation_id: str
    activity_id: str | None
    text: str
    pressed: str | None = None
    first_contact: bool = False  # the conversation was stored just now


@dataclass(frozen=True, slots=True)
class Turn:
    """The message with what was worked out about it: the reply language, the time, the classification."""

    caller: Caller  # its `language` is the reply language of this turn
    conversation_id: str
    activity_id: str | None
    text: str  # as written
    core: str  # without a greeting in front
    pressed: str | None
    now: datetime
    classified: Classified

    @property
    def lang(self) -> str:
        return self.caller.language


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a turn says, and the question it leaves open (if any)."""

    replies: tuple[Reply, ...] = ()
    question: Question | None = None
    greeted: bool = False  # a greeting: the welcome, or "how can I help" once welcomed
    opened: RecentTicket | None = None  # the ticket this turn opened, if any
    hinted: bool = False  # the open question was asked again with how to answer it
    told: ToldWhileClosed | None = None  # a problem told while closed, for the reminder this turn booked


@dataclass(frozen=True, slots=True)
class CustomerDeps:
    """The collaborators of the customer conversation, wired once in app.py."""

    sessions: UnitOfWorkSessions
    holder: ConfigHolder
    classifier: Classifier
    calendar: BusinessCalendar
    rules: PolicyRules
    clock: Clock
    tickets: TicketService
    escalations: EscalationService
    quotes: QuoteService
    reminders: ReminderService
    paging: PagingService
    wordless: WordlessMessages
    notifier: Notifier

    @property
    def config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self.holder.current
