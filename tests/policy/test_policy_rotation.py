"""Rotations and layers, table-tested: hand-off minutes, DST weekends, holidays, a participant who left."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.policy import (
    Assignment,
    Because,
    BusinessCalendar,
    BusinessHours,
    Gap,
    Layer,
    OnCallSchedule,
    Override,
    Reason,
    Rotation,
    RotaEntry,
    Window,
    gaps_outside_hours,
    on_call_at,
)

AMS = ZoneInfo("Europe/Amsterdam")
ANNA, BRAM, CARLA = "anna", "bram", "carla"
CALENDAR = BusinessCalendar(BusinessHours(extra_closed_days=frozenset({date(2026, 12, 31)})))
WEEKDAYS, WEEKEND = frozenset(range(5)), frozenset({5, 6})


def ams(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=AMS)  # type: ignore[misc]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def weekly(*people: str, hand_off: datetime = datetime(2026, 11, 30, 9, 0), name: str = "engineers") -> Rotation:
    return Rotation(name, people, 7 * 24, hand_off)


def schedule(*layers: Layer, shifts: tuple[RotaEntry, ...] = (), directory: frozenset[str] | None = None) -> OnCallSchedule:
    return OnCallSchedule(layers, shifts, CALENDAR, directory)


def who(plan: OnCallSchedule, moment: datetime, overrides: tuple[Override, ...] = ()) -> str | None:
    return on_call_at(moment, plan, overrides)


# --- the hand-off minute ---------------------------------------------------------------------

HAND_OFF_TABLE = [
    (ams(2026, 11, 30, 8, 59), None),  # before the first hand-off the rotation is not in force
    (ams(2026, 11, 30, 9, 0), ANNA),
    (ams(2026, 12, 7, 8, 59, 59), ANNA),
    (ams(2026, 12, 7, 9, 0), BRAM),
    (ams(2026, 12, 14, 8, 59), BRAM),
    (ams(2026, 12, 14, 9, 0), ANNA),
    (utc(2026, 12, 14, 8, 0), ANNA),  # the same instant, asked in UTC
]


@pytest.mark.parametrize(("moment", "expected"), HAND_OFF_TABLE)
def test_a_weekly_rotation_hands_off_on_the_minute(moment: datetime, expected: str | None) -> None:
    assert who(schedule(Layer("all week", weekly(ANNA, BRAM))), moment) == expected


@pytest.mark.parametrize(
    ("shift_hours", "moment", "expected"),
    [
        (24, ams(2026, 12, 1, 8, 59), ANNA),
        (24, ams(2026, 12, 1, 9, 0), BRAM),
        (24, ams(2026, 12, 2, 9, 0), CARLA),
        (24, ams(2026, 12, 3, 9, 0), ANNA),
        (12, ams(2026, 11, 30, 20, 59), ANNA),
        (12, ams(2026, 11, 30, 21, 0), BRAM),
        (12, ams(2026, 12, 1, 9, 0), CARLA),
        (8, ams(2026, 11, 30, 17, 0), BRAM),
        (8, ams(2026, 12, 1, 1, 0), CARLA),
    ],
)
def test_daily_and_hourly_shifts(shift_hours: int, moment: datetime, expected: str) -> None:
    rotation = Rotation("r", (ANNA, BRAM, CARLA), shift_hours, datetime(2026, 11, 30, 9, 0))
    assert who(schedule(Layer("all", rotation)), moment) == expected


# --- DST weekends: hand-offs stay at local wall time -----------------------------------------

DST_TABLE = [
    # spring: 29 March 2026, 02:00 CET -> 03:00 CEST. Monday 30 March 09:00 CEST is 07:00 UTC.
    (datetime(2026, 3, 23, 9, 0), utc(2026, 3, 30, 6, 59), ANNA),
    (datetime(2026, 3, 23, 9, 0), utc(2026, 3, 30, 7, 0), BRAM),
    # autumn: 25 October 2026, 03:00 CEST -> 02:00 CET. Monday 26 October 09:00 CET is 08:00 UTC.
    (datetime(2026, 10, 19, 9, 0), utc(2026, 10, 26, 7, 59), ANNA),
    (datetime(2026, 10, 19, 9, 0), utc(2026, 10, 26, 8, 0), BRAM),
]


@pytest.mark.parametrize(("hand_off", "moment", "expected"), DST_TABLE)
def test_a_weekly_hand_off_stays_at_nine_local_across_dst(hand_off: datetime, moment: datetime, expected: str) -> None:
    assert who(schedule(Layer("all", weekly(ANNA, BRAM, hand_off=hand_off))), moment) == expected


def test_a_twelve_hour_shift_over_the_spring_forward_night_is_eleven_hours_long() -> None:
    rotation = Rotation("nights", (ANNA, BRAM), 12, datetime(2026, 3, 28, 9, 0))
    turn = rotation.turn_at(ams(2026, 3, 29, 3, 30))
    assert turn is not None and turn.staff_id == BRAM
    assert (turn.starts, turn.ends) == (ams(2026, 3, 28, 21, 0), ams(2026, 3, 29, 9, 0))
    assert turn.ends - turn.starts == timedelta(hours=11)


WEEKEND_LAYER = Layer("weekends", weekly(CARLA, hand_off=datetime(2026, 1, 2, 17, 0), name="weekend"), (Window(frozenset({4}), time(17), time(0)), Window(WEEKEND, time(0), time(0)), Window(frozenset({0}), time(0), time(9))))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (ams(2026, 3, 27, 16, 59), ANNA),  # Friday before the spring change, still the weekday layer
        (ams(2026, 3, 27, 17, 0), CARLA),
        (ams(2026, 3, 29, 1, 59), CARLA),
        (ams(2026, 3, 29, 3, 0), CARLA),  # the hour that does not exist is skipped, not a gap
        (utc(2026, 3, 30, 6, 59), CARLA),  # Monday 08:59 CEST
        (utc(2026, 3, 30, 7, 0), BRAM),  # Monday 09:00 CEST: back to the weekly rotation, handed off too
        (ams(2026, 10, 25, 2, 30, 0), CARLA),  # the autumn hour that happens twice
    ],
)
def test_a_weekend_layer_over_dst_weekends(moment: datetime, expected: str) -> None:
    base = Layer("all week", weekly(ANNA, BRAM, hand_off=datetime(2026, 3, 23, 9, 0)))
    assert who(schedule(base, WEEKEND_LAYER), moment) == expected


def test_the_weekend_layer_has_no_gap_in_the_dst_weekend_timeline() -> None:
    base = Layer("all week", weekly(ANNA, BRAM, hand_off=datetime(2026, 3, 23, 9, 0)))
    timeline = schedule(base, WEEKEND_LAYER).timeline(ams(2026, 3, 27, 9, 0), ams(2026, 3, 31, 9, 0))
    assert [(s.starts, s.staff_id) for s in timeline] == [
        (ams(2026, 3, 27, 9, 0), ANNA), (ams(2026, 3, 27, 17, 0), CARLA), (utc(2026, 3, 30, 7, 0), BRAM),
    ]  # fmt: skip


# --- holidays --------------------------------------------------------------------------------

HOLIDAY_LAYER = Layer("holidays", weekly(CARLA, hand_off=datetime(2026, 1, 1, 0, 0), name="holiday cover"), (Window(frozenset(), time(0), time(0), holidays=True),))
EVENINGS = Layer("weekday evenings", weekly(ANNA, BRAM), (Window(WEEKDAYS, time(17), time(9)),))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (ams(2026, 12, 24, 23, 0), BRAM),  # Christmas Eve is no holiday: the evening layer
        (ams(2026, 12, 25, 0, 0), CARLA),  # Eerste Kerstdag, a Friday
        (ams(2026, 12, 25, 12, 0), CARLA),
        (ams(2026, 12, 26, 12, 0), CARLA),  # Tweede Kerstdag is a Saturday: a holiday all the same
        (ams(2026, 12, 27, 12, 0), None),  # a plain Sunday: neither layer
        (ams(2026, 12, 31, 10, 0), CARLA),  # the operator's extra closed day
        (ams(2027, 1, 1, 23, 59), CARLA),  # Nieuwjaarsdag
        (ams(2027, 1, 4, 8, 0), None),  # Monday before opening: Sunday starts no weekday evening
    ],
)
def test_a_holiday_layer_wins_over_the_evenings_on_closed_days(moment: datetime, expected: str | None) -> None:
    assert who(schedule(EVENINGS, HOLIDAY_LAYER), moment) == expected


# --- a participant removed from the directory -------------------------------------------------

REMOVED_TABLE = [
    # shift 0 anna, 1 bram (gone: passes to carla), 2 carla, 3 anna
    (ams(2026, 11, 30, 9, 0), frozenset({ANNA, CARLA}), ANNA),
    (ams(2026, 12, 7, 9, 0), frozenset({ANNA, CARLA}), CARLA),
    (ams(2026, 12, 14, 9, 0), frozenset({ANNA, CARLA}), CARLA),
    (ams(2026, 12, 21, 9, 0), frozenset({ANNA, CARLA}), ANNA),  # nobody else's shift moved
    (ams(2026, 12, 7, 9, 0), frozenset({ANNA, BRAM, CARLA}), BRAM),
    (ams(2026, 12, 7, 9, 0), frozenset({"dirk"}), None),  # nobody of the rotation is left
]


@pytest.mark.parametrize(("moment", "directory", "expected"), REMOVED_TABLE)
def test_a_participant_who_left_the_directory_is_passed_over(moment: datetime, directory: frozenset[str], expected: str | None) -> None:
    plan = schedule(Layer("all week", weekly(ANNA, BRAM, CARLA)), directory=directory)
    assert who(plan, moment) == expected


def test_a_layer_whose_participants_all_left_falls_through_to_the_layer_below() -> None:
    plan = schedule(Layer("base", weekly(CARLA)), Layer("top", weekly(BRAM)), directory=frozenset({CARLA}))
    assert who(plan, ams(2026, 12, 1, 3, 0)) == CARLA


def test_a_dated_shift_of_someone_who_left_is_ignored() -> None:
    shift = RotaEntry(BRAM, ams(2026, 12, 1, 0, 0), ams(2026, 12, 2, 0, 0))
    plan = schedule(Layer("all", weekly(ANNA)), shifts=(shift,), directory=frozenset({ANNA}))
    assert who(plan, ams(2026, 12, 1, 3, 0)) == ANNA


# --- who wins, and why -----------------------------------------------------------------------

def test_overrides_beat_dated_shifts_which_beat_the_later_layer_which_beats_the_earlier() -> None:
    base, top = Layer("base", weekly(ANNA, name="a")), Layer("nights", weekly(BRAM, name="b"), (Window(starts=time(17), ends=time(9)),))
    shift = RotaEntry(CARLA, ams(2026, 12, 2, 17, 0), ams(2026, 12, 3, 9, 0))
    swap = Override(ANNA, ams(2026, 12, 3, 17, 0), ams(2026, 12, 4, 9, 0), ams(2026, 12, 1, 12, 0), "swap", BRAM)
    plan = schedule(base, top, shifts=(shift,))
    assert plan.assignment_at(ams(2026, 12, 1, 12, 0)) == Assignment(ANNA, Because(Reason.ROTATION, "base", "a"))
    assert plan.assignment_at(ams(2026, 12, 1, 20, 0)) == Assignment(BRAM, Because(Reason.ROTATION, "nights", "b"))
    assert plan.assignment_at(ams(2026, 12, 2, 20, 0)) == Assignment(CARLA, Because(Reason.SHIFT))
    assert plan.assignment_at(ams(2026, 12, 3, 20, 0), [swap]) == Assignment(ANNA, Because(Reason.SWAP, set_by=BRAM))


def test_the_timeline_merges_neighbours_and_starts_where_asked() -> None:
    plan = schedule(EVENINGS)
    timeline = plan.timeline(ams(2026, 12, 4, 12, 0), ams(2026, 12, 8, 12, 0))
    assert [(s.starts, s.ends, s.staff_id) for s in timeline] == [
        (ams(2026, 12, 4, 12, 0), ams(2026, 12, 4, 17, 0), None),
        (ams(2026, 12, 4, 17, 0), ams(2026, 12, 5, 9, 0), ANNA),
        (ams(2026, 12, 5, 9, 0), ams(2026, 12, 7, 17, 0), None),
        (ams(2026, 12, 7, 17, 0), ams(2026, 12, 8, 9, 0), BRAM),  # Monday: the weekly hand-off happened at 09:00
        (ams(2026, 12, 8, 9, 0), ams(2026, 12, 8, 12, 0), None),
    ]


# --- gaps outside business hours --------------------------------------------------------------

def test_gaps_leave_out_business_hours_and_join_across_midnight() -> None:
    timeline = schedule(EVENINGS).timeline(ams(2026, 12, 4, 12, 0), ams(2026, 12, 8, 12, 0))
    assert gaps_outside_hours(timeline, CALENDAR) == [Gap(ams(2026, 12, 5, 9, 0), ams(2026, 12, 7, 9, 0))]


def test_a_holiday_in_the_week_is_a_daytime_gap() -> None:
    timeline = schedule(EVENINGS).timeline(ams(2026, 12, 24, 12, 0), ams(2026, 12, 25, 12, 0))
    assert gaps_outside_hours(timeline, CALENDAR) == [Gap(ams(2026, 12, 25, 9, 0), ams(2026, 12, 25, 12, 0))]


def test_no_gaps_when_every_night_and_weekend_is_covered() -> None:
    plan = schedule(Layer("all week", weekly(ANNA, BRAM, hand_off=datetime(2026, 3, 23, 9, 0))), WEEKEND_LAYER, HOLIDAY_LAYER)
    assert gaps_outside_hours(plan.timeline(ams(2026, 3, 23, 9, 0), ams(2026, 4, 20, 9, 0)), CALENDAR) == []
