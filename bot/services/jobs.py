"""Scheduled work that must survive a restart: APScheduler persists a reference to these functions.

APScheduler's persistent job store can only name module-level functions with plain arguments,
so the running app registers its services here (`bind`) and the functions look them up when
they fire. Every job is idempotent: it claims its work in the database before acting, so a
second replica (or a second firing) does nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from storage.faults import is_database_unavailable

log = logging.getLogger(__name__)

RETRY_PAUSES = (1, 2, 5, 10, 20, 30, 60, 60, 60, 60)  # seconds: a database blip of up to about five minutes
_handlers: dict[str, Callable[..., Awaitable[object]]] = {}
_unit_of_work: list[Callable[[], AbstractAsyncContextManager[Any]]] = []


def bind(name: str, handler: Callable[..., Awaitable[object]]) -> None:
    _handlers[name] = handler


def run_in(unit_of_work: Callable[[], AbstractAsyncContextManager[Any]]) -> None:
    """Every job runs in one transaction: its changes and the messages it sends commit together."""
    _unit_of_work[:] = [unit_of_work]


def unbind_all() -> None:
    _handlers.clear()
    _unit_of_work.clear()


async def run(name: str, **arguments: Any) -> None:
    """The one function every persistent job points at."""
    handler = _handlers.get(name)
    if handler is None:
        log.error("job %s fired but no handler is bound in this process", name)
        return
    for pause in (*RETRY_PAUSES, None):  # APScheduler removed the job before running it: retry here
        try:
            if not _unit_of_work:
                await handler(**arguments)
            else:
                async with _unit_of_work[0]():
                    await handler(**arguments)
            return
        except Exception as error:
            if pause is None or not is_database_unavailable(error):
                raise
            log.warning("job %s met an unavailable database; trying again in %ss", name, pause)
            await asyncio.sleep(pause)
