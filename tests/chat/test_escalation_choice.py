"""Escalation asks which ticket unless the customer has exactly one open ticket of their own; colleagues'
tickets appear by number and subject only, and only where the organisation shares its tickets."""

from __future__ import annotations

from datetime import timedelta

from fakes.activities import TeamsUser
from fakes.chat import press, say
from fakes.http_helpers import rows
from fakes.people import COLLEAGUE, CUSTOMER, OTHER_CUSTOMER, OTHER_CUSTOMER_TENANT
from storage.models import EscalationEvent, Ticket

EXCEL = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"
ONEDRIVE = "mijn OneDrive synchroniseert niet meer sinds gisteren, alleen bij mij"
ESCALATE = "Ik wil dit escaleren naar het management"
JANSEN_COLLEAGUE = TeamsUser("cccccccc-0000-4000-8000-000000000005", OTHER_CUSTOMER_TENANT, "Lotte Jansen", "nl-NL")


async def reported(bot, connector, person, *reports: str) -> list[Ticket]:
    await say(bot, connector, person, "hallo")
    for report in reports:
        await say(bot, connector, person, report)
    return await rows(bot, Ticket, Ticket.reporter.has(aad_object_id=person.object_id))


async def test_a_colleagues_ticket_is_offered_by_number_and_subject_and_escalated_only_when_chosen(bot, connector):
    [petras] = await reported(bot, connector, CUSTOMER, EXCEL)
    await say(bot, connector, COLLEAGUE, "hallo")

    [asked] = await say(bot, connector, COLLEAGUE, ESCALATE)
    assert asked.startswith("U heeft zelf geen openstaande melding. Wilt u een melding van een collega escaleren?")
    message = connector.messages(COLLEAGUE.conversation_id)[-1]
    assert message.buttons == [f"{petras.number}: Excel crasht bij het opstarten, alleen …", "Geen van deze"]
    assert "Petra" not in asked and "P3" not in asked
    assert await rows(bot, EscalationEvent) == []

    [escalated] = await press(bot, connector, COLLEAGUE, f"ticket:{petras.number}")
    assert f"Ik heb melding {petras.number} geëscaleerd naar stap 2" in escalated
    [event] = await rows(bot, EscalationEvent)
    assert (event.from_step, event.to_step, event.trigger) == (1, 2, "customer")


async def test_where_tickets_are_not_shared_a_colleagues_ticket_is_never_offered(bot, connector):
    [kees] = await reported(bot, connector, OTHER_CUSTOMER, "Outlook crasht steeds, alleen bij mij, sinds vandaag")
    await say(bot, connector, JANSEN_COLLEAGUE, "hallo")

    [answer] = await say(bot, connector, JANSEN_COLLEAGUE, ESCALATE)
    assert "Ik zie geen openstaande melding van u om te escaleren" in answer
    assert kees.number not in answer
    [status] = await say(bot, connector, JANSEN_COLLEAGUE, "wat is de status van mijn melding?")
    assert kees.number not in status and "geen openstaande meldingen" in status


async def test_with_two_tickets_of_ones_own_the_customer_picks_one_also_by_typing_its_number(bot, connector):
    excel, onedrive = await reported(bot, connector, CUSTOMER, EXCEL, ONEDRIVE)

    [asked] = await say(bot, connector, CUSTOMER, ESCALATE)
    assert asked.startswith("Welke melding wilt u escaleren?")
    assert [b.split(":")[0] for b in connector.messages(CUSTOMER.conversation_id)[-1].buttons] == [
        onedrive.number, excel.number, "Geen van deze",
    ]
    [escalated] = await say(bot, connector, CUSTOMER, f"de {excel.number.lower()} graag")
    assert f"Ik heb melding {excel.number} geëscaleerd naar stap 2" in escalated
    tickets = {t.number: t.escalation_step for t in await rows(bot, Ticket)}
    assert tickets == {excel.number: 2, onedrive.number: 1}


async def test_none_of_these_asks_what_it_is_about(bot, connector):
    await reported(bot, connector, CUSTOMER, EXCEL, ONEDRIVE)
    await say(bot, connector, CUSTOMER, ESCALATE)
    [answer] = await press(bot, connector, CUSTOMER, "none")
    assert "Waar gaat het om?" in answer


async def test_status_shows_colleagues_tickets_by_number_and_subject_only(bot, connector):
    [petras] = await reported(bot, connector, CUSTOMER, EXCEL)
    [sannes] = await reported(bot, connector, COLLEAGUE, ONEDRIVE)

    [status] = await say(bot, connector, COLLEAGUE, "wat is de status van mijn melding?")
    assert f"{sannes.number}: mijn OneDrive synchroniseert niet meer" in status and "Behandelaar" in status
    assert f"{petras.number}: {petras.subject} (van een collega)" in status
    assert status.count("Behandelaar") == 1


async def test_asking_to_escalate_twice_in_a_row_does_not_climb_to_mediation(bot, clock, connector):
    """The second request (typed, or a button and then the words) says to whom and when; nothing moves."""
    [ticket] = await reported(bot, connector, CUSTOMER, EXCEL)
    [first] = await say(bot, connector, CUSTOMER, "ik wil escaleren")
    assert f"Ik heb melding {ticket.number} geëscaleerd naar stap 2" in first

    clock.advance(timedelta(seconds=20))
    [again] = await say(bot, connector, CUSTOMER, "ik wil escaleren")
    assert again.startswith(
        f"Melding {ticket.number} is al geëscaleerd naar stap 2 (senior supportmedewerker en management), "
        "op donderdag 26 november om 10:00. Zij nemen contact met u op"
    )
    [row] = await rows(bot, Ticket)
    assert row.escalation_step == 2
    assert [(e.from_step, e.to_step) for e in await rows(bot, EscalationEvent)] == [(1, 2)]


async def test_asking_again_after_the_repeat_window_moves_the_ticket_up(bot, clock, connector):
    [ticket] = await reported(bot, connector, CUSTOMER, EXCEL)
    await say(bot, connector, CUSTOMER, "ik wil escaleren")
    clock.advance(timedelta(hours=1, minutes=1))

    [mediation] = await say(bot, connector, CUSTOMER, "ik wil escaleren")
    assert "mediation" in mediation
    [row] = await rows(bot, Ticket)
    assert row.escalation_step == 3
