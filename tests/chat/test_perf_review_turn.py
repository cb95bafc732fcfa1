"""Review of issue 15: the customer state is saved without a savepoint; a failure later in the same
turn must still roll it back with the rest (no state ahead of the ticket and transcript)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot import keys
from fakes.chat import say
from fakes.http_helpers import count
from fakes.people import CUSTOMER
from storage import customer_state
from storage.models import Conversation, Ticket, TranscriptMessage

REPORT = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"


async def _state(bot: Any) -> Any:
    async with bot.app[keys.SESSIONS]() as session:
        return await session.scalar(select(Conversation.customer_state).where(Conversation.id == CUSTOMER.conversation_id))


async def test_a_failure_after_the_state_is_saved_rolls_the_state_back_with_the_turn(
    bot: Any, connector: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    await say(bot, connector, CUSTOMER, "hallo")
    before = await _state(bot)
    saved = customer_state.save

    async def save_then_fail(*args: Any, **kwargs: Any) -> None:
        await saved(*args, **kwargs)
        raise RuntimeError("a fault after the state was written")

    monkeypatch.setattr(customer_state, "save", save_then_fail)
    [answer] = await say(bot, connector, CUSTOMER, REPORT)
    monkeypatch.setattr(customer_state, "save", saved)

    assert "er ging iets mis" in answer  # the apology
    assert await count(bot, Ticket) == 0
    assert await count(bot, TranscriptMessage, TranscriptMessage.text == REPORT) == 0
    assert await _state(bot) == before
