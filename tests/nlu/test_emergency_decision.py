"""decide_emergency as a table: an outage or compromise is always an emergency once it is read, not when guessed."""

from __future__ import annotations

import pytest

from nlu_models.emergency import UNSURE_INTENT, Thresholds, decide_emergency
from nlu_models.impact import BLOCKED, NONE, ORGANISATION, SECURITY, Signals

QUIET = Signals(affected=None, stake=NONE, urgent=False, evidence=())
WHOLE_OFFICE_BLOCKED = Signals(affected=ORGANISATION, stake=BLOCKED, urgent=False, evidence=("iedereen",))
COMPROMISE = Signals(affected=None, stake=SECURITY, urgent=False, evidence=("gehackt",))
T = Thresholds(model=0.5, stated=0.0, single=0.7)


@pytest.mark.parametrize(
    ("intent", "confidence", "probability", "signals", "expected"),
    [
        ("security_incident", 0.9, 0.0, QUIET, True),  # read: always an emergency (intents.md)
        ("service_outage", UNSURE_INTENT, 0.0, QUIET, True),
        ("security_incident", 0.26, 0.1, QUIET, False),  # "misschien" guessed as a compromise: the model decides
        ("security_incident", 0.26, 0.9, QUIET, True),
        ("service_outage", 0.3, 0.0, WHOLE_OFFICE_BLOCKED, True),  # guessed, but the impact is stated
        ("security_incident", 0.3, 0.0, COMPROMISE, True),
        ("email_problem", 0.3, 0.2, QUIET, False),
        ("greeting", 0.99, 0.99, QUIET, False),
    ],
)
def test_an_always_emergency_intent_counts_only_when_read_or_its_impact_is_stated(
    intent: str, confidence: float, probability: float, signals: Signals, expected: bool
) -> None:
    assert decide_emergency(intent, probability, signals, T, confidence) is expected


def test_a_lone_hedge_word_is_no_emergency(classifier) -> None:  # type: ignore[no-untyped-def]
    assert classifier.classify("misschien").emergency is False
