"""Scheduled work that must survive a restart: APScheduler persists a reference to these functions.

APScheduler's persistent job store can only name module-level functions with plain arguments,
so the running app registers its services here (`bind`) and the functions look them up when
they fire. Every job is idempotent: it claims its work in the database before acting, so a
second replica (or a second firing) does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)

_handlers: dict[str, Callable[..., Awaitable[None]]] = {}


def bind(name: str, handler: Callable[..., Awaitable[None]]) -> None:
    _handlers[name] = handler


def unbind_all() -> None:
    _handlers.clear()


async def run(name: str, **arguments: Any) -> None:
    """The one function every persistent job points at."""
    handler = _handlers.get(name)
    if handler is None:
        log.error("job %s fired but no handler is bound in this process", name)
        return
    await handler(**arguments)
