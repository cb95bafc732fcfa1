"""Review of issue 10: one out-of-hours conversation through the Teams emulator, to see it rendered.

The bot runs on the real clock, so this works at any hour only as far as the answers are checked
loosely (closed or open); the screenshots in tests/e2e/artifacts/screenshots/ are what it is for.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest
from e2e_harness import BotServer
from playground_ui import PlaygroundUI, welcome_word
from playwright.async_api import expect

pytestmark = pytest.mark.e2e


async def test_review10_a_dutch_problem_with_line_breaks_a_typed_choice_and_two_problems(
    playground_ui: PlaygroundUI, bot_server: BotServer, step_screenshot: Callable[[str], Awaitable[None]],
) -> None:
    await playground_ui.wait_for_first_contact()
    await playground_ui.expect_bot_message(welcome_word())
    await step_screenshot("welcome")

    answers = await playground_ui.ask("Outlook crasht steeds, alleen bij mij")
    await expect(answers).to_have_count(1)  # one message per answer, in Dutch although Teams is English
    await expect(answers.first).to_contain_text(re.compile("gesloten|Hoeveel|melding"))  # Dutch, open or closed
    await step_screenshot("dutch-problem")

    answers = await playground_ui.ask("de eerste")
    await expect(answers).to_have_count(1)
    await step_screenshot("typed-first-choice")

    answers = await playground_ui.ask("Mijn wachtwoord is verlopen en Excel crasht")
    await expect(answers).to_have_count(1)
    await step_screenshot("two-problems")
    assert not bot_server.logged_errors()
