"""Staff chat commands: every command word in both languages, slash and holding, card buttons,
missing arguments, ticket numbers, override moments (DST included) and text that is no command."""

import ast
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import bot.services.staff_commands
import bot.services.staff_moments
from bot.policy.staff_rights import StaffAction as A
from bot.services.staff_commands import CommandError, StaffCommand, parse_command

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=AMS)  # a Wednesday afternoon
N1 = "T-2026-0001"


def parse(
    text: str, value: dict[str, Any] | None = None, *, holding: bool = False, now: datetime = NOW,
) -> StaffCommand | None:
    return parse_command(text, value, now=now, time_zone=AMS, holding=holding)


def error_of(text: str, *, holding: bool = False, now: datetime = NOW) -> CommandError:
    with pytest.raises(CommandError) as caught:
        parse(text, holding=holding, now=now)
    return caught.value


@pytest.mark.parametrize(("text", "expected"), [
    ("queue", StaffCommand(A.QUEUE)),
    ("wachtrij", StaffCommand(A.QUEUE)),
    ("lijst", StaffCommand(A.QUEUE)),
    ("show T-2026-0001", StaffCommand(A.SHOW, N1)),
    ("toon T-2026-0001", StaffCommand(A.SHOW, N1)),
    ("ticket T-2026-0001", StaffCommand(A.SHOW, N1)),
    ("melding T-2026-0001", StaffCommand(A.SHOW, N1)),
    ("ack T-2026-0001", StaffCommand(A.ACKNOWLEDGE, N1)),
    ("acknowledge T-2026-0001", StaffCommand(A.ACKNOWLEDGE, N1)),
    ("bevestig T-2026-0001", StaffCommand(A.ACKNOWLEDGE, N1)),
    ("take over T-2026-0001", StaffCommand(A.TAKE_OVER, N1)),
    ("takeover T-2026-0001", StaffCommand(A.TAKE_OVER, N1)),
    ("take T-2026-0001", StaffCommand(A.TAKE_OVER, N1)),
    ("overnemen T-2026-0001", StaffCommand(A.TAKE_OVER, N1)),
    ("neem over T-2026-0001", StaffCommand(A.TAKE_OVER, N1)),
    ("hand back T-2026-0001", StaffCommand(A.HAND_BACK, N1)),
    ("handback T-2026-0001", StaffCommand(A.HAND_BACK, N1)),
    ("teruggeven T-2026-0001", StaffCommand(A.HAND_BACK, N1)),
    ("geef terug T-2026-0001", StaffCommand(A.HAND_BACK, N1)),
    ("resolve T-2026-0001 password reset", StaffCommand(A.RESOLVE, N1, "password reset")),
    ("resolved T-2026-0001", StaffCommand(A.RESOLVE, N1)),
    ("opgelost T-2026-0001 wachtwoord hersteld", StaffCommand(A.RESOLVE, N1, "wachtwoord hersteld")),
    ("sluit T-2026-0001", StaffCommand(A.RESOLVE, N1)),
    ("escalate T-2026-0001 needs a senior", StaffCommand(A.ESCALATE, N1, "needs a senior")),
    ("escaleer T-2026-0001 te complex", StaffCommand(A.ESCALATE, N1, "te complex")),
    ("escaleren T-2026-0001 klant boos", StaffCommand(A.ESCALATE, N1, "klant boos")),
    ("note T-2026-0001 called the customer", StaffCommand(A.NOTE, N1, "called the customer")),
    ("notitie T-2026-0001 klant gebeld", StaffCommand(A.NOTE, N1, "klant gebeld")),
    ("on call", StaffCommand(A.ON_CALL)),
    ("oncall", StaffCommand(A.ON_CALL)),
    ("who is on call", StaffCommand(A.ON_CALL)),
    ("who is on call?", StaffCommand(A.ON_CALL)),
    ("dienst", StaffCommand(A.ON_CALL)),
    ("wie heeft dienst", StaffCommand(A.ON_CALL)),
    ("wie heeft dienst?", StaffCommand(A.ON_CALL)),
    ("help", StaffCommand(A.HELP)),
    ("hulp", StaffCommand(A.HELP)),
    ("?", StaffCommand(A.HELP)),
    ("commands", StaffCommand(A.HELP)),
    ("commando's", StaffCommand(A.HELP)),
    ("commando\u2019s", StaffCommand(A.HELP)),
    ("herlaad config", StaffCommand(A.RELOAD_CONFIG)),
    ("Herlaad configuratie", StaffCommand(A.RELOAD_CONFIG)),
    ("reload config", StaffCommand(A.RELOAD_CONFIG)),
    ("reload configuration!", StaffCommand(A.RELOAD_CONFIG)),
])  # fmt: skip
def test_every_command_word_in_both_languages(text: str, expected: StaffCommand) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("QUEUE", StaffCommand(A.QUEUE)),
    ("Wie Heeft Dienst", StaffCommand(A.ON_CALL)),
    ("Take Over t-2026-0001", StaffCommand(A.TAKE_OVER, N1)),
    ("  /  queue  ", StaffCommand(A.QUEUE)),
    ("ack t-2026-00042", StaffCommand(A.ACKNOWLEDGE, "T-2026-00042")),
    ("resolve T-2026-0001: done", StaffCommand(A.RESOLVE, N1, "done")),
    ("note T-2026-0001   line one\nline two  ", StaffCommand(A.NOTE, N1, "line one\nline two")),
    ("ack T-2026-0001 on my way", StaffCommand(A.ACKNOWLEDGE, N1)),
    ("queue please", StaffCommand(A.QUEUE)),
])  # fmt: skip
def test_case_spacing_and_number_normalisation(text: str, expected: StaffCommand) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(("text", "holding", "expected"), [
    ("queue", False, StaffCommand(A.QUEUE)),
    ("/queue", False, StaffCommand(A.QUEUE)),
    ("/queue", True, StaffCommand(A.QUEUE)),
    ("queue", True, None),  # relayed to the customer
    ("resolve T-2026-0001", True, None),
    ("/resolve T-2026-0001 fixed", True, StaffCommand(A.RESOLVE, N1, "fixed")),
    ("/resolve", True, StaffCommand(A.RESOLVE)),
    ("/resolve fixed the mailbox", True, StaffCommand(A.RESOLVE, None, "fixed the mailbox")),
    ("/escalate needs a senior", True, StaffCommand(A.ESCALATE, None, "needs a senior")),
    ("/note see T-2026-0002 too", True, StaffCommand(A.NOTE, None, "see T-2026-0002 too")),
    ("/hand back", True, StaffCommand(A.HAND_BACK)),
    ("/geef terug T-2026-0001", True, StaffCommand(A.HAND_BACK, N1)),
    ("/hello there", True, None),
    ("/", True, None),
    ("/", False, None),
])  # fmt: skip
def test_slash_is_optional_unless_holding_a_chat(
    text: str, holding: bool, expected: StaffCommand | None,
) -> None:
    assert parse(text, holding=holding) == expected


@pytest.mark.parametrize(("value", "text", "expected"), [
    ({"choice": "ack:T-2026-0001"}, "", StaffCommand(A.ACKNOWLEDGE, N1)),
    ({"choice": "take_over:t-2026-0001"}, "", StaffCommand(A.TAKE_OVER, N1)),
    ({"choice": "ack:T-2026-0001"}, "help", StaffCommand(A.ACKNOWLEDGE, N1)),
    ({"choice": "remind"}, "", None),
    ({"choice": "ack:"}, "", None),
    ({"choice": "ack:not-a-number"}, "queue", StaffCommand(A.QUEUE)),
    ({"choice": "resolve:T-2026-0001"}, "", None),
    ({"choice": 42}, "queue", StaffCommand(A.QUEUE)),
    ({"other": "ack:T-2026-0001"}, "", None),
    ({}, "", None),
    (None, "", None),
])  # fmt: skip
def test_card_buttons_and_garbage_values(
    value: dict[str, Any] | None, text: str, expected: StaffCommand | None,
) -> None:
    assert parse(text, value) == expected


def test_a_card_button_is_a_command_even_while_holding_a_chat() -> None:
    assert parse("", {"choice": "ack:T-2026-0001"}, holding=True) == StaffCommand(A.ACKNOWLEDGE, N1)


@pytest.mark.parametrize(("text", "holding", "key", "values"), [
    ("show", False, "command_needs_number", {"command": "show"}),
    ("/toon", True, "command_needs_number", {"command": "show"}),
    ("ack", False, "command_needs_number", {"command": "acknowledge"}),
    ("/bevestig", True, "command_needs_number", {"command": "acknowledge"}),
    ("take over", False, "command_needs_number", {"command": "take_over"}),
    ("/neem over", True, "command_needs_number", {"command": "take_over"}),
    ("ticket is broken", False, "command_needs_number", {"command": "show"}),
    ("ack T-26-0001", False, "command_needs_number", {"command": "acknowledge"}),
    ("ack T-2026-001", False, "command_needs_number", {"command": "acknowledge"}),
    ("ack T-2026-0001x", False, "command_needs_number", {"command": "acknowledge"}),
    ("resolve fixed it", False, "command_needs_number", {"command": "resolve"}),
    ("escalate", False, "command_needs_number", {"command": "escalate"}),
    ("note called them", False, "command_needs_number", {"command": "note"}),
    ("hand back", False, "command_needs_number", {"command": "hand_back"}),
    ("note T-2026-0001", False, "command_needs_text", {"command": "note"}),
    ("/notitie", True, "command_needs_text", {"command": "note"}),
    ("escalate T-2026-0001", False, "command_needs_text", {"command": "escalate"}),
    ("/escaleer", True, "command_needs_text", {"command": "escalate"}),
])  # fmt: skip
def test_missing_arguments_name_a_catalogue_entry(
    text: str, holding: bool, key: str, values: dict[str, str],
) -> None:
    error = error_of(text, holding=holding)
    assert (error.key, error.values) == (key, values)
    assert isinstance(error, ValueError)


@pytest.mark.parametrize("text", [
    "", "   ", "hello", "queueing is slow", "notes about the customer", "showing T-2026-0001",
    "who", "who is", "on", "hand", "neem", "geef", "T-2026-0001", "??", "thanks!", "/hello",
])  # fmt: skip
def test_anything_else_is_not_a_command(text: str) -> None:
    assert parse(text) is None


def test_none_text_with_no_value_is_not_a_command() -> None:
    assert parse_command(None, None, now=NOW, time_zone=AMS, holding=False) is None  # type: ignore[arg-type]


def at(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


@pytest.mark.parametrize(("text", "who", "until"), [
    ("override me until 2026-11-26 09:00", "me", at(2026, 11, 26, 9, 0)),
    ("vervang ik tot 26-11-2026 09:00", "ik", at(2026, 11, 26, 9, 0)),
    ("invallen Carla tot 27-11 08:30", "Carla", at(2026, 11, 27, 8, 30)),
    ("override Carla Visser UNTIL tomorrow 09:00", "Carla Visser", at(2026, 11, 26, 9, 0)),
    ("vervang Carla tot morgen 09:00", "Carla", at(2026, 11, 26, 9, 0)),
    ("vervang Carla tot morgen om 9.00", "Carla", at(2026, 11, 26, 9, 0)),
    ("override me until 17:00", "me", at(2026, 11, 25, 17, 0)),  # later today
    ("override me until 09:00", "me", at(2026, 11, 26, 9, 0)),  # passed today: tomorrow
    ("override me until friday 17:00", "me", at(2026, 11, 27, 17, 0)),
    ("override me until Friday at 17:00", "me", at(2026, 11, 27, 17, 0)),
    ("vervang ik tot maandag 09:00", "ik", at(2026, 11, 30, 9, 0)),
    ("vervang ik tot woensdag 18:00", "ik", at(2026, 12, 2, 18, 0)),  # today is Wednesday: next week
    ("vervang ik tot donderdag 09:00", "ik", at(2026, 11, 26, 9, 0)),
    ("override me until sunday 12:00", "me", at(2026, 11, 29, 12, 0)),
    ("vervang ik tot zaterdag 12:00", "ik", at(2026, 11, 28, 12, 0)),
    ("override me until tuesday 12:00", "me", at(2026, 12, 1, 12, 0)),
    ("vervang ik tot dinsdag 12:00", "ik", at(2026, 12, 1, 12, 0)),
    ("override me until thursday 12:00", "me", at(2026, 11, 26, 12, 0)),
    ("override me until saturday 12:00", "me", at(2026, 11, 28, 12, 0)),
    ("vervang ik tot vrijdag 12:00", "ik", at(2026, 11, 27, 12, 0)),
    ("vervang ik tot zondag 12:00", "ik", at(2026, 11, 29, 12, 0)),
    ("override me until monday 12:00", "me", at(2026, 11, 30, 12, 0)),
    ("override me until wednesday 12:00", "me", at(2026, 12, 2, 12, 0)),
    ("vervang ik tot 01-03 09:00", "ik", at(2027, 3, 1, 9, 0)),  # passed this year: next year
    ("vervang ik tot 24-12 08:00", "ik", at(2026, 12, 24, 8, 0)),
    ("/override me until 2027-01-02 09:00", "me", at(2027, 1, 2, 9, 0)),
])  # fmt: skip
def test_override_moments(text: str, who: str, until: datetime) -> None:
    command = parse(text)
    assert command == StaffCommand(A.OVERRIDE, who=who, until=until)
    assert command.until is not None and command.until.utcoffset() == until.utcoffset()


@pytest.mark.parametrize(("now", "moment", "until", "offset_hours"), [
    (at(2026, 10, 24, 12, 0), "morgen 09:00", at(2026, 10, 25, 9, 0), 1),  # summer time ends that night
    (at(2026, 10, 24, 12, 0), "zondag 09:00", at(2026, 10, 25, 9, 0), 1),
    (at(2026, 10, 24, 23, 0), "09:00", at(2026, 10, 25, 9, 0), 1),
    (at(2026, 10, 24, 12, 0), "25-10 09:00", at(2026, 10, 25, 9, 0), 1),
    (at(2026, 3, 28, 12, 0), "tomorrow 09:00", at(2026, 3, 29, 9, 0), 2),  # summer time starts that night
    (at(2026, 3, 28, 12, 0), "sunday 09:00", at(2026, 3, 29, 9, 0), 2),
    (at(2026, 3, 28, 12, 0), "2026-03-29 09:00", at(2026, 3, 29, 9, 0), 2),
    (datetime(2026, 10, 24, 10, 0, tzinfo=ZoneInfo("UTC")), "morgen 09:00", at(2026, 10, 25, 9, 0), 1),
])  # fmt: skip
def test_override_moments_get_the_offset_of_their_own_day(
    now: datetime, moment: str, until: datetime, offset_hours: int,
) -> None:
    command = parse(f"override me until {moment}", now=now)
    assert command is not None and command.until == until
    assert command.until.utcoffset() == timedelta(hours=offset_hours)
    assert command.until.tzinfo is AMS


@pytest.mark.parametrize(("text", "key", "values"), [
    ("override", "override_usage", {}),
    ("override me", "override_usage", {}),
    ("override me 09:00", "override_usage", {}),
    ("override until 09:00", "override_usage", {}),
    ("vervang ik tot", "override_usage", {}),
    ("override me until soon", "override_bad_moment", {"moment": "soon"}),
    ("override me until 25:00", "override_bad_moment", {"moment": "25:00"}),
    ("override me until 31-02 09:00", "override_bad_moment", {"moment": "31-02 09:00"}),
    ("override me until 2026-13-01 09:00", "override_bad_moment", {"moment": "2026-13-01 09:00"}),
    ("override me until someday 09:00", "override_bad_moment", {"moment": "someday 09:00"}),
    ("override me until friday", "override_bad_moment", {"moment": "friday"}),
    ("override me until next friday 09:00", "override_bad_moment", {"moment": "next friday 09:00"}),
    ("override me until 2026-11-25 14:00", "override_in_past", {"moment": "2026-11-25 14:00"}),
    ("override me until 2026-11-25 14:30", "override_in_past", {"moment": "2026-11-25 14:30"}),
    ("vervang ik tot 01-01-2026 09:00", "override_in_past", {"moment": "01-01-2026 09:00"}),
])  # fmt: skip
def test_override_errors(text: str, key: str, values: dict[str, str]) -> None:
    error = error_of(text)
    assert (error.key, error.values) == (key, values)


def test_the_repeated_autumn_hour_compares_as_instants() -> None:
    """02:30 happens twice on 25 October; the first (summer) 02:30 is already past at the second 02:10."""
    second_0210 = datetime(2026, 10, 25, 2, 10, tzinfo=AMS, fold=1)
    error = error_of("override me until 2026-10-25 02:30", now=second_0210)
    assert error.key == "override_in_past"


@pytest.mark.parametrize("module", [bot.services.staff_commands, bot.services.staff_moments])
def test_the_parser_stays_pure(module: ModuleType) -> None:
    source = Path(str(module.__file__)).read_text()
    roots = {
        (node.module or "").split(".")[0] if isinstance(node, ast.ImportFrom) else alias.name.split(".")[0]
        for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }  # fmt: skip
    assert not roots & {"botbuilder", "aiohttp", "sqlalchemy"}
    assert ".now(" not in source and ".today(" not in source
