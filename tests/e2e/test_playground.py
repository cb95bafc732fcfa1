"""Smoke test through Microsoft's Teams emulator: a customer opens the chat, is welcomed, and talks.

Each test gets its own bot (`python app.py`, SQLite), Agents Playground and headless Chromium; see
conftest.py. To add a turn, add a row to CUSTOMER_SCENARIO; selectors live in playground_ui.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from e2e_harness import BotServer
from playground_ui import Exchange, PlaygroundUI, welcome_word
from playwright.async_api import expect

pytestmark = pytest.mark.e2e

WELCOME = welcome_word()  # the Playground sends locale en-US, so "Welcome"

# (what the customer types, a substring the bot's answer to it must contain)
CUSTOMER_SCENARIO = [
    Exchange("hallo", "Waarmee kan ik u helpen?"),  # welcomed already: a later greeting gets a short question
    Exchange("wat staat er in de SLA?", "per artikel"),  # the SLA summed up, not the out-of-scope reply
]


def assert_no_errors(bot_server: BotServer) -> None:
    """Replies can look fine while a concurrent turn failed; the bot's log tells."""
    errors = bot_server.logged_errors()
    assert not errors, "the bot logged errors:\n" + "\n".join(errors[:20])


async def test_customer_is_welcomed_once_and_answered(playground_ui: PlaygroundUI, bot_server: BotServer) -> None:
    await playground_ui.expect_bot_message(WELCOME)
    await playground_ui.wait_for_first_contact()
    welcomes = await playground_ui.bot_messages().filter(has_text=WELCOME).count()
    assert welcomes == 1, f"opening the chat should welcome once, got {welcomes} welcome messages"

    for turn in CUSTOMER_SCENARIO:
        await playground_ui.exchange(turn)
    assert_no_errors(bot_server)


async def test_first_message_a_choice_by_button_and_by_typing_and_a_language_switch(
    playground_ui: PlaygroundUI, bot_server: BotServer, step_screenshot: Callable[[str], Awaitable[None]],
) -> None:
    """Works at any hour: an excluded request is answered the same inside and outside service hours."""
    await playground_ui.wait_for_first_contact()
    await playground_ui.expect_bot_message(WELCOME)
    await step_screenshot("welcome")

    answers = await playground_ui.ask("Hello, how do I create a pivot table in Excel?")
    await expect(answers.filter(has_text="Not covered by the SLA").first).to_be_visible()
    await expect(answers).to_have_count(1)  # one message: the text and its buttons in one card
    assert await playground_ui.bot_messages().filter(has_text=WELCOME).count() == 1, "welcomed once"
    await expect(playground_ui.card_button("Full SLA text")).to_be_visible()
    await step_screenshot("first-message-answered-in-english")

    before = await playground_ui.bot_messages().count()
    await playground_ui.press("Full SLA text")
    await playground_ui.expect_new_bot_message(before, "What the SLA excludes")
    await step_screenshot("choice-by-button")

    await playground_ui.exchange(Exchange("no thanks", "All right, we will leave it there"))
    await step_screenshot("choice-by-typing")

    await playground_ui.exchange(Exchange("hoe maak ik een draaitabel in Excel?", "Dit valt niet onder de SLA"))
    await expect(playground_ui.card_button("Hele SLA-tekst")).to_be_visible()
    await step_screenshot("language-switch-to-dutch")
    assert_no_errors(bot_server)


@pytest.mark.parametrize("persona", ["staff"], indirect=True)
async def test_staff_member_is_recognised_not_refused(
    playground_ui: PlaygroundUI, bot_server: BotServer, operator_config_data: dict
) -> None:
    contact = operator_config_data["msp"]["contact_email"]  # part of the "no contract" answer
    await playground_ui.wait_for_first_contact()
    await playground_ui.ask("hallo")
    assert await playground_ui.bot_messages().filter(has_text=contact).count() == 0
    await playground_ui.exchange(Exchange("help", "queue"))  # the staff desk answers, in English
    assert_no_errors(bot_server)


@pytest.mark.parametrize("persona", ["stranger"], indirect=True)
async def test_unknown_tenant_is_told_no_contract(
    playground_ui: PlaygroundUI, bot_server: BotServer, operator_config_data: dict
) -> None:
    contact = operator_config_data["msp"]["contact_email"]
    await playground_ui.expect_bot_message(contact)
    await playground_ui.exchange(Exchange("hallo", contact))
    assert_no_errors(bot_server)
