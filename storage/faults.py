"""Which exceptions mean "the database is not there right now" rather than "this turn is broken"."""

from __future__ import annotations

import asyncio

from sqlalchemy import exc


def is_database_unavailable(error: BaseException) -> bool:
    """Connection refused or lost, a pool time-out, SQLite's "database is locked": worth trying again later.

    Walks the cause chain, since drivers wrap the socket error they met.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (exc.OperationalError, exc.InterfaceError, exc.TimeoutError, exc.DisconnectionError)):
            return True
        if isinstance(current, exc.DBAPIError) and current.connection_invalidated:
            return True
        if isinstance(current, (ConnectionError, asyncio.TimeoutError, TimeoutError)):
            return True
        current = current.__cause__ or current.__context__
    return False
