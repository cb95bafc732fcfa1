"""The intake reads every message for product, who is affected, since when and urgency, and asks only
what is missing; several problems in one message: one ticket each, if the customer wants that."""

from __future__ import annotations

from fakes.chat import press, say
from fakes.classifier import ScriptedClassifier
from fakes.http_helpers import count, rows
from fakes.people import CUSTOMER
from storage.models import Ticket, TicketNote


async def test_an_answer_that_says_everything_at_once_is_read_whole(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [question] = await say(bot, connector, CUSTOMER, "Word crasht")
    assert "Hoeveel mensen hebben hier last van?" in question

    [created] = await say(bot, connector, CUSTOMER, "Bij mij en twee collega's, sinds vrijdagmiddag, het gaat om Word")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.product, ticket.affected, ticket.since, ticket.priority) == ("word", "several", "sinds vrijdagmiddag", "P2")
    assert f"**{ticket.number}**" in created and "hoog (P2)" in created


async def test_only_what_is_missing_is_asked(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [question] = await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer sinds gisteren")
    assert "Hoeveel mensen hebben hier last van?" in question  # product and since were said

    [created] = await say(bot, connector, CUSTOMER, "alleen ik")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.product, ticket.affected, ticket.since) == ("onedrive", "one", "sinds gisteren")
    assert ticket.number in created


async def test_urgency_words_raise_the_priority(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren. Dringend!")
    [ticket] = await rows(bot, Ticket)
    assert ticket.priority == "P2"


async def test_urgent_and_nothing_else_asks_what_is_wrong_and_remembers_the_urgency(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [asked] = await say(bot, connector, CUSTOMER, "dringend!!!")
    assert asked == "Ik begrijp dat het dringend is. Wat is er aan de hand? Beschrijf het probleem in een paar woorden."
    assert not connector.messages(CUSTOMER.conversation_id)[-1].cards

    [created] = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.intent, ticket.priority) == ("office_app_problem", "P2")
    assert ticket.number in created


async def test_the_whole_organisation_affected_makes_it_an_emergency(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    [created] = await press(bot, connector, CUSTOMER, "everyone")

    [ticket] = await rows(bot, Ticket)
    assert (ticket.priority, ticket.emergency, ticket.affected) == ("P1", True, "everyone")
    assert "hoogste prioriteit" in created


async def test_several_problems_in_one_message_become_separate_tickets_when_wanted(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [asked] = await say(bot, connector, CUSTOMER, "Ik kan niet inloggen, mijn licentie is verlopen en Teams start niet")
    assert "Ik lees 3 problemen" in asked
    assert "probleem met inloggen" in asked and "probleem met een licentie" in asked and "probleem met Teams" in asked
    assert connector.messages(CUSTOMER.conversation_id)[-1].buttons == ["Ja, aparte meldingen", "Nee, één melding"]

    [created] = await press(bot, connector, CUSTOMER, "separate")
    tickets = await rows(bot, Ticket)
    assert sorted(t.intent for t in tickets) == ["license_problem", "signin_problem", "teams_problem"]
    assert all(t.number in created for t in tickets)
    assert "Ik heb 3 meldingen voor u aangemaakt" in created


async def test_several_problems_as_one_ticket_goes_through_one_intake(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Ik kan niet inloggen, mijn licentie is verlopen en Teams start niet")
    [question] = await press(bot, connector, CUSTOMER, "one_ticket")
    assert "Hoeveel mensen hebben hier last van?" in question
    await press(bot, connector, CUSTOMER, "one")
    await press(bot, connector, CUSTOMER, "today")
    assert await count(bot, Ticket) == 1


async def test_a_few_words_more_soon_after_a_ticket_go_onto_it(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")
    [ticket] = await rows(bot, Ticket)

    [added] = await say(bot, connector, CUSTOMER, "het gaat om de versie van Excel 2016")
    assert added == f"Dank u, ik heb dit toegevoegd aan melding {ticket.number}."
    assert await count(bot, Ticket) == 1
    [note] = await rows(bot, TicketNote)
    assert (note.ticket_id, note.text, note.author_name) == (ticket.id, "het gaat om de versie van Excel 2016", "Petra de Vries")


async def test_another_product_soon_after_a_ticket_is_a_new_report(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren")

    [question] = await say(bot, connector, CUSTOMER, "Outlook start ook niet meer sinds vanochtend")
    assert "Hoeveel mensen hebben hier last van?" in question
    assert await count(bot, TicketNote) == 0


async def test_words_the_model_is_unsure_of_go_through_the_intake_even_when_flagged(make_bot, classifier, connector):
    """Scripted: whether this model flags unsure words ("sinds vanochtend" once) changes with its training."""
    scripted = ScriptedClassifier(classifier)
    scripted.read_as("de mail doet raar", "email_problem", 0.40, emergency=True)
    bot = await make_bot(reader=scripted)
    await say(bot, connector, CUSTOMER, "hallo")

    [question] = await say(bot, connector, CUSTOMER, "de mail doet raar")
    assert "Hoeveel mensen hebben hier last van?" in question
    assert await count(bot, Ticket) == 0


async def test_when_and_who_without_what_is_wrong_asks_what_is_wrong_and_keeps_them(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [asked] = await say(bot, connector, CUSTOMER, "sinds vanochtend")
    assert asked == "Wat werkt er niet? Beschrijf het probleem in een paar woorden."
    assert await count(bot, Ticket) == 0

    [asked_again] = await say(bot, connector, CUSTOMER, "alleen bij mij")
    assert asked_again == asked

    [created] = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.product, ticket.affected, ticket.since) == ("excel", "one", "sinds vanochtend")
    assert ticket.number in created


async def test_an_acknowledgement_is_never_an_intake_answer(bot, connector):
    """"ok" to "Sinds wanneer…?" is no answer: nothing is stored, the question stays open."""
    await say(bot, connector, CUSTOMER, "hallo")
    [question] = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij")
    assert "Sinds wanneer" in question

    for ack in ("ok", "bedankt", "thanks"):
        [again] = await say(bot, connector, CUSTOMER, ack)
        assert "Sinds wanneer" in again
    assert await count(bot, Ticket) == 0

    await say(bot, connector, CUSTOMER, "sinds gisteren")
    [ticket] = await rows(bot, Ticket)
    assert ticket.since == "sinds gisteren"
