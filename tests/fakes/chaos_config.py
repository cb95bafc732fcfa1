"""An operator config for runs against real processes on the real clock: closed now, so emergencies page.

Built from tests/data/operator.yaml (the people of fakes.people stay who they are); only the
customers, the closed days, the rota and the acknowledgement timeout change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from fakes.activities import TeamsUser
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import ANNA

CLOSED_DAYS = 4  # today and the next days: a run that crosses midnight is still out of hours
ROTA_DAYS = 60  # ANNA on call well past any look-ahead for gaps in the schedule


@dataclass(frozen=True)
class ChaosCustomer:
    """One customer in an organisation of its own, so a page (which names the organisation) names them."""

    user: TeamsUser
    organisation: str


def chaos_customers(count: int) -> list[ChaosCustomer]:
    """`count` customers, each the only person of their own tenant."""
    customers = []
    for number in range(1, count + 1):
        tenant = f"c4a05000-0000-4000-8000-{number:012d}"
        user = TeamsUser(f"c4a05000-0000-4000-9000-{number:012d}", tenant, f"Klant {number:03d}", "nl-NL")
        customers.append(ChaosCustomer(user, f"Chaosbedrijf {number:03d} B.V."))
    return customers


def chaos_operator_config(
    customers: list[ChaosCustomer], now: datetime, *, acknowledge_minutes: int = 1
) -> dict[str, Any]:
    """The test operator config, closed from today on, with ANNA on call around `now`."""
    config = yaml.safe_load(OPERATOR_CONFIG.read_text(encoding="utf-8"))
    local = now.astimezone(ZoneInfo(config["business_hours"]["time_zone"]))
    config["business_hours"]["extra_closed_days"] = [local.date() + timedelta(days=d) for d in range(CLOSED_DAYS)]
    config["customers"] = [{"tenant_id": c.user.tenant_id, "name": c.organisation} for c in customers]
    config["on_call"]["rota"] = [
        {"who": ANNA.object_id, "from": local - timedelta(days=7), "to": local + timedelta(days=ROTA_DAYS)}
    ]
    config["timeouts"]["acknowledge_minutes"] = acknowledge_minutes
    return config


def write_chaos_config(path: Path, config: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
