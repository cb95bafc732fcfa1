"""SQLAlchemy's aiosqlite driver, with a statement run on the event loop instead of SQLite's thread.

aiosqlite runs every call in a thread of its own, and SQLAlchemy's adapter makes four such calls per
statement. Each is a hand-over of the GIL and a wake-up of the event loop: on a busy two-core machine
about 0.5 ms, against some 20 µs for the statement itself, while the app's one connection (see
`storage.db`) is held. So a statement runs right where SQLAlchemy asks for it, on the loop, unless
it could take long, and then it goes to the thread as before:

- waiting for a lock: on the loop SQLite never waits (busy timeout 0). A statement that finds the
  database locked by another process (a migration, a backup, the sqlite3 shell) gets SQLITE_BUSY,
  changed nothing, and runs again in the thread with the configured busy timeout.
- a long read: a SELECT on the loop may take `LOOP_STEPS` steps of SQLite's virtual machine (a
  millisecond or two); one that goes past them is interrupted (a read changes nothing; the
  transaction goes on) and runs again in the thread without a limit.
- commit and rollback always go to the thread: a commit can start a checkpoint, which fsyncs.

What stays on the loop without a bound: a write. The app's writes touch a few rows by key.
Interrupting a write would roll back the whole transaction, so a write of many rows (retention's
purge, a person's erasure) says so instead: inside `off_the_loop()` every statement runs in the
thread, and the loop goes on serving chats meanwhile.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util.concurrency import await_only

_Outcome = tuple[Any, list[Any], int | None, int]  # description, rows, lastrowid, rowcount

LOOP_STEPS = 200  # progress calls of PROGRESS_EVERY virtual-machine steps a read on the loop may take
PROGRESS_EVERY = 1000
_BUSY, _INTERRUPT = sqlite3.SQLITE_BUSY, sqlite3.SQLITE_INTERRUPT
_OFF_THE_LOOP: ContextVar[bool] = ContextVar("sqlite_off_the_loop", default=False)


@contextmanager
def off_the_loop() -> Iterator[None]:
    """Statements run inside run in SQLite's thread: for writes of many rows, which the loop cannot bound.
    No effect on other databases (their drivers never block the loop)."""
    token = _OFF_THE_LOOP.set(True)
    try:
        yield
    finally:
        _OFF_THE_LOOP.reset(token)


class _Budget:
    """SQLite's progress handler: interrupts a read on the loop that has used up its steps."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = -1  # negative: no budget (the thread's statements), never interrupted

    def __call__(self) -> int:
        if self.left < 0:
            return 0
        self.left -= 1
        return 1 if self.left == 0 else 0


def _run(connection: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    """The whole statement, as SQLAlchemy's adapter would do it in four calls."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        if cursor.description:
            return cursor.description, cursor.fetchall(), -1, -1
        return None, [], cursor.lastrowid, cursor.rowcount
    finally:
        cursor.close()


def _waiting(connection: sqlite3.Connection, wait_ms: int, work: Any, *args: Any) -> Any:
    """In aiosqlite's thread: `work` with the busy timeout on (another process may hold the lock)."""
    connection.execute(f"PRAGMA busy_timeout={wait_ms}")
    try:
        return work(*args)
    finally:
        connection.execute("PRAGMA busy_timeout=0")


def _retry_in_thread(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (_BUSY, _INTERRUPT)


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    __slots__ = ()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._one_trip(operation, parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        self._one_trip(operation, seq_of_parameters, many=True)

    def _one_trip(self, operation: Any, parameters: Any, *, many: bool) -> None:
        adapted = cast(OneTripConnection, self._adapt_connection)
        try:
            outcome = self.await_(adapted.run(operation, parameters, many))
        except Exception as error:
            adapted._handle_exception(error)  # noqa: SLF001
        self.description, rows, self.lastrowid, self.rowcount = cast(Any, outcome)
        self._rows = deque(rows)


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("sqlite", "_budget", "_wait_ms")

    def __init__(self, dbapi: Any, connection: aiosqlite.Connection, wait_ms: int):
        super().__init__(dbapi, cast(Any, connection))  # an aiosqlite Connection; typed as the DBAPI Protocol
        self.sqlite: sqlite3.Connection = connection._conn  # noqa: SLF001 (opened with check_same_thread=False)
        self._budget, self._wait_ms = _Budget(), wait_ms
        self.sqlite.set_progress_handler(self._budget, PROGRESS_EVERY)

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        return super().cursor(server_side) if server_side else OneTripCursor(self)

    async def run(self, operation: str, parameters: Any, many: bool) -> _Outcome:
        """On the loop if it may be (a coroutine that never suspends there: SQLAlchemy's greenlet needs an
        awaitable), else, or when the loop's attempt met a lock or outgrew its budget, in the thread."""
        if not _OFF_THE_LOOP.get():
            try:
                return self._on_loop(operation, parameters, many)
            except sqlite3.OperationalError as error:
                if not _retry_in_thread(error):
                    raise
        return cast(_Outcome, await self.in_thread(_run, self.sqlite, operation, parameters, many))

    def _on_loop(self, operation: str, parameters: Any, many: bool) -> _Outcome:
        bounded = not many and operation.lstrip()[:6].upper() == "SELECT"
        self._budget.left = LOOP_STEPS if bounded else -1
        try:
            return _run(self.sqlite, operation, parameters, many)
        finally:
            self._budget.left = -1

    async def in_thread(self, work: Any, *args: Any) -> Any:
        return await self._connection._execute(_waiting, self.sqlite, self._wait_ms, work, *args)  # noqa: SLF001

    def commit(self) -> None:
        try:
            self.await_(self.in_thread(self.sqlite.commit))
        except Exception as error:
            self._handle_exception(error)

    def rollback(self) -> None:
        try:
            self.await_(self.in_thread(self.sqlite.rollback))
        except Exception as error:
            self._handle_exception(error)


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module SQLAlchemy's aiosqlite dialect is given (`create_async_engine(module=...)`).
    `timeout` (seconds, the connect argument) is how long a statement in the thread waits for a lock."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        if kw.get("async_fallback") or kw.get("async_creator_fn"):
            raise NotImplementedError("only plain aiosqlite connections run statements on the loop")
        wait_ms = int(float(kw.pop("timeout", 5.0)) * 1000)
        connection = aiosqlite.connect(*arg, **{**kw, "timeout": 0, "check_same_thread": False})
        connection._thread.daemon = True  # noqa: SLF001 (as SQLAlchemy does: never hold up interpreter exit)
        return OneTripConnection(self, await_only(connection), wait_ms)
