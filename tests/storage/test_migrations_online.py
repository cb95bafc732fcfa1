"""Upgrading while another replica serves (PostgreSQL): no migration may hold a lock that stalls the
running replica's turns for more than a second, on a database with 100,000 transcript rows.

The running replica is played by a thread doing what a turn of the previous release does to the
transcript (read a chat's messages, add one, commit), in a loop, on a connection whose
`lock_timeout` is one second: a statement that waits longer for a lock the migration holds fails,
and so does the test. Slowness that is not a lock (a busy machine) fails nothing.

That alone cannot catch a lock that is short here but long in production: a plain CREATE INDEX on
100,000 rows takes well under a second on this machine, and blocks every write to the transcript
for as long as the build takes (minutes, on a real transcript). So a second thread watches
`pg_locks` throughout the upgrade and fails the test on any lock of the big tables that blocks
writers: a ShareLock at all (only a non-concurrent index build takes it), or a stronger one
(ShareRowExclusive, Exclusive, AccessExclusive) held longer than a change of the catalogue needs.
And directly: no statement the upgrade sends builds an index on a big table without CONCURRENTLY.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from alembic import command
from sqlalchemy import Engine, NullPool, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError

from storage.db import DatabaseUrls, alembic_config, upgrade_database

pytestmark = pytest.mark.postgres

PREVIOUS_RELEASE = "acadbc30694a"  # the schema the running replica was built for
TRANSCRIPT_ROWS = 100_000
STALL_LIMIT = "1s"
CHAT = "a:chat-under-upgrade"
BIG_TABLES = ("transcript_messages",)
# Lock modes that conflict with RowExclusiveLock, i.e. stop INSERT, UPDATE and DELETE.
WRITER_BLOCKING = ("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock")
HOLD_LIMIT = 0.3  # seconds: adding a nullable column or a foreign key to an empty table takes milliseconds
POLL_SECONDS = 0.002


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


@dataclass
class LockWatcher:
    """Polls pg_locks from a connection of its own: every writer-blocking lock granted on a big table,
    as spans of time from first to last sight, by (backend, table, mode)."""

    engine: Engine
    stop: threading.Event = field(default_factory=threading.Event)
    spans: dict[tuple[int, str, str], list[list[float]]] = field(default_factory=dict)
    polls: int = 0

    def run(self) -> None:
        query = text(
            "SELECT l.pid, c.relname, l.mode FROM pg_locks AS l JOIN pg_class AS c ON c.oid = l.relation "
            "WHERE l.granted AND l.pid <> pg_backend_pid() AND c.relnamespace = current_schema()::regnamespace "
            "AND c.relname = ANY(:tables) AND l.mode = ANY(:modes)"
        )
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            while not self.stop.is_set():
                rows = connection.execute(query, {"tables": list(BIG_TABLES), "modes": list(WRITER_BLOCKING)}).all()
                now = time.monotonic()
                for pid, table, mode in rows:
                    self._seen((pid, table, mode), now)
                self.polls += 1
                time.sleep(POLL_SECONDS)

    def _seen(self, key: tuple[int, str, str], now: float) -> None:
        spans = self.spans.setdefault(key, [])
        if spans and now - spans[-1][1] < 0.05:  # still the same hold
            spans[-1][1] = now
        else:
            spans.append([now, now])

    def writers_blocked(self) -> list[str]:
        """Each hold that would stall a replica's writes in production, described."""
        return [
            f"{mode} on {table} held {last - first:.3f}s (backend {pid})"
            for (pid, table, mode), spans in self.spans.items() for first, last in spans
            if mode == "ShareLock" or last - first > HOLD_LIMIT
        ]


BLOCKING_INDEX_BUILD = re.compile(
    rf"CREATE\s+(UNIQUE\s+)?INDEX\s+(?!CONCURRENTLY)[^;]*\bON\s+\"?({'|'.join(BIG_TABLES)})\b", re.IGNORECASE
)


@contextmanager
def statements_sent() -> Iterator[list[str]]:
    """Every SQL statement any engine of this process sends meanwhile (the upgrade makes its own)."""
    sent: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:
        sent.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def test_upgrading_to_head_never_stalls_a_running_replicas_turn_for_a_second(
    postgres_database_url: str, engine: Engine
) -> None:
    command.upgrade(alembic_config(postgres_database_url), PREVIOUS_RELEASE)
    fill_transcript(engine)
    replica, watcher = RunningReplica(engine), LockWatcher(engine)
    threads = [threading.Thread(target=replica.run), threading.Thread(target=watcher.run)]
    for thread in threads:
        thread.start()
    try:
        while len(replica.turns) < 5 or watcher.polls < 5:  # both are at work before the upgrade begins
            time.sleep(0.01)
        began = time.monotonic()
        with statements_sent() as sent:
            upgrade_database(postgres_database_url)
        ended = time.monotonic()
        time.sleep(0.2)
    finally:
        replica.stop.set()
        watcher.stop.set()
        for thread in threads:
            thread.join()

    during = [seconds for started, seconds in replica.turns if began <= started <= ended]
    assert during, "no turn ran while the schema was upgraded"
    assert replica.stalled == [], f"turns waited more than {STALL_LIMIT} for the migration's locks: {replica.stalled}"
    assert [statement for statement in sent if BLOCKING_INDEX_BUILD.search(statement)] == []
    assert watcher.writers_blocked() == [], "the migration blocked writes to a big table"
    assert watcher.spans, "the watcher saw none of the migration's locks (it adds columns under AccessExclusiveLock)"
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
