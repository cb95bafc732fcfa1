"""Why a message was judged an emergency, in the staff member's language, for the page card."""

from __future__ import annotations

from collections.abc import Sequence

from bot.policy import Affected, Stake
from bot.texts import text
from nlu_models.impact import read_signals
from nlu_models.normalize import normalize

MAX_WORDS = 3


def emergency_reason(lang: str, affected: str | None, stake: str, evidence: Sequence[str] = ()) -> str:
    """'Waarom een noodgeval: het hele team; zij kunnen niet werken.' plus the customer's own words."""
    who = Affected(affected or Affected.ONE)
    what = Stake(stake)
    reason = text(lang, "page_reason", affected=text(lang, f"impact_affected_{who}"),
                  stake=text(lang, f"impact_stake_{what}"))
    quoted = [f"“{phrase}”" for phrase in list(dict.fromkeys(evidence))[:MAX_WORDS]]
    if quoted:
        reason += " " + text(lang, "page_reason_words", words=", ".join(quoted))
    return reason


def emergency_reason_for(lang: str, description: str) -> str | None:
    """The page card's "why an emergency", read from the customer's own words (the ticket's description)
    with the same impact signals the classifier uses; None when the words name neither who is affected
    nor what is at stake (the model's judgement alone: the description on the card speaks for itself)."""
    signals = read_signals(normalize(description))
    if signals.affected is None and signals.stake == Stake.NONE:
        return None
    return emergency_reason(lang, signals.affected, signals.stake, signals.evidence)
