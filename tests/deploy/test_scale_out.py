"""Scaling out (issue 14, part 5): two bot processes on one PostgreSQL, driven through the fake connector.

Traffic goes to both; an emergency reported to one is paged once; that replica is killed, and its
page's timeout fires once on the other, which pages the backup; no message is lost or doubled, in
or out. Real processes (`python app.py`), the real clock, a one-minute acknowledgement timeout.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine, NullPool, create_engine, text

from e2e.e2e_harness import free_port
from fakes import activities
from fakes.activities import TeamsUser
from fakes.chaos_config import chaos_customers, chaos_operator_config, write_chaos_config
from fakes.connector import FakeConnector, serve
from fakes.people import ANNA, CARLA
from fakes.replicas import Replica, start_until_healthy
from storage.db import DatabaseUrls

pytestmark = pytest.mark.postgres

NIGHT_REPORT = "Niemand kan meer mailen of inloggen, alles ligt plat"
QUESTIONS = (  # no emergencies among them: one emergency, one page chain
    "hallo", "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren", "Mijn OneDrive synchroniseert een map niet",
)
ACKNOWLEDGE_MINUTES = 1
CUSTOMERS = chaos_customers(6)  # each the only person of their own organisation


@pytest.fixture
async def connector(aiohttp_server) -> FakeConnector:
    return await serve(FakeConnector(), aiohttp_server)


@pytest.fixture
def database(postgres_database_url: str) -> Iterator[Engine]:
    engine = create_engine(DatabaseUrls.from_url(postgres_database_url).sync_url, poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture
def replicas(postgres_database_url: str, tmp_path: Path) -> Iterator[list[Replica]]:
    config = chaos_operator_config(CUSTOMERS, datetime.now(UTC), acknowledge_minutes=ACKNOWLEDGE_MINUTES)
    path = write_chaos_config(tmp_path / "operator.yaml", config)
    made = [
        Replica(name, env={"DATABASE_URL": postgres_database_url, "SUPPORTBOT_CONFIG": str(path),
                           "TIMER_POLL_SECONDS": "1", "METRICS_PORT": str(free_port())}, workdir=tmp_path)
        for name in ("bot-1", "bot-2")
    ]
    try:
        yield made
    finally:
        for replica in made:
            replica.stop()


async def post(session: aiohttp.ClientSession, replica: Replica, activity: dict) -> None:
    async with session.post(f"{replica.url}/api/messages", json=activity) as answer:
        assert answer.status == 201, f"{replica.name}: {answer.status} {await answer.text()}"


async def turns_done(session: aiohttp.ClientSession, replica: Replica) -> float:
    async with session.get(f"http://127.0.0.1:{replica.env['METRICS_PORT']}/metrics") as answer:
        body = await answer.text()
    return next(
        sample.value for family in text_string_to_metric_families(body) for sample in family.samples
        if sample.name == "supportbot_turns_total" and sample.labels == {"outcome": "done"}
    )


async def until(condition: Callable[[], bool], *, what: str, within: float) -> None:
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {within:.0f}s"
        await asyncio.sleep(0.25)


def pages_for(connector: FakeConnector, person: TeamsUser, number: str) -> list[str]:
    return [t for t in connector.texts(person.conversation_id) if f"Noodmelding {number}" in t]


def rows(database: Engine, query: str) -> list[tuple]:
    with database.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


async def test_two_replicas_share_the_traffic_and_a_killed_replicas_page_times_out_once_on_the_other(
    replicas, connector, database
):
    first, second = replicas
    sent: list[str] = []
    async with aiohttp.ClientSession() as session:
        for replica in replicas:
            await start_until_healthy(replica, session, within=120)

        for index, person in enumerate((ANNA, CARLA)):  # staff who chatted before are paged in that chat
            sent.append((activity := activities.message(person, connector.url, "hallo"))["id"])
            await post(session, replicas[index], activity)
        for round_number, question in enumerate(QUESTIONS):  # every customer, alternating replicas
            batch = [activities.message(c.user, connector.url, question) for c in CUSTOMERS]
            sent.extend(a["id"] for a in batch)
            await asyncio.gather(*(post(session, replicas[(i + round_number) % 2], a) for i, a in enumerate(batch)))

        reporter = CUSTOMERS[0]
        report = activities.message(reporter.user, connector.url, NIGHT_REPORT)
        sent.append(report["id"])
        await post(session, first, report)
        [(number,)] = rows(database, "SELECT number FROM tickets WHERE emergency")
        await until(lambda: bool(pages_for(connector, ANNA, number)), what="the page to the on-call engineer", within=30)
        await until(lambda: rows(database, "SELECT status FROM pages") == [("sent",)],
                    what="the page recorded as delivered", within=30)
        turns = [await turns_done(session, replica) for replica in replicas]

        first.kill()  # the replica that reported, paged and set the timeout dies
        await until(lambda: bool(pages_for(connector, CARLA, number)), what="the backup paged after the timeout",
                    within=ACKNOWLEDGE_MINUTES * 60 + 60)
        await asyncio.sleep(3)  # time for a second firing, were there one

    assert all(count > 0 for count in turns) and sum(turns) == len(sent), turns  # both served; each turn once
    assert len(pages_for(connector, ANNA, number)) == 1 and len(pages_for(connector, CARLA, number)) == 1
    pages = rows(database, "SELECT staff_object_id, chain_index, status FROM pages ORDER BY id")
    assert pages == [(ANNA.object_id, 0, "timed_out"), (CARLA.object_id, 1, "sent")]
    assert rows(database, "SELECT count(*) FROM tickets") == [(1,)]

    incoming = Counter(a for (a,) in rows(database, "SELECT activity_id FROM transcript_messages WHERE direction = 'in'"))
    assert incoming == Counter(sent), "every message stored once: none lost, none doubled"
    for person in [c.user for c in CUSTOMERS] + [ANNA, CARLA]:
        chat = person.conversation_id
        stored = rows(database, f"SELECT text FROM transcript_messages WHERE direction = 'out' AND conversation_id = '{chat}'")
        assert sorted(t for (t,) in stored) == sorted(connector.texts(chat)), f"what {person.name} got, once each"
        assert connector.texts(chat), f"{person.name} got no answer"
