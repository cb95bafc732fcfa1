"""Business hours at their edges: weekends, Dutch holidays, extra closed days, DST, zones."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.policy import BusinessCalendar, BusinessHours, NaiveDatetimeError

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar(BusinessHours())


def ams(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (ams(2026, 11, 27, 16, 59), True),  # Friday, a minute before closing
        (datetime(2026, 11, 27, 16, 59, 59, 999999, tzinfo=AMS), True),
        (ams(2026, 11, 27, 17, 0), False),  # Friday 17:00: closed
        (ams(2026, 11, 30, 8, 59), False),  # Monday, a minute before opening
        (ams(2026, 11, 30, 9, 0), True),  # Monday 09:00: open
        (ams(2026, 11, 28, 12, 0), False),  # Saturday
        (ams(2026, 11, 29, 12, 0), False),  # Sunday
        (ams(2026, 12, 25, 12, 0), False),  # Eerste Kerstdag, a Friday
        (ams(2025, 12, 26, 12, 0), False),  # Tweede Kerstdag, a Friday
        (ams(2027, 1, 1, 10, 0), False),  # Nieuwjaarsdag, a Friday
        (ams(2026, 4, 27, 10, 0), False),  # Koningsdag, a Monday
        (ams(2027, 4, 27, 10, 0), False),  # Koningsdag, a Tuesday
        (ams(2026, 4, 3, 10, 0), False),  # Goede Vrijdag: in the library's public set
        (ams(2026, 5, 14, 10, 0), False),  # Hemelvaartsdag
        (ams(2026, 5, 5, 10, 0), True),  # Bevrijdingsdag, not a lustrum year: open
        (ams(2025, 5, 5, 10, 0), False),  # Bevrijdingsdag 2025, a lustrum year: closed
    ],
)
def test_is_open_at_the_edges(moment: datetime, is_open: bool) -> None:
    assert CAL.is_open(moment) is is_open


def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday() -> None:
    assert date(2025, 4, 27).weekday() == 6
    assert CAL.holiday_name(date(2025, 4, 26)) == "Koningsdag"
    assert CAL.holiday_name(date(2025, 4, 27)) is None
    # Saturday anyway, so it changes nothing: Friday 25 April 2025 is a normal working day.
    assert CAL.is_working_day(date(2025, 4, 25))
    assert CAL.next_opening(ams(2025, 4, 25, 17, 0)) == ams(2025, 4, 28, 9, 0)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Christmas on Friday, Boxing Day on Saturday: Thursday evening -> Monday.
        (ams(2026, 12, 24, 17, 0), ams(2026, 12, 28, 9, 0)),
        # Friday evening before Easter Monday -> Tuesday.
        (ams(2026, 4, 2, 17, 0), ams(2026, 4, 7, 9, 0)),  # Thursday: Good Friday closed too
        (ams(2026, 4, 6, 8, 0), ams(2026, 4, 7, 9, 0)),  # on Easter Monday itself
        (ams(2026, 5, 22, 17, 30), ams(2026, 5, 26, 9, 0)),  # Whit Monday 25 May -> Tuesday
        (ams(2026, 4, 26, 12, 0), ams(2026, 4, 28, 9, 0)),  # Sunday before King's Day Monday
        (ams(2026, 12, 31, 17, 0), ams(2027, 1, 4, 9, 0)),  # New Year (Friday) -> Monday
        (ams(2025, 12, 31, 17, 0), ams(2026, 1, 2, 9, 0)),  # New Year Thursday -> Friday 2 Jan
        (ams(2026, 11, 30, 8, 59), ams(2026, 11, 30, 9, 0)),  # before opening: same day
        (ams(2026, 11, 30, 9, 0), ams(2026, 12, 1, 9, 0)),  # open now: next day's opening
        (ams(2026, 11, 27, 17, 0), ams(2026, 11, 30, 9, 0)),  # Friday close -> Monday
    ],
)
def test_next_opening(now: datetime, expected: datetime) -> None:
    opening = CAL.next_opening(now)
    assert opening == expected
    assert opening.tzinfo == AMS
    assert CAL.is_open(opening)


def test_opening_or_now_is_now_when_open_and_the_next_opening_when_closed() -> None:
    assert CAL.opening_or_now(ams(2026, 11, 30, 10, 0)) == ams(2026, 11, 30, 10, 0)
    assert CAL.opening_or_now(ams(2026, 11, 28, 10, 0)) == ams(2026, 11, 30, 9, 0)


def test_extra_closed_day_from_config() -> None:
    cal = BusinessCalendar(BusinessHours(extra_closed_days=frozenset({date(2026, 12, 31)})))
    assert not cal.is_open(ams(2026, 12, 31, 10, 0))
    assert CAL.is_open(ams(2026, 12, 31, 10, 0))  # the default calendar is open that day
    assert cal.next_opening(ams(2026, 12, 30, 17, 0)) == ams(2027, 1, 4, 9, 0)


def test_optional_category_closes_every_liberation_day() -> None:
    cal = BusinessCalendar(BusinessHours(holiday_categories=("public", "optional")))
    assert not cal.is_open(ams(2026, 5, 5, 10, 0))


def test_custom_hours_and_weekdays() -> None:
    hours = BusinessHours(weekdays=frozenset({5}), opens=time(10, 0), closes=time(14, 0))
    cal = BusinessCalendar(hours)
    assert cal.is_open(ams(2026, 11, 28, 10, 0))
    assert not cal.is_open(ams(2026, 11, 30, 10, 0))
    assert cal.next_opening(ams(2026, 11, 28, 14, 0)) == ams(2026, 12, 5, 10, 0)


# --- time zones and the two nights the clocks change (2026-03-29 and 2026-10-25) ---


def test_input_in_utc_is_converted_to_amsterdam() -> None:
    # 08:00 UTC in summer is 10:00 in Amsterdam; 07:59 UTC in summer is 09:59.
    assert CAL.is_open(datetime(2026, 6, 1, 7, 0, tzinfo=UTC))  # 09:00 CEST
    assert not CAL.is_open(datetime(2026, 6, 1, 6, 59, tzinfo=UTC))  # 08:59 CEST
    assert CAL.is_open(datetime(2026, 12, 1, 8, 0, tzinfo=UTC))  # 09:00 CET
    assert not CAL.is_open(datetime(2026, 12, 1, 7, 59, tzinfo=UTC))  # 08:59 CET
    assert not CAL.is_open(datetime(2026, 11, 27, 16, 0, tzinfo=UTC))  # Friday 17:00 CET


def test_input_in_another_zone_is_converted() -> None:
    new_york = ZoneInfo("America/New_York")
    # Monday 03:00 in New York is 09:00 in Amsterdam (both on standard time).
    assert CAL.is_open(datetime(2026, 11, 30, 3, 0, tzinfo=new_york))
    assert not CAL.is_open(datetime(2026, 11, 30, 2, 59, tzinfo=new_york))


def test_next_opening_across_the_spring_change_lands_on_0900_summer_time() -> None:
    # Friday 27 March 2026 17:00 CET; the clocks go forward on Sunday 29 March.
    opening = CAL.next_opening(datetime(2026, 3, 27, 16, 0, tzinfo=UTC))
    assert opening == ams(2026, 3, 30, 9, 0)
    assert opening.utcoffset() == timedelta(hours=2)
    assert opening.astimezone(UTC) == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_next_opening_across_the_autumn_change_lands_on_0900_winter_time() -> None:
    # Friday 23 October 2026 17:00 CEST; the clocks go back on Sunday 25 October.
    opening = CAL.next_opening(datetime(2026, 10, 23, 15, 0, tzinfo=UTC))
    assert opening == ams(2026, 10, 26, 9, 0)
    assert opening.utcoffset() == timedelta(hours=1)
    assert opening.astimezone(UTC) == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 3, 29, 0, 59, tzinfo=UTC),  # 01:59 CET, just before the jump
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # 03:00 CEST, just after
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 CEST, first pass
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 CET, second pass
    ],
)
def test_on_the_nights_the_clocks_change_the_next_opening_is_monday_0900(
    moment: datetime,
) -> None:
    assert not CAL.is_open(moment)
    opening = CAL.next_opening(moment)
    assert opening.date() == moment.date() + timedelta(days=1)
    assert (opening.hour, opening.minute) == (9, 0)
    assert opening.astimezone(UTC).hour == (7 if moment.month == 3 else 8)


def test_naive_datetimes_are_rejected() -> None:
    naive = datetime(2026, 11, 30, 10, 0)
    for call in (CAL.is_open, CAL.next_opening, CAL.opening_or_now):
        with pytest.raises(ValueError):
            call(naive)
    with pytest.raises(NaiveDatetimeError):
        CAL.is_open(naive)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"opens": time(17, 0), "closes": time(9, 0)},
        {"opens": time(9, 0), "closes": time(9, 0)},
        {"weekdays": frozenset()},
        {"weekdays": frozenset({7})},
    ],
)
def test_invalid_hours_are_rejected_when_built(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        BusinessHours(**kwargs)  # type: ignore[arg-type]


def test_unknown_time_zone_is_rejected_when_built() -> None:
    with pytest.raises(Exception, match="Europe/Amsterdan"):
        BusinessHours(time_zone="Europe/Amsterdan")


# --- business time, the clock of business-hours escalation limits ---


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (ams(2026, 11, 30, 9, 0), ams(2026, 11, 30, 17, 0), 8),
        (ams(2026, 11, 27, 16, 0), ams(2026, 11, 30, 10, 0), 2),  # Fri 16:00 -> Mon 10:00
        (ams(2026, 11, 28, 10, 0), ams(2026, 11, 29, 10, 0), 0),  # a weekend day
        (ams(2026, 12, 24, 8, 0), ams(2026, 12, 29, 12, 0), 8 + 8 + 3),  # over Christmas
        (ams(2026, 3, 27, 9, 0), ams(2026, 3, 30, 17, 0), 16),  # across the spring change
    ],
)
def test_business_time_between(start: datetime, end: datetime, hours: int) -> None:
    assert CAL.business_time_between(start, end) == timedelta(hours=hours)


@pytest.mark.parametrize(
    ("start", "hours", "expected"),
    [
        (ams(2026, 11, 30, 9, 0), 8, ams(2026, 11, 30, 17, 0)),
        (ams(2026, 11, 27, 16, 30), 40, ams(2026, 12, 4, 16, 30)),  # a working week later
        (ams(2026, 11, 28, 3, 0), 1, ams(2026, 11, 30, 10, 0)),  # from a Saturday night
        (ams(2026, 12, 24, 16, 0), 2, ams(2026, 12, 28, 10, 0)),  # over Christmas
        (ams(2026, 10, 23, 16, 0), 2, ams(2026, 10, 26, 10, 0)),  # across the autumn change
    ],
)
def test_add_business_time(start: datetime, hours: int, expected: datetime) -> None:
    result = CAL.add_business_time(start, timedelta(hours=hours))
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()


def test_holiday_names_do_not_depend_on_the_process_locale() -> None:
    assert CAL.holiday_name(date(2026, 12, 26)) == "Tweede kerstdag"
    assert CAL.holiday_name(date(2026, 12, 26), "en_US") == "Second Day of Christmas"
    assert CAL.holiday_name(date(2026, 12, 28)) is None


# moment -> why closed (None: open); Europe/Amsterdam, extra closed day 2026-12-31
CLOSED_REASONS = [
    ("2026-12-26T11:00", "holiday"),
    ("2026-11-28T11:00", "weekend"),
    ("2026-12-31T11:00", "extra_closed_day"),
    ("2026-11-26T17:00", "after_closing"),
    ("2026-11-26T08:59", "before_opening"),
    ("2026-11-26T09:00", None),
]


@pytest.mark.parametrize(("moment", "reason"), CLOSED_REASONS)
def test_closed_reason(moment: str, reason: str | None) -> None:
    calendar = BusinessCalendar(BusinessHours(extra_closed_days=frozenset({date(2026, 12, 31)})))
    found = calendar.closed_reason(datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo("Europe/Amsterdam")))
    assert (found.reason.value if found else None) == reason


def test_a_day_outside_the_configured_weekdays_that_is_not_a_weekend() -> None:
    calendar = BusinessCalendar(BusinessHours(weekdays=frozenset({0, 1, 2, 3})))  # closed on Fridays
    found = calendar.closed_reason(datetime(2026, 11, 27, 11, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
    assert found is not None and found.reason.value == "not_a_working_day"
