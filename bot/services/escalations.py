"""The escalation chain of SLA section 5, carried out: move a step, record it, tell people, set the next timer.

Three triggers share one path: the customer (`escalation_request`), staff (`escalate`) and
time (a ticket unresolved past its priority's limit, a job in the persistent job store).
A step moves with a conditional update, so a repeated or concurrent trigger moves nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.policy import (
    AlreadyAtFinalStep, EscalationRules, TicketSummary, due_escalations, escalation_due_at, next_step, notify_roles,
)
from bot.services import jobs, replies
from bot.services.clock import Clock
from bot.services.customer_language import customer_language
from bot.services.messages import Caller
from bot.services.notifier import Notifier
from bot.services.policy_setup import business_calendar, escalation_rules
from bot.services.staff_language import staff_language
from bot.services.ticket_views import summary_of, view_of
from bot.services.timers import Timers
from bot.texts import text
from storage import claims
from storage import tickets as ticket_store
from storage.models import EscalationEvent
from storage.unit_of_work import Sessions

log = logging.getLogger(__name__)
DUE_JOB = "auto_escalate"
RECORD_LANGUAGE = "nl"  # reasons are stored as written; automatic ones in the MSP's language


@dataclass(frozen=True, slots=True)
class Escalation:
    """A ticket moved up: what the customer and staff are told about."""

    view: replies.TicketView
    organisation: str
    customer_language: str
    conversation_id: str | None


class EscalationService:
    def __init__(
        self, sessions: Sessions, config: ConfigHolder, clock: Clock,
        notifier: Notifier, timers: Timers,
    ):
        self._sessions, self._holder, self._clock = sessions, config, clock
        self._notifier, self._timers = notifier, timers
        self._calendar = business_calendar(config.current)  # business hours change with a restart only
        jobs.bind(DUE_JOB, self.on_due)

    @property
    def _config(self) -> OperatorConfig:
        """The operator config in force, read per use: a reload is seen at once."""
        return self._holder.current

    @property
    def _rules(self) -> EscalationRules:
        return escalation_rules(self._config)

    async def escalate(
        self, number: str, reason: str, *, trigger: str, actor: Caller | None = None,
        organisation_id: int | None = None, from_step: int | None = None,
    ) -> Escalation | None:
        """One step up from where it is (or from `from_step`); None when nothing moved."""
        async with self._sessions.begin() as session:
            moved = await self._move(session, number, reason, trigger, actor, organisation_id, from_step)
        if moved is None:
            return None
        escalation, summary, ticket_id = moved
        await self._tell_staff(escalation, reason)
        if trigger != "customer" and escalation.conversation_id:  # the customer asked: the dialog answers
            reply = replies.escalated(escalation.customer_language, number, escalation.view.escalation_step)
            await self._notifier.to_conversation(escalation.conversation_id, [reply])
        await self.start_clock(ticket_id, summary)
        return escalation

    async def start_clock(self, ticket_id: int, summary: TicketSummary) -> None:
        """One timer per ticket, replaced at every step; none at mediation or when resolved."""
        due = escalation_due_at(summary, self._rules, self._calendar)
        if due is None:
            await self.stop_clock(ticket_id)
            return
        await self._timers.at(_due_timer(ticket_id), due, DUE_JOB, ticket_id=ticket_id, step=summary.escalation_step)

    async def resume(self) -> None:
        """At start-up: an open ticket whose timer was lost (a stop right after it was stored) gets it back."""
        async with self._sessions() as session:
            open_tickets = [(t.id, summary_of(t)) for t in await ticket_store.all_open_tickets(session)]
        armed = await self._timers.ids()
        for ticket_id, summary in open_tickets:
            if _due_timer(ticket_id) not in armed:
                await self.start_clock(ticket_id, summary)

    async def stop_clock(self, ticket_id: int) -> None:
        await self._timers.cancel(_due_timer(ticket_id))

    async def on_due(self, ticket_id: int, step: int) -> None:
        """Fired by the scheduler: escalate when still unresolved in the same step and really due."""
        async with self._sessions() as session:
            ticket = await ticket_store.ticket_by_id(session, ticket_id)
            summary = summary_of(ticket) if ticket is not None else None
        if summary is None or not summary.is_open or summary.escalation_step != step:
            return
        if not due_escalations([summary], self._clock.now(), self._rules, self._calendar):
            await self.start_clock(ticket_id, summary)  # fired early (clock change, edited config): wait on
            return
        limit = self._config.timeouts.escalate_after_hours.get(summary.priority)
        reason = text(RECORD_LANGUAGE, "auto_escalation_reason", hours=f"{limit:g}", step=step)
        log.warning("%s unresolved past its limit at step %s: escalating", summary.number, step)
        await self.escalate(summary.number, reason, trigger="automatic", from_step=step)

    async def _move(
        self, session: AsyncSession, number: str, reason: str, trigger: str, actor: Caller | None,
        organisation_id: int | None, from_step: int | None,
    ) -> tuple[Escalation, TicketSummary, int] | None:
        ticket = await ticket_store.ticket_by_number(session, number, organisation_id=organisation_id)
        if ticket is None:
            return None
        current = ticket.escalation_step if from_step is None else from_step
        now = self._clock.now()
        try:
            to_step = next_step(current)  # the policy's chain: 1 -> 2 -> 3, nothing after mediation
        except AlreadyAtFinalStep:
            return None
        if not await claims.move_step(session, ticket.id, current, to_step, now):
            return None
        session.add(EscalationEvent(
            ticket_id=ticket.id, from_step=current, to_step=to_step, trigger=trigger,
            actor_person_id=actor.person_id if actor else None, reason=reason, created_at=now,
        ))
        await session.flush()
        ticket = await ticket_store.ticket_by_id(session, ticket.id) or ticket  # as the move left it
        language = await customer_language(session, ticket.conversation_id, ticket.reporter.locale)
        escalation = Escalation(view_of(ticket), ticket.organisation, language, ticket.conversation_id)
        return escalation, summary_of(ticket), ticket.id

    async def _tell_staff(self, escalation: Escalation, reason: str) -> None:
        step = escalation.view.escalation_step
        for member in self._config.staff:
            if member.role not in notify_roles(step):
                continue
            lang = await staff_language(self._sessions, member.object_id)
            notice = replies.escalation_notice(lang, escalation.view, escalation.organisation, reason, step)
            if not await self._notifier.to_person(member.object_id, [notice]):
                log.warning("%s could not be told about the escalation of %s", member.name, escalation.view.number)


def _due_timer(ticket_id: int) -> str:
    return f"escalate:{ticket_id}"
