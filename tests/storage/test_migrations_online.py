"""Upgrading while another replica serves (PostgreSQL): no migration may hold a lock that stalls the
running replica's turns for more than a second, on a database with 100,000 transcript rows.

The running replica is played by a thread doing what a turn of the previous release does to the
transcript (read a chat's messages, add one, commit), in a loop, on a connection whose
`lock_timeout` is one second: a statement that waits longer for a lock the migration holds fails,
and so does the test. Slowness that is not a lock (a busy machine) fails nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from alembic import command
from sqlalchemy import Engine, NullPool, create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from storage.db import DatabaseUrls, alembic_config, upgrade_database

pytestmark = pytest.mark.postgres

PREVIOUS_RELEASE = "acadbc30694a"  # the schema the running replica was built for
TRANSCRIPT_ROWS = 100_000
STALL_LIMIT = "1s"
CHAT = "a:chat-under-upgrade"


@pytest.fixture
def engine(postgres_database_url: str) -> Iterator[Engine]:
    engine = create_engine(DatabaseUrls.from_url(postgres_database_url).sync_url, poolclass=NullPool)
    yield engine
    engine.dispose()


def fill_transcript(engine: Engine) -> None:
    """One customer with 100,000 transcript messages of ordinary length, spread over a year."""
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO organisations (tenant_id, name, is_msp) "
            "VALUES ('11111111-1111-4111-8111-111111111111', 'Klant', false)"
        ))
        connection.execute(text(
            "INSERT INTO people (aad_object_id, organisation_id, name, kind) "
            "SELECT 'cccccccc-0000-4000-8000-000000000001', id, 'Petra', 'customer' FROM organisations"
        ))
        connection.execute(text(
            "INSERT INTO transcript_messages (conversation_id, direction, activity_id, activity_type, author_person_id, "
            "author_name, relayed, text, created_at) "
            "SELECT 'a:chat-' || (n % 2000), CASE WHEN n % 2 = 0 THEN 'in' ELSE 'out' END, 'act-' || n, 'message', "
            "(SELECT id FROM people), 'Petra', false, repeat('Outlook start niet op na de update. ', 6), "
            "now() - (n || ' minutes')::interval FROM generate_series(1, :rows) AS n"
        ), {"rows": TRANSCRIPT_ROWS})


@dataclass
class RunningReplica:
    """Turns of the previous release against the transcript until stopped; what each cost."""

    engine: Engine
    stop: threading.Event = field(default_factory=threading.Event)
    turns: list[tuple[float, float]] = field(default_factory=list)  # (started, seconds), time.monotonic()
    stalled: list[str] = field(default_factory=list)

    def run(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text(f"SET lock_timeout = '{STALL_LIMIT}'"))
            connection.commit()
            number = 0
            while not self.stop.is_set():
                number += 1
                started = time.monotonic()
                try:
                    self._turn(connection, number)
                except DBAPIError as error:
                    connection.rollback()
                    self.stalled.append(str(error.orig).splitlines()[0])
                self.turns.append((started, time.monotonic() - started))

    @staticmethod
    def _turn(connection, number: int) -> None:
        connection.execute(text(
            "SELECT id, text FROM transcript_messages WHERE conversation_id = :chat ORDER BY id DESC LIMIT 20"
        ), {"chat": CHAT})
        connection.execute(text(
            "INSERT INTO transcript_messages (conversation_id, direction, activity_id, activity_type, author_name, "
            "relayed, text, created_at) VALUES (:chat, 'in', :activity, 'message', 'Petra', false, 'hallo', now())"
        ), {"chat": CHAT, "activity": f"turn-{number}"})
        connection.commit()


def test_upgrading_to_head_never_stalls_a_running_replicas_turn_for_a_second(
    postgres_database_url: str, engine: Engine
) -> None:
    command.upgrade(alembic_config(postgres_database_url), PREVIOUS_RELEASE)
    fill_transcript(engine)
    replica = RunningReplica(engine)
    worker = threading.Thread(target=replica.run)
    worker.start()
    try:
        while len(replica.turns) < 5:  # the replica serves before the upgrade begins
            time.sleep(0.01)
        began = time.monotonic()
        upgrade_database(postgres_database_url)
        ended = time.monotonic()
        time.sleep(0.2)
    finally:
        replica.stop.set()
        worker.join()

    during = [seconds for started, seconds in replica.turns if began <= started <= ended]
    assert during, "no turn ran while the schema was upgraded"
    assert replica.stalled == [], f"turns waited more than {STALL_LIMIT} for the migration's locks: {replica.stalled}"
    columns = {column["name"] for column in inspect(engine).get_columns("transcript_messages")}
    assert {"edited_at", "deleted_at"} <= columns
    with engine.connect() as connection:
        turns_stored = connection.execute(
            text("SELECT count(*) FROM transcript_messages WHERE conversation_id = :chat"), {"chat": CHAT}
        ).scalar_one()
    assert turns_stored == len(replica.turns)


def test_a_migration_behind_a_long_turn_gives_way_and_tries_again(
    postgres_database_url: str, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """Waiting for the transcript's lock would queue every turn behind the migration: it waits half a
    second at most, gives up, and the upgrade tries again once the long turn has finished."""
    command.upgrade(alembic_config(postgres_database_url), PREVIOUS_RELEASE)
    fill_transcript(engine)
    holding, release = threading.Event(), threading.Event()

    def long_turn() -> None:
        with engine.begin() as connection:
            connection.execute(text("SELECT count(*) FROM transcript_messages WHERE conversation_id = :chat"),
                               {"chat": CHAT})
            holding.set()
            release.wait(timeout=30)

    turn = threading.Thread(target=long_turn)
    turn.start()
    holding.wait(timeout=30)
    timer = threading.Timer(2.5, release.set)  # the turn ends after a few of the migration's tries
    timer.start()
    try:
        with caplog.at_level("WARNING", logger="storage.db"):
            upgrade_database(postgres_database_url, pause_seconds=0.5)
    finally:
        release.set()
        timer.cancel()
        turn.join()
    assert any("waited too long for a lock" in record.getMessage() for record in caplog.records)
    columns = {column["name"] for column in inspect(engine).get_columns("transcript_messages")}
    assert {"edited_at", "deleted_at"} <= columns
