"""The schedule as it stands: the operator's rotations and shifts plus the overrides in the database."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder
from bot.policy import Gap, OnCallSchedule, Segment, gaps_outside_hours
from bot.services.clock import Clock
from bot.services.policy_setup import business_calendar, on_call_schedule, overrides
from storage import oncall as oncall_store
from bot.policy import Role
from storage.unit_of_work import Sessions


class Roster:
    """Read side of on call: every answer is computed from config and overrides, given the clock's time."""

    def __init__(self, sessions: Sessions, config: ConfigHolder, clock: Clock):
        self._sessions, self._holder, self.clock = sessions, config, clock
        self.calendar = business_calendar(config.current)  # business hours and gap warnings: a restart
        self.zone = config.current.business_hours.time_zone
        self.days = config.current.on_call.gap_warnings.days_ahead
        self._schedule: tuple[OperatorConfig, OnCallSchedule] | None = None

    @property
    def config(self) -> OperatorConfig:
        """The operator config in force: a reload's rota and staff are seen at once."""
        return self._holder.current

    @property
    def schedule(self) -> OnCallSchedule:
        """The rotations, layers and shifts of the config in force, built again after a reload."""
        config = self.config
        if self._schedule is None or self._schedule[0] is not config:
            self._schedule = (config, on_call_schedule(config))
        return self._schedule[1]

    def now(self) -> datetime:
        return self.clock.now()

    def window_end(self, now: datetime, days: int | None = None) -> datetime:
        """Midnight (local) after the last of the coming `days` days."""
        last = now.astimezone(ZoneInfo(self.zone)).date() + timedelta(days=self.days if days is None else days)
        return datetime.combine(last + timedelta(days=1), time(0), tzinfo=ZoneInfo(self.zone))

    async def timeline(self, starts: datetime, ends: datetime) -> list[Segment]:
        async with self._sessions() as session:
            stored = await oncall_store.overrides_overlapping(session, starts, ends)
        return self.schedule.timeline(starts, ends, overrides(stored))

    def gaps(self, timeline: list[Segment]) -> list[Gap]:
        return gaps_outside_hours(timeline, self.calendar)

    def name(self, object_id: str) -> str:
        member = self.config.staff_member(object_id)
        return member.name if member else object_id

    def management(self) -> list[str]:
        return [m.object_id for m in self.config.staff if m.role is Role.MANAGEMENT]
