"""Emergencies outside business hours: one P1 ticket, one page chain, timeouts that survive restarts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.observability.logging import add_to_log_context, log_context
from bot.observability.metrics import Metrics
from bot.policy import PageTarget, Staff, page_chain
from bot.services import jobs, replies
from bot.services.clock import Clock
from bot.services.customer_language import customer_language
from bot.services.messages import Caller, Reply
from bot.services.notifier import Notifier
from bot.services.paging_out_of_band import PageOutOfBand
from bot.services.policy_setup import on_call_schedule, overrides
from bot.services.replies.oncall import staff_names, why_paged
from bot.services.staff_language import staff_language
from bot.services.ticket_views import view_of
from bot.services.tickets import NewTicket, TicketService
from bot.services.timers import Timers
from storage import claims
from storage import outbox as outbox_store
from storage import paging as page_store
from storage import tickets as ticket_store
from storage import unit_of_work
from storage.models import Page
from storage.records import TicketRecord
from bot.policy import TicketStatus
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)
TIMEOUT_JOB = "page_timeout"
JOIN_WINDOW = timedelta(hours=6)  # a report this soon after an unresolved emergency is about the same one


@dataclass(frozen=True, slots=True)
class SettledPages:
    """Pages an acknowledgement, take-over or resolve answered, and how long each had waited."""

    page_ids: list[int]
    waited: list[timedelta]

    @property
    def described(self) -> str:
        """For the log: "1 waiting page", "2 waiting pages"."""
        return f"{len(self.page_ids)} waiting page" + ("" if len(self.page_ids) == 1 else "s")


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """The outcome of an acknowledgement: was it the first, and who holds the acknowledgement."""

    number: str
    first: bool
    by: str


class PagingService:
    def __init__(
        self, sessions: Sessions, config: ConfigHolder, clock: Clock,
        notifier: Notifier, timers: Timers, tickets: TicketService, out_of_band: PageOutOfBand, metrics: Metrics,
    ):
        self._sessions, self._holder, self._clock, self._metrics = sessions, config, clock, metrics
        self._notifier, self._timers, self._tickets = notifier, timers, tickets
        self._out_of_band = out_of_band
        jobs.bind(TIMEOUT_JOB, self.on_timeout)
        out_of_band.when_delivered(self.page_delivered)

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    @property
    def _acknowledge_within(self) -> timedelta:
        return timedelta(minutes=self._config.timeouts.acknowledge_minutes)

    async def report_emergency(self, caller: Caller, conversation_id: str, new: NewTicket) -> tuple[Reply, ...]:
        """A second report of the same emergency joins the first: one page chain per emergency.

        The replies of this turn, in order: the ticket made, then (when nobody in the chain can be
        reached at all) that nobody was reached yet."""
        join_since = self._clock.now() - JOIN_WINDOW
        report = await self._tickets.open_emergency(caller, conversation_id, new, join_since)
        later: list[Reply] = []
        if report.created:
            await self._page_from(report.view.number, 0, later)
        elif report.acknowledged_by:
            return (replies.emergency_joined(caller.language, report.view.number, report.acknowledged_by),)
        return (replies.emergency_paged(caller.language, report.view.number), *later)

    async def acknowledge(self, staff: Caller, number: str) -> Acknowledgement | None:
        """Someone is on it: pages stop, their timers go, the customer hears who. None: no such ticket."""
        now = self._clock.now()
        async with self._sessions.begin() as session:
            ticket = await ticket_store.ticket_by_number(session, number)
            if ticket is None:
                return None
            add_to_log_context(ticket=number)
            first = await claims.claim_acknowledgement(session, ticket.id, staff.person_id, now)
            settled = await settle_pages(session, ticket.id, now)
            ticket = await ticket_store.ticket_by_id(session, ticket.id) or ticket  # as the claims left it
            by = ticket.acknowledged_by.name if ticket.acknowledged_by else staff.name
            conversation_id = ticket.conversation_id
            language = await customer_language(session, conversation_id, ticket.reporter.locale)
        log.info("ticket %s acknowledged by %s (%s): %s settled", number, staff.object_id,
                 "first" if first else "again", settled.described)
        await self.pages_settled(settled)
        if first and conversation_id:
            await self._notifier.to_conversation(conversation_id, [replies.acknowledged(language, staff.name, number)])
        return Acknowledgement(number, first, by)

    async def pages_settled(self, settled: SettledPages) -> None:
        """After the transaction that settled pages (`settle_pages`): each counts as acknowledged, with
        its wait, once the turn commits; their timers go and undelivered copies are not sent."""
        _once_committed(lambda: self._count_acknowledged(settled.waited))
        await self.cancel_timeouts(settled.page_ids)

    def _count_acknowledged(self, waited: list[timedelta]) -> None:
        for wait in waited:
            self._metrics.pages_acknowledged.inc()
            self._metrics.time_to_acknowledge.observe(max(wait.total_seconds(), 0.0))

    async def cancel_timeouts(self, page_ids: list[int]) -> None:
        """After pages were settled in the database (acknowledge, take over, resolve): their timers go,
        and pages Teams has not taken yet are not delivered any more."""
        async with self._sessions.begin() as session:
            await outbox_store.cancel_page_messages(session, page_ids)
        await self._timers.cancel(*(_timeout_timer(page_id) for page_id in page_ids))
        await self._out_of_band.disarm(page_ids)

    async def on_timeout(self, page_id: int) -> None:
        """Fired by the scheduler; only the first firing that claims the page moves the chain on."""
        async with self._sessions.begin() as session:
            page = await page_store.claim_timeout(session, page_id, self._clock.now())
            ticket = await ticket_store.ticket_by_id(session, page.ticket_id) if page else None
        if page is None or ticket is None:
            return
        with log_context(ticket=ticket.number):
            log.warning("page %s for %s not acknowledged in time: paging the next person", page_id, ticket.number)
            await self._page_from(ticket.number, page.chain_index + 1)

    async def resume(self) -> None:
        """At start-up, and every minute on each replica (app.py): every unattended emergency gets its
        waiting page's timer back, or moves on.

        Covers a stop between storing the ticket and the first page, between a timeout's claim
        and the next page, and between a page and its timer. One ticket's trouble is logged and
        does not keep the others (or the bot) from starting.
        """
        async with self._sessions() as session:
            found = await page_store.unattended_emergencies(session)
            unattended = [(t.number, await page_store.pages_of(session, t.id)) for t in found]
        for number, pages in unattended:
            try:
                await self._resume_one(number, pages)
            except Exception:
                log.exception("EMERGENCY %s: could not resume its paging at start-up", number)

    async def _resume_one(self, number: str, pages: list[Page]) -> None:
        waiting = [p for p in pages if p.status in page_store.WAITING]
        if waiting:
            await self._rearm(waiting[-1])
        else:
            log.warning("EMERGENCY %s had no page waiting after a restart: paging on", number)
            await self._page_from(number, max((p.chain_index for p in pages), default=-1) + 1)

    async def _rearm(self, page: Page) -> None:
        """The waiting page's timeout, counted from when it went out; a page another replica is still
        sending keeps its status, and its timeout moves the chain on if that replica never finishes."""
        if not await self._timers.exists(_timeout_timer(page.id)):
            await self._schedule_timeout(page.id, max(page.sent_at + self._acknowledge_within, self._clock.now()))
        await self._out_of_band.rearm(page)

    async def _page_from(self, number: str, index: int, told: list[Reply] | None = None) -> None:
        """Page the chain from `index`, skipping whoever cannot be reached; loud when it runs out.

        `told`: the customer's notice goes there (after the turn's own reply) instead of to the chat."""
        async with self._sessions() as session:
            ticket = await ticket_store.ticket_by_number(session, number)
            assert ticket is not None
            chain = await self._chain(session, ticket)
        for position in range(index, len(chain)):
            outcome = await self._page(ticket, chain[position], position)
            if outcome != "unreachable":  # waiting for an acknowledgement, or someone is on it already
                return
        await self._chain_ran_out(ticket, [target.staff_id for target in chain], told)

    async def _chain_ran_out(self, ticket: TicketRecord, chain: list[str], told: list[Reply] | None = None) -> None:
        """Never silent: logged as an error, everyone in the chain paged out of band once more, and the
        customer learns to call (the emergency number when the MSP has one), once."""
        log.error("EMERGENCY %s: the page chain is exhausted and nobody acknowledged", ticket.number)
        async with self._sessions.begin() as session:
            first = await claims.mark_unanswered(session, ticket.id, self._clock.now())
        if not first:
            return
        await self._out_of_band.chain_ran_out(ticket.id, chain)
        if ticket.conversation_id:
            async with self._sessions() as session:
                language = await customer_language(session, ticket.conversation_id, ticket.reporter.locale)
            notice = replies.emergency_unanswered(language, ticket.number, self._config.msp)
            if told is not None:
                told.append(notice)
            else:
                await self._notifier.to_conversation(ticket.conversation_id, [notice])

    async def _page(self, ticket: TicketRecord, target: PageTarget, index: int) -> str:
        """"waiting", "unreachable" or "settled" (acknowledged, taken over or resolved: no page).

        "waiting" means the page is in the outbox: it counts once the connector accepts it
        (`page_delivered`), and only a permanent failure moves the chain on (`page_undeliverable`).
        A timeout is set now too, so a page Teams never takes still moves on.
        """
        lang = await staff_language(self._sessions, target.staff_id)
        why = why_paged(lang, target, staff_names(self._config))
        notice = replies.page_notice(lang, view_of(ticket), ticket.organisation, ticket.reporter.name, ticket.description, why)
        page_id = await self._store_page(ticket.id, target, index)  # locks the ticket: its row is read afresh
        if page_id is None:
            return "settled"
        # Until Teams takes it: twice the window, so a queue in the outbox does not spend the round;
        # once delivered, the engineer gets the whole window from then (`page_delivered`, which may
        # run within `to_person` when no transaction is open, so this comes first).
        await self._schedule_timeout(page_id, self._clock.now() + 2 * self._acknowledge_within)
        await self._out_of_band.arm(page_id)
        if not await self._notifier.to_person(target.staff_id, [notice], page_id=page_id):
            async with self._sessions.begin() as session:
                await page_store.finish_page(session, page_id, reached=False)
            await self.cancel_timeouts([page_id])
            log.warning("on-call %s has no chat and none can be opened for %s: skipped", target.staff_id, ticket.number)
            return "unreachable"
        return "waiting"

    async def page_delivered(self, page_id: int) -> None:
        """The connector took the page: from now the engineer has the whole acknowledgement window."""
        async with self._sessions.begin() as session:
            delivered = await page_store.finish_page(session, page_id, reached=True)
        if delivered:
            _once_committed(self._metrics.pages_sent.inc)
            await self._schedule_timeout(page_id, self._clock.now() + self._acknowledge_within)
            await _log_page_sent(self._sessions, page_id)

    async def page_undeliverable(self, page_id: int, reason: str) -> None:
        """Teams refused the page for good (no chat could be opened): out of band to the same person
        when configured, and the next person in the chain when that fails too (or is not configured)."""

        async def move_on(_page_id: int) -> None:
            await self._move_on_from_undeliverable(page_id, reason)

        if not await self._out_of_band.instead_of_teams(page_id, move_on):
            await move_on(page_id)

    async def _move_on_from_undeliverable(self, page_id: int, reason: str) -> None:
        async with self._sessions.begin() as session:
            if not await page_store.finish_page(session, page_id, reached=False, error=reason):
                return  # acknowledged or timed out meanwhile
            page = await session.get(Page, page_id)
            ticket = await ticket_store.ticket_by_id(session, page.ticket_id) if page else None
        if page is None or ticket is None:
            return
        await self.cancel_timeouts([page_id])
        log.warning("page %s for %s could not be delivered (%s): paging the next person", page_id, ticket.number, reason)
        await self._page_from(ticket.number, page.chain_index + 1)

    async def _store_page(self, ticket_id: int, target: PageTarget, index: int) -> int | None:
        """The page row goes in before the message goes out, under the ticket's lock, so an
        acknowledgement either comes first (no page) or finds this page and settles it."""
        try:
            async with self._sessions.begin() as session:
                ticket = await claims.lock_ticket(session, ticket_id)
                if ticket is None or ticket.status != TicketStatus.OPEN or ticket.acknowledged_at is not None:
                    return None
                page = Page(
                    ticket_id=ticket_id, staff_object_id=target.staff_id, chain_index=index, round=target.round,
                    position=str(target.position), status="sending", sent_at=self._clock.now(),
                )
                session.add(page)
                await session.flush()
                return page.id
        except IntegrityError:  # this place in the chain was paged already (another replica)
            return None

    async def _schedule_timeout(self, page_id: int, at: datetime) -> None:
        await self._timers.at(_timeout_timer(page_id), at, TIMEOUT_JOB, page_id=page_id)

    async def _chain(self, session: AsyncSession, ticket: TicketRecord) -> list[PageTarget]:
        """The chain as it stood when the emergency was reported: rota, overrides, backup, management."""
        moment = ticket.created_at
        active = overrides(await page_store.overrides_active_around(session, moment))
        staff = [Staff(m.object_id, m.name, m.role) for m in self._config.staff]
        return page_chain(
            moment, on_call_schedule(self._config), active, self._config.on_call.backup, staff,
            self._config.timeouts.page_rounds,
        )


async def settle_pages(session: AsyncSession, ticket_id: int, now: datetime) -> SettledPages:
    """Mark the ticket's waiting pages answered (acknowledge, take over, resolve); pass the result to
    `PagingService.pages_settled` once this transaction is done."""
    sent_at = {page.id: page.sent_at for page in await page_store.pages_of(session, ticket_id)
               if page.status in page_store.WAITING}
    page_ids = await page_store.acknowledge_pages(session, ticket_id, now)
    return SettledPages(page_ids, [now - sent_at[page_id] for page_id in page_ids if page_id in sent_at])


async def _log_page_sent(sessions: Sessions, page_id: int) -> None:
    """One INFO line per page Teams took: ids only (the page's text is the customer's report)."""
    async with sessions() as session:
        page = await session.get(Page, page_id)
        ticket = await ticket_store.ticket_by_id(session, page.ticket_id) if page else None
    if page is not None and ticket is not None:
        log.info("page %s for ticket %s sent to %s (chain place %d, round %d)", page_id, ticket.number,
                 page.staff_object_id, page.chain_index, page.round, extra={"ticket": ticket.number})


def _once_committed(count: Callable[[], object]) -> None:
    """Count when the unit of work commits (at once outside one): a rolled-back turn counts nothing."""

    async def counted() -> None:
        count()

    if not unit_of_work.after_commit(counted):
        count()


def _timeout_timer(page_id: int) -> str:
    return f"page-timeout:{page_id}"
