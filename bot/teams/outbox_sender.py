"""The one sender: delivers outbox messages to the Bot Connector, retrying until the connector accepts.

Each lane (a chat, or a person without one) is delivered in order by its own task, so a slow or
throttled conversation never delays another; no send runs in a thread pool. Transient failures
(429, 412, 5xx, resets, time-outs) are retried with backoff and jitter, honouring `Retry-After`;
a chat that is gone (403, 404, 400 on a stale service URL) is replaced by a new 1:1 chat through
the tenant's current service URL when the message is for a person. Delivered means the connector
answered 2xx: only then is the message in the transcript, with the activity id it returned.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from math import ceil
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.observability.logging import log_context
from bot.observability.metrics import Metrics
from bot.services.clock import Clock
from bot.teams.connector_client import ConnectorAnswer, ConnectorClient
from bot.teams.delivery_policy import Backoff, Outcome, RateLimits, lease_for, outcome_of, retry_after_seconds
from storage.faults import is_database_unavailable
from storage import conversations, directory
from storage import outbox as store
from storage.outbox import Delivery
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger(__name__)


class DeliveryListener(Protocol):
    """Told the final outcome of messages that carry a page; runs in its own unit of work."""

    async def page_delivered(self, page_id: int) -> None: ...

    async def page_undeliverable(self, page_id: int, reason: str) -> None: ...


@dataclass(frozen=True)
class SenderSettings:
    send_timeout: timedelta = timedelta(seconds=10)
    poll: timedelta = timedelta(seconds=1)
    give_up_after: timedelta = timedelta(hours=24)  # a reply nobody could deliver for a day is news to no one
    max_rate_wait_seconds: float = 5.0
    silent_sender: timedelta = timedelta(seconds=15)  # no heartbeat this long: its claims are free again
    max_queue_wait: timedelta = timedelta(seconds=30)  # a longer rate-limit wait puts the message back


class OutboxSender:
    def __init__(
        self, sessions: UnitOfWorkSessions, client: ConnectorClient, clock: Clock, *, metrics: Metrics,
        settings: SenderSettings | None = None, backoff: Backoff | None = None,
    ):
        self._sessions, self._client, self._clock, self._metrics = sessions, client, clock, metrics
        self._settings = settings or SenderSettings()
        self._backoff = backoff or Backoff()
        self._limits = RateLimits()
        self._listener: DeliveryListener | None = None
        self._wake = asyncio.Event()
        self._lanes: dict[str, asyncio.Lock] = {}
        self._waiting_for_retry: set[int] = set()  # claimed in this round, back in the queue for a retry
        self.identity = uuid.uuid4().hex  # this process's sender, in its heartbeat and its claims
        self._background: set[asyncio.Task[None]] = set()
        self._attempts: dict[int, asyncio.Event] = {}  # claimed here, first attempt not yet over
        self._heart: asyncio.Task[None] | None = None
        self._heart_stopping = asyncio.Event()

    def listen(self, listener: DeliveryListener) -> None:
        self._listener = listener

    def wake(self) -> None:
        self._wake.set()

    async def start(self) -> None:
        """Beat once before anything is claimed, so no other replica takes this one's claims for a dead one's."""
        async with self._sessions.begin() as session:
            await store.beat(session, self.identity, self._clock.now())

    async def run(self, stopping: asyncio.Event) -> None:
        """The background loop: due retries, leases of dead senders, anything a flush left behind.
        Stops between rounds, never inside a transaction, once `stopping` is set.

        A round hands its chats to tasks of their own and does not wait for them: one chat whose send
        hangs holds up only that chat. The heartbeat runs beside the rounds, so a slow queue never
        looks like a dead sender to the other replicas."""
        if self._heart is None:  # beats until `close`: deliveries under way outlive the rounds
            self._heart = asyncio.create_task(self._beat_until(self._heart_stopping))
        await self._rounds_until(stopping)

    async def _beat_until(self, stopping: asyncio.Event) -> None:
        every = self._settings.silent_sender.total_seconds() / 3
        while not stopping.is_set():
            try:
                async with self._sessions.begin() as session:
                    now = self._clock.now()
                    await store.beat(session, self.identity, now)
                    in_hand = list(self._attempts)  # claimed here and not finished: a dead task's claim is not
                    await store.renew_leases(session, self.identity, in_hand, now, lease_for(self._settings.send_timeout))
            except Exception:  # the database may be away: the next beat tries again
                log.warning("outbox sender heartbeat failed", exc_info=True)
            try:
                await asyncio.wait_for(stopping.wait(), every)
            except asyncio.TimeoutError:
                pass

    async def _rounds_until(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            waking = asyncio.ensure_future(self._wake.wait())
            stop = asyncio.ensure_future(stopping.wait())
            await asyncio.wait({waking, stop}, timeout=self._settings.poll.total_seconds(),
                               return_when=asyncio.FIRST_COMPLETED)
            for waiter in (waking, stop):
                waiter.cancel()
            if stopping.is_set():
                return
            self._wake.clear()
            try:
                await self.deliver_due(wait=False)
            except Exception:  # the database may be away; the next round tries again
                log.warning("outbox round failed; retrying in %ss", self._settings.poll.total_seconds(), exc_info=True)

    async def flush(self, ids: Iterable[int], *, wait_seconds: float) -> None:
        """Deliver these messages now (the first attempt; retries belong to the background loop),
        waiting at most `wait_seconds` for it: a hanging connector does not hold up the caller."""
        await self._wait_for(self._first_attempts(list(ids)), wait_seconds)

    async def _wait_for(self, attempts: Coroutine[Any, Any, None], wait_seconds: float) -> None:
        task = asyncio.create_task(attempts)
        self._background.add(task)
        task.add_done_callback(self._finished)
        try:
            await asyncio.wait_for(asyncio.shield(task), wait_seconds)
        except asyncio.TimeoutError:
            log.info("first delivery attempt still running after %ss; it goes on in the background", wait_seconds)

    async def claim_in(self, session: AsyncSession, deliveries: list[Delivery]) -> list[Delivery]:
        """Inside the unit of work that wrote them, just before it commits: claim the unit's messages,
        so delivering them needs no transaction of its own. Claimed for this sender like any other claim:
        a crash before the attempt stops its heartbeat, and the messages are free again (`release_abandoned`)."""
        return await store.claim_new(
            session, deliveries, self._clock.now(), lease_for(self._settings.send_timeout), sender=self.identity,
        )

    async def deliver_claimed(self, claimed: list[Delivery], *, wait_seconds: float) -> None:
        """The first attempt of messages `claim_in` took, waiting at most `wait_seconds` for it."""
        if not claimed:
            return
        for delivery in claimed:
            self._attempts[delivery.id] = asyncio.Event()
        await self._wait_for(self._deliver_claimed(claimed), wait_seconds)

    async def _first_attempts(self, ids: list[int]) -> None:
        """Deliver what we can claim; wait for those another round (the background loop) claimed first."""
        await self.deliver_due(ids)
        elsewhere = [self._attempts[row_id].wait() for row_id in ids if row_id in self._attempts]
        if elsewhere:
            await asyncio.gather(*elsewhere)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("a delivery round failed; the background loop retries", exc_info=task.exception())

    async def close(self, grace_seconds: float = 10.0) -> None:
        """At shutdown: first attempts under way get a moment to finish; what is still mid-flight stays
        claimed and is sent again (by any replica) once its lease runs out."""
        if self._background:
            await asyncio.wait(list(self._background), timeout=grace_seconds)
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        self._heart_stopping.set()  # only now: another replica takes over what is left once we go silent
        if self._heart is not None:
            await asyncio.wait({self._heart}, timeout=2)  # a beat under way finishes its transaction
            self._heart.cancel()
            await asyncio.gather(self._heart, return_exceptions=True)
            self._heart = None

    async def deliver_due(self, ids: list[int] | None = None, *, wait: bool = True) -> None:
        """Claim what is due (`ids`: only these) and deliver it; `wait=False` (the background loop)
        returns once the deliveries are under way."""
        now = self._clock.now()
        claimed: list[Delivery] = []
        try:
            async with self._sessions.begin() as session:
                if ids is None:  # a background round: beat, take back what dead senders held, measure
                    await store.beat(session, self.identity, now)
                    await store.release_abandoned(session, now, self._settings.silent_sender)
                    self._metrics.outbox_backlog.set(await store.waiting(session))
                claimed = await store.claim(
                    session, now, lease_for(self._settings.send_timeout), sender=self.identity, ids=ids,
                )
                for delivery in claimed:  # before the commit: a flush that finds them claimed waits for these
                    self._attempts[delivery.id] = asyncio.Event()
        except BaseException:
            self._attempts_over(claimed)
            raise
        if wait:
            await self._deliver_claimed(claimed)
        elif claimed:
            task = asyncio.create_task(self._deliver_claimed(claimed))
            self._background.add(task)
            task.add_done_callback(self._finished)

    async def _deliver_claimed(self, claimed: list[Delivery]) -> None:
        by_lane: dict[str, list[Delivery]] = {}
        for delivery in claimed:
            by_lane.setdefault(store.lane_of(delivery.conversation_id, delivery.recipient_object_id), []).append(delivery)
        try:
            await asyncio.gather(*(self._deliver_lane(lane, items) for lane, items in by_lane.items()))
        finally:
            self._attempts_over(claimed)
        self._limits.forget_idle(time.monotonic())

    def _attempts_over(self, deliveries: list[Delivery]) -> None:
        for delivery in deliveries:
            event = self._attempts.pop(delivery.id, None)
            if event is not None:
                event.set()

    async def _deliver_lane(self, lane: str, deliveries: list[Delivery]) -> None:
        lock = self._lanes.setdefault(lane, asyncio.Lock())
        async with lock:
            for position, delivery in enumerate(deliveries):
                with log_context(fresh=True, conversation_id=delivery.conversation_id):
                    try:
                        await self._deliver(delivery)
                    except Exception as error:  # never leave a claimed message stuck because of a bug or a blip
                        log.exception("delivering outbox message %s failed", delivery.id)
                        await self._retry(delivery, f"{type(error).__name__}: {error}", None)
                    finally:
                        self._attempts_over([delivery])
                if delivery.id in self._waiting_for_retry:  # the rest of the chat waits behind it, in order
                    self._waiting_for_retry.discard(delivery.id)
                    await self._unclaim(deliveries[position + 1:])
                    break
        if not lock.locked() and self._lanes.get(lane) is lock:
            del self._lanes[lane]

    async def _deliver(self, delivery: Delivery) -> None:
        conversation_id, service_url = delivery.conversation_id, delivery.service_url
        if conversation_id is None:
            opened = await self._open_chat(delivery)
            if opened is None:
                return
            conversation_id, service_url = opened
        if (later := await self._respect_rate_limits(conversation_id, delivery.tenant_id)) > 0:
            await self._retry(delivery, "held back by Teams' rate limits", str(ceil(later)))
            return
        activity = {**delivery.activity, "conversation": {**(delivery.activity.get("conversation") or {}), "id": conversation_id}}
        answer = await self._client.send(service_url, conversation_id, activity)
        outcome = outcome_of(answer.status) if answer.status else Outcome.TRANSIENT
        if outcome is Outcome.DELIVERED:
            await self._delivered(delivery, conversation_id, answer)
        elif outcome is Outcome.TRANSIENT:
            await self._retry(delivery, answer.error, answer.retry_after)
        elif outcome is Outcome.GONE and delivery.recipient_object_id and not delivery.opened_new_chat:
            log.warning("chat %s answered %s: opening a new 1:1 chat for outbox message %s", conversation_id,
                        answer.status, delivery.id)
            async with self._sessions.begin() as session:
                await store.reroute_to_new_chat(session, delivery.id, answer.error)
            await self._deliver(replace(delivery, conversation_id=None, opened_new_chat=True))
        else:
            await self._give_up(delivery, answer.error)

    async def _respect_rate_limits(self, conversation_id: str, tenant_id: str | None) -> float:
        """Wait for Teams' rate limits, up to `max_queue_wait`; the seconds still to wait beyond that (the
        message goes back to the queue until then rather than holding its claim), else 0."""
        waited = 0.0
        wait = self._limits.wait(conversation_id, tenant_id, time.monotonic())
        while wait > 0:
            if waited + wait > self._settings.max_queue_wait.total_seconds():
                return wait
            pause = min(wait, self._settings.max_rate_wait_seconds)
            await asyncio.sleep(pause)
            waited += pause
            wait = self._limits.wait(conversation_id, tenant_id, time.monotonic())
        self._limits.record(conversation_id, tenant_id, time.monotonic())
        return 0.0

    async def _open_chat(self, delivery: Delivery) -> tuple[str, str] | None:
        """A new 1:1 chat with the recipient through the tenant's most recently seen service URL."""
        async with self._sessions() as session:
            person = await directory.person_by_object_id(session, delivery.recipient_object_id or "")
            template = await conversations.any_conversation_in_tenant(session, delivery.tenant_id or "")
        if template is None:
            await self._give_up(delivery, "no chat in the tenant tells the service URL to open one")
            return None
        bot_account = template.reference.get("bot") or {}
        parameters = {
            "isGroup": False, "bot": {"id": bot_account.get("id"), "name": bot_account.get("name")},
            "members": [{"id": delivery.recipient_object_id}], "tenantId": delivery.tenant_id,
            "channelData": {"tenant": {"id": delivery.tenant_id}},
        }
        answer = await self._client.create_conversation(template.service_url, parameters)
        outcome = outcome_of(answer.status) if answer.status else Outcome.TRANSIENT
        conversation_id = answer.body.get("id") if outcome is Outcome.DELIVERED else None
        if outcome is Outcome.TRANSIENT:
            await self._retry(delivery, answer.error, answer.retry_after)
            return None
        if not isinstance(conversation_id, str) or not conversation_id:
            await self._give_up(delivery, answer.error or "the connector opened no chat")
            return None
        reference = {
            "bot": bot_account, "user": {"id": delivery.recipient_object_id, "aadObjectId": delivery.recipient_object_id},
            "conversation": {"id": conversation_id, "conversationType": "personal", "tenantId": delivery.tenant_id},
            "channelId": template.channel_id, "serviceUrl": template.service_url,
        }
        async with self._sessions.begin() as session:
            await conversations.save_reference(
                session, conversation_id=conversation_id, person_id=person.id if person else None,
                organisation_id=person.organisation_id if person else None, channel_id=template.channel_id,
                service_url=template.service_url, reference=reference, now=self._clock.now(),
            )
        return conversation_id, template.service_url

    async def _delivered(self, delivery: Delivery, conversation_id: str, answer: ConnectorAnswer) -> None:
        activity_id = answer.body.get("id") if isinstance(answer.body.get("id"), str) else None
        ours, waiting = await self._record_delivery(delivery, conversation_id, activity_id)
        self._metrics.replies.inc()
        if waiting:
            self.wake()  # the lane's next message was held back by this one
        if ours and delivery.page_id is not None and self._listener is not None:
            async with self._sessions.unit_of_work():
                await self._listener.page_delivered(delivery.page_id)

    async def _record_delivery(
        self, delivery: Delivery, conversation_id: str, activity_id: str | None,
    ) -> tuple[bool, bool]:
        """The connector took it: that must be written down, or the message is sent again once its lease
        runs out. While the database is away, keep trying (holding the lane, so its order stays).
        Whether it was ours, and whether a message of its lane waits for it (asked in the same transaction)."""
        pause = 0.5
        lane = store.lane_of(delivery.conversation_id, delivery.recipient_object_id)
        while True:
            try:
                async with self._sessions.begin() as session:
                    ours = await store.delivered(
                        session, delivery, conversation_id=conversation_id, activity_id=activity_id,
                        now=self._clock.now(),
                    )
                    return ours, await store.lane_has_waiting(session, lane)
            except Exception as error:
                if not is_database_unavailable(error):
                    raise
                log.warning("outbox message %s was delivered but cannot be recorded yet (%s); retrying",
                            delivery.id, type(error).__name__)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 5.0)

    async def _unclaim(self, deliveries: list[Delivery]) -> None:
        if deliveries:
            async with self._sessions.begin() as session:
                await store.unclaim(session, [d.id for d in deliveries])

    async def _retry(self, delivery: Delivery, error: str, retry_after: str | None) -> None:
        self._waiting_for_retry.add(delivery.id)
        now = self._clock.now()
        if delivery.page_id is None and now - delivery.created_at > self._settings.give_up_after:
            await self._give_up(delivery, f"still failing after {self._settings.give_up_after}: {error}")
            return
        delay = self._backoff.delay(delivery.attempts + 1, retry_after_seconds(retry_after, now))
        self._metrics.deliveries_retried.inc()
        log.info("outbox message %s not delivered (%s): next attempt in %.1fs", delivery.id, error, delay)
        async with self._sessions.begin() as session:
            await store.retry_later(session, delivery.id, now + timedelta(seconds=delay), error)

    async def _give_up(self, delivery: Delivery, reason: str) -> None:
        log.error("outbox message %s (%s) cannot be delivered: %s", delivery.id, delivery.kind, reason)
        async with self._sessions.begin() as session:
            await store.failed(session, delivery.id, reason)
        if delivery.page_id is not None and self._listener is not None:
            async with self._sessions.unit_of_work():
                await self._listener.page_undeliverable(delivery.page_id, reason)
