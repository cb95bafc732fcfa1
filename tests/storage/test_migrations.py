"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from storage.db import (
    JOBS_TABLE, DatabaseUrls, alembic_config, create_sync_engine_for, include_in_migrations, upgrade_database,
)
from storage.models import Base
from storage.scheduler_store import create_scheduler, jobs_database_url

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def sync_engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(DatabaseUrls.from_url(database_url).sync_url)
    yield engine
    engine.dispose()


def _differences(engine: Engine) -> list[Any]:
    """What autogenerate would write into a new migration, with the same filter env.py uses."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_name": include_in_migrations},
        )
        return compare_metadata(context, Base.metadata)


def test_upgraded_schema_matches_the_models(database_url: str, sync_engine: Engine) -> None:
    upgrade_database(database_url)
    assert _differences(sync_engine) == []
    assert set(inspect(sync_engine).get_table_names()) == set(Base.metadata.tables) | {"alembic_version"}


def test_an_empty_database_differs_from_the_models(database_url: str, sync_engine: Engine) -> None:
    """Guards the test above: the comparison does see missing tables."""
    assert len(_differences(sync_engine)) >= len(Base.metadata.tables)


def test_upgrade_is_a_no_op_at_head_and_works_from_any_directory(
    database_url: str, sync_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    upgrade_database(database_url)
    with sync_engine.connect() as connection:
        head = MigrationContext.configure(connection).get_current_revision()
    upgrade_database(database_url)
    with sync_engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    assert head is not None
    assert list(elsewhere.iterdir()) == []  # nothing written into the working directory


def test_downgrade_to_base_removes_every_table(database_url: str, sync_engine: Engine) -> None:
    upgrade_database(database_url)
    command.downgrade(alembic_config(database_url), "base")
    assert set(inspect(sync_engine).get_table_names()) == {"alembic_version"}


async def test_migrations_leave_the_schedulers_table_alone(database_url: str, sync_engine: Engine) -> None:
    upgrade_database(database_url)
    scheduler = create_scheduler(database_url)
    scheduler.start()  # creates its job table (on SQLite in a file of its own)
    scheduler.shutdown(wait=False)
    jobs_engine = create_sync_engine_for(jobs_database_url(database_url))
    assert JOBS_TABLE in inspect(jobs_engine).get_table_names()
    upgrade_database(database_url)
    assert _differences(sync_engine) == []
    assert JOBS_TABLE in inspect(jobs_engine).get_table_names()
    jobs_engine.dispose()


@pytest.mark.postgres
def test_replicas_upgrading_at_once_take_turns(postgres_database_url: str) -> None:
    """Separate processes, as replicas are (Alembic's command API is not thread-safe within one process)."""
    script = "import sys; from storage.db import upgrade_database; upgrade_database(sys.argv[1])"
    replicas = [
        subprocess.Popen([sys.executable, "-c", script, postgres_database_url], cwd=REPO, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    errors = [replica.communicate(timeout=60)[1].decode() for replica in replicas]
    assert [replica.returncode for replica in replicas] == [0, 0, 0], errors  # not "relation already exists"
    engine = create_engine(DatabaseUrls.from_url(postgres_database_url).sync_url)
    try:
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_chats_held_twice_before_the_one_holder_indexes_keep_only_the_newest(database_url: str, sync_engine: Engine) -> None:
    """The old claim let two staff hold two tickets of one chat; upgrading must not fail on that data."""
    command.upgrade(alembic_config(database_url), "9378ec15b76a")
    with sync_engine.begin() as connection:
        connection.execute(text("INSERT INTO organisations (id, tenant_id, name, is_msp) VALUES (1, 't', 'Bakkerij', false)"))
        connection.execute(text(
            "INSERT INTO people (id, aad_object_id, organisation_id, name, kind) VALUES "
            "(1, 'c', 1, 'Petra', 'customer'), (2, 'a', 1, 'Anna', 'staff'), (3, 'b', 1, 'Bram', 'staff')"
        ))  # fmt: skip
        connection.execute(text(
            "INSERT INTO conversations (id, channel_id, service_url, reference, created_at, updated_at) "
            "VALUES ('chat', 'msteams', 'http://x/', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        for ticket_id, holder in ((1, 2), (2, 3)):
            connection.execute(text(
                "INSERT INTO tickets (id, number, organisation_id, reporter_id, conversation_id, intent, subject, "
                "description, priority, emergency, status, escalation_step, holder_id, created_at, updated_at) "
                f"VALUES ({ticket_id}, 'T-2026-000{ticket_id}', 1, 1, 'chat', 'email_problem', 's', '', 'P3', false, "
                f"'taken_over', 1, {holder}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ))  # fmt: skip
    upgrade_database(database_url)
    with sync_engine.connect() as connection:
        held = connection.execute(text("SELECT id, status, holder_id FROM tickets ORDER BY id")).all()
    assert [tuple(row) for row in held] == [(1, "open", None), (2, "taken_over", 3)]
