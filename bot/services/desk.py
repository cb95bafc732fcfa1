"""The customer desk: classify a message and ask the policy what the SLA allows right now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.policy import BusinessCalendar, CustomerRequest, Decision, PolicyRules, decide
from bot.services.clock import Clock
from bot.services.messages import Caller
from bot.services.tickets import TicketService


class Classified(Protocol):
    intent: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...]
    emergency: bool
    language: str


class Classifier(Protocol):
    def next_opening(self) -> datetime:
        return self._calendar.next_opening(self._clock.now())

    def classify(self, text: str) -> Classified: ...


@dataclass(frozen=True, slots=True)
class Assessment:
    text: str
    intent: str
    emergency: bool
    decision: Decision


class CustomerDesk:
    def __init__(
        self, classifier: Classifier, tickets: TicketService, calendar: BusinessCalendar,
        rules: PolicyRules, clock: Clock,
    ):
        self._classifier, self._tickets, self._calendar = classifier, tickets, calendar
        self._rules, self._clock = rules, clock

    @property
    def calendar(self) -> BusinessCalendar:
        return self._calendar

    def next_opening(self) -> datetime:
        return self._calendar.next_opening(self._clock.now())

    def classify(self, text: str) -> Classified:
        return self._classifier.classify(text)

    async def assess(
        self, caller: Caller, text: str, *, intent: str | None = None, insists: bool = False,
        confirmed: bool = False, affected_people: int = 1,
    ) -> Assessment:
        """`intent` is the customer's own choice (from a clarifying question): it is then certain."""
        classified = self._classifier.classify(text)
        chosen = intent or classified.intent
        request = CustomerRequest(
            intent=chosen,
            confidence=1.0 if intent else classified.confidence,
            alternatives=() if intent else tuple(classified.alternatives),
            emergency=classified.emergency,
            open_tickets=await self._tickets.open_summaries(caller.organisation_id or 0),
            confirmed_emergency=confirmed,
            insists_emergency=insists,
            affected_people=affected_people,
        )
        decision = decide(request, self._clock.now(), self._calendar, self._rules)
        return Assessment(text, chosen, classified.emergency or confirmed, decision)
