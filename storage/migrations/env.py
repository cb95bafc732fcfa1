"""Alembic environment: the models' metadata is the target; the URL comes from the caller or DATABASE_URL."""

from __future__ import annotations

import os
import time
from contextlib import suppress
from logging.config import fileConfig
from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine, pool, text
from sqlalchemy.exc import SQLAlchemyError

from storage.db import DatabaseUrls, default_database_url, ensure_sqlite_folder, include_in_migrations
from storage.models import Base, UtcDateTime

config = context.config
# The app configures its own logging; only the alembic command line takes the ini's.
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name)

# Replicas starting together take turns instead of racing to create the same tables. The lock is
# per schema (any fixed namespace number, plus the schema's hash), so schemas sharing a server don't wait.
# It is held by the connection, not a transaction: each migration commits on its own (so none holds its
# locks longer than it needs while other replicas serve), and some build indexes outside any transaction.
_PG_LOCK_NAMESPACE = 0x5B07
_PG_LOCK = "(:namespace, hashtext(current_schema()))"
_PG_LOCK_POLL_SECONDS = 0.5


def _database_url() -> str:
    url = config.attributes.get("database_url") or os.environ.get("DATABASE_URL") or default_database_url()
    return DatabaseUrls.from_url(url).sync_url


def render_item(type_: str, obj: Any, _autogen_context: Any) -> str | bool:
    """Write UtcDateTime as plain DateTime(timezone=True), so migrations never import the models."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=Base.metadata,
        include_name=include_in_migrations,
        render_item=render_item,
        compare_type=True,
        **kwargs,
    )


def run_migrations_offline() -> None:
    url = _database_url()
    _configure(url=url, literal_binds=True, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    is_sqlite = connection.dialect.name == "sqlite"
    _configure(connection=connection, render_as_batch=is_sqlite, transaction_per_migration=True)
    if is_sqlite:
        with context.begin_transaction():
            context.run_migrations()
        return
    while not _advisory(connection, "pg_try_advisory_lock"):
        time.sleep(_PG_LOCK_POLL_SECONDS)
    try:
        with context.begin_transaction():
            context.run_migrations()
    finally:
        with suppress(SQLAlchemyError):  # a broken connection frees the lock as it closes
            _advisory(connection, "pg_advisory_unlock")


def _advisory(connection: Connection, function: str) -> bool:
    """Try for (or release) the migration lock in a statement of its own. Waiting inside one would
    keep a snapshot open, and the replica holding the lock builds indexes CONCURRENTLY, which waits
    for every older snapshot: the two would wait for each other."""
    if connection.in_transaction():
        connection.rollback()  # a failed migration's transaction, if any, is over
    done = bool(connection.execute(text(f"SELECT {function}{_PG_LOCK}"), {"namespace": _PG_LOCK_NAMESPACE}).scalar())
    connection.commit()
    return done


def run_migrations_online() -> None:
    url = _database_url()
    ensure_sqlite_folder(url)  # `alembic upgrade head` on a fresh checkout, where data/ does not exist yet
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
