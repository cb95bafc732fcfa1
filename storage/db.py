"""Engines, sessions and schema upgrades from one DATABASE_URL, so SQLite and PostgreSQL differ only there."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from storage.sqlite_driver import OneTripDbapi

log = logging.getLogger(__name__)
REPO_ROOT = Path(__file__).resolve().parent.parent
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL: lock_timeout ran out
ALEMBIC_INI = REPO_ROOT / "alembic.ini"
JOBS_TABLE = "apscheduler_jobs"
"""Owned and created by APScheduler's job store; migrations leave it alone."""

_SQLITE_BUSY_TIMEOUT_MS = 15_000
_DRIVERS = {
    "sqlite": ("sqlite+aiosqlite", "sqlite+pysqlite"),
    "postgresql": ("postgresql+psycopg", "postgresql+psycopg"),
}
_ALIASES = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "sqlite+aiosqlite": "sqlite",
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "postgresql+psycopg": "postgresql",
}


@dataclass(frozen=True, slots=True)
class DatabaseUrls:
    """The async URL the app uses and the sync URL Alembic and APScheduler use, for one database."""

    backend: str  # "sqlite" | "postgresql"
    async_url: str
    sync_url: str

    @classmethod
    def from_url(cls, database_url: str) -> DatabaseUrls:
        """Accept `sqlite:///file`, `postgresql://...` or `postgresql+psycopg://...` (either driver form)."""
        url = make_url(database_url)
        backend = _ALIASES.get(url.drivername)
        if backend is None:
            raise ValueError(
                f"DATABASE_URL: unsupported scheme {url.drivername!r}; use sqlite:///path or postgresql://..."
            )
        if backend == "sqlite" and not url.database:
            raise ValueError("DATABASE_URL: SQLite needs a file path (sqlite:///path/to/file.db)")
        async_driver, sync_driver = _DRIVERS[backend]
        return cls(backend, _render(url.set(drivername=async_driver)), _render(url.set(drivername=sync_driver)))


def _render(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def default_database_url(data_dir: Path = REPO_ROOT / "data") -> str:
    """A SQLite file under the repository's data folder, for `make run` without configuration."""
    return f"sqlite:///{Path(data_dir).resolve() / 'supportbot.db'}"


def ensure_sqlite_folder(database_url: str) -> None:
    """Create the folder of a SQLite file on first run; PostgreSQL needs nothing."""
    url = make_url(database_url)
    if _ALIASES.get(url.drivername) == "sqlite" and url.database:
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """SQLite for a server; what each setting risks (docs/performance.md has the measurements):

    - foreign_keys=ON: SQLite ignores them unless asked. No risk; a statement more per connection.
    - journal_mode=WAL: readers and the one writer no longer block each other, and a commit appends
      to the -wal file instead of rewriting pages. Risk: the database is three files (.db, -wal,
      -shm) that must stay together (copy them together, or back up with `.backup`), and the
      folder must be on a local disk (WAL needs shared memory; no network file systems).
    - synchronous=NORMAL: in WAL mode a commit is not fsynced (a checkpoint is). Risk: a power cut
      or kernel crash can lose the last transactions committed before it, including messages
      already answered 201 (the database itself stays consistent). A crash of the process loses
      nothing. FULL would fsync every commit: 1.9 ms each on this machine's disk, with four commits
      a turn on the one connection. Deployments that cannot accept the risk use PostgreSQL.
    - busy_timeout=15 s: another process holding the write lock (a migration, the sqlite3 shell, a
      backup) makes a statement wait instead of failing at once; the app's own transactions never
      wait for each other here (one connection, see create_async_engine_for). The app's engine
      waits in the SQLite thread only: its driver (`storage.sqlite_driver`) runs a statement on
      the event loop without waiting and, if the database is locked, again in the thread (the
      connect argument `timeout` is its wait); `_wait_for_lock` is for the blocking job store.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _wait_for_lock(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")


POSTGRES_SERVER_SETTINGS = {
    "idle_in_transaction_session_timeout": "30s",
    "lock_timeout": "10s",
    "tcp_keepalives_idle": "30", "tcp_keepalives_interval": "10", "tcp_keepalives_count": "3",
    "tcp_user_timeout": "30000",
}
"""Per-session server settings of the app's connections. A replica cut off in the middle of a turn
leaves its transaction open on the server, holding the chat's advisory lock, until the server
notices (its keep-alive defaults: about two hours): then no healthy replica could run that chat's
turns, an emergency included. With these the server ends such a session within about half a
minute, and a turn waits at most ten seconds for a lock before it is postponed and retried. No
turn or job of this app keeps a transaction idle for seconds; migrations use their own engine."""

POSTGRES_CONNECT_ARGS = {
    "connect_timeout": 10,  # seconds for the whole connection set-up, not only the TCP handshake
    "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
    "tcp_user_timeout": 30_000,  # ms: data the server has not acknowledged for this long breaks the connection
    "options": " ".join(f"-c {name}={value}" for name, value in POSTGRES_SERVER_SETTINGS.items()),
}
"""libpq connection parameters. A server that vanishes without a reset (a partition, a failover
that moves its address) would otherwise leave a query waiting for as long as the kernel's
defaults allow (many minutes): with these a dead connection errors within about a minute, and
the usual outage handling (spool, retry) takes over. Values an operator sets in DATABASE_URL's
query string win, `options` settings one by one (behind PgBouncer in transaction mode, which refuses `options`, set
`POSTGRES_SERVER_SETTINGS` on the server or the role instead and put `options=` in the URL)."""


def _postgres_connect_args(query: Any) -> dict[str, Any]:
    """POSTGRES_CONNECT_ARGS under the URL's own parameters; `options` merged, the URL's settings last (they win)."""
    arguments = {k: v for k, v in POSTGRES_CONNECT_ARGS.items() if k not in query}
    own = query.get("options")
    if own:
        arguments["options"] = f"{POSTGRES_CONNECT_ARGS['options']} {own if isinstance(own, str) else ' '.join(own)}"
    return arguments


def _engine_options(backend: str, url: str) -> dict[str, Any]:
    """`hide_parameters`: an error's text (logged, and kept with a failed turn) never carries the values
    of its statement, which are often what a customer wrote."""
    if backend == "postgresql":
        return {
            "pool_pre_ping": True, "pool_size": 5, "max_overflow": 10, "pool_recycle": 1800, "hide_parameters": True,
            "connect_args": _postgres_connect_args(make_url(url).query),
        }
    return {"connect_args": {"timeout": _SQLITE_BUSY_TIMEOUT_MS / 1000}, "hide_parameters": True}


def create_async_engine_for(database_url: str) -> AsyncEngine:
    """The app's engine; dispose it in the cleanup context that created it."""
    urls = DatabaseUrls.from_url(database_url)
    options = _engine_options(urls.backend, urls.async_url)
    if urls.backend == "sqlite":
        # Every transaction of the app takes SQLite's write lock at BEGIN (_begin_immediate), so
        # connections could only take turns, polling the lock with sleeps of up to 100 ms (waits of
        # seconds, and starvation, under load). One connection handed out in order by the pool
        # serialises the same work without the polling.
        options.update(pool_size=1, max_overflow=0, module=OneTripDbapi())
    else:
        # Room for the turns a replica runs at once: a connection beyond the pool is closed again when
        # the pool is full, and opening one costs PostgreSQL a new backend process (milliseconds).
        # (The job store's blocking engine keeps the pool of 5.)
        options.update(pool_size=10)
    engine = create_async_engine(urls.async_url, **options)
    if urls.backend == "sqlite":
        event.listen(engine.sync_engine, "connect", _tune_sqlite)
        event.listen(engine.sync_engine, "connect", _own_transactions)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
    return engine


def _own_transactions(dbapi_connection: Any, _record: Any) -> None:
    """Let SQLAlchemy emit BEGIN itself (the driver would defer it), so `_begin_immediate` can."""
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Any) -> None:
    """Two deferred SQLite transactions that both read, then write, deadlock ("database is locked");
    taking the write lock at BEGIN makes concurrent turns wait their turn instead (SQLAlchemy's recipe)."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_sync_engine_for(database_url: str) -> Engine:
    """A blocking engine with the same SQLite tuning, for APScheduler's job store."""
    urls = DatabaseUrls.from_url(database_url)
    engine = create_engine(urls.sync_url, **_engine_options(urls.backend, urls.sync_url))
    if urls.backend == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "connect", _wait_for_lock)
    return engine


def spool_folder_for(database_url: str, configured: Path | None = None) -> Path:
    """Where the inbox spools while the database is away: configured, else beside the SQLite file, else
    a folder in `data/` named after the database (so two apps on two databases never share one)."""
    if configured is not None:
        return configured
    urls = DatabaseUrls.from_url(database_url)
    url = make_url(urls.sync_url)
    if urls.backend == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        return path.with_name(f"{path.stem}.spool")
    digest = hashlib.sha256(database_url.encode()).hexdigest()[:12]
    return REPO_ROOT / "data" / f"spool-{digest}"


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Objects stay readable after commit, since handlers reply after their transaction ends."""
    return async_sessionmaker(engine, expire_on_commit=False)


def include_in_migrations(name: str | None, type_: str, _parents: Any) -> bool:
    """Alembic's filter: APScheduler owns its job table, so autogenerate neither drops nor compares it."""
    return not (type_ == "table" and name == JOBS_TABLE)


def alembic_config(database_url: str) -> Config:
    """Alembic's configuration found next to this package, whatever the working directory."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(REPO_ROOT / "storage" / "migrations"))
    # Passed as an attribute, not an ini option: ConfigParser would read '%' in the URL as interpolation.
    config.attributes["database_url"] = DatabaseUrls.from_url(database_url).sync_url
    config.attributes["configure_logging"] = False
    return config


# Alembic's `context` and `op` are process-wide proxies: two apps in one process (tests) migrate in turn.
_ALEMBIC_IS_PROCESS_GLOBAL = threading.Lock()


def upgrade_database(database_url: str, *, attempts: int = 10, pause_seconds: float = 1.0) -> None:
    """Bring the schema to the newest migration; a no-op at head. Blocking: call it via asyncio.to_thread.

    A migration that could not get its lock within its `lock_timeout` (PostgreSQL, while another
    replica serves) gave up rather than stall that replica; each migration commits on its own, so
    trying again goes on from there."""
    ensure_sqlite_folder(database_url)
    for attempt in range(1, attempts + 1):
        try:
            with _ALEMBIC_IS_PROCESS_GLOBAL:
                command.upgrade(alembic_config(database_url), "head")
            return
        except OperationalError as error:
            if attempt == attempts or getattr(error.orig, "sqlstate", None) != LOCK_NOT_AVAILABLE:
                raise
            log.warning("a migration waited too long for a lock (attempt %d of %d): trying again", attempt, attempts)
            time.sleep(pause_seconds)
