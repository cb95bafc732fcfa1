"""Talk to the bot as a Teams user and read what came back in that chat."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from fakes import activities
from fakes.connector import FakeConnector
from fakes.http_helpers import post


async def say(bot: TestClient, connector: FakeConnector, user: activities.TeamsUser, text: str) -> list[str]:
    """Post a message and return what the bot answered in that chat this turn."""
    before = len(connector.texts(user.conversation_id))
    await post(bot, activities.message(user, connector.url, text))
    return connector.texts(user.conversation_id)[before:]


async def press(bot: TestClient, connector: FakeConnector, user: activities.TeamsUser, value: str) -> list[str]:
    """Press a card button whose value is `value`."""
    before = len(connector.texts(user.conversation_id))
    await post(bot, activities.card_submit(user, connector.url, {"choice": value}))
    return connector.texts(user.conversation_id)[before:]
