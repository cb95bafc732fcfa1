"""Staff cards name the ticket on every button; after an acknowledgement everyone sees who has it."""

from __future__ import annotations

from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.http_helpers import rows
from fakes.people import ANNA, BRAM, CARLA, CUSTOMER
from storage.models import Ticket

NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
EXCEL = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"


async def test_every_button_names_its_ticket(bot, connector):
    for person in (ANNA, BRAM):
        await say(bot, connector, person, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, EXCEL)
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer sinds gisteren, alleen bij mij")
    first, second = await rows(bot, Ticket)

    notice = [m for m in connector.messages(BRAM.conversation_id) if m.cards][-1]
    assert notice.buttons == [f"Overnemen {second.number}"]
    await say(bot, connector, BRAM, "wachtrij")
    queue = connector.messages(BRAM.conversation_id)[-1]
    assert sorted(queue.buttons) == sorted([f"Bevestigen {first.number}", f"Bevestigen {second.number}"])


async def test_after_an_acknowledgement_queue_show_and_status_name_who_has_it(bot, clock, connector):
    for person in (ANNA, BRAM, CARLA):
        await say(bot, connector, person, "hallo")
    clock.set(amsterdam(2026, 11, 28, 3, 0))
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [ticket] = await rows(bot, Ticket)
    page = [m for m in connector.messages(ANNA.conversation_id) if m.cards][-1]
    assert page.buttons == [f"Bevestigen {ticket.number}", f"Overnemen {ticket.number}"]

    await press(bot, connector, ANNA, f"ack:{ticket.number}")

    [queue] = await say(bot, connector, BRAM, "wachtrij")
    assert "Anna Bakker" in queue and "nog niet toegewezen" not in queue
    assert connector.messages(BRAM.conversation_id)[-1].buttons == []
    [details] = await say(bot, connector, CARLA, f"toon {ticket.number}")
    assert "Behandelaar: Anna Bakker" in details
    assert connector.messages(CARLA.conversation_id)[-1].buttons == [f"Overnemen {ticket.number}"]
    [status] = await say(bot, connector, CUSTOMER, "wat is de status van mijn melding?")
    assert "Behandelaar: Anna Bakker" in status
