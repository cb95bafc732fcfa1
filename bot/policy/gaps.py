"""Gaps: moments outside business hours when nobody is on call, so an emergency would page the backup."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.policy.calendar import BusinessCalendar
from bot.policy.schedule import Segment


@dataclass(frozen=True, slots=True)
class Gap:
    """[starts, ends) in UTC, outside business hours, with nobody on call."""

    starts: datetime
    ends: datetime


def gaps_outside_hours(timeline: Sequence[Segment], calendar: BusinessCalendar) -> list[Gap]:
    """The uncovered stretches of `timeline` minus opening hours, neighbours joined."""
    gaps: list[Gap] = []
    for segment in timeline:
        if segment.assignment is not None:
            continue
        for starts, ends in _minus_opening(segment.starts, segment.ends, calendar):
            if gaps and gaps[-1].ends == starts:
                gaps[-1] = Gap(gaps[-1].starts, ends)
            else:
                gaps.append(Gap(starts, ends))
    return gaps


def _minus_opening(start: datetime, end: datetime, calendar: BusinessCalendar) -> Iterator[tuple[datetime, datetime]]:
    cursor = start.astimezone(timezone.utc)
    for opens, closes in _opening_periods(start, end, calendar):
        if opens > cursor:
            yield cursor, min(opens, end.astimezone(timezone.utc))
        cursor = max(cursor, closes)
    if cursor < end:
        yield cursor, end.astimezone(timezone.utc)


def _opening_periods(start: datetime, end: datetime, calendar: BusinessCalendar) -> Iterator[tuple[datetime, datetime]]:
    """Opening periods that meet [start, end), in order, as UTC instants."""
    day, last = calendar.local(start).date(), calendar.local(end).date()
    while day <= last:
        if calendar.is_working_day(day):
            opens = calendar.opening_on(day).astimezone(timezone.utc)
            closes = calendar.closing_on(day).astimezone(timezone.utc)
            if opens < end and closes > start:
                yield opens, closes
        day += timedelta(days=1)
