"""Reminders at opening time: a persistent scheduler job that writes into the customer's chat."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import jobs, replies
from bot.services.clock import Clock
from bot.services.notifier import Notifier
from bot.services.timers import Timers
from storage.job_runs import claim_run

log = logging.getLogger(__name__)
JOB_NAME = "reminder"


class ReminderService:
    def __init__(
        self, timers: Timers, notifier: Notifier, sessions: async_sessionmaker[AsyncSession], clock: Clock
    ):
        self._timers, self._notifier, self._sessions, self._clock = timers, notifier, sessions, clock
        jobs.bind(JOB_NAME, self.send)

    async def schedule(self, conversation_id: str, language: str, at: datetime) -> None:
        """One reminder per conversation and moment; asking twice does not remind twice."""
        job_id = f"reminder:{conversation_id}:{at.isoformat()}"
        await self._timers.at(job_id, at, JOB_NAME, conversation_id=conversation_id, language=language, run_key=job_id)

    async def send(self, conversation_id: str, language: str, run_key: str | None = None) -> None:
        """Sent once: a second replica that fires the same job finds the run claimed."""
        if run_key is not None:
            async with self._sessions.begin() as session:
                if not await claim_run(session, run_key, self._clock.now()):
                    return
        if not await self._notifier.to_conversation(conversation_id, [replies.reminder_message(language)]):
            log.warning("reminder for %s could not be delivered", conversation_id)
