"""The durable inbox: accept an activity before answering 2xx, run its turn once, finish what is owed.

A turn runs in one unit of work together with marking its inbox row done, under a per-conversation
lock (in this process, and across replicas on PostgreSQL), so turns of one chat run one at a time
and in order. A crash rolls the whole turn back and the row stays owed; the recovery loop of any
replica runs it again. While the database is unreachable an activity goes to the local spool and
the customer is told at once that it arrived; it is moved into the database and handled once the
database is back, without waiting for Teams to redeliver (which it may never do).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from enum import StrEnum
from typing import Any

from botbuilder.core import Bot, TurnContext
from botbuilder.schema import Activity
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from bot.observability.logging import add_to_log_context, log_context
from bot.observability.metrics import Metrics
from bot.services.clock import Clock
from bot.teams.cards import CARD_ID_KEY
from storage.faults import is_database_unavailable
from bot.teams.outbox_adapter import OutboxAdapter
from storage import card_presses
from storage import inbox as store
from storage.patience import Overdue, Patience
from storage.spool import Spool
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger(__name__)

TurnFailed = Callable[[TurnContext, Exception], Awaitable[None]]
Unavailable = Callable[[dict[str, Any]], Awaitable[None]]


NOTICE_WITHIN_SECONDS = 2.0  # after an overdue answer (12 s), the "it arrived" notice's share of Teams' 15 s


class Accepted(StrEnum):
    NEW = "new"  # stored; its turn is owed
    SEEN = "seen"  # accepted before (a redelivery): answered once already, or on its way
    SPOOLED = "spooled"  # the database is away: kept on local disk until it is back


class InboxProcessor:
    def __init__(
        self, sessions: UnitOfWorkSessions, adapter: OutboxAdapter, bot: Bot, clock: Clock, spool: Spool, *,
        metrics: Metrics, on_turn_failed: TurnFailed, on_unavailable: Unavailable,
        retry_after: timedelta = timedelta(seconds=5), store_within: timedelta = timedelta(seconds=3),
        answer_within: timedelta = timedelta(seconds=12),
    ):
        """`store_within`: how long accepting waits for the database before it spools instead (Teams gives
        up on a request after 15 s). `answer_within`: how long a request waits for its turn; after that
        the turn goes on in the background and its replies are sent from the outbox all the same."""
        self._sessions, self._adapter, self._bot, self._clock, self._spool = sessions, adapter, bot, clock, spool
        self._metrics = metrics
        self._on_turn_failed, self._on_unavailable, self._retry_after = on_turn_failed, on_unavailable, retry_after
        self._store_within, self._answer_within = store_within.total_seconds(), answer_within.total_seconds()
        self._patience = Patience("inbox")
        self._told: dict[tuple[str, str], None] = {}  # insertion-ordered: the oldest go first
        self._chat_locks: dict[str, asyncio.Lock] = {}
        self._invoke_answers: dict[tuple[str, str], Any] = {}

    async def accept(self, body: dict[str, Any]) -> Accepted:
        """Durably store an authenticated activity; raises OSError only when neither database nor disk can."""
        try:
            return await self._patience.within(self._store_within, self._store(body))  # late: it still stores
        except Exception as error:
            if not is_database_unavailable(error):
                raise
            log.error("database unavailable: activity %s of %s kept in the local spool (%s)", activity_key(body),
                      _conversation_of(body), type(error).__name__)
            self._spool.put(body)
            await self._tell_received(body)
            return Accepted.SPOOLED

    async def _store(self, body: dict[str, Any]) -> Accepted:
        async with self._sessions.begin() as session:
            inserted = await store.accept(
                session, conversation_id=_conversation_of(body), activity_key=activity_key(body),
                activity_type=str(body.get("type")), body=body, now=self._clock.now(),
            )
        return Accepted.NEW if inserted is not None else Accepted.SEEN

    async def answer(self, body: dict[str, Any], *, parsed: Activity | None = None) -> Any:
        """`run_owed` for the request that brought `body` (`parsed`: its Activity, if the caller has it),
        bounded by `answer_within`.

        A turn stuck on a database that stopped answering (or on another replica's lock) goes on in the
        background; the customer is told the message arrived, as when it is spooled, and the request
        gets no invoke response (None)."""
        conversation_id = _conversation_of(body)
        try:
            return await self._patience.within(
                self._answer_within, self.run_owed(conversation_id, answer_for=activity_key(body), parsed=parsed),
            )
        except Overdue:
            log.warning("turn in %s not done within %g s; it goes on and answers through the outbox",
                        conversation_id, self._answer_within)
            if body.get("type") == "message":
                try:  # Teams gives up on the request at 15 s: the notice's send goes on without it
                    await self._patience.within(NOTICE_WITHIN_SECONDS, self._tell_received(body))
                except Overdue:
                    pass
            return None

    async def _tell_received(self, body: dict[str, Any]) -> None:
        """Tell the customer the message arrived, once per activity in this process: an overdue answer
        and a postponed first attempt of the same turn would otherwise both say it."""
        key = (_conversation_of(body), activity_key(body))
        if key in self._told:
            return
        self._told[key] = None
        while len(self._told) > 1000:
            del self._told[next(iter(self._told))]
        await self._on_unavailable(body)

    async def close(self, grace: timedelta = timedelta(seconds=5)) -> None:
        """At shutdown: work still waiting on the database gets `grace`, then is cancelled (and stays owed)."""
        await self._patience.close(grace.total_seconds())

    async def run_owed(self, conversation_id: str, *, answer_for: str | None = None, parsed: Activity | None = None) -> Any:
        """Run every owed turn of the conversation in order; the invoke response of `answer_for`, if it ran here.
        `parsed` is that activity as the endpoint already deserialised it (spares doing it again in the turn)."""
        ready = {answer_for: parsed} if answer_for and parsed is not None else {}
        lock = self._chat_locks.setdefault(conversation_id, asyncio.Lock())
        awaited = (conversation_id, answer_for) if answer_for else None
        if awaited:
            self._invoke_answers.setdefault(awaited, None)  # kept only while a request waits for it
        try:
            async with lock:
                with log_context(conversation_id=conversation_id):
                    while await self._run_next(conversation_id, ready):
                        pass
        finally:
            if not lock.locked() and not lock._waiters:  # no one else waits
                self._chat_locks.pop(conversation_id, None)
        return self._invoke_answers.pop(awaited, None) if awaited else None

    async def _run_next(self, conversation_id: str, ready: dict[str, Activity]) -> bool:
        """One owed turn; False when none is left after it (or the database went away: the recovery loop retries)."""
        first_attempt: dict[str, Any] | None = None
        with log_context():  # the activity id set inside is this turn's only
            try:
                async with self._sessions.unit_of_work(lock_key=conversation_id) as unit:
                    row = await store.next_pending(unit.session, conversation_id)
                    if row is None:
                        return False
                    if row.next_attempt_at > self._clock.now() and row.attempts > 0:
                        return False
                    if row.attempts == 0 and row.activity_type == "message":
                        first_attempt = dict(row.body)
                    answer = await self._turn(unit.session, conversation_id, row, ready)
                    key = row.activity_key
                    more = await store.has_pending(unit.session, conversation_id)  # asked here: saves a transaction
            except Exception as error:
                if is_database_unavailable(error):
                    log.error("turn in %s could not run, the database is unavailable: kept for later (%s)",
                              conversation_id, type(error).__name__)
                    self._metrics.turns.labels(outcome="postponed").inc()
                    if not await self._postpone(conversation_id, error) and first_attempt is not None:
                        await self._tell_received(first_attempt)  # not even the attempt is noted: say it arrived
                    return False
                await self._fail(conversation_id, error)
                return True
        self._metrics.turns.labels(outcome="done").inc()
        if answer is not None and (conversation_id, key) in self._invoke_answers:
            self._invoke_answers[(conversation_id, key)] = answer
        return more

    async def _turn(self, session: AsyncSession, conversation_id: str, row: Row[Any], ready: dict[str, Activity]) -> Any:
        """Run the row's turn (a card pressed again is none) and mark the row done; the invoke response.
        `ready`: activities the endpoint already deserialised, by activity key (spares doing it again)."""
        body = dict(row.body)
        add_to_log_context(activity_id=_activity_id_of(body))
        answer = None
        if await self._first_press(session, conversation_id, body):
            activity = ready.pop(row.activity_key, None) or Activity().deserialize(body)
            answer = await self._adapter.run_turn(activity, self._bot.on_turn)
        await store.finish(session, row.id, self._clock.now())
        return answer

    async def _first_press(self, session: AsyncSession, conversation_id: str, body: dict[str, Any]) -> bool:
        """False for a card button pressed again (Teams sends each press): that press is not a turn."""
        value = body.get("value")
        if isinstance(value, dict) and isinstance(value.get("action"), dict):  # adaptiveCard/action invoke
            value = value["action"].get("data")
        card_id = value.get(CARD_ID_KEY) if isinstance(value, dict) else None
        if not isinstance(card_id, str) or not card_id:
            return True
        if await card_presses.first_press(session, conversation_id, card_id, self._clock.now()):
            return True
        log.info("card %s in %s pressed again: ignored", card_id, conversation_id)
        return False

    async def _postpone(self, conversation_id: str, error: Exception) -> bool:
        """Note the failed attempt; the first time a message's turn cannot run, the customer hears that it
        arrived. False when even that cannot be written (the database is still away)."""
        try:
            async with self._sessions.begin() as session:
                row = await store.next_pending(session, conversation_id)
                if row is None:
                    return True
                first, body = row.attempts == 0, dict(row.body)
                await store.postpone(session, row.id, self._clock.now() + self._retry_after, repr(error))
        except Exception:  # still away: the recovery loop finds the row when it is back
            return False
        if first and body.get("type") == "message":
            await self._tell_received(body)
        return True

    async def _fail(self, conversation_id: str, error: Exception) -> None:
        """A turn that raised for another reason: recorded as failed, the customer gets an apology."""
        async with self._sessions.unit_of_work(lock_key=conversation_id) as unit:
            row = await store.next_pending(unit.session, conversation_id)
            if row is None:
                return
            add_to_log_context(activity_id=_activity_id_of(dict(row.body)))
            log.error("turn for activity %s in %s failed", row.activity_key, conversation_id, exc_info=error)
            self._metrics.turns.labels(outcome="failed").inc()
            self._metrics.errors.inc()
            await store.finish(unit.session, row.id, self._clock.now(), status="failed", error=repr(error)[:2000])
            context = TurnContext(self._adapter, Activity().deserialize(dict(row.body)))
            await self._on_turn_failed(context, error)

    async def recover(self, older_than: timedelta = timedelta(seconds=10)) -> int:
        """Move spooled activities into the database, then run turns nobody is running; how many chats."""
        from_spool: list[str] = []
        for path in self._spool.waiting():
            body = self._spool.read(path)
            if body is not None:
                try:
                    await self._store(body)  # raises while the database is still away: the order is kept
                except Exception as error:
                    if is_database_unavailable(error):
                        raise
                    log.error("spooled activity %s refused by the database (%s): set aside", path.name, error)
                    self._spool.set_aside(path)
                    continue
                from_spool.append(_conversation_of(body))
            self._spool.remove(path)
        async with self._sessions() as session:
            owed = await store.conversations_owed(session, self._clock.now(), older_than)
        owed = list(dict.fromkeys(from_spool + owed))  # spooled turns are this replica's to run, at once
        for conversation_id in owed:
            await self.run_owed(conversation_id)
        return len(owed)

    async def run_recovery(self, stopping: asyncio.Event, every: timedelta = timedelta(seconds=2)) -> None:
        """The background loop; errors are logged and the loop goes on until `stopping` is set."""
        while not stopping.is_set():
            try:
                await self.recover()
            except Exception:
                log.warning("inbox recovery round failed", exc_info=True)
            try:
                await asyncio.wait_for(stopping.wait(), every.total_seconds())
            except asyncio.TimeoutError:
                pass


def activity_key(body: dict[str, Any]) -> str:
    """What makes a redelivery recognisable: the activity id for a message; for other types the type
    too (an edit or delete carries the id of the message it changes), and for an edit a digest of
    its body as well (each edit of one message is a new event). A digest when Teams sent no id."""
    identifier, kind = body.get("id"), str(body.get("type") or "")
    if not isinstance(identifier, str) or not identifier:
        return "sha256:" + _digest(body)
    if kind == "message":
        return identifier[:256]
    if kind == "messageUpdate":
        return f"{kind}:{_digest(body)[:32]}:{identifier}"[:256]
    return f"{kind}:{identifier}"[:256]


def _digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()


def _activity_id_of(body: dict[str, Any]) -> str | None:
    identifier = body.get("id")
    return identifier[:256] if isinstance(identifier, str) and identifier else None


def _conversation_of(body: dict[str, Any]) -> str:
    return str((body.get("conversation") or {}).get("id"))[:512]
