"""Wait for database work a bounded time without cancelling it.

A database that stops answering without closing the connection (a network partition, a frozen
host) makes a query wait for as long as TCP lets it. Cancelling such a query is no way out:
the driver then asks the server to cancel it and waits for that too (psycopg: up to ten seconds).
So a caller that cannot wait, a Teams request that must be answered within 15 s, waits up to its
bound and leaves the work running in the background, where it finishes, or fails, once the
database answers again. The work must therefore be safe to finish late: an insert that ignores a
duplicate, a read whose result nobody needs any more.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class Overdue(TimeoutError):
    """The work did not finish within its bound; it goes on in the background.

    A TimeoutError, so `storage.faults.is_database_unavailable` counts it as the database being away."""


class Patience:
    """Bounded waits whose late work is kept (a task nobody references could be collected) and logged."""

    def __init__(self, name: str):
        self._name = name
        self._late: set[asyncio.Task[Any]] = set()

    @property
    def late(self) -> int:
        """How many pieces of work are still running after their caller stopped waiting."""
        return len(self._late)

    async def within(self, seconds: float, work: Coroutine[Any, Any, T]) -> T:
        """The result of `work`, or Overdue after `seconds` (the work goes on); its own errors as raised."""
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=seconds)
        if task in done:
            return task.result()
        self._late.add(task)
        task.add_done_callback(self._finished_late)
        raise Overdue(f"{self._name}: no answer within {seconds:g} s")

    def _finished_late(self, task: asyncio.Task[Any]) -> None:
        self._late.discard(task)
        if task.cancelled():
            return
        if (error := task.exception()) is not None:
            log.warning("%s finished late with an error: %s: %s", self._name, type(error).__name__, error)
        else:
            log.info("%s finished late", self._name)

    async def close(self, grace_seconds: float) -> None:
        """At shutdown: give late work `grace_seconds`, then cancel what is left (a turn rolls back and stays owed)."""
        if not self._late:
            return
        _, left = await asyncio.wait(set(self._late), timeout=grace_seconds)
        for task in left:
            task.cancel()
        await asyncio.gather(*left, return_exceptions=True)
