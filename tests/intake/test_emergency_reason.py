"""The page card's reason: who is affected, what is at stake, in the customer's words."""

from __future__ import annotations

import pytest

from bot.policy import Affected, Stake
from bot.services.emergency_reason import emergency_reason


def test_reason_in_dutch_quotes_the_customer() -> None:
    reason = emergency_reason("nl", "team", "blocked", ("het hele callcenter", "kan niet", "kan niet"))
    assert reason == ("Waarom een noodgeval: een heel team of een afdeling; zij kunnen niet werken. "
                      "De klant schreef: “het hele callcenter”, “kan niet”")


def test_reason_in_english_without_evidence() -> None:
    assert emergency_reason("en", "customers", "blocked") == (
        "Why an emergency: the organisation's customers; they cannot work.")


def test_an_unstated_scope_reads_as_one_person() -> None:
    assert "één persoon" in emergency_reason("nl", None, "security")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_signal_has_words(lang: str) -> None:
    for affected in Affected:
        for stake in Stake:
            assert emergency_reason(lang, affected, stake)
