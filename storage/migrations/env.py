"""Alembic environment: the models' metadata is the target; the URL comes from the caller or DATABASE_URL."""

from __future__ import annotations

import os
from logging.config import fileConfig
from typing import Any

from alembic import context
from sqlalchemy import Connection, create_engine, pool, text

from storage.db import DatabaseUrls, default_database_url, ensure_sqlite_folder, include_in_migrations
from storage.models import Base, UtcDateTime

config = context.config
# The app configures its own logging; only the alembic command line takes the ini's.
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name)

# Replicas starting together take turns instead of racing to create the same tables. The lock is
# per schema (any fixed namespace number, plus the schema's hash), so schemas sharing a server don't wait.
_PG_LOCK_NAMESPACE = 0x5B07


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
    _configure(connection=connection, render_as_batch=is_sqlite)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            lock = text("SELECT pg_advisory_xact_lock(:namespace, hashtext(current_schema()))")
            connection.execute(lock, {"namespace": _PG_LOCK_NAMESPACE})
        context.run_migrations()


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
