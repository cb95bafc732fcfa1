"""Core statements on a session's own connection, for the few that run in every turn.

`session.execute` sends even a plain INSERT or UPDATE through the ORM's bulk-persistence layer
(a third of the SQL time of a turn); on the session's connection it is compiled and run directly,
in the same transaction. Only for statements whose rows the ORM need not know about.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.ext.asyncio import AsyncSession


async def run(session: AsyncSession, statement: Executable) -> CursorResult[Any]:
    return await (await session.connection()).execute(statement)
