"""What a customer told before or while we were closed is kept: closing time mid-intake keeps the facts,
and the reminder at the next opening names the problem and makes the ticket from it."""

from __future__ import annotations

from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.http_helpers import count, rows
from fakes.people import CUSTOMER, ENGLISH_CUSTOMER
from fakes.scheduler import run_due_jobs
from storage.models import Ticket

THURSDAY_BEFORE_CLOSING = amsterdam(2026, 11, 26, 16, 55)
THURSDAY_AFTER_CLOSING = amsterdam(2026, 11, 26, 17, 1)
FRIDAY_OPENING = amsterdam(2026, 11, 27, 9, 0)
EXCEL = "Excel crasht bij het opstarten, alleen bij mij"


async def test_facts_given_before_closing_time_make_the_ticket_at_the_next_opening(bot, clock, connector):
    clock.set(THURSDAY_BEFORE_CLOSING)
    await say(bot, connector, CUSTOMER, "hallo")
    [asked] = await say(bot, connector, CUSTOMER, EXCEL)
    assert "Sinds wanneer" in asked

    clock.set(THURSDAY_AFTER_CLOSING)
    [closed] = await say(bot, connector, CUSTOMER, "sinds vanochtend")
    assert closed.startswith("Het is na 17:00 uur, dus we zijn gesloten.")
    await press(bot, connector, CUSTOMER, "remind")
    assert await count(bot, Ticket) == 0

    clock.set(FRIDAY_OPENING)
    assert await run_due_jobs(bot, clock.now()) == 1
    reminder = connector.messages(CUSTOMER.conversation_id)[-1]
    assert f'Gisteren meldde u: *"{EXCEL}"*. Zal ik daar nu een melding van maken?' in reminder.text
    assert "nog een keer" not in reminder.text
    assert reminder.buttons == ["Ja, maak de melding", "Nee, dank u"]

    [created] = await press(bot, connector, CUSTOMER, "yes")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.product, ticket.affected, ticket.since) == ("excel", "one", "sinds vanochtend")
    assert ticket.description == EXCEL
    assert ticket.number in created


async def test_closing_time_mid_intake_keeps_what_was_said_and_the_intake_resumes_with_what_is_missing(
    bot, clock, connector
):
    clock.set(THURSDAY_BEFORE_CLOSING)
    await say(bot, connector, CUSTOMER, "hallo")
    [asked] = await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    assert "Hoeveel mensen hebben hier last van?" in asked

    clock.set(THURSDAY_AFTER_CLOSING)
    [closed] = await say(bot, connector, CUSTOMER, "alleen ik")
    assert "dus we zijn gesloten" in closed  # no further questions once closed
    await press(bot, connector, CUSTOMER, "remind")

    clock.set(FRIDAY_OPENING)
    await run_due_jobs(bot, clock.now())
    [resumed] = await say(bot, connector, CUSTOMER, "ja")
    assert "Sinds wanneer" in resumed  # who is affected was said before closing: not asked again

    [created] = await press(bot, connector, CUSTOMER, "today")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.product, ticket.affected, ticket.intent) == ("teams", "one", "teams_problem")
    assert ticket.number in created


async def test_a_problem_told_in_the_evening_is_named_by_the_reminder_in_english(bot, clock, connector):
    clock.set(amsterdam(2026, 11, 27, 18, 0))  # Friday evening: the reminder is on Monday
    await say(bot, connector, ENGLISH_CUSTOMER, "hello")
    await say(bot, connector, ENGLISH_CUSTOMER, "my OneDrive does not sync anymore")
    await press(bot, connector, ENGLISH_CUSTOMER, "remind")

    clock.set(amsterdam(2026, 11, 30, 9, 0))
    await run_due_jobs(bot, clock.now())
    reminder = connector.texts(ENGLISH_CUSTOMER.conversation_id)[-1]
    assert 'On Friday 27 November you told us: *"my OneDrive does not sync anymore"*' in reminder

    [declined] = await press(bot, connector, ENGLISH_CUSTOMER, "no")
    assert declined.startswith("Fine, I will not make a ticket of it.")
    assert await count(bot, Ticket) == 0


async def test_declining_the_offer_keeps_the_facts_for_a_typed_emergency(bot, clock, connector):
    clock.set(THURSDAY_BEFORE_CLOSING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    clock.set(THURSDAY_AFTER_CLOSING)
    await say(bot, connector, CUSTOMER, "alleen ik")
    await press(bot, connector, CUSTOMER, "no")

    await say(bot, connector, CUSTOMER, "noodgeval")
    await say(bot, connector, CUSTOMER, "Ja, we kunnen niet werken")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.emergency, ticket.product, ticket.affected) == (True, "teams", "one")
