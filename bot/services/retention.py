"""The retention purge (AVG/GDPR): every night, transcripts and attachment references past the retention go.

A persistent cron job in the shared job store; every replica may fire it, and the first to claim
the day's run in `job_runs` purges, so it acts once across replicas.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from zoneinfo import ZoneInfo


from bot.config.operator import OperatorConfig
from bot.services import jobs
from bot.services.clock import Clock
from bot.services.timers import Timers
from storage.job_runs import claim_run
from storage.personal_data import purge_transcripts
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)
JOB_NAME = "retention_purge"
TIMER_ID = "retention-purge"


class RetentionService:
    def __init__(
        self, sessions: Sessions, config: OperatorConfig, clock: Clock, timers: Timers
    ):
        self._sessions, self._clock, self._timers = sessions, clock, timers
        self._settings, self._zone = config.data_protection, ZoneInfo(config.business_hours.time_zone)
        jobs.bind(JOB_NAME, self.purge)

    async def schedule(self) -> None:
        """Idempotent: every replica sets the same timer at start-up; no retention, no timer (one left
        in the store from before finds nothing to do)."""
        if self._settings.retention_days is None:
            await self._timers.cancel(TIMER_ID)
            return
        await self._timers.daily(TIMER_ID, self._settings.purge_at, str(self._zone), JOB_NAME)

    async def purge(self) -> int:
        """Delete what is older than the retention; 0 when another replica already ran today's purge."""
        now, days = self._clock.now(), self._settings.retention_days
        if days is None:
            return 0
        async with self._sessions.begin() as session:
            if not await claim_run(session, f"{TIMER_ID}:{now.astimezone(self._zone).date().isoformat()}", now):
                return 0
            purged = await purge_transcripts(session, now - timedelta(days=days))
        log.info("retention purge: %d transcript messages older than %d days removed", purged, days)
        return purged
