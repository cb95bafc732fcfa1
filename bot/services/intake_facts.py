"""What a first message already tells the intake (product, who is affected, since when), so it asks less."""

from __future__ import annotations

from dataclasses import dataclass

from bot.policy import CustomerRequest, Intent, Priority, priority_for, triage
from bot.services.intake_slots import EVERYONE, ONE, SEVERAL, read_slots

# The intake's answer about who is affected, in the matrix's terms (bot.policy.triage).
_AFFECTED = {ONE: "one", SEVERAL: "several", EVERYONE: "organisation"}
_PEOPLE = {ONE: 1, SEVERAL: 3, EVERYONE: 50}


@dataclass(frozen=True, slots=True)
class IntakeFacts:
    product: str | None
    affected: str | None  # "one" | "several" | "everyone"
    since: str | None
    people: int | None = None  # a number the customer gave


def facts_from(text: str, intent: str) -> IntakeFacts:
    slots = read_slots(text, intent)
    return IntakeFacts(slots.product, slots.affected, slots.since, slots.people)


def intake_priority(intent: str, affected: str | None, emergency: bool, *, stake: str = "none",
                    urgent: bool = False) -> str:
    """The policy's priority: the impact x urgency matrix, never below the intent's own floor.

    `stake` and `urgent` come from the classification when the caller has them; without
    them the matrix sees a blocked report, as every covered problem blocks someone.
    """
    if emergency:
        return "P1"
    people = _PEOPLE.get(affected or ONE, 1)
    request = CustomerRequest(intent=intent, confidence=1.0, affected_people=people)
    floor = priority_for(request, Intent(intent))
    matrix = triage(_AFFECTED.get(affected or ONE, "one"), stake if stake != "none" else "blocked",
                    "urgent" if urgent else "normal").priority
    if matrix is Priority.P1:  # an emergency is the classifier's or the customer's call, not the intake's
        matrix = Priority.P2
    return str(min(floor, matrix, key=lambda p: p.value))
