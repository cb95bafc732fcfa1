"""The Agents Playground web UI as a user sees it: every selector the e2e tests rely on lives here.

Checked against @microsoft/m365agentsplayground 0.2.28 (pinned in package.json). Its page has few
roles, so chat messages are found by the ARIA labels it puts on each message's header:

- a message is the element whose child is ``div[aria-label="Message header"]``;
- a bot message's header has ``div[aria-label="Message author"]`` holding the bot's display name
  (``bot.name`` of the playground config); a message the user sent has no author element;
- the compose box is the only ``role=textbox`` (a Lexical contenteditable with the placeholder
  "Type a message..."), sent with the button named "Send Message";
- the Log Panel lists each activity it posts to the bot with the bot's HTTP status, e.g.
  "Microsoft 365 Agents Playground -> User Application conversationUpdate 201".

When a Playground upgrade breaks a test, fix the selectors here, not in the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.async_api import Locator, Page, expect

# Playground 0.2.28 hard-codes "en-US" in the activities it generates (message, installationUpdate);
# its conversationUpdate carries no locale at all. The browser's locale does not change this.
PLAYGROUND_LOCALE = "en-US"
BOT_NAME = "Support Bot"
REPLY_TIMEOUT_MS = 20_000

_HEADER = 'div[@aria-label="Message header"]'
_AUTHOR = 'div[@aria-label="Message author"]'


@dataclass(frozen=True)
class Exchange:
    """One turn of a scenario: what the user types and a substring the bot's answer must contain."""

    message: str
    expected: str


class PlaygroundUI:
    """Drives one Playground page: read the bot's messages, type and send as the mock user."""

    def __init__(self, page: Page, bot_name: str = BOT_NAME):
        self.page = page
        self.bot_name = bot_name

    def bot_messages(self) -> Locator:
        """Every message the bot sent to the open chat, oldest first."""
        return self.page.locator(f"xpath=//{_HEADER}[{_AUTHOR}[normalize-space()={_xpath_string(self.bot_name)}]]/..")

    def user_messages(self) -> Locator:
        """Every message the mock user sent in the open chat, oldest first."""
        return self.page.locator(f"xpath=//{_HEADER}[not({_AUTHOR})]/..")

    def bot_messages_after_last_user_message(self) -> Locator:
        """The bot's messages that came after the user's latest message (document order)."""
        author = f"{_AUTHOR}[normalize-space()={_xpath_string(self.bot_name)}]"
        last_user = f"(//{_HEADER}[not({_AUTHOR})]/..)[last()]"
        return self.page.locator(f"xpath={last_user}/following::{_HEADER}[{author}]/..")

    def compose_box(self) -> Locator:
        return self.page.get_by_role("textbox")

    def send_button(self) -> Locator:
        return self.page.get_by_role("button", name="Send Message", exact=True)

    async def open(self, url: str) -> None:
        """Load the UI; the Playground then sends installationUpdate and conversationUpdate to the bot."""
        await self.page.goto(url, wait_until="domcontentloaded")
        await expect(self.compose_box()).to_be_visible(timeout=REPLY_TIMEOUT_MS)

    async def wait_until_bot_answered(self, activity_type: str) -> None:
        """Wait for the Log Panel line saying the bot returned an HTTP status for `activity_type`."""
        line = re.compile(rf"-> User Application {re.escape(activity_type)} \d{{3}}")
        await expect(self.page.get_by_text(line).first).to_be_attached(timeout=REPLY_TIMEOUT_MS)

    async def wait_for_first_contact(self) -> None:
        """The activities the Playground sends on opening have all been answered by the bot."""
        for activity_type in ("installationUpdate", "conversationUpdate"):
            await self.wait_until_bot_answered(activity_type)

    async def expect_bot_message(self, expected: str) -> None:
        """Some bot message in the chat contains `expected`."""
        await expect(self.bot_messages().filter(has_text=expected).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)

    async def send(self, text: str) -> None:
        """Type `text` into the compose box, press send, and wait until the chat shows it."""
        await self.compose_box().fill(text)
        await self.send_button().click()
        await expect(self.user_messages().last).to_contain_text(text, timeout=REPLY_TIMEOUT_MS)

    async def exchange(self, turn: Exchange) -> None:
        """Send one message and wait for a bot answer after it that contains the expected text."""
        await self.send(turn.message)
        answers = self.bot_messages_after_last_user_message()
        await expect(answers.filter(has_text=turn.expected).first).to_be_visible(timeout=REPLY_TIMEOUT_MS)

    def card_button(self, title: str) -> Locator:
        """The newest card button with this title (an Adaptive Card's Action.Submit)."""
        return self.page.get_by_role("button", name=title, exact=True).last

    async def press(self, title: str) -> None:
        """Press a card button, as a user clicks it; the Playground posts its value to the bot."""
        await expect(self.card_button(title)).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        await self.card_button(title).click()

    async def expect_new_bot_message(self, count_before: int, expected: str) -> Locator:
        """A bot message beyond the first `count_before` that contains `expected`."""
        newer = self.bot_messages().filter(has_text=expected)
        await expect(newer.last).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        await expect(self.bot_messages()).not_to_have_count(count_before, timeout=REPLY_TIMEOUT_MS)
        return newer.last

    async def ask(self, text: str) -> Locator:
        """Send `text` and wait for the bot's first answer after it; returns all answers so far."""
        await self.send(text)
        answers = self.bot_messages_after_last_user_message()
        await expect(answers.first).to_be_visible(timeout=REPLY_TIMEOUT_MS)
        return answers


def welcome_word(locale: str = PLAYGROUND_LOCALE) -> str:
    """The word the bot's welcome starts with in the language `locale` asks for."""
    return "Welcome" if locale.lower().startswith("en") else "Welkom"


def _xpath_string(value: str) -> str:
    """An XPath 1.0 string literal for `value` (which may contain one kind of quote)."""
    return f'"{value}"' if '"' not in value else f"'{value}'"
