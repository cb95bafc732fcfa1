"""Who is talking: known customers are welcomed in their language, strangers refused, staff recognised."""

from __future__ import annotations

from fakes import activities
from fakes.people import ANNA, CUSTOMER, ENGLISH_CUSTOMER, STRANGER
from fakes.http_helpers import count, post, rows
from storage.models import Conversation, Person, TranscriptMessage


async def test_installation_welcomes_a_known_customer_in_dutch(bot, connector):
    await post(bot, activities.installation(CUSTOMER, connector.url))

    [welcome] = connector.texts(CUSTOMER.conversation_id)
    assert welcome.startswith("Welkom bij de Office 365-support van Websitenazorg.nl")
    assert "werkdagen van 09:00 tot 17:00 uur" in welcome
    assert "gebruikers- en groepsbeheer" in welcome


async def test_english_locale_gets_the_english_welcome(bot, connector):
    await post(bot, activities.bot_added(ENGLISH_CUSTOMER, connector.url))

    [welcome] = connector.texts(ENGLISH_CUSTOMER.conversation_id)
    assert welcome.startswith("Welcome to Websitenazorg.nl's Office 365 support")
    assert "working days from 09:00 to 17:00" in welcome


async def test_teams_announcing_the_install_twice_welcomes_once(bot, connector):
    await post(bot, activities.bot_added(CUSTOMER, connector.url))
    await post(bot, activities.installation(CUSTOMER, connector.url))

    assert len(connector.texts(CUSTOMER.conversation_id)) == 1


async def test_hello_gets_the_welcome(bot, connector):
    await post(bot, activities.message(CUSTOMER, connector.url, "goedemorgen"))

    assert connector.texts(CUSTOMER.conversation_id)[0].startswith("Welkom")


async def test_first_contact_stores_the_reference_and_both_sides_of_the_transcript(bot, connector):
    await post(bot, activities.message(CUSTOMER, connector.url, "hallo"))

    [conversation] = await rows(bot, Conversation, Conversation.id == CUSTOMER.conversation_id)
    assert conversation.reference["serviceUrl"] == connector.url
    assert conversation.reference["conversation"]["id"] == CUSTOMER.conversation_id
    assert conversation.reference["user"]["aadObjectId"] == CUSTOMER.object_id
    [person] = await rows(bot, Person, Person.aad_object_id == CUSTOMER.object_id)
    assert (person.kind, person.name) == ("customer", "Petra de Vries")
    transcript = await rows(bot, TranscriptMessage, TranscriptMessage.conversation_id == CUSTOMER.conversation_id)
    assert [(m.direction, m.text[:6]) for m in transcript] == [("in", "hallo"), ("out", "Welkom")]


async def test_a_tenant_without_contract_is_refused_and_nothing_is_stored(bot, connector):
    await post(bot, activities.message(STRANGER, connector.url, "mijn outlook doet het niet"))

    [reply] = connector.texts(STRANGER.conversation_id)
    assert "geen supportcontract" in reply
    assert "support@websitenazorg.nl" in reply
    assert await count(bot, Conversation) == 0
    assert await count(bot, TranscriptMessage) == 0
    assert await count(bot, Person, Person.aad_object_id == STRANGER.object_id) == 0


async def test_staff_are_recognised_as_staff(bot, connector):
    await post(bot, activities.message(ANNA, connector.url, "hallo"))

    [reply] = connector.texts(ANNA.conversation_id)
    assert "Anna Bakker" in reply and "supportmedewerker" in reply
    [anna] = await rows(bot, Person, Person.aad_object_id == ANNA.object_id)
    assert (anna.kind, anna.role) == ("staff", "support")


async def test_a_staff_object_id_from_a_foreign_tenant_is_not_staff(bot, connector):
    impostor = STRANGER.__class__(ANNA.object_id, STRANGER.tenant_id, "Anna Bakker")
    await post(bot, activities.message(impostor, connector.url, "queue"))

    [reply] = connector.texts(impostor.conversation_id)
    assert "geen supportcontract" in reply


async def test_a_redelivered_activity_is_answered_once(bot, connector):
    activity = activities.message(CUSTOMER, connector.url, "hallo")
    await post(bot, activity)
    await post(bot, activity)

    assert len(connector.texts(CUSTOMER.conversation_id)) == 1
    assert await count(bot, TranscriptMessage, TranscriptMessage.direction == "in") == 1


async def test_the_transcript_keeps_a_card_as_the_customer_read_it(bot, connector):
    await post(bot, activities.message(CUSTOMER, connector.url, "hallo"))
    await post(bot, activities.message(CUSTOMER, connector.url, "Teams crasht bij elke vergadering"))

    question = connector.messages(CUSTOMER.conversation_id)[-1]
    assert question.buttons == ["Alleen ik", "Een paar collega's", "De hele organisatie"]
    transcript = await rows(bot, TranscriptMessage, TranscriptMessage.direction == "out")
    assert transcript[-1].text == question.text  # the question and its three choices


def _without_locale(activity: dict) -> dict:
    activity.pop("locale", None)
    return activity


async def test_an_announcement_without_a_locale_leaves_the_welcome_to_the_one_with_it(bot, connector):
    await post(bot, _without_locale(activities.bot_added(ENGLISH_CUSTOMER, connector.url)))
    assert connector.texts(ENGLISH_CUSTOMER.conversation_id) == []

    await post(bot, activities.installation(ENGLISH_CUSTOMER, connector.url))
    [welcome] = connector.texts(ENGLISH_CUSTOMER.conversation_id)
    assert welcome.startswith("Welcome to Websitenazorg.nl's Office 365 support")


async def test_with_no_locale_at_all_the_welcome_comes_with_the_first_answer(bot, connector):
    await post(bot, _without_locale(activities.bot_added(ENGLISH_CUSTOMER, connector.url)))

    await post(bot, activities.message(ENGLISH_CUSTOMER, connector.url, "Hello, my Outlook does not start"))
    welcome, *answer = connector.texts(ENGLISH_CUSTOMER.conversation_id)
    assert welcome.startswith("Welcome to Websitenazorg.nl's Office 365 support") and answer
