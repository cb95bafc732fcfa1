"""The on-call staff commands and buttons: words in both languages, shift buttons, bad values."""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.policy.staff_rights import StaffAction as A
from bot.services.replies.choices import period_value, read_period
from bot.services.staff_commands import CommandError, StaffCommand, parse_command

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=AMS)
WEEKEND = (datetime(2026, 11, 27, 16, 0, tzinfo=UTC), datetime(2026, 11, 30, 8, 0, tzinfo=UTC))


def parse(text: str, value: dict[str, Any] | None = None) -> StaffCommand | None:
    return parse_command(text, value, now=NOW, time_zone=AMS, holding=False)


@pytest.mark.parametrize(("text", "expected"), [
    ("rooster", StaffCommand(A.ON_CALL)),
    ("schedule", StaffCommand(A.ON_CALL)),
    ("agenda", StaffCommand(A.CALENDAR)),
    ("calendar", StaffCommand(A.CALENDAR)),
    ("kalender nieuw", StaffCommand(A.CALENDAR, text="new")),
    ("calendar new", StaffCommand(A.CALENDAR, text="new")),
    ("agenda intrekken", StaffCommand(A.CALENDAR, text="revoke")),
    ("calendar revoke", StaffCommand(A.CALENDAR, text="revoke")),
    ("agenda team", StaffCommand(A.TEAM_CALENDAR)),
    ("team calendar", StaffCommand(A.TEAM_CALENDAR)),
    ("agenda team intrekken", StaffCommand(A.TEAM_CALENDAR, text="revoke")),
    ("ruil", StaffCommand(A.OFFER_SHIFT)),
    ("dienst aanbieden", StaffCommand(A.OFFER_SHIFT)),
    ("swap shift", StaffCommand(A.OFFER_SHIFT)),
    ("offer shift", StaffCommand(A.OFFER_SHIFT)),
    ("dienst overnemen 12", StaffCommand(A.TAKE_SHIFT, offer=12)),
    ("take shift #7", StaffCommand(A.TAKE_SHIFT, offer=7)),
    ("toewijzen", StaffCommand(A.ASSIGN_SHIFT)),
    ("assign shift", StaffCommand(A.ASSIGN_SHIFT)),
    ("dienst", StaffCommand(A.ON_CALL)),  # the shorter phrase still means on call
    ("overnemen T-2026-0001", StaffCommand(A.TAKE_OVER, "T-2026-0001")),
])  # fmt: skip
def test_on_call_command_words(text: str, expected: StaffCommand) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("offer:20261127T1600Z-20261130T0800Z", StaffCommand(A.OFFER_SHIFT, period=WEEKEND)),
    ("assign:20261127T1600Z-20261130T0800Z", StaffCommand(A.ASSIGN_SHIFT, period=WEEKEND)),
    ("assign:20261127T1600Z-20261130T0800Z:aaaa-1", StaffCommand(A.ASSIGN_SHIFT, who="aaaa-1", period=WEEKEND)),
    ("take_shift:3", StaffCommand(A.TAKE_SHIFT, offer=3)),
    ("take_shift:three", None),
    ("offer:20261130T0800Z-20261127T1600Z", None),  # backwards
    ("offer:yesterday-today", None),
    ("assign:", None),
])  # fmt: skip
def test_shift_buttons(value: str, expected: StaffCommand | None) -> None:
    assert parse("", {"choice": value}) == expected


@pytest.mark.parametrize(("text", "key"), [
    ("agenda graag", "calendar_usage"),
    ("dienst overnemen", "take_shift_usage"),
    ("take shift twelve", "take_shift_usage"),
])  # fmt: skip
def test_bad_arguments_name_a_catalogue_entry(text: str, key: str) -> None:
    with pytest.raises(CommandError) as caught:
        parse(text)
    assert caught.value.key == key


def test_a_period_survives_its_button_value_in_any_zone() -> None:
    starts, ends = datetime(2026, 3, 29, 1, 30, tzinfo=AMS), datetime(2026, 3, 29, 9, 0, tzinfo=AMS)
    assert read_period(period_value(starts, ends)) == (starts, ends)
    assert ":" not in period_value(starts, ends)
