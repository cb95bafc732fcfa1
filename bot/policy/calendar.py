"""The business-hours calendar of SLA 2.2: when support is open, and when it opens next.

Public holidays are the `holidays` library's default ("public") category for NL; no dates
are written by hand. With holidays 0.109 that set is: Nieuwjaarsdag, Goede Vrijdag, Eerste en
Tweede Paasdag, Koningsdag (26 April when 27 April is a Sunday), Bevrijdingsdag only in
lustrum years (2025, 2030, ...: the common CAO practice), Hemelvaartsdag, Eerste en Tweede
Pinksterdag, Eerste en Tweede Kerstdag. We take that set as is: Goede Vrijdag counts as
closed. Operators close more days with `extra_closed_days`, or every year's 5 May with
`holiday_categories=("public", "optional")` (the library's "optional" NL category).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays

from bot.policy.model import require_aware

MONDAY_TO_FRIDAY = frozenset(range(5))
_SEARCH_DAYS = 2 * 366  # no sane calendar is closed for two years in a row


@dataclass(frozen=True, slots=True)
class BusinessHours:
    """Operator configuration of the service hours; validated once, when it is built."""

    time_zone: str = "Europe/Amsterdam"
    weekdays: frozenset[int] = MONDAY_TO_FRIDAY  # 0 = Monday ... 6 = Sunday
    opens: time = time(9, 0)
    closes: time = time(17, 0)
    extra_closed_days: frozenset[date] = field(default_factory=frozenset)
    holiday_country: str = "NL"
    holiday_categories: tuple[str, ...] = ("public",)

    def __post_init__(self) -> None:
        ZoneInfo(self.time_zone)  # raises ZoneInfoNotFoundError on a bad name
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValueError(f"weekdays must be a non-empty subset of 0..6, got {self.weekdays}")
        if self.opens.tzinfo or self.closes.tzinfo:
            raise ValueError("opens and closes are local wall-clock times, without tzinfo")
        if not self.opens < self.closes:
            raise ValueError(f"opens ({self.opens}) must be before closes ({self.closes})")


class ClosedReason(StrEnum):
    """Why support is closed at a moment, in the order a customer would name it."""

    HOLIDAY = "holiday"  # a public holiday (its name comes from `holiday_name`)
    EXTRA_CLOSED_DAY = "extra_closed_day"  # a day the operator closed
    WEEKEND = "weekend"  # Saturday or Sunday, when those are not working days
    NOT_A_WORKING_DAY = "not_a_working_day"  # another day outside the configured weekdays
    BEFORE_OPENING = "before_opening"
    AFTER_CLOSING = "after_closing"


@dataclass(frozen=True, slots=True)
class Closed:
    """Closed at a moment: why, and the local day it is about."""

    reason: ClosedReason
    day: date


class BusinessCalendar:
    """Answers "are we open?" and "when do we open?" for aware datetimes in any zone."""

    def __init__(self, hours: BusinessHours | None = None) -> None:
        self.hours = hours or BusinessHours()
        self.zone = ZoneInfo(self.hours.time_zone)

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        """Built once; the library fills in each year lazily on first lookup."""
        return self._holidays_in("nl")

    def _holidays_in(self, language: str) -> holidays.HolidayBase:
        """Pass the language always: left out, the library follows the process locale."""
        return holidays.country_holidays(
            self.hours.holiday_country, categories=self.hours.holiday_categories, language=language
        )

    def holiday_name(self, day: date, language: str = "nl") -> str | None:
        """The public holiday's name ("nl", "en_US", ...), so a reply can say why we are closed."""
        if day not in self._holidays:
            return None
        return self._holidays_in(language).get(day) if language != "nl" else self._holidays[day]

    def is_closed_holiday(self, day: date) -> bool:
        """A public holiday or an extra closed day, whatever its weekday: on-call holiday layers use it."""
        return day in self._holidays or day in self.hours.extra_closed_days

    def is_working_day(self, day: date) -> bool:
        """A configured weekday that is neither a public holiday nor an extra closed day."""
        return (
            day.weekday() in self.hours.weekdays
            and day not in self._holidays
            and day not in self.hours.extra_closed_days
        )

    def local(self, now: datetime) -> datetime:
        """`now` in the calendar's zone; naive input is refused rather than guessed."""
        return require_aware(now).astimezone(self.zone)

    def opening_on(self, day: date) -> datetime:
        """The opening moment of `day`, aware in the configured zone."""
        return datetime.combine(day, self.hours.opens, tzinfo=self.zone)

    def closing_on(self, day: date) -> datetime:
        """The closing moment of `day`, aware in the configured zone."""
        return datetime.combine(day, self.hours.closes, tzinfo=self.zone)

    def is_open(self, now: datetime) -> bool:
        """Open from `opens` inclusive to `closes` exclusive on working days."""
        local = self.local(now)
        opens, closes = self.hours.opens, self.hours.closes
        return self.is_working_day(local.date()) and opens <= local.time() < closes

    def closed_reason(self, now: datetime) -> Closed | None:
        """None when open; else why not, so a refusal can say "het is Tweede Kerstdag"."""
        local = self.local(now)
        day = local.date()
        if day in self._holidays:
            return Closed(ClosedReason.HOLIDAY, day)
        if day in self.hours.extra_closed_days:
            return Closed(ClosedReason.EXTRA_CLOSED_DAY, day)
        if day.weekday() not in self.hours.weekdays:
            weekend = day.weekday() >= 5
            return Closed(ClosedReason.WEEKEND if weekend else ClosedReason.NOT_A_WORKING_DAY, day)
        if local.time() < self.hours.opens:
            return Closed(ClosedReason.BEFORE_OPENING, day)
        if local.time() >= self.hours.closes:
            return Closed(ClosedReason.AFTER_CLOSING, day)
        return None

    def next_opening(self, now: datetime) -> datetime:
        """The first opening moment strictly after `now`.

        When open now, that is the opening of the next working day (the current period has
        already opened): "when can I next reach someone fresh", e.g. for a reminder.
        Use `opening_or_now` for "when can this be picked up".
        """
        local = self.local(now)
        if local.time() < self.hours.opens and self.is_working_day(local.date()):
            return self.opening_on(local.date())
        return self.opening_on(self.next_working_day(local.date()))

    def opening_or_now(self, now: datetime) -> datetime:
        """`now` (in the configured zone) when open, else the next opening."""
        return self.local(now) if self.is_open(now) else self.next_opening(now)

    def next_working_day(self, after: date) -> date:
        """The first working day strictly after `after`."""
        day = after
        for _ in range(_SEARCH_DAYS):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError(f"no working day within {_SEARCH_DAYS} days after {after}")

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """How much opening time lies in [start, end): the clock of business-hours SLAs."""
        first, last = self.local(start), self.local(end)
        total, day = timedelta(), first.date()
        while day <= last.date():
            if self.is_working_day(day):
                total += _overlap(first, last, self.opening_on(day), self.closing_on(day))
            day += timedelta(days=1)
        return total

    def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
        """The moment `duration` of opening time after `start` has passed."""
        if duration < timedelta():
            raise ValueError(f"duration must not be negative, got {duration}")
        cursor, left = self.opening_or_now(start), duration
        while True:
            closing = self.closing_on(cursor.date())
            in_period = _utc(closing) - _utc(cursor)
            if left <= in_period:
                return (_utc(cursor) + left).astimezone(self.zone)
            left -= in_period
            cursor = self.next_opening(cursor)


def _utc(moment: datetime) -> datetime:
    """Aware arithmetic in UTC: Python subtracts same-zone datetimes by wall clock."""
    return moment.astimezone(ZoneInfo("UTC"))


def _overlap(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> timedelta:
    """Length of the intersection of two aware intervals, zero when they do not meet."""
    start, end = max(_utc(a_start), _utc(b_start)), min(_utc(a_end), _utc(b_end))
    return max(end - start, timedelta())
