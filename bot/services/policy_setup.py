"""The operator config, translated into the pure policy's own types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from bot.config.operator import WEEKDAY_NUMBERS, OperatorConfig
from bot.policy import BusinessCalendar, BusinessHours, EscalationRules, Override, PolicyRules, Priority, RotaEntry
from storage.models import OnCallOverride


def business_calendar(config: OperatorConfig) -> BusinessCalendar:
    hours = config.business_hours
    return BusinessCalendar(
        BusinessHours(
            time_zone=hours.time_zone,
            weekdays=frozenset(WEEKDAY_NUMBERS[day] for day in hours.weekdays),
            opens=hours.opens,
            closes=hours.closes,
            extra_closed_days=frozenset(hours.extra_closed_days),
        )
    )


def policy_rules(config: OperatorConfig) -> PolicyRules:
    return PolicyRules(
        confidence_threshold=config.nlu.confidence_threshold,
        excluded_handling=dict(config.excluded_requests),
    )


def escalation_rules(config: OperatorConfig) -> EscalationRules:
    """Emergencies count wall-clock hours; P2 and P3 count opening hours only (the SLA's service hours)."""
    after = {Priority(p): timedelta(hours=hours) for p, hours in config.timeouts.escalate_after_hours.items()}
    return EscalationRules(after=after, business_hours_only=frozenset({Priority.P2, Priority.P3}))


def rota(config: OperatorConfig) -> list[RotaEntry]:
    """The configured on-call rota in the policy's terms."""
    return [RotaEntry(entry.who, entry.starts, entry.ends) for entry in config.on_call.rota]


def overrides(rows: Iterable[OnCallOverride]) -> list[Override]:
    """Stored on-call overrides in the policy's terms; the newest wins where they overlap."""
    return [Override(row.staff_object_id, row.starts_at, row.ends_at, row.created_at) for row in rows]
