"""Accepted offers of paid work: stored as quote requests and passed to sales or management."""

from __future__ import annotations

import logging


from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.services import replies
from bot.services.clock import Clock
from bot.services.messages import Caller
from bot.services.notifier import Notifier
from bot.services.staff_language import staff_language
from storage.models import QuoteRequest
from bot.policy import Role
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)


class QuoteService:
    def __init__(self, sessions: Sessions, config: ConfigHolder, clock: Clock, notifier: Notifier):
        self._sessions, self._holder, self._clock, self._notifier = sessions, config, clock, notifier

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    async def request(self, caller: Caller, intent: str, text: str) -> None:
        async with self._sessions.begin() as session:
            session.add(QuoteRequest(
                organisation_id=caller.organisation_id, person_id=caller.person_id, intent=intent, text=text,
                created_at=self._clock.now(),
            ))
        for object_id in self._recipients():
            lang = await staff_language(self._sessions, object_id)
            notice = replies.quote_request_notice(lang, caller.organisation_name, caller.name, intent, text)
            if not await self._notifier.to_person(object_id, [notice]):
                log.warning("quote request of %s could not be passed to %s", caller.organisation_name, object_id)

    def _recipients(self) -> list[str]:
        """The configured sales contact, or else everyone in management."""
        if self._config.msp.sales_contact:
            return [self._config.msp.sales_contact]
        return [m.object_id for m in self._config.staff if m.role is Role.MANAGEMENT]
