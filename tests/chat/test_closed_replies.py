"""A closed reply says why we are closed and how to reach us in a real emergency, phone number included."""

from __future__ import annotations

import pytest

from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.http_helpers import rows
from fakes.people import CUSTOMER, ENGLISH_CUSTOMER
from storage.models import Ticket

PHONE = "+31 20 000 0000"  # msp.emergency_phone in tests/data/operator.yaml
REPORT = "mijn OneDrive synchroniseert niet meer"

WHY = [
    pytest.param(amsterdam(2026, 12, 26, 11, 0), "Het is vandaag Tweede kerstdag", "maandag 28 december om 09:00", id="boxing-day"),
    pytest.param(amsterdam(2026, 11, 28, 11, 0), "Het is weekend", "maandag 30 november om 09:00", id="weekend"),
    pytest.param(amsterdam(2026, 12, 31, 11, 0), "Vandaag is een extra sluitingsdag", "vrijdag 1 januari", id="extra-closed-day"),
    pytest.param(amsterdam(2026, 11, 26, 18, 30), "Het is na 17:00 uur", "vrijdag 27 november om 09:00", id="evening"),
    pytest.param(amsterdam(2026, 11, 27, 7, 45), "Het is nog voor 09:00 uur", "vrijdag 27 november om 09:00", id="early"),
]


@pytest.mark.parametrize(("now", "why", "opening"), WHY)
async def test_the_closed_reply_says_why_and_gives_the_emergency_number(bot, clock, connector, now, why, opening):
    clock.set(now)
    await say(bot, connector, CUSTOMER, "hallo")
    [refusal] = await say(bot, connector, CUSTOMER, REPORT)

    assert refusal.startswith(f"{why}, dus we zijn gesloten.")
    assert PHONE in refusal
    if "januari" not in opening:
        assert opening in refusal


CLOSED_WORDS_AT_MOST = 60


def _body(connector, user) -> str:
    """The last message as read, without its buttons' titles."""
    sent = connector.messages(user.conversation_id)[-1]
    return "\n".join(line for line in sent.text.split("\n") if line not in sent.buttons)


def _words(reply: str) -> int:
    return len(reply.split())


def _nested_parentheses(reply: str) -> bool:
    depth = 0
    for char in reply:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth > 1:
            return True
    return False


@pytest.mark.parametrize(("now", "why", "opening"), WHY)
async def test_the_closed_reply_is_short_plain_and_says_closed_once(bot, clock, connector, now, why, opening):
    """Why, when we open, the emergency way with the number, the reminder offer: in at most ~60 words."""
    clock.set(now)
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, REPORT)
    refusal = _body(connector, CUSTOMER)

    assert _words(refusal) <= CLOSED_WORDS_AT_MOST, refusal
    assert not _nested_parentheses(refusal)
    assert refusal.count("gesloten") == 1
    assert "*noodgeval*" in refusal and "herinnering" in refusal


async def test_the_english_closed_reply_is_short_too(bot, clock, connector):
    clock.set(amsterdam(2026, 12, 31, 11, 0))
    await say(bot, connector, ENGLISH_CUSTOMER, "hello")
    await say(bot, connector, ENGLISH_CUSTOMER, "my OneDrive does not sync anymore")
    refusal = _body(connector, ENGLISH_CUSTOMER)

    assert refusal.startswith("Today is an extra closing day, so we are closed. We are open again on **Monday 4 January")
    assert _words(refusal) <= CLOSED_WORDS_AT_MOST, refusal
    assert refusal.count("closed") == 1
    assert PHONE in refusal and "*emergency*" in refusal


async def test_new_years_eve_closed_day_is_followed_by_new_years_day(bot, clock, connector):
    clock.set(amsterdam(2026, 12, 31, 11, 0))
    await say(bot, connector, CUSTOMER, "hallo")
    [refusal] = await say(bot, connector, CUSTOMER, REPORT)
    assert "maandag 4 januari 2027 om 09:00" in refusal  # Nieuwjaarsdag is a holiday, then the weekend


async def test_english_readers_get_the_holidays_english_name(bot, clock, connector):
    clock.set(amsterdam(2026, 12, 25, 11, 0))
    await say(bot, connector, ENGLISH_CUSTOMER, "hello")
    [refusal] = await say(bot, connector, ENGLISH_CUSTOMER, "my OneDrive does not sync anymore")
    assert refusal.startswith("Today is Christmas Day, so we are closed.")
    assert PHONE in refusal


async def test_declining_the_reminder_and_not_an_emergency_both_give_the_number(bot, clock, connector):
    clock.set(amsterdam(2026, 11, 28, 11, 0))
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, REPORT)
    [declined] = await press(bot, connector, CUSTOMER, "no")
    assert PHONE in declined

    await say(bot, connector, CUSTOMER, REPORT)
    await press(bot, connector, CUSTOMER, "emergency")
    [can_wait] = await press(bot, connector, CUSTOMER, "no")
    assert "geen noodgeval" in can_wait and PHONE in can_wait


async def test_typing_noodgeval_after_declining_the_reminder_reports_the_problem_as_an_emergency(bot, clock, connector):
    """The decline says "Typ dan *noodgeval*": typed, it reports the earlier problem, as the button would."""
    clock.set(amsterdam(2026, 11, 28, 3, 0))
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, REPORT)
    [declined] = await press(bot, connector, CUSTOMER, "no")
    assert "*noodgeval*" in declined

    [confirm] = await say(bot, connector, CUSTOMER, "noodgeval")
    assert confirm.startswith("Kan uw organisatie, of een groot deel ervan, hierdoor nu niet werken?")
    await say(bot, connector, CUSTOMER, "Ja, we kunnen niet werken")

    [ticket] = await rows(bot, Ticket)
    assert ticket.emergency and ticket.description == REPORT


async def test_noodgeval_long_after_declining_is_not_tied_to_the_old_problem(bot, clock, connector):
    clock.set(amsterdam(2026, 11, 28, 3, 0))
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, REPORT)
    await press(bot, connector, CUSTOMER, "no")
    clock.set(amsterdam(2026, 11, 29, 3, 0))
    await say(bot, connector, CUSTOMER, "noodgeval")
    await say(bot, connector, CUSTOMER, "Ja, we kunnen niet werken")
    assert all(ticket.description != REPORT for ticket in await rows(bot, Ticket))


async def test_a_new_problem_with_niet_in_it_is_not_a_no_to_the_reminder_offer(bot, clock, connector):
    """"Excel start ook niet" names a product: a new problem, not "niet" (no) to the offer."""
    clock.set(amsterdam(2026, 12, 31, 11, 0))
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "Word start niet")
    [reply] = await say(bot, connector, CUSTOMER, "Excel start ook niet")

    assert not reply.startswith("Prima")
    assert "gesloten" in reply
    [declined] = await say(bot, connector, CUSTOMER, "nee")
    assert declined.startswith("Prima")


async def test_an_intake_begun_in_hours_and_finished_when_closed_says_we_are_closed(bot, clock, connector):
    clock.set(amsterdam(2026, 11, 26, 11, 0))  # Thursday
    await say(bot, connector, CUSTOMER, "hallo")
    [question] = await say(bot, connector, CUSTOMER, "Excel crasht bij het opstarten, alleen bij mij")
    assert "Sinds wanneer" in question

    clock.set(amsterdam(2026, 11, 29, 11, 0))  # Sunday
    [reply] = await say(bot, connector, CUSTOMER, "sinds gisteren")
    assert reply.startswith("Het is weekend, dus we zijn gesloten.")
    assert await rows(bot, Ticket) == []
