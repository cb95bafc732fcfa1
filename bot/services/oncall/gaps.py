"""Gap warnings: management hears, at start-up and each day, when nobody is on call outside hours.

The check claims its run in `job_runs` under the day and the gaps found, so replicas that start
or fire together warn once, a restart the same day with the same gaps stays quiet, and a change
that opens a new gap is warned about at the next start-up or the next morning.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.policy import Gap
from bot.services import jobs
from bot.services.notifier import Notifier
from bot.services.oncall.roster import Roster
from bot.services.replies.oncall import gap_warning
from bot.services.staff_language import staff_language
from bot.services.timers import Timers
from storage.job_runs import claim_run
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger(__name__)
JOB_NAME = "on_call_gaps"
TIMER_ID = "on-call-gaps:daily"


class GapWarnings:
    def __init__(self, roster: Roster, sessions: UnitOfWorkSessions, notifier: Notifier, timers: Timers):
        self._roster, self._sessions, self._notifier, self._timers = roster, sessions, notifier, timers
        jobs.bind(JOB_NAME, self.check)

    async def start(self) -> None:
        """At start-up: the daily job (one per job store, whatever the replicas) and a check now."""
        config = self._roster.config.on_call.gap_warnings
        await self._timers.daily(TIMER_ID, config.daily_at, self._roster.zone, JOB_NAME)
        try:
            await self.check()
        except Exception:  # a warning that fails must not keep the bot from starting
            log.exception("on-call gap check at start-up failed")

    async def check(self) -> list[Gap]:
        """Find the gaps of the coming days; the first replica to claim them tells management."""
        now = self._roster.now()
        day_start = datetime.combine(now.astimezone(ZoneInfo(self._roster.zone)).date(), time(0), tzinfo=ZoneInfo(self._roster.zone))
        ends = self._roster.window_end(now)
        found = self._roster.gaps(await self._roster.timeline(day_start, ends))  # whole days: a stable key
        gaps = [Gap(max(g.starts, now), g.ends) for g in found if g.ends > now]  # what is still ahead
        if not gaps:
            log.info("on call: no gaps outside business hours in the next %d days", self._roster.days)
            return []
        try:
            async with self._sessions.unit_of_work() as unit:  # the claim commits with the notices, or not at all
                if not await claim_run(unit.session, _run_key(day_start, found), now):
                    return gaps
                log.warning(
                    "on call: nobody on call outside business hours in the next %d days at %s", self._roster.days,
                    ", ".join(f"{g.starts.isoformat()}/{g.ends.isoformat()}" for g in gaps),
                )  # fmt: skip
                if not await self._tell_management(gaps):
                    raise _NobodyToldYet
        except _NobodyToldYet:
            log.error("on call: no one in management can be reached yet; the gaps are told at the next check")
        return gaps

    async def _tell_management(self, gaps: list[Gap]) -> int:
        """How many in management the warning is on its way to."""
        backup = self._roster.name(self._roster.config.on_call.backup)
        told = 0
        for manager in self._roster.management():
            lang = await staff_language(self._sessions, manager)
            notice = gap_warning(lang, gaps, self._roster.days, backup, self._roster.zone)
            if await self._notifier.to_person(manager, [notice]):
                told += 1
            else:
                log.error("on call: could not tell %s about the gaps in the schedule", manager)
        return told


class _NobodyToldYet(Exception):
    """Rolls the claim back, so the next check (a restart, the daily job) tries again."""


def _run_key(day_start: datetime, gaps: list[Gap]) -> str:
    digest = hashlib.sha256("|".join(f"{g.starts.timestamp()}-{g.ends.timestamp()}" for g in gaps).encode()).hexdigest()
    return f"on-call-gaps:{day_start.date().isoformat()}:{digest[:16]}"
