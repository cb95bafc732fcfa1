"""Teams sends installationUpdate and conversationUpdate at the same moment: one welcome, no error."""

from __future__ import annotations

import asyncio

from fakes import activities
from fakes.http_helpers import count
from fakes.people import CUSTOMER
from storage.models import Person


async def test_simultaneous_install_events_register_once_and_welcome_once(bot, connector):
    responses = await asyncio.gather(
        bot.post("/api/messages", json=activities.installation(CUSTOMER, connector.url)),
        bot.post("/api/messages", json=activities.bot_added(CUSTOMER, connector.url)),
    )

    assert [r.status for r in responses] == [201, 201]
    texts = connector.texts(CUSTOMER.conversation_id)
    assert len(texts) == 1 and texts[0].startswith("Welkom")
    assert await count(bot, Person, Person.aad_object_id == CUSTOMER.object_id) == 1
