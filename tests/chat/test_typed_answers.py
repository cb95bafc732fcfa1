"""Every question the bot asks with buttons also takes a typed answer, as customers type it; a typed answer
that fits none gets the question again once, with a hint; the SLA on request at any point; "help" after
"dringend!!!" gets one short question."""

from __future__ import annotations

import pytest

from fakes.chat import say
from fakes.classifier import ScriptedClassifier
from fakes.clock import amsterdam
from fakes.http_helpers import count, rows
from fakes.people import CUSTOMER, ENGLISH_CUSTOMER
from storage.models import EscalationEvent, QuoteRequest, Ticket

SEVERAL = "Ik kan niet inloggen, mijn licentie is verlopen en Teams start niet"
EXCEL = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"
OUTLOOK = "Outlook crasht steeds, alleen bij mij, sinds vandaag"
ESCALATE = "Ik wil dit escaleren naar het management"
HINT = "Kies een van de knoppen of typ het nummer."
SATURDAY = amsterdam(2026, 11, 28, 11, 0)
FRIDAY_EVENING = amsterdam(2026, 11, 27, 17, 0)


async def asked_which_ticket(bot, connector) -> tuple[Ticket, Ticket]:
    """Two tickets of one's own, then an escalation request: the bot asks which (Outlook, the newest, first)."""
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, EXCEL)
    await say(bot, connector, CUSTOMER, OUTLOOK)
    excel, outlook = await rows(bot, Ticket)
    [asked] = await say(bot, connector, CUSTOMER, ESCALATE)
    assert asked.startswith("Welke melding wilt u escaleren?")
    return excel, outlook


@pytest.mark.parametrize("typed", ["ja", "yes", "graag", "Ja, graag!"])
async def test_yes_typed_to_several_problems_opens_a_ticket_each(bot, connector, typed):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, SEVERAL)

    [created] = await say(bot, connector, CUSTOMER, typed)
    tickets = await rows(bot, Ticket)
    assert sorted(t.intent for t in tickets) == ["license_problem", "signin_problem", "teams_problem"]
    assert all(t.number in created for t in tickets)


@pytest.mark.parametrize("typed", ["nee, één melding", "nee", "één melding"])
async def test_no_typed_to_several_problems_makes_one_ticket(bot, connector, typed):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, SEVERAL)

    [question] = await say(bot, connector, CUSTOMER, typed)
    assert "Hoeveel mensen hebben hier last van?" in question
    await say(bot, connector, CUSTOMER, "alleen ik")
    await say(bot, connector, CUSTOMER, "sinds vanochtend")
    assert await count(bot, Ticket) == 1


@pytest.mark.parametrize(("typed", "meant"), [
    ("de tweede", "excel"), ("nummer 2", "excel"), ("2", "excel"), ("the second one", "excel"),
    ("die over Outlook", "outlook"), ("{excel}", "excel"), ("{excel_digits}", "excel"), ("de eerste", "outlook"),
])  # fmt: skip
async def test_which_ticket_to_escalate_by_position_words_or_number(bot, connector, typed, meant):
    excel, outlook = await asked_which_ticket(bot, connector)

    typed = typed.format(excel=excel.number, excel_digits=excel.number.removeprefix("T-"))
    [escalated] = await say(bot, connector, CUSTOMER, typed)
    chosen = {"excel": excel, "outlook": outlook}[meant]
    assert chosen.number in escalated and ("geëscaleerd naar stap 2" in escalated or "escalated" in escalated)
    assert {t.number: t.escalation_step for t in await rows(bot, Ticket)} == {
        chosen.number: 2, ({excel.number, outlook.number} - {chosen.number}).pop(): 1,
    }


async def test_a_ticket_number_without_t_among_other_words(bot, connector):
    excel, _ = await asked_which_ticket(bot, connector)

    [escalated] = await say(bot, connector, CUSTOMER, f"die met nummer {excel.number.removeprefix('T-')}")
    assert f"Ik heb melding {excel.number} geëscaleerd" in escalated


async def test_a_typed_answer_that_fits_no_button_gets_the_question_again_once_with_a_hint(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, SEVERAL)

    [again] = await say(bot, connector, CUSTOMER, "misschien")
    assert again.startswith(HINT)
    assert "Zal ik voor elk een aparte melding maken?" in again and "Iets anders dan Office 365" not in again
    assert "alleen bij Office 365" not in again  # not the out-of-scope reply
    assert connector.messages(CUSTOMER.conversation_id)[-1].buttons == ["Ja, aparte meldingen", "Nee, één melding"]

    [later] = await say(bot, connector, CUSTOMER, "misschien")  # once: then it is read as a new message
    assert not later.startswith(HINT) and later.startswith("Mijn vorige vraag laat ik rusten.")
    assert await count(bot, Ticket) == 0


async def test_a_hint_is_given_per_question_and_a_fitting_answer_after_it_still_answers(bot, connector):
    excel, _ = await asked_which_ticket(bot, connector)

    [again] = await say(bot, connector, CUSTOMER, "de zevende")
    assert again.startswith(HINT) and "Welke melding wilt u escaleren?" in again
    [escalated] = await say(bot, connector, CUSTOMER, "de tweede")
    assert f"Ik heb melding {excel.number} geëscaleerd" in escalated
    assert await count(bot, EscalationEvent) == 1


async def test_a_new_problem_typed_instead_of_an_answer_is_handled_as_new(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, SEVERAL)

    [answer] = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten")
    assert answer.startswith("Mijn vorige vraag laat ik rusten.") and HINT not in answer
    assert "Hoeveel mensen hebben hier last van?" in answer


@pytest.mark.parametrize(("person", "typed", "expected"), [
    (CUSTOMER, "wat staat er in de SLA?", "Wat er in de SLA met Websitenazorg.nl staat, per artikel:"),
    (CUSTOMER, "mag ik de SLA zien", "Wat er in de SLA met Websitenazorg.nl staat, per artikel:"),
    (ENGLISH_CUSTOMER, "what does the SLA say?", "What the SLA with Websitenazorg.nl says, section by section"),
])  # fmt: skip
async def test_a_question_about_the_sla_gets_its_sections_and_where_the_full_text_is(bot, connector, person, typed, expected):
    await say(bot, connector, person, "hallo")
    [sla] = await say(bot, connector, person, typed)

    assert sla.startswith(expected)
    for section in ("**1**", "**2.1**", "**2.2**", "**3**", "**4**", "**5**", "**6**", "**7**", "**8**"):
        assert section in sla
    assert "support@websitenazorg.nl" in sla  # where to ask for the full text
    assert "Office 365 onder de SLA van" not in sla and "only help with Office 365" not in sla  # not out of scope
    assert connector.messages(person.conversation_id)[-1].choices == ["full_sla"]


async def test_the_sla_while_an_intake_question_is_open_then_the_question_again(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")

    sla, again = await say(bot, connector, CUSTOMER, "wat staat er in de SLA?")
    assert sla.startswith("Wat er in de SLA met Websitenazorg.nl staat")
    assert "Hoeveel mensen hebben hier last van?" in again
    await say(bot, connector, CUSTOMER, "alleen ik")
    await say(bot, connector, CUSTOMER, "sinds vanochtend")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.intent, ticket.affected) == ("teams_problem", "one")


async def test_help_after_urgent_asks_only_what_is_wrong(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [asked] = await say(bot, connector, CUSTOMER, "dringend!!!")

    [again] = await say(bot, connector, CUSTOMER, "help")
    assert again == asked == "Ik begrijp dat het dringend is. Wat is er aan de hand? Beschrijf het probleem in een paar woorden."
    assert not connector.messages(CUSTOMER.conversation_id)[-1].cards  # no clarify card, no "Een begroeting"
    [created] = await say(bot, connector, CUSTOMER, EXCEL)
    [ticket] = await rows(bot, Ticket)
    assert (ticket.priority, ticket.number in created) == ("P2", True)


async def test_help_after_urgent_out_of_hours_also_asks_whether_the_organisation_cannot_work(bot, clock, connector):
    clock.set(SATURDAY)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "dringend!!!")

    [again] = await say(bot, connector, CUSTOMER, "help")
    assert again.startswith("Ik begrijp dat het dringend is. Wat is er aan de hand?")
    assert "als uw organisatie hierdoor niet kan werken" in again
    assert not connector.messages(CUSTOMER.conversation_id)[-1].cards
    assert await count(bot, Ticket) == 0

    paged = await say(bot, connector, CUSTOMER, "Outlook werkt niet, niemand kan werken")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.priority, ticket.emergency) == ("P1", True)
    assert any("noodmelding" in answer for answer in paged)


async def test_help_alone_asks_what_is_wrong(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [asked] = await say(bot, connector, CUSTOMER, "ik heb hulp nodig")
    assert asked == "Wat werkt er niet? Beschrijf het probleem in een paar woorden."
    assert await count(bot, Ticket) == 0


@pytest.mark.parametrize(("typed", "affected"), [("de tweede", "several"), ("2", "several"), ("de eerste", "one")])
async def test_an_intake_button_by_position(bot, connector, typed, affected):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")

    [since] = await say(bot, connector, CUSTOMER, typed)  # "de tweede" alone reads as out of scope to the model
    assert "Sinds wanneer speelt dit?" in since
    await say(bot, connector, CUSTOMER, "de eerste")
    [ticket] = await rows(bot, Ticket)
    assert (ticket.affected, ticket.since) == (affected, "just_now")


@pytest.mark.parametrize(("typed", "expected"), [
    ("de eerste", "Afgesproken: ik stuur u op"), ("ja", "Afgesproken: ik stuur u op"),
    ("nee", "Prima. U kunt uw probleem melden"), ("de tweede", "Prima. U kunt uw probleem melden"),
    ("3", "Kan uw organisatie, of een groot deel ervan, hierdoor nu niet werken?"),
])  # fmt: skip
async def test_the_out_of_hours_offer_by_position_or_yes_and_no(bot, clock, connector, typed, expected):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")

    [answer] = await say(bot, connector, CUSTOMER, typed)
    assert answer.startswith(expected)
    assert await count(bot, Ticket) == 0


@pytest.mark.parametrize(("typed", "emergency"), [("ja", True), ("de eerste", True), ("nee", False), ("2", False)])
async def test_the_emergency_question_by_yes_no_or_position(bot, clock, connector, typed, emergency):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")
    await say(bot, connector, CUSTOMER, "het is een noodgeval")

    answer = (await say(bot, connector, CUSTOMER, typed))[0]
    assert ("noodmelding" in answer) is emergency
    assert await count(bot, Ticket) == int(emergency)


@pytest.mark.parametrize(("typed", "quoted"), [("ja", 1), ("de eerste", 1), ("nee", 0), ("de tweede", 0)])
async def test_the_quote_offer_by_yes_no_or_position(bot, connector, typed, quoted):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "hoe maak ik een draaitabel in excel?")

    [answer] = await say(bot, connector, CUSTOMER, typed)
    assert ("offerte doorgegeven" in answer) is bool(quoted)
    assert await count(bot, QuoteRequest) == quoted


@pytest.mark.parametrize(("typed", "asked"), [
    ("de eerste", "Hoeveel mensen hebben hier last van?"), ("2", "Om welk programma gaat het?"),
    ("die met inloggen", "Om welk programma gaat het?"), ("4", "Kunt u het in andere woorden beschrijven?"),
])  # fmt: skip
async def test_the_clarify_card_by_position_or_words(make_bot, classifier, connector, typed, asked):
    scripted = ScriptedClassifier(classifier)
    scripted.read_as("het ding doet raar", "email_problem", 0.40)  # offered: mail, Office app, sign-in, other
    bot = await make_bot(reader=scripted)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "het ding doet raar")

    [answer] = await say(bot, connector, CUSTOMER, typed)
    assert asked in answer


async def test_the_exclusions_button_of_the_sla_summary_typed(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "wat staat er in de SLA?")
    [whole] = await say(bot, connector, CUSTOMER, "Uitsluitingen woord voor woord")
    assert "De volgende zaken vallen buiten de scope van deze Service Level Agreement:" in whole
