"""Reminders at opening time: a persistent scheduler job that writes into the customer's chat.

A reminder is checked when it comes due: one that fires while support is closed (the bot was
down at its moment, or a holiday was added since) moves to the next opening, and says so.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.config.operator import OperatorConfig
from bot.policy import BusinessCalendar
from bot.services import jobs, replies
from bot.services.clock import Clock
from bot.services.messages import Reply
from bot.services.notifier import Notifier
from bot.services.timers import Timers
from storage import customer_state
from storage.job_runs import claim_run
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)
JOB_NAME = "reminder"
DueReply = Callable[[str, str], Awaitable[Reply]]  # (conversation id, language) -> what the reminder says


class ReminderService:
    def __init__(
        self, timers: Timers, notifier: Notifier, sessions: Sessions, clock: Clock,
        calendar: BusinessCalendar, config: OperatorConfig,
    ):
        self._timers, self._notifier, self._sessions, self._clock = timers, notifier, sessions, clock
        self._calendar, self._zone = calendar, config.business_hours.time_zone
        self._due_reply: DueReply | None = None
        jobs.bind(JOB_NAME, self.send)

    def says(self, due_reply: DueReply) -> None:
        """What a reminder says when it is sent in opening hours: the conversation knows what was told."""
        self._due_reply = due_reply

    async def schedule(self, conversation_id: str, language: str, at: datetime) -> None:
        """One reminder per conversation and moment; asking twice does not remind twice."""
        job_id = f"reminder:{conversation_id}:{at.isoformat()}"
        await self._timers.at(
            job_id, at, JOB_NAME, conversation_id=conversation_id, language=language, run_key=job_id,
            due=at.isoformat(),
        )  # fmt: skip

    async def send(self, conversation_id: str, language: str, run_key: str | None = None, due: str | None = None) -> None:
        """Sent once (a second replica that fires the same job finds the run claimed), in the language the
        customer writes in now; while closed it moves to the next opening instead."""
        if run_key is not None:
            async with self._sessions.begin() as session:
                if not await claim_run(session, run_key, self._clock.now()):
                    return
        async with self._sessions() as session:
            language = await customer_state.language_of(session, conversation_id) or language
        now = self._clock.now()
        closed = self._calendar.closed_reason(now)
        if closed is None:
            reply = await self._due_reply(conversation_id, language) if self._due_reply else replies.reminder_message(language)
        else:
            opening = self._calendar.next_opening(now)
            await self.schedule(conversation_id, language, opening)
            why = replies.closed_words(language, closed, self._calendar)
            moment = datetime.fromisoformat(due) if due else now
            reply = replies.reminder_moved(language, moment, opening, why, self._zone)
            log.info("reminder for %s fired while closed: moved to %s", conversation_id, opening.isoformat())
        if not await self._notifier.to_conversation(conversation_id, [reply]):
            log.warning("reminder for %s could not be delivered", conversation_id)
