"""The customer's side of the SLA, end to end over HTTP with a fake connector and a fake clock."""

from __future__ import annotations

from fakes import activities
from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.http_helpers import count, post, rows
from fakes.people import ANNA, CUSTOMER, DIRK, ENGLISH_CUSTOMER, OTHER_CUSTOMER
from fakes.scheduler import run_due_jobs, timers
from storage.models import Page, QuoteRequest, Ticket

FRIDAY_EVENING = amsterdam(2026, 11, 27, 17, 0)
SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)


async def test_in_hours_a_complete_report_becomes_a_ticket_and_support_hears_of_it(bot, connector):
    await say(bot, connector, ANNA, "hallo")  # Anna's chat is stored; Bram has none yet
    await say(bot, connector, CUSTOMER, "hallo")

    answer = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    [ticket] = await rows(bot, Ticket)
    assert ticket.number == "T-2026-0001" and ticket.intent == "office_app_problem"
    assert (ticket.product, ticket.affected, ticket.priority, ticket.status) == ("excel", "one", "P3", "open")
    assert "**T-2026-0001**" in answer[-1]
    notices = [s for s in connector.messages() if "Nieuwe melding T-2026-0001" in s.text]
    assert {s.conversation_id for s in notices} >= {ANNA.conversation_id}
    assert len(connector.created_conversations()) == 1  # Bram's chat was opened for the notice
    assert len(notices) == 2


async def test_intake_asks_only_what_is_missing_and_survives_a_restart(make_bot, connector):
    bot = await make_bot()
    await say(bot, connector, CUSTOMER, "hallo")
    first = await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    assert "Hoeveel mensen hebben hier last van?" in first[-1]  # product (Teams) was already said
    await bot.close()

    bot = await make_bot()  # a restart between two turns
    second = await say(bot, connector, CUSTOMER, "alleen ik")
    assert "Sinds wanneer speelt dit?" in second[-1]
    third = await press(bot, connector, CUSTOMER, "today")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.product, ticket.affected, ticket.since) == ("teams", "one", "today")
    assert ticket.number in third[-1]


async def test_out_of_hours_a_normal_problem_is_refused_with_the_next_opening_and_a_reminder(make_bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    bot = await make_bot()
    await say(bot, connector, CUSTOMER, "hallo")
    [refusal] = await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")
    assert "Het is na 17:00 uur, dus we zijn gesloten" in refusal
    assert "maandag 30 november om 09:00" in refusal
    assert "noodgeval" in refusal
    [agreed] = await press(bot, connector, CUSTOMER, "remind")
    assert "maandag 30 november om 09:00" in agreed
    assert await count(bot, Ticket) == 0
    await bot.close()

    bot = await make_bot()  # the reminder is in the database, not in memory
    clock.set(amsterdam(2026, 11, 30, 9, 0))
    assert await run_due_jobs(bot, clock.now()) == 1
    assert "we zijn nu open" in connector.texts(CUSTOMER.conversation_id)[-1]


async def test_out_of_hours_a_customer_who_insists_confirms_and_on_call_is_paged(make_bot, clock, connector):
    bot = await make_bot()
    await say(bot, connector, ANNA, "hallo")
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn agenda synchroniseert niet meer met mijn telefoon")
    [question] = await press(bot, connector, CUSTOMER, "emergency")
    assert "Kan uw organisatie" in question
    [paged] = await say(bot, connector, CUSTOMER, "ja")

    [ticket] = await rows(bot, Ticket)
    assert (ticket.priority, ticket.emergency) == ("P1", True)
    assert "De dienstdoende engineer wordt nu gewaarschuwd" in paged and ticket.number in paged
    [page] = await rows(bot, Page)
    assert (page.staff_object_id, page.position, page.status) == (ANNA.object_id, "on_call", "sent")
    [card] = [s for s in connector.messages(ANNA.conversation_id) if s.cards][-1:]
    assert ticket.number in card.text
    assert {a["data"]["choice"] for a in card.cards[0]["actions"]} == {f"ack:{ticket.number}", f"take_over:{ticket.number}"}


async def test_a_night_emergency_pages_once_even_when_redelivered_or_reported_again(make_bot, clock, connector):
    bot = await make_bot()
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)
    report = activities.message(CUSTOMER, connector.url, "Niemand op kantoor kan nog inloggen, alles van Office 365 ligt plat")
    await post(bot, report)
    await post(bot, report)  # Teams redelivers
    await say(bot, connector, CUSTOMER, "hallo?? het hele bedrijf ligt stil, niemand kan werken")

    assert await count(bot, Ticket) == 1
    assert await count(bot, Page) == 1
    assert sum("Noodmelding" in t for t in connector.texts(ANNA.conversation_id)) == 1


async def test_an_unacknowledged_page_goes_to_the_backup_after_the_timeout(make_bot, clock, connector):
    from datetime import timedelta

    from fakes.people import CARLA

    bot = await make_bot()
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CARLA, "hallo")
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, "Niemand kan meer mailen of inloggen, alles ligt plat")
    await bot.close()

    bot = await make_bot()  # restart between the page and its timeout
    clock.advance(timedelta(minutes=16))
    assert await run_due_jobs(bot, clock.now()) == 1
    assert await run_due_jobs(bot, clock.now()) == 0
    pages = await rows(bot, Page)
    assert [(p.staff_object_id, p.status) for p in pages] == [(ANNA.object_id, "timed_out"), (CARLA.object_id, "sent")]


async def test_an_excluded_request_quotes_the_sla_and_an_accepted_offer_goes_to_management(bot, connector):
    await say(bot, connector, DIRK, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    [offer] = await say(bot, connector, CUSTOMER, "hoe maak ik een draaitabel in excel?")
    assert "Ondersteuning bij het gebruik van Office 365-applicaties (zoals Word, Excel, enz.)" in offer
    assert "offerte" in offer
    await press(bot, connector, CUSTOMER, "accept")

    [quote] = await rows(bot, QuoteRequest)
    assert quote.intent == "howto"
    assert await count(bot, Ticket) == 0
    assert any("Offerteaanvraag" in t for t in connector.texts(DIRK.conversation_id))


async def test_a_refused_exclusion_quotes_the_clause_and_offers_nothing(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [refusal] = await say(bot, connector, CUSTOMER, "kunnen jullie MFA uitzetten voor iedereen?")
    assert "Aanpassingen aan de (beveiligings)instellingen die afwijken van de standaardopzet." in refusal
    assert "offerte" not in refusal
    assert await count(bot, Ticket) == 0


async def test_an_english_speaker_gets_the_dutch_clause_and_a_marked_translation(bot, connector):
    await say(bot, connector, ENGLISH_CUSTOMER, "hello")
    [offer] = await say(bot, connector, ENGLISH_CUSTOMER, "can you create a new user account for our new colleague?")
    assert "zoals gebruikers- en groepsbeheer." in offer
    assert "such as user and group management" in offer
    assert "Translation" in offer


async def test_status_shows_only_the_customers_own_organisation(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    [own] = await say(bot, connector, CUSTOMER, "is er al nieuws over mijn melding?")
    assert "T-2026-0001" in own

    await say(bot, connector, OTHER_CUSTOMER, "hallo")
    [other] = await say(bot, connector, OTHER_CUSTOMER, "wat is de status van mijn ticket?")
    assert "T-2026-0001" not in other
    assert "geen openstaande meldingen" in other


async def test_an_escalation_request_moves_the_open_ticket_to_step_two(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    [answer] = await say(bot, connector, CUSTOMER, "ik ben hier niet tevreden over, ik wil een leidinggevende spreken")
    [ticket] = await rows(bot, Ticket)
    assert ticket.escalation_step == 2
    assert "stap 2" in answer


async def test_when_unsure_the_bot_asks_and_the_chosen_category_is_followed(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    # Word or the account: the model cannot tell, so the customer chooses. "misschien iets met mijn
    # account" guesses at a cause; it is not a second problem to open a ticket for.
    [question] = await say(bot, connector, CUSTOMER, "word doet raar sinds vanochtend, misschien iets met mijn account")
    assert "Welke van deze past het best?" in question
    card = connector.messages(CUSTOMER.conversation_id)[-1].cards[0]
    values = [a["data"]["choice"] for a in card["actions"]]
    assert "signin_problem" in values and values[-1] == "other"

    [intake] = await press(bot, connector, CUSTOMER, "signin_problem")
    assert "Hoeveel mensen hebben hier last van?" in intake  # the product (Word) was already said
    assert await count(bot, Ticket) == 0


async def test_an_unanswered_question_does_not_trap_the_customer(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "er is iets mis")
    [answer] = await say(bot, connector, CUSTOMER, "mijn printer doet het niet")
    assert "Ik help alleen bij Office 365" in answer


async def test_a_reminder_fired_by_two_replicas_is_sent_once(bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")
    await press(bot, connector, CUSTOMER, "remind")
    [job] = timers(bot)

    clock.set(amsterdam(2026, 11, 30, 9, 0))
    for _replica in range(2):  # both replicas' schedulers saw the job due in the shared store
        await job.func(*job.args, **job.kwargs)
    assert sum("we zijn nu open" in t for t in connector.texts(CUSTOMER.conversation_id)) == 1
