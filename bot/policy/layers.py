"""Layers: a rotation in force during its own hours (weekday evenings, weekends, holidays).

A window starts on each listed weekday (and, with `holidays`, on each closed holiday of the
business calendar) at `starts` local time and ends at `ends`; an end at or before the start is
on the next day, so 17:00-09:00 is a night and 00:00-00:00 a whole day. A layer without windows
is in force all the time.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.policy.calendar import BusinessCalendar
from bot.policy.model import require_aware
from bot.policy.rotation import Rotation

EVERY_DAY = frozenset(range(7))


@dataclass(frozen=True, slots=True)
class Window:
    """Hours of a layer: on these days, from `starts` until `ends` (local wall time)."""

    days: frozenset[int] = EVERY_DAY  # 0 = Monday
    starts: time = time(0, 0)
    ends: time = time(0, 0)
    holidays: bool = False  # also on every closed holiday, whatever its weekday

    def applies_on(self, day: date, calendar: BusinessCalendar) -> bool:
        return day.weekday() in self.days or (self.holidays and calendar.is_closed_holiday(day))

    def period_on(self, day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """The window starting on `day`, as UTC instants."""
        end_day = day if self.ends > self.starts else day + timedelta(days=1)
        begin = datetime.combine(day, self.starts, tzinfo=zone).astimezone(timezone.utc)
        return begin, datetime.combine(end_day, self.ends, tzinfo=zone).astimezone(timezone.utc)


@dataclass(frozen=True, slots=True)
class Layer:
    """One named layer of the schedule; later layers win where they overlap."""

    name: str
    rotation: Rotation
    windows: tuple[Window, ...] = ()

    def in_force(self, now: datetime, calendar: BusinessCalendar) -> bool:
        """Inside one of the windows (a window reaches at most into the next day)."""
        if not self.windows:
            return True
        return any(begin <= now < end for begin, end in self._periods(now, now, calendar))

    def changes_between(self, start: datetime, end: datetime, calendar: BusinessCalendar) -> Iterator[datetime]:
        """Every moment in [start, end) where this layer starts, stops or hands off."""
        for begin, finish in self._periods(start, end, calendar):
            yield from (moment for moment in (begin, finish) if start <= moment < end)
        yield from self.rotation.hand_offs_between(start, end)

    def _periods(self, start: datetime, end: datetime, calendar: BusinessCalendar) -> Iterator[tuple[datetime, datetime]]:
        zone = ZoneInfo(self.rotation.time_zone)  # the layer's hours are the rotation's local time
        day = require_aware(start).astimezone(zone).date() - timedelta(days=1)
        last = require_aware(end).astimezone(zone).date()
        while day <= last:
            for window in self.windows:
                if window.applies_on(day, calendar):
                    yield window.period_on(day, zone)
            day += timedelta(days=1)
