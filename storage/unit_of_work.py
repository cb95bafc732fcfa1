"""One transaction per unit of work (a turn, a timer, a delivery outcome), shared by every service in it.

The services were written against an ``async_sessionmaker``: each opens ``sessions()`` or
``sessions.begin()`` where it needs the database. ``UnitOfWorkSessions`` keeps that interface but,
while a unit of work is active in the current task (a context variable), hands out the unit's one
session instead: ``begin()`` becomes a SAVEPOINT inside it and ``sessions()`` the session itself.
So a turn's state changes, its transcript rows and the outbox rows of everything it says commit
together or not at all: a crash mid-turn leaves nothing half-done, and the turn runs again whole.

Work that must only happen once the transaction is committed (delivering the outbox rows, setting
timers) registers with ``after_commit``; it runs after the commit and never after a rollback.
Work that belongs in the transaction but must come last (claiming the unit's outbox rows for the
sender) registers with ``before_commit``. ``sessions.joined()`` is ``begin()`` without the
SAVEPOINT: for writes of one statement, whose failure fails the whole unit anyway.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

log = logging.getLogger(__name__)

AfterCommit = Callable[[], Awaitable[None]]


class Sessions(Protocol):
    """What the services need to reach the database: an ``async_sessionmaker``, or the unit-of-work
    look-alike below (so a service joins the turn's transaction when there is one)."""

    def __call__(self) -> AbstractAsyncContextManager[AsyncSession]: ...

    def begin(self) -> AbstractAsyncContextManager[AsyncSession]: ...


@dataclass
class UnitOfWork:
    """The active transaction and what waits for its commit."""

    session: AsyncSession
    after_commit: list[AfterCommit] = field(default_factory=list)
    before_commit: list[AfterCommit] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict)  # per-unit bookkeeping of the layers above


_current: ContextVar[UnitOfWork | None] = ContextVar("unit_of_work", default=None)


def current() -> UnitOfWork | None:
    return _current.get()


def after_commit(action: AfterCommit) -> bool:
    """Run `action` once the active unit of work commits; False (and nothing queued) outside one."""
    unit = _current.get()
    if unit is None:
        return False
    unit.after_commit.append(action)
    return True


class UnitOfWorkSessions:
    """An ``async_sessionmaker`` look-alike that joins the active unit of work when there is one."""

    def __init__(self, factory: async_sessionmaker[AsyncSession]):
        self.factory = factory

    def __call__(self) -> _SessionContext:
        return _SessionContext(self.factory, begin=False)

    def begin(self) -> _SessionContext:
        return _SessionContext(self.factory, begin=True)

    def joined(self) -> _SessionContext:
        """A transaction: the active unit's own (no SAVEPOINT), else a new one, committed on exit."""
        return _SessionContext(self.factory, begin=True, savepoint=False)

    @asynccontextmanager
    async def unit_of_work(self, *, lock_key: str | None = None) -> AsyncIterator[UnitOfWork]:
        """A new transaction for everything inside; nested use joins the outer one.

        `lock_key` serialises units with the same key across processes on PostgreSQL (a
        transaction-scoped advisory lock); SQLite's BEGIN IMMEDIATE already serialises every writer.
        After-commit actions run in order once committed; one failing is logged, not raised.
        """
        outer = _current.get()
        if outer is not None:
            yield outer
            return
        async with self.factory() as session:
            unit = UnitOfWork(session)
            token = _current.set(unit)
            try:
                async with session.begin():
                    if lock_key is not None:
                        await _lock(session, lock_key)
                    yield unit
                    for action in unit.before_commit:
                        await action()
            finally:
                _current.reset(token)
        for action in unit.after_commit:
            try:
                await action()
            except Exception:
                log.exception("an after-commit action failed")


async def _lock(session: AsyncSession, key: str) -> None:
    if session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


class _SessionContext:
    """``async with sessions() as s`` / ``async with sessions.begin() as s`` inside or outside a unit."""

    def __init__(self, factory: async_sessionmaker[AsyncSession], *, begin: bool, savepoint: bool = True):
        self._factory, self._begin, self._savepoint = factory, begin, savepoint
        self._nested: AbstractAsyncContextManager[Any] | None = None
        self._outer: AbstractAsyncContextManager[AsyncSession] | None = None

    async def __aenter__(self) -> AsyncSession:
        unit = _current.get()
        if unit is None:
            self._outer = self._factory.begin() if self._begin else self._factory()
            return await self._outer.__aenter__()
        if self._begin and self._savepoint:
            self._nested = unit.session.begin_nested()
            await self._nested.__aenter__()
        return unit.session

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None,
    ) -> bool | None:
        if self._outer is not None:
            return await self._outer.__aexit__(kind, error, trace)
        if self._nested is not None:
            return await self._nested.__aexit__(kind, error, trace)
        return None
