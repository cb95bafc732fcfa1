"""Pages that Teams cannot deliver also go out by e-mail and to the SMS/voice gateway (issue 9, part 5).

Teams is part of Office 365, and an Office 365 outage is exactly when emergencies come. A page goes
out of band when Teams refused it for good, or has not taken it `after` it was made (transient
failures may go on for an hour). Accepted out of band, the page counts as delivered: the person
gets the whole acknowledgement window, and the one-time link in the message acknowledges it.
Sending happens after the surrounding transaction commits, never inside it (a channel may take a
minute); a crash in between loses the out-of-band copy, not the page, whose Teams delivery and
timeout go on.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.services import jobs
from bot.services.clock import Clock
from bot.services.out_of_band import OutOfBandPager, OutOfBandReason
from bot.services.staff_language import staff_language
from bot.services.timers import Timers
from storage import unit_of_work
from storage import tickets as ticket_store
from storage.job_runs import claim_run
from storage.models import Page
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger(__name__)
DUE_JOB = "page_out_of_band"
PageAction = Callable[[int], Awaitable[None]]


class PageOutOfBand:
    def __init__(
        self, sessions: UnitOfWorkSessions, config: ConfigHolder, clock: Clock, timers: Timers,
        pager: OutOfBandPager | None, *, after: timedelta = timedelta(minutes=2),
    ):
        self._sessions, self._holder, self._clock, self._timers = sessions, config, clock, timers
        self._pager, self._after = pager, after
        self._delivered: PageAction | None = None
        jobs.bind(DUE_JOB, self.on_due)

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    @property
    def enabled(self) -> bool:
        return self._pager is not None

    def when_delivered(self, delivered: PageAction) -> None:
        """What counts a page as delivered (the paging service's `page_delivered`)."""
        self._delivered = delivered

    async def arm(self, page_id: int) -> None:
        """A page just went into the outbox: go out of band if Teams has not taken it in time."""
        if self.enabled:
            await self._timers.at(_timer(page_id), self._clock.now() + self._after, DUE_JOB, page_id=page_id)

    async def rearm(self, page: Page) -> None:
        """At start-up, for a page Teams has not taken yet: its deadline back, counted from when it went
        out. A timer is removed from the store when it fires, so one whose replica stopped before the
        out-of-band copy was sent is gone; the claim in `on_due` keeps a second firing from sending twice."""
        if self.enabled and page.status == "sending" and not await self._timers.exists(_timer(page.id)):
            due = max(page.sent_at + self._after, self._clock.now())
            await self._timers.at(_timer(page.id), due, DUE_JOB, page_id=page.id)

    async def disarm(self, page_ids: list[int]) -> None:
        if self.enabled:
            await self._timers.cancel(*(_timer(page_id) for page_id in page_ids))

    async def on_due(self, page_id: int) -> None:
        """Fired by the scheduler: still not in Teams, so the page goes out of band too."""
        async with self._sessions.begin() as session:
            page = await session.get(Page, page_id)
            if page is None or page.status != "sending":
                return
            if not await claim_run(session, _timer(page_id), self._clock.now()):
                return  # another replica fired the same timer: one out-of-band copy
        self._after_commit(lambda: self._send_and_count(page_id, None))

    async def instead_of_teams(self, page_id: int, otherwise: PageAction) -> bool:
        """Teams refused the page for good: out of band, and `otherwise(page_id)` if no channel took it.
        False (and nothing done) when out-of-band paging is not configured."""
        if not self.enabled:
            return False
        self._after_commit(lambda: self._send_and_count(page_id, otherwise))
        return True

    async def chain_ran_out(self, ticket_id: int, staff_object_ids: list[str]) -> None:
        """Nobody acknowledged in any round: everyone in the chain gets it out of band, once more."""
        if self.enabled:
            self._after_commit(lambda: self._send_all(ticket_id, staff_object_ids))

    def _after_commit(self, action: Callable[[], Awaitable[None]]) -> None:
        if not unit_of_work.after_commit(action):
            raise RuntimeError("out-of-band paging runs inside a unit of work (a turn, a job, a delivery)")

    async def _send_and_count(self, page_id: int, otherwise: PageAction | None) -> None:
        async with self._sessions() as session:
            page = await session.get(Page, page_id)
        accepted = page is not None and await self._send(page.ticket_id, page.staff_object_id, OutOfBandReason.TEAMS_UNREACHABLE)
        async with self._sessions.unit_of_work():
            if accepted and self._delivered is not None:
                await self._delivered(page_id)
            elif not accepted and otherwise is not None:
                await otherwise(page_id)

    async def _send_all(self, ticket_id: int, staff_object_ids: list[str]) -> None:
        for object_id in dict.fromkeys(staff_object_ids):
            await self._send(ticket_id, object_id, OutOfBandReason.ROUND_UNANSWERED)

    async def _send(self, ticket_id: int, staff_object_id: str, reason: OutOfBandReason) -> bool:
        assert self._pager is not None
        member = self._config.staff_member(staff_object_id)
        if member is None:
            return False
        async with self._sessions() as session:
            ticket = await ticket_store.ticket_by_id(session, ticket_id)
        if ticket is None:
            return False
        language = await staff_language(self._sessions, staff_object_id)
        page = self._pager.compose(
            ticket_number=ticket.number, organisation=ticket.organisation,
            reporter=ticket.reporter.name, description=ticket.description, staff=member,
            language=language, reason=reason,
        )
        return await self._pager.page(page)


def _timer(page_id: int) -> str:
    return f"page-out-of-band:{page_id}"
