"""Rotations and layers in the operator config: bad keys are named; the schedule printout; PUBLIC_URL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.config.errors import ConfigError
from bot.config.operator import load_operator_config
from bot.config.settings import DEFAULT_CONFIG_PATH, load_settings
from bot.oncall_schedule import main, schedule_lines

EXAMPLE = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
ROTATIONS = Path(__file__).resolve().parents[1] / "data" / "operator_rotations.yaml"
ANNA = "aaaaaaaa-0000-4000-8000-000000000001"


def on_call(**changes: object) -> dict[str, object]:
    return {**EXAMPLE["on_call"], **changes}


def rotation(**changes: object) -> dict[str, object]:
    return {**EXAMPLE["on_call"]["rotations"][0], **changes}


def first_rotation(**changes: object) -> dict[str, object]:
    """The example's on_call with its first rotation changed (the layers still find the others)."""
    return on_call(rotations=[rotation(**changes), *EXAMPLE["on_call"]["rotations"][1:]])


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        (first_rotation(participants=[ANNA, "left-the-company"]), "on_call.rotations.0.participants.1"),
        (first_rotation(shift="fortnightly"), "on_call.rotations.0.shift"),
        (first_rotation(shift="0h"), "on_call.rotations.0.shift"),
        (first_rotation(time_zone="Mars/Olympus"), "on_call.rotations.0.time_zone"),
        (first_rotation(participants=[]), "on_call.rotations.0.participants"),
        (on_call(layers=[{"name": "x", "rotation": "nobody-named-this"}]), "layers.0.rotation"),
        (on_call(layers=[{"name": "x", "rotation": "engineers", "hours": [{"days": ["someday"]}]}]),
         "on_call.layers.0.hours.0.days.0"),
        (on_call(rotations=[rotation(), rotation()]), "rotations: a name is used twice"),
        (on_call(gap_warnings={"days_ahead": 0}), "on_call.gap_warnings.days_ahead"),
    ],
)
def test_a_bad_on_call_key_is_named(tmp_path: Path, changes: dict[str, object], key: str) -> None:
    path = tmp_path / "operator.yaml"
    path.write_text(yaml.safe_dump({**EXAMPLE, "on_call": changes}, sort_keys=False), encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_operator_config(path)
    assert key in str(raised.value) and str(path) in str(raised.value)


def test_a_hand_off_written_with_an_offset_is_read_in_the_rotations_zone(tmp_path: Path) -> None:
    path = tmp_path / "operator.yaml"
    changed = first_rotation(hand_off="2026-11-23T08:00:00+00:00")
    path.write_text(yaml.safe_dump({**EXAMPLE, "on_call": changed}, sort_keys=False), encoding="utf-8")
    lines, _ = schedule_lines(load_operator_config(path), date(2026, 11, 23), 1, "en")
    assert "  Mon 23 Nov 17:00 to Tue 24 Nov 00:00: Anna Bakker (layer nights and weekends, rotation engineers)" in lines


def test_the_schedule_printout_names_layers_rotations_and_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--config", str(ROTATIONS), "--days", "2", "--from", "2026-11-26", "--lang", "en"])
    assert capsys.readouterr().out.splitlines() == [
        "On-call schedule Thu 26 Nov 00:00 to Sat 28 Nov 00:00 (Europe/Amsterdam):",
        "  Fri 27 Nov 17:00 to Sat 28 Nov 00:00: Carla Visser (layer weekends, rotation weekend)",
        "Gaps outside business hours: 2",
        "  Thu 26 Nov 00:00 to Thu 26 Nov 09:00",
        "  Thu 26 Nov 17:00 to Fri 27 Nov 09:00",
    ]
    assert status == 1  # gaps: a deploy pipeline can stop here


def test_the_example_config_leaves_no_gap_over_christmas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(DEFAULT_CONFIG_PATH), "--days", "14", "--from", "2026-12-21"]) == 0
    assert "vr 25 dec. 09:00 tot vr 25 dec. 17:00: Carla Visser (laag holidays, rotatie holiday cover)" in capsys.readouterr().out


def test_a_broken_config_exits_with_the_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "http://127.0.0.1:3978"),
        ({"PORT": "8080"}, "http://127.0.0.1:8080"),
        ({"PUBLIC_URL": "https://bot.example.nl/"}, "https://bot.example.nl"),
        ({"MicrosoftAppId": "app", "MicrosoftAppPassword": "secret"}, ""),
    ],
)
def test_the_public_url_of_the_calendar_links(environment: dict[str, str], expected: str) -> None:
    assert load_settings(environment).public_url == expected


def test_a_public_url_without_a_scheme_is_refused() -> None:
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        load_settings({"PUBLIC_URL": "bot.example.nl"})
