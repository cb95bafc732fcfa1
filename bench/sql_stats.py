"""How the bot's database time is spent under load: statement latency and how long transactions hold
their connection (on SQLite the one connection: its busy share bounds the turns per second).

Enabled in the benchmark's bot with `--sql-stats`; logs one line every `every` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from aiohttp import web
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger("bench.sql_stats")


@dataclass
class SqlStats:
    statements: list[float] = field(default_factory=list)
    transactions: list[float] = field(default_factory=list)
    _started: dict[int, float] = field(default_factory=dict)
    _began: dict[int, float] = field(default_factory=dict)

    def watch(self, engine: AsyncEngine) -> None:
        sync = engine.sync_engine
        event.listen(sync, "before_cursor_execute", lambda conn, *_: self._started.__setitem__(id(conn), time.perf_counter()))
        event.listen(sync, "after_cursor_execute", lambda conn, *_: self._ended(self._started, id(conn), self.statements))
        event.listen(sync, "begin", lambda conn: self._began.__setitem__(id(conn), time.perf_counter()))
        event.listen(sync, "commit", self._transaction_over)
        event.listen(sync, "rollback", self._transaction_over)

    def _transaction_over(self, conn: Connection) -> None:
        self._ended(self._began, id(conn), self.transactions)

    @staticmethod
    def _ended(starts: dict[int, float], key: int, into: list[float]) -> None:
        started = starts.pop(key, None)
        if started is not None:
            into.append(time.perf_counter() - started)

    def line(self, seconds: float) -> str:
        statements, transactions = self.statements, self.transactions
        self.statements, self.transactions = [], []
        return (f"sql stats over {seconds:.0f} s: {len(statements)} statements, p50 {_ms(statements, 0.5)} "
                f"p99 {_ms(statements, 0.99)}; {len(transactions)} transactions, p50 {_ms(transactions, 0.5)} "
                f"p99 {_ms(transactions, 0.99)}, holding a connection {sum(transactions) / seconds:.0%} of the time")


def _ms(values: list[float], share: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{ordered[int(share * (len(ordered) - 1))] * 1000:.2f} ms"


def sql_stats(engine_key: web.AppKey[AsyncEngine], every: float = 10.0):
    """A cleanup context for the app: watch its engine once it exists, log a line every `every` seconds."""

    async def context(app: web.Application) -> AsyncIterator[None]:
        stats = SqlStats()
        stats.watch(app[engine_key])

        async def report() -> None:
            while True:
                await asyncio.sleep(every)
                log.info(stats.line(every))

        task = asyncio.create_task(report())
        yield
        task.cancel()

    return context
