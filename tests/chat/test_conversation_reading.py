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
    assert question.text.count("dan zijn we gesloten") == 1
    assert question.buttons == ["Herinner mij op maandag 30 november om 09:00", "Nee, dank u", "Het is een noodgeval"]
    assert "dan zijn we gesloten" in question.body["summary"]  # what a notification shows


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
