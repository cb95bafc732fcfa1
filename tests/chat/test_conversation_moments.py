"""Promises tied to a moment are checked when they come due; acknowledgements and wordless messages
change nothing; a new subject while a question is open is handled as new."""

from __future__ import annotations

from sqlalchemy import update

from bot import keys
from fakes import activities
from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.http_helpers import count, post, rows
from fakes.people import CUSTOMER
from fakes.scheduler import run_due_jobs, timers
from storage.models import Conversation, Ticket

FRIDAY_EVENING = amsterdam(2026, 11, 27, 17, 30)
MONDAY_EVENING = amsterdam(2026, 11, 30, 17, 30)
TUESDAY_OPENING = amsterdam(2026, 12, 1, 9, 0)
HINT = "Ik kan geen afbeeldingen lezen; beschrijf het probleem in een paar woorden."


async def reminder_booked_on_friday_evening(bot, clock, connector) -> None:
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")
    [booked] = await press(bot, connector, CUSTOMER, "remind")
    assert "maandag 30 november om 09:00" in booked


async def test_a_reminder_that_fires_while_closed_moves_to_the_next_opening_and_says_so(make_bot, clock, connector):
    bot = await make_bot()
    await reminder_booked_on_friday_evening(bot, clock, connector)
    await bot.close()

    bot = await make_bot()  # the bot was down all Monday; its timer fires when it is back, at 17:30
    clock.set(MONDAY_EVENING)
    assert await run_due_jobs(bot, clock.now()) == 1
    moved = connector.texts(CUSTOMER.conversation_id)[-1]
    assert "we zijn nu open" not in moved
    assert "maandag 30 november om 09:00" in moved and "Het is na 17:00 uur" in moved
    assert "dinsdag 1 december om 09:00" in moved
    assert [job.next_run_time for job in timers(bot)] == [TUESDAY_OPENING]

    clock.set(TUESDAY_OPENING)
    assert await run_due_jobs(bot, clock.now()) == 1
    assert "we zijn nu open" in connector.texts(CUSTOMER.conversation_id)[-1]


async def test_an_old_out_of_hours_button_pressed_when_open_says_so_and_makes_the_ticket(bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer sinds gisteren, alleen bij mij")

    clock.set(amsterdam(2026, 11, 30, 10, 15))  # Monday morning: the offered moment has passed, support is open
    [answer] = await press(bot, connector, CUSTOMER, "remind")

    assert answer.startswith("Dat aanbod was voor maandag 30 november om 09:00, en dat moment is al voorbij.")
    [ticket] = await rows(bot, Ticket)
    assert f"**{ticket.number}**" in answer
    assert (ticket.intent, ticket.product, ticket.affected) == ("files_problem", "onedrive", "one")
    assert timers(bot) == [] or all("reminder" not in job.id for job in timers(bot))


async def test_an_old_button_pressed_while_closed_again_offers_the_next_opening(bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")

    clock.set(MONDAY_EVENING)
    [answer] = await press(bot, connector, CUSTOMER, "remind")
    assert answer.startswith("Dat aanbod was voor maandag 30 november om 09:00")
    assert "dinsdag 1 december om 09:00" in answer
    assert await count(bot, Ticket) == 0


async def test_acknowledgements_never_start_anything(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")

    for acknowledgement in ("ok", "oké!", "bedankt", "thanks", "top"):
        [answer] = await say(bot, connector, CUSTOMER, acknowledgement)
        assert "Welke van deze past het best?" not in answer
        assert not connector.messages(CUSTOMER.conversation_id)[-1].cards
    [thanks] = await say(bot, connector, CUSTOMER, "👍")  # an emoji is no image: thanks, as "ok" is
    assert thanks.startswith("Graag gedaan")
    [asked] = await say(bot, connector, CUSTOMER, "😡")  # every message gets a reply, but starts nothing
    assert asked.startswith("Waarmee kan ik u helpen?")
    assert await count(bot, Ticket) == 1


async def test_emoji_right_after_a_ticket_never_get_the_image_hint(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [created] = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    assert "T-2026-0001" in created

    for emoji in ("👍", "🙏", "👍🏽", "👍👍👍", "😡", "?", "..."):
        said = await say(bot, connector, CUSTOMER, emoji)
        assert HINT not in said
        thanks = "Graag gedaan, en tot ziens! Stuur gerust een bericht als er nog iets is."
        assert said == ([thanks] if emoji[0] in "👍🙏" else ["Waarmee kan ik u helpen? Beschrijf uw probleem in een paar woorden."])
    assert await count(bot, Ticket) == 1


async def test_an_acknowledgement_or_an_emoji_keeps_the_open_question_open(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [question] = await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    assert "Hoeveel mensen hebben hier last van?" in question

    [again] = await say(bot, connector, CUSTOMER, "ok")
    assert again.startswith("Graag nog een antwoord op mijn vraag.")
    assert "Hoeveel mensen hebben hier last van?" in again
    assert await say(bot, connector, CUSTOMER, "🙏") == []  # an emoji: nothing to answer, the question stays
    await post(bot, activities.message(CUSTOMER, connector.url, ""))

    [next_question] = await say(bot, connector, CUSTOMER, "alleen ik")
    assert "Sinds wanneer speelt dit?" in next_question
    assert await count(bot, Ticket) == 0


async def test_a_new_subject_while_a_question_is_open_is_handled_as_new_and_the_question_closed(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")

    [answer] = await say(bot, connector, CUSTOMER, "hoe maak ik een draaitabel in excel?")
    assert answer.startswith("Mijn vorige vraag laat ik rusten.")
    assert "Ondersteuning bij het gebruik van Office 365-applicaties" in answer

    [status] = await say(bot, connector, CUSTOMER, "is er al nieuws over mijn melding?")
    assert "geen openstaande meldingen" in status


async def test_a_button_of_an_old_question_never_becomes_a_report(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    await press(bot, connector, CUSTOMER, "one")
    [stale] = await press(bot, connector, CUSTOMER, "everyone")  # the first card, pressed again later

    assert "hoort bij een vraag die al is afgehandeld" in stale
    [created] = await press(bot, connector, CUSTOMER, "today")
    [ticket] = await rows(bot, Ticket)
    assert ticket.number in created and ticket.affected == "one"


async def test_a_state_written_by_another_build_starts_afresh_instead_of_failing(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    broken = {"version": 1, "welcomed": True, "question": {"kind": "intake", "asking": "who knows"}}
    async with bot.app[keys.SESSIONS].begin() as session:
        await session.execute(update(Conversation).where(Conversation.id == CUSTOMER.conversation_id).values(customer_state=broken))

    [answer] = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    [ticket] = await rows(bot, Ticket)
    assert ticket.number in answer and "er ging iets mis" not in answer
