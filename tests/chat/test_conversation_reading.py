"""What a customer reads (issue 10): one message per answer, the welcome once, short refusals."""

from __future__ import annotations

from fakes import activities
from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.http_helpers import post
from fakes.people import CUSTOMER

FRIDAY_EVENING = amsterdam(2026, 11, 27, 17, 0)


async def test_a_question_with_buttons_is_one_message_that_says_its_words_once(bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    before = len(connector.messages(CUSTOMER.conversation_id))
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")

    [question] = connector.messages(CUSTOMER.conversation_id)[before:]
    assert not question.body.get("text"), "a card reply carries no second copy of its words as text"
    [card] = question.cards
    assert question.text.count("dus we zijn gesloten") == 1
    assert question.buttons == ["Herinner mij op maandag 30 november om 09:00", "Nee, dank u", "Het is een noodgeval"]
    assert "dus we zijn gesloten" in question.body["summary"]  # what a notification shows


async def test_a_typed_label_answers_a_card_question(bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")

    [agreed] = await say(bot, connector, CUSTOMER, "Herinner mij op maandag 30 november om 09:00")
    assert "Afgesproken" in agreed


async def test_pressing_the_button_answers_it_too(bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    await post(bot, activities.message(CUSTOMER, connector.url, "hallo"))
    await say(bot, connector, CUSTOMER, "mijn OneDrive synchroniseert niet meer")

    [agreed] = await press(bot, connector, CUSTOMER, "remind")
    assert "Afgesproken" in agreed


async def test_the_welcome_comes_once_and_a_later_greeting_gets_a_short_question(bot, connector):
    await post(bot, activities.installation(CUSTOMER, connector.url))
    [greeted] = await say(bot, connector, CUSTOMER, "goedemorgen")
    [again] = await say(bot, connector, CUSTOMER, "hallo")

    welcomes = [t for t in connector.texts(CUSTOMER.conversation_id) if t.startswith("Welkom")]
    assert len(welcomes) == 1
    assert greeted == again == "Waarmee kan ik u helpen? Beschrijf uw probleem in een paar woorden."


async def test_the_first_message_gets_the_welcome_and_then_its_answer(bot, connector):
    welcome, answer = await say(bot, connector, CUSTOMER, "hallo, mijn OneDrive synchroniseert niet meer sinds vanochtend")

    assert welcome.startswith("Welkom")
    assert "Hoeveel mensen hebben hier last van?" in answer
    assert not any(t.startswith("Welkom") for t in await say(bot, connector, CUSTOMER, "alleen ik"))


async def test_an_sla_refusal_is_at_most_80_words_and_the_whole_text_comes_on_request(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [refusal] = await say(bot, connector, CUSTOMER, "kunnen jullie MFA uitzetten voor iedereen?")
    message = connector.messages(CUSTOMER.conversation_id)[-1]

    assert len(message.body["summary"].split()) <= 80
    assert "Aanpassingen aan de (beveiligings)instellingen die afwijken van de standaardopzet." in refusal
    assert message.buttons == ["Hele SLA-tekst"]

    [whole] = await press(bot, connector, CUSTOMER, "full_sla")
    assert "De volgende zaken vallen buiten de scope van deze Service Level Agreement:" in whole
    assert "separaat gefactureerd" in whole
    [typed] = await say(bot, connector, CUSTOMER, "toon de hele SLA")
    assert typed == whole


async def test_an_english_refusal_has_the_dutch_clause_and_one_line_of_translation(bot, connector):
    from fakes.people import ENGLISH_CUSTOMER

    await say(bot, connector, ENGLISH_CUSTOMER, "hello")
    [offer] = await say(bot, connector, ENGLISH_CUSTOMER, "can you create a new user account for our new colleague?")
    summary = connector.messages(ENGLISH_CUSTOMER.conversation_id)[-1].body["summary"]

    assert len(summary.split()) <= 80
    assert "zoals gebruikers- en groepsbeheer." in summary
    assert any(line.startswith("(Translation: ") and "user and group management" in line for line in summary.splitlines())
    assert "quote" in summary


async def test_asking_for_the_whole_sla_keeps_the_offer_open(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "hoe maak ik een draaitabel in excel?")
    await press(bot, connector, CUSTOMER, "full_sla")

    [recorded] = await press(bot, connector, CUSTOMER, "accept")
    assert "offerte doorgegeven" in recorded


async def test_a_new_problem_after_the_offer_is_not_read_as_its_answer(bot, clock, connector):
    clock.set(FRIDAY_EVENING)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten")

    [answer] = await say(bot, connector, CUSTOMER, "Mijn OneDrive synchroniseert een map niet")  # not "niet" (no)
    assert answer.startswith("Mijn vorige vraag laat ik rusten.")
    assert "Prima. U kunt uw probleem melden" not in answer
    assert connector.messages(CUSTOMER.conversation_id)[-1].buttons[1] == "Nee, dank u"  # offered again

    [declined] = await say(bot, connector, CUSTOMER, "nee dank u")
    assert declined.startswith("Prima. U kunt uw probleem melden")
