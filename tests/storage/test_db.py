"""DATABASE_URL handling and engine set-up: the one place SQLite and PostgreSQL are allowed to differ."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import nullcontext
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import DatabaseUrls, create_async_engine_for, default_database_url, ensure_sqlite_folder
from storage import db
from storage.models import Organisation, Person
from storage.sqlite_driver import off_the_loop


@pytest.mark.parametrize(
    ("given", "async_url", "sync_url"),
    [
        ("sqlite:////srv/bot/data.db", "sqlite+aiosqlite:////srv/bot/data.db", "sqlite+pysqlite:////srv/bot/data.db"),
        ("sqlite:///relative.db", "sqlite+aiosqlite:///relative.db", "sqlite+pysqlite:///relative.db"),
        (
            "postgresql://bot:s%40cret@db:5432/support",
            "postgresql+psycopg://bot:s%40cret@db:5432/support",
            "postgresql+psycopg://bot:s%40cret@db:5432/support",
        ),
        ("postgresql+psycopg://db/support", "postgresql+psycopg://db/support", "postgresql+psycopg://db/support"),
        ("postgres://db/support", "postgresql+psycopg://db/support", "postgresql+psycopg://db/support"),
    ],
)
def test_urls_get_the_async_and_sync_drivers(given: str, async_url: str, sync_url: str) -> None:
    urls = DatabaseUrls.from_url(given)
    assert (urls.async_url, urls.sync_url) == (async_url, sync_url)


def test_url_query_options_are_kept() -> None:
    urls = DatabaseUrls.from_url("postgresql://db/support?sslmode=require&options=-csearch_path%3Dbot")
    assert urls.async_url.endswith("?options=-csearch_path%3Dbot&sslmode=require")


@pytest.mark.parametrize("bad", ["mysql://db/support", "sqlite://", "sqlite:///"])
def test_unsupported_urls_are_refused_naming_the_setting(bad: str) -> None:
    with pytest.raises(ValueError, match="DATABASE_URL"):
        DatabaseUrls.from_url(bad)


def test_default_url_is_a_sqlite_file_in_the_repositorys_data_folder() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert default_database_url() == f"sqlite:///{repo / 'data' / 'supportbot.db'}"
    assert default_database_url(Path("/var/lib/bot")) == "sqlite:////var/lib/bot/supportbot.db"


def test_sqlite_folder_is_created_on_first_run(tmp_path: Path) -> None:
    ensure_sqlite_folder(f"sqlite:///{tmp_path / 'a' / 'b' / 'bot.db'}")
    assert (tmp_path / "a" / "b").is_dir()
    ensure_sqlite_folder("postgresql://db/support")  # nothing to create, and no error


async def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path: Path) -> None:
    engine = create_async_engine_for(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        async with engine.connect() as connection:
            pragmas = [
                (await connection.execute(text(f"PRAGMA {name}"))).scalar_one()
                for name in ("foreign_keys", "journal_mode")
            ]
    finally:
        await engine.dispose()
    assert pragmas[0] == 1
    assert pragmas[1] == "wal"


class _Ticker:
    """Counts the event loop's turns while a statement runs: a loop blocked by the statement counts none."""

    def __init__(self, every: float) -> None:
        self.ticks = 0
        self._task = asyncio.create_task(self._tick(every))

    async def _tick(self, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            self.ticks += 1

    def stop(self) -> None:
        self._task.cancel()


async def test_sqlite_waits_for_another_process_s_lock_while_the_event_loop_goes_on(tmp_path: Path) -> None:
    """A statement runs on the event loop without waiting; one that finds the database locked (a backup,
    the sqlite3 shell) waits in SQLite's thread instead of failing, and the loop keeps serving."""
    path = tmp_path / "bot.db"
    engine = create_async_engine_for(f"sqlite:///{path}")
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
        other.execute("BEGIN IMMEDIATE")
        ticker = _Ticker(every=0.01)
        asyncio.get_running_loop().call_later(0.3, other.commit)
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO t VALUES (1)"))
        ticker.stop()
        async with engine.connect() as connection:
            stored = (await connection.execute(text("SELECT count(*) FROM t"))).scalar_one()
    finally:
        other.close()
        await engine.dispose()
    assert stored == 1
    assert ticker.ticks >= 10  # about 30 while the insert waited 0.3 s for the lock


@pytest.mark.parametrize("bulk", [False, True], ids=["on the loop", "off the loop"])
async def test_a_bulk_write_off_the_loop_lets_the_chats_go_on(tmp_path: Path, bulk: bool) -> None:
    """A write of many rows cannot be interrupted on the loop (it would roll back the transaction), so
    retention and erasure say `off_the_loop()`: the loop keeps ticking while SQLite's thread writes.
    The plain case is the control: the same write on the loop lets nothing else run."""
    engine = create_async_engine_for(f"sqlite:///{tmp_path / 'bot.db'}")

    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE n (i INTEGER)"))
        ticker = _Ticker(every=0)
        await asyncio.sleep(0)
        before = ticker.ticks
        async with engine.begin() as connection:
            with off_the_loop() if bulk else nullcontext():
                await connection.execute(text(
                    "INSERT INTO n WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300000) "
                    "SELECT i FROM c"
                ))
                during = ticker.ticks - before
        ticker.stop()
        async with engine.connect() as connection:
            stored = (await connection.execute(text("SELECT count(*) FROM n"))).scalar_one()
    finally:
        await engine.dispose()
    assert stored == 300_000
    if bulk:
        assert during >= 10
    else:
        assert during <= 1


async def test_a_long_sqlite_read_finishes_in_the_thread(tmp_path: Path) -> None:
    """A read that outgrows its budget on the event loop is interrupted there and runs again in the thread."""
    engine = create_async_engine_for(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE n (i INTEGER)"))
            await connection.execute(text(
                "INSERT INTO n WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000) SELECT i FROM c"
            ))
        async with engine.connect() as connection:
            counted = (await connection.execute(text("SELECT count(*) FROM n AS a, n AS b"))).scalar_one()
            after = (await connection.execute(text("SELECT count(*) FROM n"))).scalar_one()
    finally:
        await engine.dispose()
    assert (counted, after) == (1_000_000, 1000)


async def test_foreign_keys_are_enforced_on_every_backend(async_session: AsyncSession) -> None:
    async_session.add(Person(aad_object_id="aad-1", organisation_id=999, kind="customer"))
    with pytest.raises(IntegrityError, match="(?i)foreign key"):
        await async_session.flush()


async def test_session_objects_stay_readable_after_commit(async_session: AsyncSession) -> None:
    organisation = Organisation(tenant_id="tenant-1", name="Contoso")
    async_session.add(organisation)
    await async_session.commit()
    assert organisation.name == "Contoso"  # no lazy refresh needed: expire_on_commit=False
    stored = (await async_session.execute(select(Organisation.name))).scalars().all()
    assert stored == ["Contoso"]


@pytest.mark.postgres
async def test_postgres_test_url_confines_the_app_to_its_own_schema(postgres_database_url: str) -> None:
    engine = create_async_engine_for(postgres_database_url)
    try:
        async with engine.connect() as connection:
            schema = (await connection.execute(text("SELECT current_schema()"))).scalar_one()
    finally:
        await engine.dispose()
    assert schema is not None and schema.startswith("test_")
    assert f"search_path%3D{schema}" in postgres_database_url


def test_postgres_connections_give_up_on_a_silent_server_unless_the_url_says_otherwise() -> None:
    """A partition sends no reset: without these a query waits for the kernel's TCP defaults (many minutes)."""
    default = db._engine_options("postgresql", "postgresql+psycopg://postgres@db.internal/supportbot")
    own = db._engine_options("postgresql", "postgresql+psycopg://postgres@db.internal/supportbot?connect_timeout=3")

    assert default["connect_args"]["connect_timeout"] == 10
    assert default["connect_args"]["tcp_user_timeout"] == 30_000
    assert "connect_timeout" not in own["connect_args"]  # the URL's value reaches the driver untouched
    assert own["connect_args"]["keepalives"] == 1


def test_the_urls_own_server_settings_come_last_so_they_win() -> None:
    url = "postgresql+psycopg://postgres@db.internal/supportbot?options=-c%20lock_timeout%3D2s"
    options = db._engine_options("postgresql", url)["connect_args"]["options"]

    assert options.endswith("-c lock_timeout=2s")
    assert "-c idle_in_transaction_session_timeout=30s" in options


@pytest.mark.postgres
async def test_a_session_cut_off_mid_transaction_cannot_hold_its_locks_for_long(postgres_database_url: str) -> None:
    """The server ends a session idle in a transaction, and a lock is waited for at most 10 s."""
    engine = create_async_engine_for(postgres_database_url)
    try:
        async with engine.connect() as connection:
            idle = await connection.scalar(text("SHOW idle_in_transaction_session_timeout"))
            lock = await connection.scalar(text("SHOW lock_timeout"))
            keepalive = await connection.scalar(text("SHOW tcp_keepalives_idle"))
    finally:
        await engine.dispose()

    assert (idle, lock, keepalive) == ("30s", "10s", "30")  # the test URL's own options (search_path) kept too
