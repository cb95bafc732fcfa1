"""The one emergency decision: definition first, then rules, then the model."""

from __future__ import annotations

from collections.abc import Callable

from nlu_models.labels import ALWAYS_EMERGENCY, RULE_EXEMPT, THREAT_EXEMPT


def decide_emergency(intent: str, probability: float, signals: Callable[[], tuple[bool, bool]],
                     threshold: float) -> bool:
    """True when the message cannot wait: missing one at night is the worst failure.

    `signals` is called only when needed (it runs the rule matchers). A threat
    (ransomware, a hacked account) counts even under a misread intent; other
    requests, questions and small talk (RULE_EXEMPT) are never emergencies.
    """
    if intent in ALWAYS_EMERGENCY:
        return True
    if intent in THREAT_EXEMPT:
        return False
    if intent not in RULE_EXEMPT and probability >= threshold:
        return True
    threat, org_wide_failure = signals()
    return threat or (org_wide_failure and intent not in RULE_EXEMPT)
