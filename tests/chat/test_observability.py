"""What production sees of real turns: the Prometheus counters move, and a turn's log lines carry its
ids but never what the customer wrote."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from app import create_app
from bot import keys
from bot.config.settings import load_settings
from bot.observability.logging import configure_logging
from e2e.e2e_harness import free_port
from fakes.connector import serve
from fakes import activities
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.faults import throttled
from fakes.faulty_connector import FaultyConnector
from fakes.http_helpers import post, rows
from fakes.people import ANNA, CUSTOMER, DIRK
from storage.models import Page, Ticket

SATURDAY_NIGHT = amsterdam(2026, 11, 28, 3, 0)
NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
EXCEL_REPORT = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"
BUG = "xyzzy-bug"  # a message the exploding classifier cannot take
TURN_ERROR = "er ging iets mis"
ACK_BUCKET = "supportbot_page_time_to_acknowledge_seconds_bucket"


class ExplodingClassifier:
    """The real classifier, except that one word makes it raise: a bug in the middle of a turn."""

    def __init__(self, real: Any):
        self._real = real

    def classify(self, text: str) -> Any:
        if BUG in text:
            raise RuntimeError("classifier bug")
        return self._real.classify(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@pytest.fixture
async def connector(aiohttp_server) -> FaultyConnector:
    return await serve(FaultyConnector(), aiohttp_server)


@pytest.fixture
def metrics_port() -> int:
    return free_port()


@pytest.fixture
async def bot(environment, aiohttp_client, clock, classifier, metrics_port):
    settings = load_settings({**environment, "METRICS_PORT": str(metrics_port)})
    app = create_app(settings, clock=clock, classifier=ExplodingClassifier(classifier), fire_timers=False)
    return await aiohttp_client(app)


async def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of GET /metrics on the metrics port, by name and labels."""
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        assert response.status == 200
        body = await response.text()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body) for sample in family.samples
    }


def value(samples: dict, name: str, **labels: str) -> float:
    return samples[(name, tuple(sorted(labels.items())))]


async def test_turns_replies_retries_backlog_pages_and_errors_are_counted_on_the_metrics_port(
    bot, connector, clock, metrics_port
):
    before = await scrape(metrics_port)
    assert value(before, "supportbot_turns_total", outcome="done") == 0
    await say(bot, connector, ANNA, "hallo")
    await say(bot, connector, CUSTOMER, "hallo")
    connector.plan.next(1, throttled(retry_after=1), conversation_id=CUSTOMER.conversation_id)
    await say(bot, connector, CUSTOMER, EXCEL_REPORT)  # its answer is throttled once

    sender = bot.app[keys.SENDER]
    await sender.deliver_due()  # a background round: the answer waits for its retry
    waiting = await scrape(metrics_port)
    clock.advance(timedelta(seconds=2))
    await sender.deliver_due()
    await sender.deliver_due()
    drained = await scrape(metrics_port)

    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [emergency] = await rows(bot, Ticket, Ticket.emergency.is_(True))
    paged = await scrape(metrics_port)
    clock.advance(timedelta(minutes=4))
    await say(bot, connector, ANNA, f"bevestig {emergency.number}")
    apology = await say(bot, connector, CUSTOMER, f"nog iets: {BUG}")
    after = await scrape(metrics_port)

    assert value(waiting, "supportbot_deliveries_retried_total") == 1
    assert value(waiting, "supportbot_outbox_backlog") == 1
    assert value(drained, "supportbot_outbox_backlog") == 0
    assert value(paged, "supportbot_pages_sent_total") == 1 and value(paged, "supportbot_pages_acknowledged_total") == 0
    assert value(after, "supportbot_pages_acknowledged_total") == 1
    ack = "supportbot_page_time_to_acknowledge_seconds_bucket"
    assert (value(after, ack, le="120.0"), value(after, ack, le="300.0")) == (0, 1)  # four minutes
    assert any(TURN_ERROR in text for text in apology)
    assert value(after, "supportbot_turns_total", outcome="failed") == 1
    assert value(after, "supportbot_turn_errors_total") == 1
    assert value(after, "supportbot_turns_total", outcome="done") == 5  # hallo twice, two reports, the ack
    assert value(after, "supportbot_turns_total", outcome="postponed") == 0
    assert value(after, "supportbot_replies_total") == len(connector.messages())
    assert value(after, "supportbot_database_seconds_count") > value(before, "supportbot_database_seconds_count")


async def night_emergency_paged_to_anna(bot, connector, clock) -> Ticket:
    """Anna (on call, her chat known) is paged for a Saturday-night outage; Teams took the page."""
    await say(bot, connector, ANNA, "hallo")
    clock.set(SATURDAY_NIGHT)
    await say(bot, connector, CUSTOMER, NIGHT_REPORT)
    [emergency] = await rows(bot, Ticket, Ticket.emergency.is_(True))
    return emergency


async def test_taking_over_a_paged_emergency_counts_its_page_as_acknowledged_with_the_wait(
    bot, connector, clock, metrics_port
):
    emergency = await night_emergency_paged_to_anna(bot, connector, clock)
    clock.advance(timedelta(minutes=7))
    [taken, *_] = await say(bot, connector, ANNA, f"neem over {emergency.number}")
    after = await scrape(metrics_port)

    assert emergency.number in taken
    assert [page.status for page in await rows(bot, Page)] == ["acknowledged"]
    assert value(after, "supportbot_pages_sent_total") == 1
    assert value(after, "supportbot_pages_acknowledged_total") == 1
    assert (value(after, ACK_BUCKET, le="300.0"), value(after, ACK_BUCKET, le="600.0")) == (0, 1)  # seven minutes


async def test_resolving_a_paged_emergency_counts_its_page_as_answered_too(bot, connector, clock, metrics_port):
    """Management fixed it by phone and closed it: someone did answer, so the unacknowledged-pages
    alert must not fire, and the wait until then is what time-to-acknowledge records."""
    emergency = await night_emergency_paged_to_anna(bot, connector, clock)
    await say(bot, connector, DIRK, "hallo")
    clock.advance(timedelta(minutes=12))
    await say(bot, connector, DIRK, f"opgelost {emergency.number} opgelost via de telefoon")
    after = await scrape(metrics_port)

    [ticket] = await rows(bot, Ticket, Ticket.emergency.is_(True))
    assert ticket.status == "resolved"
    assert value(after, "supportbot_pages_acknowledged_total") == 1
    assert (value(after, ACK_BUCKET, le="600.0"), value(after, ACK_BUCKET, le="900.0")) == (0, 1)


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """Production logging (JSON lines at INFO) into a buffer; the root logger is restored afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    stream = io.StringIO()
    configure_logging("INFO", "json", stream)
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)


async def test_a_turns_log_lines_carry_its_conversation_activity_and_ticket_but_never_its_text(
    bot, connector, json_log
):
    await say(bot, connector, CUSTOMER, "hallo")
    report_id = "report-activity-1"
    await post(bot, {**activities.message(CUSTOMER, connector.url, EXCEL_REPORT), "id": report_id})
    await say(bot, connector, CUSTOMER, f"en nog iets: {BUG}")  # a failed turn logs its traceback

    [ticket] = await rows(bot, Ticket)
    events = [json.loads(line) for line in json_log.getvalue().splitlines()]
    opened = [e for e in events if e["message"].startswith(f"ticket {ticket.number} opened")]
    assert [(e["conversation_id"], e["activity_id"], e["ticket"]) for e in opened] == [
        (CUSTOMER.conversation_id, report_id, ticket.number)
    ]
    [failed] = [e for e in events if e["level"] == "ERROR" and "failed" in e["message"]]
    assert failed["conversation_id"] == CUSTOMER.conversation_id and "classifier bug" in failed["exception"]
    for words in ("Excel crasht", "hallo", "en nog iets"):
        assert not [e for e in events if words in json.dumps(e, ensure_ascii=False)], words


async def test_a_page_sent_acknowledged_and_taken_over_each_log_one_info_line_of_ids(bot, connector, clock, json_log):
    emergency = await night_emergency_paged_to_anna(bot, connector, clock)
    clock.advance(timedelta(minutes=3))
    await say(bot, connector, ANNA, f"bevestig {emergency.number}")
    await say(bot, connector, ANNA, f"neem over {emergency.number}")

    [page] = await rows(bot, Page)
    events = [json.loads(line) for line in json_log.getvalue().splitlines()]
    about = [e for e in events if e["level"] == "INFO" and e.get("ticket") == emergency.number]
    sent = [e["message"] for e in about if e["message"].startswith("page ")]
    acknowledged = [e["message"] for e in about if " acknowledged by " in e["message"]]
    taken = [e["message"] for e in about if " taken over by " in e["message"]]
    assert sent == [f"page {page.id} for ticket {emergency.number} sent to {ANNA.object_id} (chain place 0, round 1)"]
    assert acknowledged == [f"ticket {emergency.number} acknowledged by {ANNA.object_id} (first): 1 waiting page settled"]
    assert taken == [f"ticket {emergency.number} taken over by {ANNA.object_id}: 0 waiting pages settled"]
    for words in ("Niemand kan meer mailen", "Anna Bakker", "Petra"):
        assert not [e for e in about if words in json.dumps(e, ensure_ascii=False)], words
