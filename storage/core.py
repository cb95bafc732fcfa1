"""Core statements on a session's own connection, for the few that run in every turn.

`session.execute` sends even a plain INSERT or UPDATE through the ORM's bulk-persistence layer,
and building a statement anew (coercing every value, then walking it for the compiled-statement
cache key) cost more CPU than running it. The statements of every turn are therefore built once,
at import, with bound parameters, and run here on the session's connection, in its transaction.
Only for statements whose rows the ORM need not know about.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import CursorResult, Executable
from sqlalchemy.ext.asyncio import AsyncSession

StatementT = TypeVar("StatementT", bound=Executable)


async def run(session: AsyncSession, statement: Executable, parameters: Mapping[str, Any] | None = None) -> CursorResult[Any]:
    return await (await session.connection()).execute(statement, parameters)


def by_dialect(session: AsyncSession, statements: Mapping[str, Executable]) -> Executable:
    """The prebuilt variant for the session's database (INSERT ... ON CONFLICT differs per dialect)."""
    return statements[session.bind.dialect.name]


def prebuilt(statement: StatementT) -> StatementT:
    """A statement built once at import, with a compiled-statement cache key of its own.

    SQLAlchemy gives the dialects' INSERT ... ON CONFLICT no cache key, so it compiled the inbox's
    and the transcript's insert anew in every turn (about as much CPU as running it). A statement
    that never changes after import can be keyed by its identity: the key is its own object, kept
    alive for the life of the process, and its literal values are the ones it was compiled with.
    Only for module-level statements whose values all come as execute() parameters or are fixed."""
    keyed = type(f"Prebuilt{type(statement).__name__}", (type(statement),), {
        "inherit_cache": True,
        "_gen_cache_key": lambda self, anon_map, bindparams: (_PrebuiltKey, id(self)),
    })
    statement.__class__ = keyed
    _KEPT.append(statement)  # its id stays unique: it is never collected
    return statement


class _PrebuiltKey:
    """The first element of a prebuilt statement's cache key (no SQLAlchemy element's key starts so)."""


_KEPT: list[Executable] = []
