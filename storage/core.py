"""Core statements on a session's own connection, for the few that run in every turn.

`session.execute` sends even a plain INSERT or UPDATE through the ORM's bulk-persistence layer,
and building a statement anew (coercing every value, then walking it for the compiled-statement
cache key) cost more CPU than running it. The statements of every turn are therefore built once,
at import, with bound parameters, and run here on the session's connection, in its transaction.
Only for statements whose rows the ORM need not know about.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.ext.asyncio import AsyncSession


async def run(session: AsyncSession, statement: Executable, parameters: Mapping[str, Any] | None = None) -> CursorResult[Any]:
    return await (await session.connection()).execute(statement, parameters)


def by_dialect(session: AsyncSession, statements: Mapping[str, Executable]) -> Executable:
    """The prebuilt variant for the session's database (INSERT ... ON CONFLICT differs per dialect)."""
    return statements[session.bind.dialect.name]
