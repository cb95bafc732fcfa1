"""On call over HTTP, with rotations: the schedule explained, gap warnings, swaps, assignments, calendar feeds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from icalendar import Calendar

from bot import keys
from fakes.chat import press, say
from fakes.clock import amsterdam
from fakes.connector import FakeConnector
from fakes.http_helpers import rows
from fakes.people import ANNA, BRAM, CARLA, CUSTOMER, DIRK
from storage.models import OnCallChange, OnCallOverride, Page, ShiftOffer

ROTATIONS = Path(__file__).resolve().parents[1] / "data" / "operator_rotations.yaml"
SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)
NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
GAP_DAILY_JOB = "on-call-gaps:daily"


@pytest.fixture
def environment(database_url: str) -> dict[str, str]:
    """Offers are taken once and gap warnings sent once, by conditional writes: both backends."""
    return {"SUPPORTBOT_CONFIG": str(ROTATIONS), "DATABASE_URL": database_url}


async def chats_known(bot, connector, *people) -> None:
    for person in people:
        await say(bot, connector, person, "hallo")


def buttons(connector: FakeConnector, person) -> list[str]:
    """The button values of the last card in this person's chat."""
    card = [s for s in connector.messages(person.conversation_id) if s.cards][-1].cards[0]
    return [action["data"]["choice"] for action in card["actions"]]


def card_facts(connector: FakeConnector, person) -> dict[str, str]:
    card = [s for s in connector.messages(person.conversation_id) if s.cards][-1].cards[0]
    return {fact["title"]: fact["value"] for block in card["body"] if block["type"] == "FactSet" for fact in block["facts"]}


async def fire_daily_gap_check(bot) -> None:
    """As the scheduler does at 08:00; each replica's scheduler may fire it."""
    [job] = [job for job in bot.app[keys.SCHEDULER].get_jobs() if job.id == GAP_DAILY_JOB]
    await job.func(*job.args, **job.kwargs)


async def test_who_is_on_call_says_now_next_the_coming_days_and_which_layer_and_rotation(bot, clock, connector):
    clock.set(SATURDAY_NIGHT)
    [answer] = await say(bot, connector, ANNA, "wie heeft dienst")
    assert "Nu dienst: **Carla Visser** (laag weekends, rotatie weekend), tot ma 30 nov. 09:00" in answer
    assert "Back-up: Bram de Jong" in answer
    assert "Daarna: **Anna Bakker** (laag weekday evenings, rotatie engineers), vanaf ma 30 nov. 17:00" in answer
    assert "di 8 dec. 17:00 tot wo 9 dec. 09:00: Bram de Jong (laag weekday evenings, rotatie engineers)" in answer
    assert "Gaten" not in answer  # Thursday's gap is behind us

    [english] = await say(bot, connector, replace(BRAM, locale="en-US"), "who is on call")
    assert "On call now: **Carla Visser** (layer weekends, rotation weekend), until Mon 30 Nov 09:00" in english


async def test_the_page_card_says_which_layer_and_rotation_put_the_engineer_on_call(bot, clock, connector):
    await chats_known(bot, connector, CARLA)
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [page] = await rows(bot, Page)
    assert page.staff_object_id == CARLA.object_id
    assert card_facts(connector, CARLA)["Waarom u"] == "u heeft dienst: laag weekends, rotatie weekend"


async def test_gaps_are_warned_to_management_daily_once_across_replicas_with_buttons_to_assign(make_bot, clock, connector):
    bot = await make_bot()  # Thursday 10:00: the start-up check finds tonight's gap; Dirk has no chat yet
    assert [job.trigger.fields[5].expressions[0].first for job in bot.app[keys.SCHEDULER].get_jobs() if job.id == GAP_DAILY_JOB] == [8]
    await chats_known(bot, connector, DIRK)
    before = len(connector.texts(DIRK.conversation_id))

    clock.set(amsterdam(2026, 11, 27, 8, 0))
    for _replica in range(2):
        await fire_daily_gap_check(bot)
    warnings = connector.texts(DIRK.conversation_id)[before:]
    assert len(warnings) == 1
    assert "buiten kantooruren heeft in de komende 14 dagen op deze momenten niemand dienst" in warnings[0]
    assert "- vr 27 nov. 08:00 tot vr 27 nov. 09:00" in warnings[0]  # what is left of Thursday night's gap
    assert "back-up (Bram de Jong)" in warnings[0]
    assert buttons(connector, DIRK) == ["assign:20261127T0700Z-20261127T0800Z"]


async def test_a_restart_warns_at_start_up_once_per_day(make_bot, clock, connector):
    clock.set(amsterdam(2026, 11, 25, 10, 0))
    bot = await make_bot()
    await chats_known(bot, connector, DIRK)
    await bot.close()
    before = len(connector.texts(DIRK.conversation_id))

    clock.set(amsterdam(2026, 11, 26, 7, 0))  # the next morning, before the daily check
    bot = await make_bot()
    [warning] = connector.texts(DIRK.conversation_id)[before:]
    assert "- do 26 nov. 17:00 tot vr 27 nov. 09:00" in warning
    assert "vr 27 nov. 17:00" not in warning  # the weekend is Carla's
    await bot.close()
    bot = await make_bot()  # the same day, the same gap: quiet
    await fire_daily_gap_check(bot)
    assert len(connector.texts(DIRK.conversation_id)) == before + 1


async def test_a_gap_warning_nobody_could_be_sent_is_sent_at_the_next_check(make_bot, clock, connector):
    bot = await make_bot()  # Thursday 10:00: a gap tonight, and no chat in the MSP's tenant to open one from
    assert connector.texts(DIRK.conversation_id) == []
    await chats_known(bot, connector, DIRK)

    await fire_daily_gap_check(bot)  # the same day: the warning that could not go out is not forgotten

    [warning] = [t for t in connector.texts(DIRK.conversation_id) if "niemand dienst" in t]
    assert "do 26 nov. 17:00" in warning


async def test_a_shift_running_past_the_two_weeks_is_offered_whole(bot, clock, connector):
    clock.set(amsterdam(2026, 11, 27, 10, 0))  # the window ends at midnight after 11 December, a Friday
    await chats_known(bot, connector, CARLA)

    await say(bot, connector, CARLA, "ruil")

    assert buttons(connector, CARLA)[-1] == "offer:20261211T1600Z-20261214T0800Z"  # Friday 17:00 to Monday 09:00


async def test_a_swap_offered_from_a_card_is_taken_with_one_button_recorded_and_told(bot, clock, connector):
    await chats_known(bot, connector, ANNA, BRAM, CARLA, DIRK)
    [pick] = await say(bot, connector, CARLA, "ruil")
    assert "Welke dienst wilt u aanbieden" in pick
    weekend = "offer:20261127T1600Z-20261130T0800Z"
    assert buttons(connector, CARLA)[0] == weekend

    [offered] = await press(bot, connector, CARLA, weekend)
    assert "Uw dienst vr 27 nov. 17:00 tot ma 30 nov. 09:00 is aangeboden" in offered
    for colleague in (ANNA, BRAM, DIRK):
        assert "Carla Visser biedt een dienst aan: vr 27 nov. 17:00 tot ma 30 nov. 09:00" in connector.texts(colleague.conversation_id)[-1]
    [offer] = await rows(bot, ShiftOffer)
    assert buttons(connector, BRAM) == [f"take_shift:{offer.id}"]

    [taken] = await press(bot, connector, BRAM, f"take_shift:{offer.id}")
    assert "U heeft dienst vr 27 nov. 17:00 tot ma 30 nov. 09:00; u heeft hem overgenomen van Carla Visser" in taken
    assert "Bram de Jong heeft uw dienst vr 27 nov. 17:00 tot ma 30 nov. 09:00 overgenomen" in connector.texts(CARLA.conversation_id)[-1]
    [late] = await press(bot, connector, ANNA, f"take_shift:{offer.id}")
    assert "al overgenomen door Bram de Jong" in late

    changes = await rows(bot, OnCallChange)
    assert [(c.kind, c.by_object_id, c.from_object_id, c.to_object_id) for c in changes] == [
        ("offered", CARLA.object_id, CARLA.object_id, None), ("swap", BRAM.object_id, CARLA.object_id, BRAM.object_id),
    ]  # fmt: skip
    assert all(c.created_at == amsterdam(2026, 11, 26, 10, 0) for c in changes)
    [override] = await rows(bot, OnCallOverride)
    assert (override.staff_object_id, override.kind, override.created_by_object_id) == (BRAM.object_id, "swap", CARLA.object_id)

    clock.set(SATURDAY_NIGHT)
    [now] = await say(bot, connector, ANNA, "dienst")
    assert "Nu dienst: **Bram de Jong** (geruild, overgenomen van Carla Visser)" in now
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [page] = await rows(bot, Page)
    assert page.staff_object_id == BRAM.object_id
    assert card_facts(connector, BRAM)["Waarom u"] == "u heeft dienst: geruild, overgenomen van Carla Visser"


async def test_only_ones_own_shift_can_be_offered(bot, connector):
    await chats_known(bot, connector, ANNA, CARLA)
    [refused] = await press(bot, connector, ANNA, "offer:20261127T1600Z-20261130T0800Z")
    assert "niet (meer) van u" in refused
    assert await rows(bot, ShiftOffer) == []


async def test_management_assigns_a_gap_from_cards_and_the_people_concerned_are_told(bot, connector):
    await chats_known(bot, connector, ANNA, CARLA, DIRK)
    [pick] = await say(bot, connector, DIRK, "toewijzen")
    gap = "assign:20261126T1600Z-20261127T0800Z"
    assert "do 26 nov. 17:00 tot vr 27 nov. 09:00: niemand" in pick
    assert buttons(connector, DIRK)[0] == gap
    [who] = await press(bot, connector, DIRK, gap)
    assert "Wie krijgt dienst do 26 nov. 17:00 tot vr 27 nov. 09:00?" in who
    assert f"{gap}:{ANNA.object_id}" in buttons(connector, DIRK)

    [done] = await press(bot, connector, DIRK, f"{gap}:{ANNA.object_id}")
    assert "Anna Bakker heeft dienst do 26 nov. 17:00 tot vr 27 nov. 09:00" in done
    assert "Dirk Smit heeft u dienst gegeven: do 26 nov. 17:00 tot vr 27 nov. 09:00" in connector.texts(ANNA.conversation_id)[-1]
    [change] = await rows(bot, OnCallChange)
    assert (change.kind, change.by_object_id, change.from_object_id, change.to_object_id) == (
        "assigned", DIRK.object_id, None, ANNA.object_id,
    )  # fmt: skip
    [overview] = await say(bot, connector, DIRK, "wie heeft dienst")
    assert "do 26 nov. 17:00 tot vr 27 nov. 09:00: Anna Bakker (toegewezen door Dirk Smit)" in overview


async def test_assigning_over_someones_shift_tells_them_and_support_may_not_assign(bot, connector):
    await chats_known(bot, connector, ANNA, CARLA, DIRK)
    weekend = "assign:20261127T1600Z-20261130T0800Z"
    [denied] = await press(bot, connector, ANNA, f"{weekend}:{ANNA.object_id}")
    assert "Dit mag alleen management" in denied
    await press(bot, connector, DIRK, f"{weekend}:{ANNA.object_id}")
    told = connector.texts(CARLA.conversation_id)[-1]
    assert "Dirk Smit heeft Anna Bakker dienst gegeven voor vr 27 nov. 17:00 tot ma 30 nov. 09:00" in told


async def test_a_typed_override_is_recorded_with_who_and_when_and_told(bot, clock, connector):
    await chats_known(bot, connector, BRAM, CARLA, DIRK)
    clock.set(amsterdam(2026, 11, 28, 12, 0))
    [answer] = await say(bot, connector, DIRK, "vervang Bram tot maandag 09:00")
    assert "Bram de Jong heeft dienst tot maandag 30 november om 09:00" in answer
    [change] = await rows(bot, OnCallChange)
    assert (change.kind, change.by_object_id, change.from_object_id, change.to_object_id, change.created_at) == (
        "override", DIRK.object_id, CARLA.object_id, BRAM.object_id, amsterdam(2026, 11, 28, 12, 0),
    )  # fmt: skip
    assert "Dirk Smit heeft u dienst gegeven" in connector.texts(BRAM.conversation_id)[-1]
    assert "Dirk Smit heeft Bram de Jong dienst gegeven" in connector.texts(CARLA.conversation_id)[-1]


def feed_path(answer: str) -> str:
    [url] = [word for word in answer.split() if "/calendar/" in word]
    return url[url.index("/calendar/"):]


async def test_a_personal_calendar_feed_lists_ones_shifts_and_can_be_renewed_and_revoked(bot, connector):
    [answer] = await say(bot, connector, ANNA, "agenda")
    assert "http://127.0.0.1:3978/calendar/" in answer
    path = feed_path(answer)
    response = await bot.get(path)
    assert response.status == 200 and response.content_type == "text/calendar"
    calendar = Calendar.from_ical(await response.read())
    assert str(calendar["X-WR-CALNAME"]) == "Mijn diensten (Websitenazorg.nl)"
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar  # RFC 5545 requires both
    events = calendar.walk("VEVENT")
    assert all("UID" in e and "DTSTAMP" in e for e in events) and len({str(e["UID"]) for e in events}) == len(events)
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in events][:2] == [
        (amsterdam(2026, 11, 30, 17, 0), amsterdam(2026, 12, 1, 9, 0)),
        (amsterdam(2026, 12, 1, 17, 0), amsterdam(2026, 12, 2, 9, 0)),
    ]
    assert {str(e["summary"]) for e in events} == {"Dienst"}
    assert str(events[0]["description"]) == "laag weekday evenings, rotatie engineers"

    [again] = await say(bot, connector, ANNA, "agenda")
    assert "/calendar/" not in again and "agenda nieuw" in again
    [renewed] = await say(bot, connector, ANNA, "agenda nieuw")
    assert (await bot.get(path)).status == 404
    assert (await bot.get(feed_path(renewed))).status == 200
    [revoked] = await say(bot, connector, ANNA, "agenda intrekken")
    assert "werkt niet meer" in revoked
    assert (await bot.get(feed_path(renewed))).status == 404
    assert (await bot.get("/calendar/not-a-token.ics")).status == 404


async def test_the_whole_schedule_feed_is_for_management_and_shows_the_gaps(bot, connector):
    [denied] = await say(bot, connector, ANNA, "agenda team")
    assert "Dit mag alleen management" in denied
    [answer] = await say(bot, connector, DIRK, "agenda team")
    calendar = Calendar.from_ical(await (await bot.get(feed_path(answer))).read())
    events = {(str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in calendar.walk("VEVENT")}
    assert ("Niemand heeft dienst", amsterdam(2026, 11, 26, 17, 0), amsterdam(2026, 11, 27, 9, 0)) in events
    assert ("Dienst: Carla Visser", amsterdam(2026, 11, 27, 17, 0), amsterdam(2026, 11, 30, 9, 0)) in events
    assert ("Dienst: Bram de Jong", amsterdam(2026, 12, 7, 17, 0), amsterdam(2026, 12, 8, 9, 0)) in events
    assert str(calendar["X-WR-CALNAME"]) == "Dienstplanning Websitenazorg.nl"


async def test_with_nobody_reachable_the_ticket_made_comes_before_nobody_reached(bot, clock, connector):
    """At night with no engineer reachable: "Ik heb noodmelding … aangemaakt" first, then "nog niet gelukt"."""
    clock.set(amsterdam(2026, 11, 28, 3, 0))
    await say(bot, connector, CUSTOMER, "hallo")
    said = await say(bot, connector, CUSTOMER, "Niemand kan meer mailen of inloggen, alles ligt plat")
    if said and said[-1].startswith("Kan uw organisatie"):
        said = await press(bot, connector, CUSTOMER, "yes")
    made = [i for i, line in enumerate(said) if "Ik heb noodmelding" in line]
    unreached = [i for i, line in enumerate(said) if "nog niet gelukt een engineer te bereiken" in line]
    assert made and unreached and made[0] < unreached[0], said
