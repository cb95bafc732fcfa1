"""Reminders at opening time: a persistent scheduler job that writes into the customer's chat."""

from __future__ import annotations

import logging
from datetime import datetime

from apscheduler.schedulers.base import BaseScheduler

from bot.services import jobs, replies
from bot.services.notifier import Notifier

log = logging.getLogger(__name__)
JOB_NAME = "reminder"


class ReminderService:
    def __init__(self, scheduler: BaseScheduler, notifier: Notifier):
        self._scheduler, self._notifier = scheduler, notifier
        jobs.bind(JOB_NAME, self.send)

    async def schedule(self, conversation_id: str, language: str, at: datetime) -> None:
        """One reminder per conversation and moment; asking twice does not remind twice."""
        self._scheduler.add_job(
            jobs.run, "date", run_date=at, id=f"reminder:{conversation_id}:{at.isoformat()}",
            replace_existing=True, kwargs={"name": JOB_NAME, "conversation_id": conversation_id, "language": language},
        )

    async def send(self, conversation_id: str, language: str) -> None:
        if not await self._notifier.to_conversation(conversation_id, [replies.reminder_message(language)]):
            log.warning("reminder for %s could not be delivered", conversation_id)
