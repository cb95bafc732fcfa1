"""The operator config, translated into the pure policy's own types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.config import operator
from bot.config.operator import WEEKDAY_NUMBERS, OperatorConfig
from bot.policy import (
    BusinessCalendar, BusinessHours, EscalationRules, Layer, OnCallSchedule, Override, PolicyRules, Priority,
    Rotation, RotaEntry, Window,
)  # fmt: skip
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
    return [
        Override(row.staff_object_id, row.starts_at, row.ends_at, row.created_at, row.kind, row.created_by_object_id)
        for row in rows
    ]


def on_call_schedule(config: OperatorConfig) -> OnCallSchedule:
    """Dated shifts and rotation layers, holidays from the business calendar, the directory as it is now."""
    rotations = {r.name: _rotation(r, config.business_hours.time_zone) for r in config.on_call.rotations}
    layers = tuple(
        Layer(layer.name, rotations[layer.rotation], tuple(_window(w) for w in layer.hours))
        for layer in config.on_call.layers
    )
    directory = frozenset(member.object_id for member in config.staff)
    return OnCallSchedule(layers, tuple(rota(config)), business_calendar(config), directory)


def _rotation(rotation: operator.Rotation, default_zone: str) -> Rotation:
    zone = rotation.time_zone or default_zone
    return Rotation(rotation.name, rotation.participants, rotation.shift_hours, _wall_time(rotation.hand_off, zone), zone)


def _wall_time(moment: datetime, zone: str) -> datetime:
    """The hand-off as local wall time; one written with an offset is read in the rotation's zone."""
    return moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None) if moment.tzinfo else moment


def _window(window: operator.HoursWindow) -> Window:
    days = frozenset(WEEKDAY_NUMBERS[day] for day in window.days if day != "holiday")
    return Window(days, window.starts, window.ends, holidays="holiday" in window.days)
