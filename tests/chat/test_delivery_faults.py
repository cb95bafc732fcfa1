"""Delivery under faults: the outbox retries what Teams refuses for a while, pages count only when
delivered, a gone chat is replaced, one slow chat never holds up another, a button pressed twice
acts once, and a turn cut off by a database fault is finished later, whole and once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app import create_app
from bot import keys
from bot.config.settings import load_settings
from fakes.connector import serve
from fakes import activities
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.faults import Fault, hang, throttled, unavailable
from fakes.faulty_connector import FaultyConnector
from fakes.http_helpers import count, post, rows
from fakes.tcp_proxy import ThreadedTcpProxy
from fakes.people import ANNA, BRAM, CARLA, CUSTOMER, DIRK, OTHER_CUSTOMER
from storage import conversations
from storage.db import create_async_engine_for
from storage.faults import is_database_unavailable
from storage.models import InboxActivity, OutboxMessage, Page, Person, QuoteRequest, Ticket, TranscriptMessage

SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)
NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
GROUP_CHAT = "19:group-chat@thread.v2"


@pytest.fixture
async def connector(aiohttp_server) -> FaultyConnector:
    return await serve(FaultyConnector(), aiohttp_server)


async def deliver_due(bot) -> None:
    await bot.app[keys.SENDER].deliver_due()


def page_cards(connector: FaultyConnector, *conversation_ids: str) -> list:
    return [s for s in connector.messages() if s.cards and s.conversation_id in conversation_ids]


async def test_a_throttled_page_waits_for_retry_after_and_never_spends_the_chain(bot, connector, clock):
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CARLA, "hallo")
    clock.set(SATURDAY_NIGHT)
    connector.plan.next(9, throttled(retry_after=30), conversation_id=ANNA.conversation_id)

    *_, told = await say(bot, connector, CUSTOMER, NIGHT_REPORT)

    [ticket] = await rows(bot, Ticket)
    assert ticket.number in told
    [page] = await rows(bot, Page)
    assert page.status == "sending"  # not delivered yet, so not counted
    clock.advance(timedelta(seconds=10))
    await deliver_due(bot)
    assert [a.outcome for a in connector.failed_attempts()] == ["429"]  # Retry-After: 30 holds the retry back
    for _ in range(8):
        clock.advance(timedelta(seconds=31))
        await deliver_due(bot)
    assert page_cards(connector, ANNA.conversation_id) == []
    clock.advance(timedelta(seconds=31))
    await deliver_due(bot)

    [anna_page] = page_cards(connector, ANNA.conversation_id)
    assert f"Noodmelding {ticket.number}" in anna_page.text
    assert page_cards(connector, CARLA.conversation_id) == []  # the backup was never paged
    [page] = await rows(bot, Page)
    assert page.status == "sent"
    [ticket] = await rows(bot, Ticket)
    assert ticket.unanswered_at is None


async def test_a_503_is_retried_and_the_reply_arrives_once_with_its_id_in_the_transcript(bot, connector, clock):
    connector.plan.next(1, unavailable(), conversation_id=CUSTOMER.conversation_id)

    assert await say(bot, connector, CUSTOMER, "hallo") == []
    assert await count(bot, TranscriptMessage, TranscriptMessage.direction == "out") == 0  # not sent, not shown
    clock.advance(timedelta(seconds=5))
    await deliver_due(bot)
    await deliver_due(bot)

    [welcome] = connector.texts(CUSTOMER.conversation_id)
    assert welcome.startswith("Welkom")
    [out] = await rows(bot, TranscriptMessage, TranscriptMessage.direction == "out")
    assert out.activity_id and out.activity_id.startswith("sent-")
    assert out.text.startswith("Welkom")


async def test_a_chat_that_is_gone_is_replaced_by_a_new_one_to_page(bot, connector, clock):
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)
    connector.plan.stale(ANNA.conversation_id, 403)  # Anna removed the app: the stored chat is refused for good

    await say(bot, connector, CUSTOMER, NIGHT_REPORT)

    [new_chat] = connector.conversations_of(ANNA.object_id)
    [anna_page] = page_cards(connector, new_chat)
    assert "Noodmelding" in anna_page.text
    [page] = await rows(bot, Page)
    assert (page.staff_object_id, page.status) == (ANNA.object_id, "sent")


async def test_a_group_chat_is_never_used_to_reach_a_person(bot, connector, clock):
    await say(bot, connector, CARLA, "hallo")  # a 1:1 chat in the MSP's tenant: where new chats are opened
    [anna] = await rows(bot, Person, Person.aad_object_id == ANNA.object_id)
    async with bot.app[keys.SESSIONS].begin() as session:  # stored by an older version, or by hand
        await conversations.save_reference(
            session, conversation_id=GROUP_CHAT, person_id=anna.id, organisation_id=anna.organisation_id,
            channel_id="msteams", service_url=connector.url, now=clock.now(), reference={
                "conversation": {"id": GROUP_CHAT, "conversationType": "groupChat", "isGroup": True},
                "bot": {"id": activities.BOT_ID}, "serviceUrl": connector.url, "channelId": "msteams",
            },
        )
    clock.set(SATURDAY_NIGHT)

    await say(bot, connector, CUSTOMER, NIGHT_REPORT)

    assert connector.messages(GROUP_CHAT) == []
    [new_chat] = connector.conversations_of(ANNA.object_id)
    assert len(page_cards(connector, new_chat)) == 1


async def test_a_page_nobody_can_take_moves_the_chain_on(bot, connector, clock):
    await say(bot, connector, CARLA, "hallo")
    clock.set(SATURDAY_NIGHT)
    connector.unreachable.add(ANNA.object_id)  # no chat stored, and Teams will not open one

    await say(bot, connector, CUSTOMER, NIGHT_REPORT)

    assert len(page_cards(connector, CARLA.conversation_id)) == 1
    pages = await rows(bot, Page)
    assert [(p.staff_object_id, p.status) for p in sorted(pages, key=lambda p: p.chain_index)] == [
        (ANNA.object_id, "unreachable"), (CARLA.object_id, "sent"),
    ]


async def test_one_hanging_chat_does_not_hold_up_another(bot, connector):
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, OTHER_CUSTOMER, "hallo")
    connector.plan.next(1, hang(3.0), conversation_id=CUSTOMER.conversation_id)

    slow = asyncio.create_task(say(bot, connector, CUSTOMER, "Word crasht bij het opstarten"))
    await asyncio.sleep(0.2)
    fast = await say(bot, connector, OTHER_CUSTOMER, "dank je")

    assert fast and not slow.done()
    await slow


async def test_a_card_pressed_twice_acts_once(bot, connector):
    await say(bot, connector, DIRK, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, "hoe maak ik een draaitabel in excel?")
    [offer] = [s for s in connector.messages(CUSTOMER.conversation_id) if s.cards][-1:]
    accept = next(a["data"] for a in offer.cards[0]["actions"] if a["data"]["choice"] == "accept")
    before = len(connector.texts(CUSTOMER.conversation_id))

    await post(bot, activities.card_submit(CUSTOMER, connector.url, accept))
    after_first = len(connector.texts(CUSTOMER.conversation_id))
    await post(bot, activities.card_submit(CUSTOMER, connector.url, accept))

    assert after_first == before + 1
    assert len(connector.texts(CUSTOMER.conversation_id)) == after_first  # the second press shows nothing
    assert await count(bot, QuoteRequest) == 1
    assert sum("Offerteaanvraag" in t for t in connector.texts(DIRK.conversation_id)) == 1


class BlipOnce:
    """A classifier whose first call meets a dropped database connection mid-turn."""

    def __init__(self, classifier):
        self._classifier, self.blips = classifier, 1

    def __getattr__(self, name):
        return getattr(self._classifier, name)

    def classify(self, text):
        if self.blips:
            self.blips -= 1
            raise OperationalError("SELECT 1", {}, ConnectionResetError("server closed the connection"))
        return self._classifier.classify(text)


async def test_a_turn_cut_off_by_a_database_fault_is_rolled_back_and_finished_once(
    aiohttp_client, environment, classifier, clock, connector,
):
    blip = BlipOnce(classifier)
    blip.blips = 0
    bot = await aiohttp_client(create_app(load_settings(environment), clock=clock, classifier=blip, fire_timers=False))
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    clock.set(SATURDAY_NIGHT)
    blip.blips = 1

    [told] = await say(bot, connector, CUSTOMER, NIGHT_REPORT)

    assert "ontvangen" in told  # the customer knows the message arrived
    assert await count(bot, Ticket) == 0  # nothing half-done
    assert await count(bot, TranscriptMessage, TranscriptMessage.text == NIGHT_REPORT) == 0
    [owed] = await rows(bot, InboxActivity, InboxActivity.status == "pending")
    clock.advance(timedelta(seconds=30))
    await bot.app[keys.INBOX].recover()
    await bot.app[keys.INBOX].recover()

    [ticket] = await rows(bot, Ticket)
    assert ticket.emergency and ticket.priority == "P1"
    assert len(page_cards(connector, ANNA.conversation_id)) == 1
    assert await count(bot, TranscriptMessage, TranscriptMessage.text == NIGHT_REPORT) == 1
    [done] = await rows(bot, InboxActivity, InboxActivity.id == owed.id)
    assert done.status == "done"


async def test_a_turn_owed_after_a_crash_is_finished_by_recovery_and_a_redelivery_is_answered_once(bot, connector, clock):
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    clock.set(SATURDAY_NIGHT)
    report = activities.message(CUSTOMER, connector.url, NIGHT_REPORT)
    async with bot.app[keys.SESSIONS].begin() as session:  # accepted, then the process was killed
        session.add(InboxActivity(
            conversation_id=CUSTOMER.conversation_id, activity_key=report["id"], activity_type="message",
            body=report, status="pending", received_at=clock.now(), next_attempt_at=clock.now(),
        ))
    clock.advance(timedelta(seconds=30))

    await bot.app[keys.INBOX].recover()
    await post(bot, report)  # Teams redelivers after its time-out

    assert await count(bot, Ticket) == 1
    assert len(page_cards(connector, ANNA.conversation_id)) == 1
    assert sum("T-2026-0001" in t for t in connector.texts(CUSTOMER.conversation_id)) == 1


async def test_readiness_reports_the_database_and_the_backlog(bot, connector):
    connector.plan.next(1, Fault(503), conversation_id=CUSTOMER.conversation_id)
    await say(bot, connector, CUSTOMER, "hallo")

    response = await bot.get("/readyz")
    report = await response.json()

    assert response.status == 200
    assert report["database"] == "ok"
    assert report["outbox"]["waiting"] == 1
    assert report["inbox_owed"] == 0
    assert await count(bot, OutboxMessage, OutboxMessage.status == "pending") == 1


@pytest.fixture
async def database_proxy(postgres_database_url):
    """The bot's PostgreSQL behind a proxy that can play an outage."""
    url = make_url(postgres_database_url)
    proxy = ThreadedTcpProxy(url.host or "127.0.0.1", url.port or 5432)
    yield proxy, proxy.url_for(postgres_database_url)
    proxy.close()


@pytest.mark.postgres
async def test_an_emergency_reported_while_the_database_is_down_is_paged_once_it_is_back(
    make_bot, database_proxy, connector, clock, tmp_path,
):
    proxy, url = database_proxy
    bot = await make_bot(DATABASE_URL=url, INBOX_SPOOL_DIR=str(tmp_path / "spool"))
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    clock.set(SATURDAY_NIGHT)
    await proxy.cut()

    [told] = await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    ready = await bot.get("/readyz")

    assert "ontvangen" in told  # at once, while nothing can be stored
    report = await ready.json()
    assert ready.status == 200 and report["status"] == "degraded"  # still taking messages: keep sending them here
    assert report["spooled"] == 1
    assert page_cards(connector, ANNA.conversation_id) == []
    await proxy.restore()
    clock.advance(timedelta(seconds=30))
    await bot.app[keys.INBOX].recover()

    [ticket] = await rows(bot, Ticket)
    assert ticket.emergency
    assert len(page_cards(connector, ANNA.conversation_id)) == 1
    assert any(ticket.number in t for t in connector.texts(CUSTOMER.conversation_id))
    assert list((tmp_path / "spool").glob("*.json")) == []
    assert (await bot.get("/readyz")).status == 200


@pytest.mark.postgres
async def test_a_database_that_stops_answering_stalls_nothing_else(
    make_bot, database_proxy, connector, clock, tmp_path,
):
    """A partition, not a crash: no reset, no refusal, only silence. The replica keeps answering Teams
    (liveness, readiness, a night emergency acknowledged at once) while its timers' thread and its
    queries wait; once the database answers again the emergency is paged, once."""
    proxy, url = database_proxy
    bot = await make_bot(
        fire_timers=True, DATABASE_URL=url, INBOX_SPOOL_DIR=str(tmp_path / "spool"), TIMER_POLL_SECONDS="0.2",
    )
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    clock.set(SATURDAY_NIGHT)
    await proxy.freeze()
    await asyncio.sleep(1)  # the timer poll has woken the scheduler: its thread now waits on the job store

    alive = await asyncio.wait_for(bot.get("/healthz"), 2)
    ready = await asyncio.wait_for(bot.get("/readyz"), 5)
    [told] = await asyncio.wait_for(say(bot, connector, CUSTOMER, NIGHT_REPORT), 10)  # Teams gives up at 15 s

    assert alive.status == 200
    assert ready.status == 200 and (await ready.json())["status"] == "degraded"
    assert "ontvangen" in told
    assert page_cards(connector, ANNA.conversation_id) == []
    bot.app[keys.SCHEDULER].pause()  # from here on the fake clock's timers are the test's to fire
    await proxy.thaw()
    for _ in range(60):
        await bot.app[keys.INBOX].recover(older_than=timedelta(0))
        await deliver_due(bot)
        if page_cards(connector, ANNA.conversation_id):
            break
        await asyncio.sleep(0.5)

    [ticket] = await rows(bot, Ticket)
    assert ticket.emergency
    assert len(page_cards(connector, ANNA.conversation_id)) == 1
    assert list((tmp_path / "spool").glob("*.json")) == []


@pytest.mark.postgres
async def test_a_replica_cut_off_mid_turn_does_not_keep_the_chat_from_the_others(
    make_bot, database_proxy, postgres_database_url, connector, clock,
):
    """Replica A took the chat's lock, then lost its network: the server still sees A's transaction.
    Replica B is told of a night emergency in that chat: the customer hears at once that it arrived,
    the server ends A's session within half a minute, and B pages the emergency then."""
    proxy, url = database_proxy
    bot = await make_bot(DATABASE_URL=postgres_database_url)  # replica B, connected directly
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    clock.set(SATURDAY_NIGHT)
    replica_a = create_async_engine_for(url)
    try:
        async with replica_a.connect() as connection:
            await connection.begin()
            await connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": CUSTOMER.conversation_id},
            )
            await proxy.freeze()

            [told] = await asyncio.wait_for(say(bot, connector, CUSTOMER, NIGHT_REPORT), 15)

            assert "ontvangen" in told
            for _ in range(60):
                clock.advance(timedelta(seconds=10))
                await bot.app[keys.INBOX].recover(older_than=timedelta(0))
                await deliver_due(bot)
                if page_cards(connector, ANNA.conversation_id):
                    break
                await asyncio.sleep(1)
            await proxy.thaw()
    except Exception as error:
        if not is_database_unavailable(error):  # A's connection was ended by the server: as intended
            raise
    finally:
        await replica_a.dispose()

    [ticket] = await rows(bot, Ticket)
    assert ticket.emergency
    assert len(page_cards(connector, ANNA.conversation_id)) == 1
    assert [t for t in connector.texts(CUSTOMER.conversation_id) if "ontvangen" in t] == [told]  # told once


async def test_what_could_not_be_delivered_is_shown_to_staff_in_the_queue(bot, connector):
    await say(bot, connector, BRAM, "hallo")
    connector.plan.stale(CUSTOMER.conversation_id, 404)  # the chat is gone

    await say(bot, connector, CUSTOMER, "hallo")
    [queue] = await say(bot, connector, BRAM, "wachtrij")

    assert "kon(den) niet worden afgeleverd" in queue
    assert "aan Petra de Vries: Welkom" in queue
    [failed] = await rows(bot, OutboxMessage, OutboxMessage.status == "failed")
    assert "404" in (failed.last_error or "")


async def test_a_throttled_reply_is_not_overtaken_by_the_next_one_in_its_chat(bot, connector, clock):
    connector.plan.next(1, throttled(retry_after=20), conversation_id=CUSTOMER.conversation_id)

    assert await say(bot, connector, CUSTOMER, "hallo") == []
    assert await say(bot, connector, CUSTOMER, "Word crasht bij het opstarten") == []  # waits behind the welcome
    clock.advance(timedelta(seconds=21))
    await deliver_due(bot)
    await deliver_due(bot)

    replies = connector.texts(CUSTOMER.conversation_id)
    assert replies[0].startswith("Welkom") and len(replies) >= 2


async def test_a_number_too_large_for_json_gets_a_400_not_a_lost_message(bot, connector):
    response = await bot.post(
        "/api/messages", data=b'{"type": "message", "serviceUrl": "http://x/", "conversation": {"id": "c"}, "x": 1e400}',
        headers={"Content-Type": "application/json"},
    )

    assert response.status == 400
    assert await count(bot, InboxActivity) == 0
