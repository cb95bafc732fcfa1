"""Database latency for Prometheus: every statement the engine runs is timed by a SQLAlchemy event hook.

The hook sits on the engine, not in the queries, so storage/ stays free of metrics and every
statement is counted (the turn's, the sender's, the readiness probe's alike).
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

_STARTED = "supportbot_statement_started"


class Observer(Protocol):
    def observe(self, amount: float) -> None: ...


def time_statements(engine: AsyncEngine, latency: Observer) -> None:
    """Observe the seconds each statement of `engine` takes, from sending it to its result."""

    def started(_conn: Any, _cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool) -> None:
        if context is not None:
            setattr(context, _STARTED, time.perf_counter())

    def finished(_conn: Any, _cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool) -> None:
        began = getattr(context, _STARTED, None) if context is not None else None
        if began is not None:
            latency.observe(time.perf_counter() - began)

    event.listen(engine.sync_engine, "before_cursor_execute", started)
    event.listen(engine.sync_engine, "after_cursor_execute", finished)
