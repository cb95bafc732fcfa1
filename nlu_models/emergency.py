"""The one emergency decision: definition, then the model, then the stated impact.

Why this shape: the learned model reads impact implied without keywords ("de
klanten krijgen onze mail terug"); the rules in `impact.py` name who is
affected and what is at stake, so a message that says it outright is flagged
even when the model hesitates, and staff see the customer's words as the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nlu_models.impact import BLOCKED, CUSTOMERS, NONE, ONE, ORGANISATION, SECURITY, SEVERAL, TEAM, Signals
from nlu_models.labels import ALWAYS_EMERGENCY, NEVER_EMERGENCY

ASKS_ABOUT_A_TICKET = frozenset({"ticket_status", "escalation_request"})
WIDE = (TEAM, ORGANISATION, CUSTOMERS)
UNSURE_INTENT = 0.4  # an outage or compromise read at less than this is a guess, not a reading


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Chosen by `train` on out-of-fold predictions of the training data, never on evaluation sets."""

    model: float = 0.5  # emergency probability that is enough on its own
    stated: float = 0.0  # probability needed when the message states critical impact
    single: float = 0.5  # probability needed when the message speaks of one person only


def decide_emergency(
    intent: str, probability: float, signals: Signals, thresholds: Thresholds, confidence: float = 1.0,
) -> bool:
    """True when the message cannot wait until the next working day.

    "Mijn outlook ..." speaks of one person: the model must be surer before that
    pages anyone, unless the stake itself is critical (a compromise, loss under way).
    An outage or compromise is always an emergency (intents.md), but only when it is read
    (`confidence` >= UNSURE_INTENT) or the message states its impact: a lone "misschien" guessed as
    a security incident at 0.26 is decided by the emergency model like any other message.
    """
    if intent in ALWAYS_EMERGENCY and (confidence >= UNSURE_INTENT or signals.critical or signals.affected in WIDE):
        return True
    if intent in NEVER_EMERGENCY:
        return False
    if intent in ASKS_ABOUT_A_TICKET and not (signals.critical or signals.affected in WIDE):
        return False  # "status van mijn meldingen": a question, unless it says what is down and for whom
    if signals.critical and probability >= thresholds.stated:
        return True
    if signals.only_one:
        return False  # "de rest kan gewoon werken": one person's trouble, whatever the model reads into it
    needed = thresholds.single if signals.affected == ONE else thresholds.model
    return probability >= max(needed, thresholds.model)


def explain(intent: str, emergency: bool, signals: Signals) -> Signals:
    """Signals that agree with the decision under bot.policy.triage's matrix.

    Where the model, not the wording, decided, the missing part is filled in
    (an outage reaches the organisation, a compromise is a security stake) or
    the stated part is toned down (a request puts nothing at stake); evidence
    keeps only the customer's words.
    """
    if emergency == signals.critical:
        return signals
    if emergency:
        if intent == "security_incident":
            return replace(signals, stake=SECURITY)
        wide = signals.affected in WIDE
        return replace(signals, stake=BLOCKED, affected=signals.affected if wide else ORGANISATION)
    if intent in NEVER_EMERGENCY or signals.stake != BLOCKED:
        return replace(signals, stake=NONE if intent in NEVER_EMERGENCY else BLOCKED,
                       affected=signals.affected if intent in NEVER_EMERGENCY else SEVERAL)
    return replace(signals, affected=SEVERAL)
