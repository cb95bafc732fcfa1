"""When an on-call override ends, as staff type it: "morgen 09:00", "vrijdag 17:00", "24-12 08:00".

Pure: the caller passes `now` and the business time zone; wall times are built through zoneinfo,
so a moment across a DST change gets the offset valid on its own day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.policy.model import require_aware

WEEKDAYS: dict[str, int] = {
    "maandag": 0, "monday": 0, "dinsdag": 1, "tuesday": 1, "woensdag": 2, "wednesday": 2,
    "donderdag": 3, "thursday": 3, "vrijdag": 4, "friday": 4, "zaterdag": 5, "saturday": 5,
    "zondag": 6, "sunday": 6,
}  # fmt: skip
TOMORROW = frozenset({"morgen", "tomorrow"})
_FILLERS = frozenset({"om", "at"})  # "morgen om 09:00", "friday at 17:00"
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})(?:-(\d{4}))?")


def parse_moment(typed: str, *, now: datetime, time_zone: ZoneInfo) -> datetime | None:
    """The aware moment `typed` means, seen from `now`; None when we cannot read it (never a guess)."""
    words = [word for word in typed.lower().split() if word not in _FILLERS]
    if not 1 <= len(words) <= 2:
        return None
    today = require_aware(now).astimezone(time_zone).date()
    try:
        clock = _clock(words[-1])
        if clock is None:
            return None
        if len(words) == 1:
            return _next_at_clock(today, clock, now, time_zone)
        return _on_day(words[0], today, clock, now, time_zone)
    except ValueError:  # 31-02, 24:00 and the like
        return None


def is_after(moment: datetime, now: datetime) -> bool:
    """Compare instants, not wall times: aware datetimes sharing a tzinfo compare by wall time."""
    return moment.timestamp() > now.timestamp()


def _clock(word: str) -> time | None:
    """Read "09:00", "9:00" or "09.00"; a ValueError for 25:00."""
    match = _CLOCK.fullmatch(word)
    return time(int(match[1]), int(match[2])) if match else None


def _at(day: date, clock: time, time_zone: ZoneInfo) -> datetime:
    """Local wall time with the offset zoneinfo finds for that day: no fixed offsets."""
    return datetime.combine(day, clock, tzinfo=time_zone)


def _next_at_clock(today: date, clock: time, now: datetime, time_zone: ZoneInfo) -> datetime:
    """A clock time alone is its next occurrence: today if still ahead, otherwise tomorrow."""
    moment = _at(today, clock, time_zone)
    return moment if is_after(moment, now) else _at(today + timedelta(days=1), clock, time_zone)


def _on_day(word: str, today: date, clock: time, now: datetime, time_zone: ZoneInfo) -> datetime | None:
    """A day word or date followed by a clock time."""
    if word in TOMORROW:
        return _at(today + timedelta(days=1), clock, time_zone)
    if word in WEEKDAYS:
        return _at(_next_weekday(today, WEEKDAYS[word]), clock, time_zone)
    if match := _ISO_DATE.fullmatch(word):
        return _at(date(int(match[1]), int(match[2]), int(match[3])), clock, time_zone)
    if match := _DUTCH_DATE.fullmatch(word):
        day, month, year = int(match[1]), int(match[2]), match[3]
        if year is not None:
            return _at(date(int(year), month, day), clock, time_zone)
        return _this_or_next_year(day, month, clock, now, time_zone)
    return None


def _next_weekday(today: date, weekday: int) -> date:
    """Strictly after today: "maandag" typed on a Monday means next week's."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _this_or_next_year(day: int, month: int, clock: time, now: datetime, time_zone: ZoneInfo) -> datetime:
    """"24-12 08:00" without a year: this year, or next year once this year's has passed."""
    year = now.astimezone(time_zone).year
    moment = _at(date(year, month, day), clock, time_zone)
    return moment if is_after(moment, now) else _at(date(year + 1, month, day), clock, time_zone)
