"""Shared database fixtures: each test gets its own SQLite file or its own throwaway PostgreSQL schema.

PostgreSQL comes from TEST_POSTGRES_URL. Without it, or when it does not answer, PostgreSQL tests
skip with the reason, except under CI (env CI set), where they fail: CI must not pass by skipping.
Select one backend with ``-m postgres`` / ``-m "not postgres"``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy import Engine, NullPool, create_engine, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.db import DatabaseUrls, create_async_engine_for, session_factory, upgrade_database

POSTGRES_ENV = "TEST_POSTGRES_URL"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} [CI is set, so this fails instead of skipping]", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """One check per session that PostgreSQL answers; the engine then creates and drops test schemas."""
    url = os.environ.get(POSTGRES_ENV, "")
    if not url:
        _unavailable(f"PostgreSQL tests need {POSTGRES_ENV}, e.g. postgresql://postgres@127.0.0.1:5432/test")
    engine = create_engine(
        DatabaseUrls.from_url(url).sync_url, poolclass=NullPool, connect_args={"connect_timeout": 5}
    )
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as error:
        engine.dispose()
        _unavailable(f"PostgreSQL not reachable at {url}: {getattr(error, 'orig', error)} (set {POSTGRES_ENV})")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_database_url(postgres_admin: Engine) -> Iterator[str]:
    """A URL whose connections see only a fresh schema (libpq `options=-csearch_path=...`), dropped afterwards."""
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with postgres_admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = postgres_admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    try:
        with postgres_admin.begin() as connection:
            # A connection a test forgot to close should fail the teardown, not hang it. The wait is longer
            # than the app's idle_in_transaction_session_timeout (storage.db, 30 s): a replica a test cut off
            # or stopped mid-transaction is ended by the server within it, as in production.
            connection.execute(text("SET LOCAL lock_timeout = '40s'"))
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    except OperationalError as error:
        raise AssertionError(f"schema {schema} still in use:\n{_sessions_holding_locks(postgres_admin)}") from error


def _sessions_holding_locks(admin: Engine) -> str:
    """Who kept a transaction open: the diagnosis a lock time-out at teardown needs."""
    with admin.connect() as connection:
        rows = connection.execute(text(
            "SELECT pid, state, now() - xact_start AS age, left(query, 200) AS query FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'"
        )).all()
    return "\n".join(f"{r.pid} {r.state} {r.age} {r.query}" for r in rows) or "(no session)"


@pytest.fixture
def sqlite_database_url(tmp_path) -> str:
    """A SQLite file of this test's own, as the app takes it in DATABASE_URL."""
    return f"sqlite:///{tmp_path / 'supportbot.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database, once per backend, as a sync-form DATABASE_URL."""
    name = "sqlite_database_url" if request.param == "sqlite" else "postgres_database_url"
    return request.getfixturevalue(name)


@pytest.fixture
def migrated_database_url(database_url: str) -> str:
    """`database_url` with the schema at Alembic head, as the app leaves it at start-up."""
    upgrade_database(database_url)
    return database_url


@pytest.fixture
async def async_engine(migrated_database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine_for(migrated_database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def async_session_factory(async_engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return session_factory(async_engine)


@pytest.fixture
async def async_session(async_session_factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session on a migrated database; what a test leaves uncommitted is rolled back."""
    async with async_session_factory() as session:
        yield session

