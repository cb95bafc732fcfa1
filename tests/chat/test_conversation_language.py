"""Replies follow the language the customer writes in; the Teams locale only when a message says too little."""

from __future__ import annotations

from dataclasses import replace

from fakes.chat import press, say
from fakes.http_helpers import rows
from fakes.people import ANNA, CUSTOMER, ENGLISH_CUSTOMER
from storage.models import Ticket

DUTCH_TEAMS_WRITING_ENGLISH = replace(CUSTOMER, locale="nl-NL")
ENGLISH_TEAMS_WRITING_DUTCH = replace(ENGLISH_CUSTOMER, locale="en-US")


async def test_english_words_from_a_dutch_teams_get_english_and_the_problem_is_not_dropped(bot, connector):
    welcome, answer = await say(
        bot, connector, DUTCH_TEAMS_WRITING_ENGLISH, "Hello, I cannot log in to Teams since this morning"
    )

    assert welcome.startswith("Welcome to Websitenazorg.nl's Office 365 support")
    if "Which of these fits best?" in answer:  # a model unsure between sign-in and Teams asks, in English
        assert "Problem signing in" in answer
        [answer] = await press(bot, connector, DUTCH_TEAMS_WRITING_ENGLISH, "signin_problem")
    assert "How many people are affected?" in answer  # Teams and "since this morning" were heard


async def test_dutch_words_from_an_english_teams_get_dutch(bot, connector):
    [welcome] = await say(bot, connector, ENGLISH_TEAMS_WRITING_DUTCH, "goedemorgen")

    assert welcome.startswith("Welkom bij de Office 365-support")


async def test_a_message_that_says_too_little_keeps_the_language_of_the_conversation(bot, connector):
    await say(bot, connector, ENGLISH_TEAMS_WRITING_DUTCH, "goedemorgen")
    [still_dutch] = await say(bot, connector, ENGLISH_TEAMS_WRITING_DUTCH, "ok")
    assert still_dutch.startswith("Graag gedaan")


async def test_too_little_to_tell_in_a_new_conversation_takes_the_teams_locale(bot, connector):
    welcome, *_ = await say(bot, connector, ENGLISH_CUSTOMER, "Word crasht")
    assert welcome.startswith("Welcome")


async def test_switching_language_mid_conversation_switches_the_replies_and_the_open_question(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    [dutch] = await say(bot, connector, CUSTOMER, "Teams crasht bij elke vergadering")
    assert "Hoeveel mensen hebben hier last van?" in dutch

    [english] = await say(bot, connector, CUSTOMER, "Sorry, I prefer English. It is only me.")
    assert "Since when has this been happening?" in english
    [created] = await press(bot, connector, CUSTOMER, "today")
    [ticket] = await rows(bot, Ticket)
    assert f"I have created report **{ticket.number}**" in created
    assert ticket.affected == "one"


async def test_the_customer_hears_of_an_acknowledgement_in_the_language_they_write_in(bot, clock, connector):
    from fakes.clock import amsterdam

    await say(bot, connector, ANNA, "hallo")
    clock.set(amsterdam(2026, 11, 28, 3, 0))
    await say(bot, connector, DUTCH_TEAMS_WRITING_ENGLISH, "Nobody in the office can log in or send mail, everything is down")
    [ticket] = await rows(bot, Ticket)

    await press(bot, connector, ANNA, f"ack:{ticket.number}")
    told = connector.texts(CUSTOMER.conversation_id)[-1]
    assert told.startswith(f"Anna Bakker has acknowledged your report {ticket.number}")
