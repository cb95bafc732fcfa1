"""The staff side over HTTP: a night of paging, acknowledgement, takeover, resolve, rating, rights."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from fakes import activities
from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.http_helpers import count, post, rows
from fakes.operator_config import OPERATOR_CONFIG
from bot import keys
from fakes.people import ANNA, BRAM, CARLA, COLLEAGUE, CUSTOMER, DIRK, OTHER_CUSTOMER
from fakes.scheduler import run_due_jobs, timers
from storage.models import EscalationEvent, OnCallOverride, Page, Person, Ticket, TicketNote, TranscriptMessage

@pytest.fixture
def environment(database_url: str) -> dict[str, str]:
    """The staff side leans on conditional updates (one holder, one acknowledgement): both backends."""
    return {"SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": database_url}


SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)
NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
EXCEL_REPORT = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"


async def staff_chats_known(bot, connector, *people) -> None:
    """Staff who have chatted with the bot before can be reached in their stored chat."""
    for person in people:
        await say(bot, connector, person, "hallo")


async def in_hours_ticket(bot, connector, customer=CUSTOMER, report=EXCEL_REPORT) -> Ticket:
    await say(bot, connector, customer, "hallo")
    await say(bot, connector, customer, report)
    tickets = await rows(bot, Ticket, Ticket.reporter.has(aad_object_id=customer.object_id))
    return tickets[-1]


async def ticket_stored_before_a_crash(bot, now, *, priority: str = "P1", paged: bool = True) -> None:
    """The ticket was committed (an emergency out of hours with its paging begun), then the process died."""
    [petra] = await rows(bot, Person, Person.aad_object_id == CUSTOMER.object_id)
    async with bot.app[keys.SESSIONS].begin() as session:
        session.add(Ticket(
            number="T-2026-0001", organisation_id=petra.organisation_id, reporter_id=petra.id,
            conversation_id=CUSTOMER.conversation_id, intent="service_outage", subject=NIGHT_REPORT,
            description=NIGHT_REPORT, priority=priority, emergency=priority == "P1", created_at=now, updated_at=now,
            paging_started_at=now if paged and priority == "P1" else None,
        ))  # fmt: skip


async def test_a_whole_night_page_timeout_backup_acknowledges_and_the_customer_is_told(make_bot, clock, connector):
    bot = await make_bot()
    await staff_chats_known(bot, connector, ANNA, CARLA)
    clock.set(SATURDAY_NIGHT)
    *_, paged = await say(bot, connector, CUSTOMER, NIGHT_REPORT)  # after the welcome
    [ticket] = await rows(bot, Ticket)
    assert ticket.number in paged

    clock.advance(timedelta(minutes=16))  # Anna sleeps through her page
    assert await run_due_jobs(bot, clock.now()) == 1
    [carla_page] = [s for s in connector.messages(CARLA.conversation_id) if s.cards]
    assert f"Noodmelding {ticket.number}" in carla_page.text

    clock.advance(timedelta(minutes=3))
    [answer] = await press(bot, connector, CARLA, f"ack:{ticket.number}")
    assert f"U heeft {ticket.number} bevestigd" in answer
    told = connector.texts(CUSTOMER.conversation_id)[-1]
    assert f"Carla Visser heeft uw melding {ticket.number} bevestigd" in told

    pages = await rows(bot, Page)
    assert [(p.staff_object_id, p.status) for p in pages] == [
        (ANNA.object_id, "timed_out"), (CARLA.object_id, "acknowledged"),
    ]
    assert pages[0].timed_out_at == amsterdam(2026, 11, 28, 3, 16)
    assert pages[1].acknowledged_at == amsterdam(2026, 11, 28, 3, 19)
    [ticket] = await rows(bot, Ticket)
    assert ticket.status == "acknowledged"
    clock.advance(timedelta(minutes=30))
    assert await run_due_jobs(bot, clock.now()) == 0  # the acknowledgement cancelled what was pending
    assert len([s for s in connector.messages() if "Noodmelding" in s.text]) == 2


async def test_an_acknowledgement_after_a_restart_cancels_the_timeout_and_a_redelivery_tells_the_customer_once(
    make_bot, clock, connector
):
    bot = await make_bot()
    await staff_chats_known(bot, connector, ANNA, CARLA)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [ticket] = await rows(bot, Ticket)
    await bot.close()

    bot = await make_bot()  # restart between the page and the acknowledgement
    clock.advance(timedelta(minutes=5))
    acknowledgement = activities.message(ANNA, connector.url, f"bevestig {ticket.number}")
    await post(bot, acknowledgement)
    await post(bot, acknowledgement)  # Teams redelivers
    clock.advance(timedelta(minutes=20))
    assert await run_due_jobs(bot, clock.now()) == 0

    customer_texts = connector.texts(CUSTOMER.conversation_id)
    assert sum("Anna Bakker heeft uw melding" in t for t in customer_texts) == 1
    assert [p.status for p in await rows(bot, Page)] == ["acknowledged"]
    assert not any("Noodmelding" in t for t in connector.texts(CARLA.conversation_id))


async def test_a_second_acknowledgement_is_told_who_was_first(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA, CARLA)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [ticket] = await rows(bot, Ticket)
    await press(bot, connector, ANNA, f"ack:{ticket.number}")
    [answer] = await say(bot, connector, CARLA, f"ack {ticket.number}")
    assert "al bevestigd door Anna Bakker" in answer
    assert sum("heeft uw melding" in t for t in connector.texts(CUSTOMER.conversation_id)) == 1
    [anna] = await rows(bot, Person, Person.aad_object_id == ANNA.object_id)
    [ticket] = await rows(bot, Ticket)
    assert ticket.acknowledged_by_id == anna.id


async def test_a_timeout_fired_twice_moves_the_chain_on_once(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA, CARLA, DIRK)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [timeout] = [job for job in bot.app[keys.SCHEDULER].get_jobs() if job.id.startswith("page-timeout:")]
    clock.advance(timedelta(minutes=16))
    await asyncio.gather(*(timeout.func(*timeout.args, **timeout.kwargs) for _replica in range(2)))
    assert [p.staff_object_id for p in await rows(bot, Page)] == [ANNA.object_id, CARLA.object_id]


async def test_an_unreachable_on_call_engineer_is_skipped_and_that_shows_in_the_ticket(bot, clock, connector):
    await staff_chats_known(bot, connector, CARLA)  # Anna never chatted, and Teams will not open a chat
    connector.unreachable.add(ANNA.object_id)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [ticket] = await rows(bot, Ticket)

    pages = await rows(bot, Page)
    assert [(p.staff_object_id, p.status) for p in pages] == [(ANNA.object_id, "unreachable"), (CARLA.object_id, "sent")]
    [details] = await say(bot, connector, CARLA, f"toon {ticket.number}")
    assert "Anna Bakker (dienst), niet bereikbaar in Teams, overgeslagen" in details
    assert "Carla Visser (back-up), wacht op bevestiging" in details


async def test_takeover_relays_both_ways_without_intent_detection_and_hands_back(bot, connector):
    await staff_chats_known(bot, connector, BRAM)
    ticket = await in_hours_ticket(bot, connector)

    [taken] = await say(bot, connector, BRAM, f"neem over {ticket.number}")
    assert "overgenomen" in taken and "Petra de Vries" in taken
    joined = connector.texts(CUSTOMER.conversation_id)[-1]
    assert f"Bram de Jong heeft het gesprek over melding {ticket.number} overgenomen" in joined

    assert await say(bot, connector, CUSTOMER, "Mijn OneDrive synchroniseert ook niet meer") == []
    relayed = connector.texts(BRAM.conversation_id)[-1]
    assert relayed == f"**Petra de Vries** (Bakkerij de Vries B.V., {ticket.number}): Mijn OneDrive synchroniseert ook niet meer"
    assert await count(bot, Ticket) == 1  # no intent detection: no second ticket, no intake question

    assert await say(bot, connector, BRAM, "Kunt u Excel even in veilige modus starten?") == []
    assert connector.texts(CUSTOMER.conversation_id)[-1] == "**Bram de Jong**: Kunt u Excel even in veilige modus starten?"

    transcript = await rows(bot, TranscriptMessage, TranscriptMessage.relayed.is_(True))
    assert {(m.conversation_id, m.direction, m.author_name) for m in transcript} == {
        (CUSTOMER.conversation_id, "in", "Petra de Vries"),
        (BRAM.conversation_id, "out", "Petra de Vries"),
        (BRAM.conversation_id, "in", "Bram de Jong"),
        (CUSTOMER.conversation_id, "out", "Bram de Jong"),
    }

    [handed] = await say(bot, connector, BRAM, "/teruggeven")
    assert "teruggegeven" in handed
    assert "aan mij teruggegeven" in connector.texts(CUSTOMER.conversation_id)[-1]
    [status] = await say(bot, connector, CUSTOMER, "wat is de status van mijn melding?")
    assert ticket.number in status  # the bot answers again
    [ticket] = await rows(bot, Ticket)
    assert (ticket.holder_id, ticket.status) == (None, "acknowledged")


async def test_one_holder_at_a_time_and_the_second_taker_is_told_who_has_it(bot, connector):
    await staff_chats_known(bot, connector, ANNA, BRAM)
    ticket = await in_hours_ticket(bot, connector)
    await press(bot, connector, BRAM, f"take_over:{ticket.number}")
    [refused] = await press(bot, connector, ANNA, f"take_over:{ticket.number}")
    assert "al overgenomen door Bram de Jong" in refused
    [ticket] = await rows(bot, Ticket)
    [bram] = await rows(bot, Person, Person.aad_object_id == BRAM.object_id)
    assert ticket.holder_id == bram.id
    assert sum("heeft het gesprek over melding" in t for t in connector.texts(CUSTOMER.conversation_id)) == 1


async def test_resolve_closes_with_a_note_and_the_customer_rates_it(bot, connector):
    await staff_chats_known(bot, connector, BRAM)
    ticket = await in_hours_ticket(bot, connector)
    await say(bot, connector, BRAM, f"overnemen {ticket.number}")

    [done] = await say(bot, connector, BRAM, "/opgelost Excel-invoegtoepassing uitgeschakeld")
    assert f"Melding {ticket.number} is opgelost" in done
    resolved, rating_question = connector.texts(CUSTOMER.conversation_id)[-2:]
    assert f"Uw melding {ticket.number} is opgelost" in resolved
    assert "Excel-invoegtoepassing uitgeschakeld" in resolved
    assert "Kies een cijfer van 1 (slecht) tot 5 (uitstekend)" in rating_question
    [rating_card] = [s for s in connector.messages(CUSTOMER.conversation_id) if s.cards][-1:]
    assert [a["data"]["choice"] for a in rating_card.cards[0]["actions"]] == ["1", "2", "3", "4", "5"]

    [thanks] = await press(bot, connector, CUSTOMER, "4")
    assert "4 van 5" in thanks
    [ticket] = await rows(bot, Ticket)
    assert (ticket.status, ticket.rating, ticket.resolution_note) == ("resolved", 4, "Excel-invoegtoepassing uitgeschakeld")
    assert ticket.holder_id is None
    [answer] = await say(bot, connector, CUSTOMER, "bedankt!")
    assert "Graag gedaan" in answer  # the chat is the bot's again


async def test_a_customer_typing_staff_commands_gets_ordinary_handling_and_learns_nothing(bot, connector):
    await staff_chats_known(bot, connector, ANNA)
    other = await in_hours_ticket(bot, connector, OTHER_CUSTOMER, "Outlook crasht steeds, alleen bij mij, sinds vandaag")

    await say(bot, connector, CUSTOMER, "hallo")
    answers = []
    for attempt in ("wachtrij", "queue", f"overnemen {other.number}", f"toon {other.number}", "dienst", "help"):
        answers += await say(bot, connector, CUSTOMER, attempt)
    answers += await press(bot, connector, CUSTOMER, f"take_over:{other.number}")
    answers += await press(bot, connector, CUSTOMER, f"ack:{other.number}")

    leaked = [a for a in answers if other.number in a or "Jansen" in a or "Anna" in a or "Kees" in a]
    assert leaked == []
    [other] = await rows(bot, Ticket, Ticket.number == other.number)
    assert (other.holder_id, other.acknowledged_at, other.status) == (None, None, "open")


async def test_a_support_engineer_cannot_do_what_only_seniors_may(bot, connector):
    await staff_chats_known(bot, connector, ANNA, CARLA, DIRK)
    ticket = await in_hours_ticket(bot, connector)
    await say(bot, connector, CUSTOMER, "ik wil dit escaleren, het duurt te lang")
    [ticket] = await rows(bot, Ticket)
    assert ticket.escalation_step == 2

    [refused_take] = await say(bot, connector, ANNA, f"overnemen {ticket.number}")
    [refused_escalate] = await say(bot, connector, ANNA, f"escaleer {ticket.number} klant is boos")
    [refused_override] = await say(bot, connector, ANNA, "vervang ik tot morgen 09:00")
    assert "mag een supportmedewerker niet" in refused_take
    assert "mag een supportmedewerker niet" in refused_escalate
    assert "alleen een senior supportmedewerker of management" in refused_override
    [ticket] = await rows(bot, Ticket)
    assert (ticket.holder_id, ticket.escalation_step) == (None, 2)
    assert await count(bot, OnCallOverride) == 0

    [taken] = await say(bot, connector, CARLA, f"overnemen {ticket.number}")
    assert "overgenomen" in taken


async def test_staff_escalate_to_mediation_tells_the_customer_and_management(bot, connector):
    await staff_chats_known(bot, connector, CARLA, DIRK)
    ticket = await in_hours_ticket(bot, connector)
    *notices, first = await say(bot, connector, CARLA, f"escaleer {ticket.number} klant belt al drie dagen")
    [second] = await say(bot, connector, CARLA, f"escaleer {ticket.number} geen oplossing binnen de SLA")
    [notice] = [s for s in connector.messages(CARLA.conversation_id) if s.cards]  # seniors hear of step 2
    assert {a["data"]["choice"] for a in notice.cards[0]["actions"]} == {f"take_over:{ticket.number}"}
    assert len(notices) == 1
    assert "stap 2" in first and "stap 3" in second
    assert "stap 3 van de escalatieprocedure" in connector.texts(CUSTOMER.conversation_id)[-1]
    assert any(ticket.number in t and "stap 3" in t for t in connector.texts(DIRK.conversation_id))

    events = await rows(bot, EscalationEvent)
    assert [(e.from_step, e.to_step, e.trigger, e.reason) for e in events] == [
        (1, 2, "staff", "klant belt al drie dagen"), (2, 3, "staff", "geen oplossing binnen de SLA"),
    ]
    [refused] = await say(bot, connector, CARLA, f"escaleer {ticket.number} nog hoger")
    assert "stap 3 (bemiddeling)" in refused


async def test_a_ticket_left_unresolved_escalates_by_itself_after_its_business_hours(make_bot, clock, connector):
    bot = await make_bot()
    await staff_chats_known(bot, connector, CARLA)
    ticket = await in_hours_ticket(bot, connector)  # P3 on Thursday 10:00: 40 opening hours
    await bot.close()

    bot = await make_bot()  # the timer is in the job store
    clock.set(amsterdam(2026, 12, 3, 9, 59))  # Thu+Fri+Mon+Tue+Wed+Thu: 7+8+8+8+8+... hours
    assert await run_due_jobs(bot, clock.now()) == 0
    clock.set(amsterdam(2026, 12, 3, 10, 0))
    assert await run_due_jobs(bot, clock.now()) == 1
    [event] = await rows(bot, EscalationEvent)
    assert (event.from_step, event.to_step, event.trigger) == (1, 2, "automatic")
    assert any(ticket.number in t for t in connector.texts(CARLA.conversation_id))
    assert f"Ik heb melding {ticket.number} geëscaleerd naar stap 2" in connector.texts(CUSTOMER.conversation_id)[-1]


async def test_notes_are_kept_for_colleagues_and_never_reach_the_customer(bot, connector):
    await staff_chats_known(bot, connector, ANNA)
    ticket = await in_hours_ticket(bot, connector)
    before = len(connector.texts(CUSTOMER.conversation_id))
    [saved] = await say(bot, connector, ANNA, f"notitie {ticket.number} klant belt terug na de lunch")
    assert "opgeslagen" in saved
    [note] = await rows(bot, TicketNote)
    assert (note.text, note.author_name) == ("klant belt terug na de lunch", "Anna Bakker")
    assert len(connector.texts(CUSTOMER.conversation_id)) == before
    [details] = await say(bot, connector, ANNA, f"toon {ticket.number}")
    assert "Anna Bakker: klant belt terug na de lunch" in details


async def test_an_override_wins_over_the_rota_for_the_next_emergency(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA, BRAM, CARLA)
    clock.set(amsterdam(2026, 11, 27, 18, 0))  # Friday evening: Anna is on call by the rota
    [before] = await say(bot, connector, BRAM, "wie heeft dienst")
    assert "Nu dienst: **Anna Bakker**" in before
    [set_answer] = await say(bot, connector, CARLA, "vervang Bram tot maandag 09:00")
    assert "Bram de Jong heeft dienst tot maandag 30 november om 09:00" in set_answer
    [after] = await say(bot, connector, BRAM, "dienst")
    assert "Nu dienst: **Bram de Jong**" in after

    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [page] = await rows(bot, Page)
    assert page.staff_object_id == BRAM.object_id


async def test_the_queue_shows_every_organisations_open_tickets_to_staff(bot, connector):
    await staff_chats_known(bot, connector, ANNA)
    mine = await in_hours_ticket(bot, connector)
    theirs = await in_hours_ticket(bot, connector, OTHER_CUSTOMER, "Outlook crasht steeds, alleen bij mij, sinds vandaag")
    [queue] = await say(bot, connector, ANNA, "wachtrij")
    assert "Open meldingen (2)" in queue
    assert mine.number in queue and theirs.number in queue and "Jansen Advocaten" in queue
    [help_text] = await say(bot, connector, ANNA, "help")
    assert "wachtrij" in help_text and "vervang" not in help_text  # support may not set overrides


async def test_staff_read_pages_and_relayed_messages_in_their_own_language(bot, clock, connector):
    anna_in_english = replace(ANNA, locale="en-US")
    [hello] = await say(bot, connector, anna_in_english, "hello")
    assert "Type **help** for the commands" in hello
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [ticket] = await rows(bot, Ticket)

    page = connector.texts(ANNA.conversation_id)[-1]
    assert f"**Emergency {ticket.number}** from Bakkerij de Vries B.V., outside service hours" in page
    assert "Why an emergency: the whole organisation; they cannot work." in page  # the customer's words, read
    [taken] = await say(bot, connector, anna_in_english, f"take over {ticket.number}")
    assert "You have taken over the chat" in taken
    assert "Anna Bakker heeft het gesprek over melding" in connector.texts(CUSTOMER.conversation_id)[-1]  # Dutch for her


async def test_the_page_says_why_the_message_was_judged_an_emergency_in_the_customers_words(bot, clock, connector):
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, "Het hele callcenter kan niet inloggen in Teams sinds 3 uur")

    page = connector.texts(ANNA.conversation_id)[-1]
    assert "Waarom een noodgeval: een heel team of een afdeling; zij kunnen niet werken." in page
    assert "“het hele callcenter”" in page


async def test_when_nobody_answers_any_round_the_customer_is_told_to_call_not_left_waiting(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA, CARLA, DIRK)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    for _timeout in range(9):  # three rounds of on call, backup, management
        clock.advance(timedelta(minutes=16))
        assert await run_due_jobs(bot, clock.now()) == 1

    pages = await rows(bot, Page)
    assert [p.staff_object_id for p in pages] == [ANNA.object_id, CARLA.object_id, DIRK.object_id] * 3
    assert {p.status for p in pages} == {"timed_out"}
    assert [p.round for p in pages] == [1, 1, 1, 2, 2, 2, 3, 3, 3]
    told = connector.texts(CUSTOMER.conversation_id)[-1]
    assert "nog niet gelukt een engineer te bereiken" in told and "support@websitenazorg.nl" in told


async def test_an_emergency_stored_just_before_a_crash_is_paged_once_when_the_replicas_start_again(make_bot, clock, connector):
    bot = await make_bot()
    await staff_chats_known(bot, connector, ANNA)
    await say(bot, connector, CUSTOMER, "hallo")
    clock.set(SATURDAY_NIGHT)
    await ticket_stored_before_a_crash(bot, clock.now())
    await bot.close()

    bot, _other_replica = await asyncio.gather(make_bot(), make_bot())  # two replicas start at once
    [page] = await rows(bot, Page)
    assert (page.staff_object_id, page.status) == (ANNA.object_id, "sent")
    assert sum("Noodmelding T-2026-0001" in t for t in connector.texts(ANNA.conversation_id)) == 1
    clock.advance(timedelta(minutes=16))
    assert await run_due_jobs(bot, clock.now()) == 1  # and its timeout is armed


async def test_a_page_whose_timer_was_lost_gets_it_back_at_start_up(make_bot, clock, connector):
    bot = await make_bot()
    await staff_chats_known(bot, connector, ANNA, CARLA)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    for job in bot.app[keys.SCHEDULER].get_jobs():
        if job.id.startswith("page-timeout:"):
            job.remove()  # as if the process stopped between the page and its timer
    await bot.close()

    bot = await make_bot()
    clock.advance(timedelta(minutes=16))
    assert await run_due_jobs(bot, clock.now()) == 1
    assert [p.staff_object_id for p in await rows(bot, Page)] == [ANNA.object_id, CARLA.object_id]


async def test_a_new_emergency_days_later_is_paged_though_an_old_one_was_never_resolved(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA)
    clock.set(amsterdam(2026, 11, 27, 22, 0))
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [first] = await rows(bot, Ticket)
    await press(bot, connector, ANNA, f"ack:{first.number}")

    clock.set(amsterdam(2026, 11, 29, 23, 0))
    await say(bot, connector, COLLEAGUE, "hallo")
    await say(bot, connector, COLLEAGUE, "Alles ligt plat, niemand kan inloggen in Office 365")
    assert await count(bot, Ticket) == 2
    assert sum("Noodmelding" in t for t in connector.texts(ANNA.conversation_id)) == 2


async def test_a_colleague_reporting_an_acknowledged_emergency_joins_it_and_is_told_who_is_on_it(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [ticket] = await rows(bot, Ticket)
    await press(bot, connector, ANNA, f"ack:{ticket.number}")

    clock.advance(timedelta(minutes=30))
    await say(bot, connector, COLLEAGUE, "hallo")
    [joined] = await say(bot, connector, COLLEAGUE, "Ook bij mij werkt niets meer, niemand kan mailen")
    assert f"Anna Bakker werkt al aan noodmelding {ticket.number}" in joined
    assert await count(bot, Ticket) == 1 and await count(bot, Page) == 1
    [note] = await rows(bot, TicketNote)
    assert (note.author_name, note.text) == ("Sanne Bos", "Ook bij mij werkt niets meer, niemand kan mailen")


async def test_two_colleagues_reporting_at_once_make_one_ticket_and_one_page(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, COLLEAGUE, "hallo")
    clock.set(SATURDAY_NIGHT)
    await asyncio.gather(
        post(bot, activities.message(CUSTOMER, connector.url, NIGHT_REPORT)),
        post(bot, activities.message(COLLEAGUE, connector.url, "Alles ligt plat, niemand kan inloggen in Office 365")),
    )
    assert await count(bot, Ticket) == 1
    assert await count(bot, Page) == 1


async def test_a_second_ticket_of_a_held_chat_cannot_be_taken_by_someone_else(bot, connector):
    await staff_chats_known(bot, connector, CARLA, DIRK)
    first = await in_hours_ticket(bot, connector)
    await say(bot, connector, CUSTOMER, "Outlook crasht steeds, alleen bij mij, sinds vandaag")
    second = (await rows(bot, Ticket, Ticket.number != first.number))[0]
    await say(bot, connector, CARLA, f"overnemen {first.number}")
    [refused] = await say(bot, connector, DIRK, f"overnemen {second.number}")
    assert "al overgenomen door Carla Visser" in refused
    assert await count(bot, Ticket, Ticket.status == "taken_over") == 1


async def test_management_resolving_a_colleagues_chat_tells_the_colleague(bot, connector):
    await staff_chats_known(bot, connector, BRAM, DIRK)
    ticket = await in_hours_ticket(bot, connector)
    await say(bot, connector, BRAM, f"overnemen {ticket.number}")
    await say(bot, connector, DIRK, f"opgelost {ticket.number} opgelost via de telefoon")
    told = connector.texts(BRAM.conversation_id)[-1]
    assert f"Dirk Smit heeft melding {ticket.number} opgelost" in told
    [greeting] = await say(bot, connector, BRAM, "Lukt het nu?")  # no longer relayed
    assert "Typ **help**" in greeting
    assert "Lukt het nu?" not in " ".join(connector.texts(CUSTOMER.conversation_id))


async def test_a_command_typed_without_its_slash_while_holding_a_chat_is_not_sent_to_the_customer(bot, clock, connector):
    await staff_chats_known(bot, connector, BRAM)
    ticket = await in_hours_ticket(bot, connector)
    other = await in_hours_ticket(bot, connector, OTHER_CUSTOMER, "Outlook crasht steeds, alleen bij mij, sinds vandaag")
    await say(bot, connector, BRAM, f"overnemen {ticket.number}")
    before = len(connector.texts(CUSTOMER.conversation_id))

    [warning] = await say(bot, connector, BRAM, f"bevestig {other.number}")
    assert "niet naar de klant gestuurd" in warning and f"/bevestig {other.number}" in warning
    await post(bot, activities.card_submit(BRAM, connector.url, {"something": "else"}))
    assert len(connector.texts(CUSTOMER.conversation_id)) == before


async def test_taking_over_and_resolving_leave_no_timers_behind(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA, CARLA)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [ticket] = await rows(bot, Ticket)

    await press(bot, connector, ANNA, f"take_over:{ticket.number}")
    assert {job.id.split(":")[0] for job in timers(bot)} == {"escalate"}  # the page timeout is gone
    await say(bot, connector, ANNA, "/opgelost account geblokkeerd en wachtwoorden gereset")
    assert timers(bot) == []
    clock.advance(timedelta(hours=6))
    assert await run_due_jobs(bot, clock.now()) == 0
    assert [p.status for p in await rows(bot, Page)] == ["acknowledged"]


async def test_an_on_call_engineer_without_a_stored_chat_is_reached_in_a_new_one(bot, clock, connector):
    await say(bot, connector, CARLA, "hallo")  # someone of the MSP has chatted, so the service URL is known
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [page] = await rows(bot, Page)
    assert (page.staff_object_id, page.status) == (ANNA.object_id, "sent")
    [created] = connector.created_conversations()
    assert ANNA.object_id in str(created.body["members"])
    [card] = [s for s in connector.messages(created.conversation_id) if s.cards]
    assert "Noodmelding" in card.text


async def test_a_restart_does_not_page_for_an_emergency_reported_in_business_hours(make_bot, clock, connector):
    bot = await make_bot()
    await staff_chats_known(bot, connector, ANNA)
    await say(bot, connector, CUSTOMER, "hallo")
    await ticket_stored_before_a_crash(bot, clock.now(), paged=False)  # Thursday 10:00: support has it
    await bot.close()
    clock.set(SATURDAY_NIGHT)
    bot = await make_bot()
    assert await count(bot, Page) == 0


async def test_a_night_report_after_an_unpaged_daytime_emergency_is_paged(bot, clock, connector):
    await staff_chats_known(bot, connector, ANNA)
    clock.set(amsterdam(2026, 11, 27, 16, 30))  # Friday afternoon: a P1 for the support engineers
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    assert await count(bot, Page) == 0
    clock.set(amsterdam(2026, 11, 27, 21, 0))
    await say(bot, connector, COLLEAGUE, "hallo")
    await say(bot, connector, COLLEAGUE, "Alles ligt plat, niemand kan inloggen in Office 365")
    [page] = await rows(bot, Page)
    assert page.staff_object_id == ANNA.object_id


async def test_a_chain_that_runs_out_at_start_up_tells_the_customer_once(make_bot, clock, connector):
    bot = await make_bot()
    await say(bot, connector, CUSTOMER, "hallo")
    clock.set(SATURDAY_NIGHT)
    await ticket_stored_before_a_crash(bot, clock.now())
    await bot.close()
    connector.unreachable.update({ANNA.object_id, CARLA.object_id, DIRK.object_id})  # nobody has a chat

    bot = await make_bot()
    assert {p.status for p in await rows(bot, Page)} == {"unreachable"}
    await bot.close()
    bot = await make_bot()  # and again: nothing more to do, nothing said twice
    told = [t for t in connector.texts(CUSTOMER.conversation_id) if "nog niet gelukt" in t]
    assert len(told) == 1 and await count(bot, Page) == 9


async def test_an_escalation_timer_lost_in_a_crash_is_set_again_at_start_up(make_bot, clock, connector):
    bot = await make_bot()
    await say(bot, connector, CUSTOMER, "hallo")
    await ticket_stored_before_a_crash(bot, clock.now(), priority="P3")
    await bot.close()

    bot = await make_bot()
    [timer] = timers(bot)
    assert timer.id.startswith("escalate:")
    assert timer.next_run_time == amsterdam(2026, 12, 3, 10, 0)  # 40 opening hours after Thursday 10:00


async def test_the_rating_question_survives_a_restart_and_a_typed_number_counts(make_bot, connector):
    bot = await make_bot()
    await staff_chats_known(bot, connector, BRAM)
    ticket = await in_hours_ticket(bot, connector)
    await say(bot, connector, BRAM, f"opgelost {ticket.number} Excel opnieuw geïnstalleerd")
    await bot.close()

    bot = await make_bot()
    [thanks] = await say(bot, connector, CUSTOMER, "2")
    assert "2 van 5" in thanks and "Jammer dat het niet naar wens ging" in thanks
    [ticket] = await rows(bot, Ticket)
    assert ticket.rating == 2
