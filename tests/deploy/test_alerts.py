"""The example alert rules: each watches a metric the bot really exposes and links to its runbook entry."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.observability.metrics import create_metrics
from fakes.system_tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS = ROOT / "deploy" / "prometheus"
RULES = [rule for group in yaml.safe_load((PROMETHEUS / "alerts.yaml").read_text(encoding="utf-8"))["groups"]
         for rule in group["rules"]]
RUNBOOK = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")


def anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    headings = re.findall(r"^#+ (.+)$", markdown, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading).strip().lower().replace(" ", "-") for heading in headings}


def exposed_series() -> set[str]:
    return {sample.name for metric in create_metrics().registry.collect() for sample in metric.samples}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule["alert"])
def test_every_alert_has_a_severity_a_summary_and_a_runbook_entry_that_exists(rule: dict) -> None:
    assert rule["labels"]["severity"] in {"critical", "warning"}
    assert rule["annotations"]["summary"]
    page, _, anchor = rule["annotations"]["runbook"].partition("#")
    assert page == "docs/operations.md" and anchor in anchors(RUNBOOK)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule["alert"])
def test_every_alert_watches_series_the_bot_exposes(rule: dict) -> None:
    used = set(re.findall(r"\b((?:supportbot|process)_[a-z_]+)", rule["expr"]))
    assert used <= exposed_series()
    assert used or rule["expr"].startswith(("up{", "sum(up{")), "only Prometheus' own `up` needs no metric of ours"


def test_every_runbook_alert_section_has_a_rule() -> None:
    documented = set(re.findall(r"^### (Supportbot\w+)$", RUNBOOK, flags=re.MULTILINE))
    assert documented == {rule["alert"] for rule in RULES}


def test_the_unacknowledged_pages_alert_gives_the_engineer_their_window_first() -> None:
    """It fires only after the acknowledgement window (plus delivery) has passed, never at the first page."""
    [rule] = [rule for rule in RULES if rule["alert"] == "SupportbotPagesUnacknowledged"]
    window = yaml.safe_load((ROOT / "config" / "example.yaml").read_text(encoding="utf-8"))["timeouts"]
    assert re.fullmatch(r"\d+m", rule["for"])
    assert int(rule["for"][:-1]) >= window["acknowledge_minutes"] + 5


@pytest.mark.parametrize("check", [
    ["check", "rules", "alerts.yaml"], ["check", "config", "prometheus.yaml"], ["test", "rules", "alerts.test.yaml"],
], ids=["check-rules", "check-config", "unit-tests"])
def test_promtool_accepts_the_rules_the_config_and_the_alert_unit_tests(check: list[str]) -> None:
    promtool = require_tool("promtool", "prometheus")
    result = subprocess.run([promtool, *check], cwd=PROMETHEUS, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
