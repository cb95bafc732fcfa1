"""docs/oncall.md stays true: each set-up's YAML, run through the printout, gives the text shown below it."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.config.operator import OperatorConfig
from bot.config.settings import DEFAULT_CONFIG_PATH
from bot.oncall_schedule import schedule_lines

DOC = (Path(__file__).resolve().parents[2] / "docs" / "oncall.md").read_text(encoding="utf-8")
SETUP = re.compile(r"### (.+?)\n.*?```yaml\n(.*?)```.*?```sh\n(.*?)\n```.*?```text\n(.*?)```", re.DOTALL)
SETUPS = SETUP.findall(DOC)


def test_the_doc_has_three_set_ups() -> None:
    assert len(SETUPS) == 3


@pytest.mark.parametrize(("title", "on_call", "command", "printed"), SETUPS, ids=[s[0] for s in SETUPS])
def test_each_set_up_prints_what_the_doc_shows(title: str, on_call: str, command: str, printed: str) -> None:
    words = shlex.split(command)
    first_day, days = date.fromisoformat(words[words.index("--from") + 1]), int(words[words.index("--days") + 1])
    config = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")) | yaml.safe_load(on_call)
    lines, _ = schedule_lines(OperatorConfig.model_validate(config), first_day, days, "en")
    assert lines == printed.rstrip("\n").splitlines(), title
