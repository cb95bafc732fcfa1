"""Break-it review of the SQLite fast path and the cheaper turn (issue 15): what held, and the two it found (now fixed)."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.db import create_async_engine_for
from storage.sqlite_driver import off_the_loop

from storage import tickets as ticket_store
from storage.models import Organisation, Person, Ticket

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


async def _customer(session: AsyncSession) -> tuple[int, int]:
    organisation = Organisation(tenant_id="t-1", name="Bakkerij")
    session.add(organisation)
    await session.flush()
    person = Person(aad_object_id="p-1", organisation_id=organisation.id, name="Anna", kind="customer")
    session.add(person)
    await session.flush()
    return organisation.id, person.id


def _ticket(organisation_id: int, reporter_id: int, number: str) -> Ticket:
    return Ticket(number=number, organisation_id=organisation_id, reporter_id=reporter_id, intent="email_problem",
                  subject="mail", priority="P3", created_at=NOW, updated_at=NOW)


async def test_the_organisations_open_tickets_include_one_added_earlier_in_the_transaction(
    async_session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with async_session_factory.begin() as session:
        organisation_id, reporter_id = await _customer(session)
        session.add(_ticket(organisation_id, reporter_id, "T-2026-0001"))
        rows = await ticket_store.open_ticket_rows_of(session, organisation_id)
    assert [row.number for row in rows] == ["T-2026-0001"]


async def test_a_ticket_resolved_earlier_in_the_transaction_is_no_longer_open(
    async_session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with async_session_factory.begin() as session:
        organisation_id, reporter_id = await _customer(session)
        ticket = _ticket(organisation_id, reporter_id, "T-2026-0001")
        session.add(ticket)
        await session.flush()
        ticket.status = "resolved"
        rows = await ticket_store.open_ticket_rows_of(session, organisation_id)
    assert rows == []


# What held: the SQLite driver's statements on the loop and its thread share one connection safely.

CROSS_JOIN = "SELECT count(*) FROM n AS a, n AS b"  # a read far past the loop's budget
BULK = "INSERT INTO n WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < {rows}) SELECT i FROM c"


async def _sqlite_engine(path: Path, rows: int) -> AsyncEngine:
    engine = create_async_engine_for(f"sqlite:///{path / 'bot.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE n (i INTEGER)"))
        await connection.execute(text("CREATE TABLE m (i INTEGER)"))
        await connection.execute(text(BULK.format(rows=rows)))
    return engine


async def _marks(engine: AsyncEngine) -> list[int]:
    async with engine.connect() as connection:
        return list((await connection.execute(text("SELECT i FROM m ORDER BY i"))).scalars())


async def test_a_read_interrupted_on_the_loop_keeps_the_transactions_writes_around_it(tmp_path: Path) -> None:
    engine = await _sqlite_engine(tmp_path, 1000)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO m VALUES (1)"))
            savepoint = await connection.begin_nested()
            await connection.execute(text("INSERT INTO m VALUES (2)"))
            counted = (await connection.execute(text(CROSS_JOIN))).scalar_one()  # interrupted, then in the thread
            await savepoint.commit()
            await connection.execute(text("INSERT INTO m VALUES (3)"))
        assert counted == 1_000_000
        assert await _marks(engine) == [1, 2, 3]
    finally:
        await engine.dispose()


async def test_a_failed_statement_mid_transaction_rolls_back_the_whole_transaction(tmp_path: Path) -> None:
    engine = await _sqlite_engine(tmp_path, 10)
    try:
        with pytest.raises(Exception, match="no such table"):
            async with engine.begin() as connection:
                await connection.execute(text("INSERT INTO m VALUES (1)"))
                await connection.execute(text("INSERT INTO missing VALUES (2)"))
        async with engine.begin() as connection:  # the connection is usable again, in a new transaction
            await connection.execute(text("INSERT INTO m VALUES (3)"))
        assert await _marks(engine) == [3]
    finally:
        await engine.dispose()


async def test_a_bulk_write_cancelled_in_the_thread_is_rolled_back_and_the_next_turn_writes(tmp_path: Path) -> None:
    """A cancelled task whose write still runs in SQLite's thread: the next transaction must neither join
    it nor run beside it on the same connection."""
    engine = await _sqlite_engine(tmp_path, 1)

    async def purge() -> None:
        async with engine.begin() as connection:
            with off_the_loop():
                await connection.execute(text(BULK.format(rows=2_000_000)))

    try:
        task = asyncio.create_task(purge())
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO m VALUES (1)"))
        other = sqlite3.connect(tmp_path / "bot.db")
        try:
            seen = other.execute("SELECT (SELECT count(*) FROM n), (SELECT count(*) FROM m)").fetchone()
        finally:
            other.close()
        assert seen == (1, 1)
    finally:
        await engine.dispose()


async def test_another_process_holding_the_lock_mid_way_delays_the_transaction_without_losing_it(tmp_path: Path) -> None:
    """The sqlite3 shell takes the write lock between two of the app's transactions: the second waits in
    the thread, and both transactions' rows are there."""
    engine = await _sqlite_engine(tmp_path, 1)
    other = sqlite3.connect(tmp_path / "bot.db", isolation_level=None, check_same_thread=False)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO m VALUES (1)"))
        other.execute("BEGIN IMMEDIATE")
        asyncio.get_running_loop().call_later(0.5, other.commit)
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO m VALUES (2)"))
            counted = (await connection.execute(text("SELECT count(*) FROM m"))).scalar_one()
        assert counted == 2
        assert await _marks(engine) == [1, 2]
    finally:
        other.close()
        await engine.dispose()
