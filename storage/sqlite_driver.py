"""SQLAlchemy's aiosqlite driver with one trip to the SQLite thread per statement instead of four.

aiosqlite runs every call in a thread of its own; SQLAlchemy's adapter makes four such calls for
each statement (open a cursor, execute, fetch, close), each a hand-over of the GIL and a wake-up of
the event loop. Under load those hand-overs, not SQLite, were most of a turn's database time. Here
the four happen in the thread as one call; everything else (the connection, commit, rollback,
errors, the dialect) is SQLAlchemy's and aiosqlite's own. Used by `storage.db` as the DBAPI module.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Sequence
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util.concurrency import await_only

_Outcome = tuple[Any, list[Any], int | None, int]  # description, rows, lastrowid, rowcount


def _run(connection: aiosqlite.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    """In aiosqlite's thread: the whole statement, as SQLAlchemy's adapter would do it in four calls."""
    cursor = connection._conn.cursor()  # noqa: SLF001 (aiosqlite's own handle, used in its own thread)
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


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    __slots__ = ()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._one_trip(operation, parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        self._one_trip(operation, seq_of_parameters, many=True)

    def _one_trip(self, operation: Any, parameters: Any, *, many: bool) -> None:
        try:
            outcome = self.await_(self._connection._execute(_run, self._connection, operation, parameters, many))  # noqa: SLF001
        except Exception as error:
            self._adapt_connection._handle_exception(error)  # noqa: SLF001
        self.description, rows, self.lastrowid, self.rowcount = outcome
        self._rows = deque(rows)


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        return super().cursor(server_side) if server_side else OneTripCursor(self)


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module SQLAlchemy's aiosqlite dialect is given (`create_async_engine(module=...)`)."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        if kw.get("async_fallback") or kw.get("async_creator_fn"):
            raise NotImplementedError("only plain aiosqlite connections take one trip per statement")
        connection = aiosqlite.connect(*arg, **kw)
        connection._thread.daemon = True  # noqa: SLF001 (as SQLAlchemy does: never hold up interpreter exit)
        return OneTripConnection(self, cast(Any, await_only(connection)))  # an aiosqlite Connection; typed as the DBAPI Protocol
