"""Validate own_eval.jsonl against the intent contract and print its counts.

The evaluation set is written by hand; this script only checks it (it never
writes or changes a line), so a typo in a label or a broken JSON line is caught
before anyone measures a model against it.

Usage: python nlu_models/eval/check.py [path]   (exit code 1 on any error)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# The 18 labels of /work/shared/spec/intents.md, in the order the spec lists them.
LABELS: tuple[str, ...] = (
    "email_problem", "teams_problem", "files_problem", "office_app_problem",
    "license_problem", "signin_problem", "domain_problem", "security_incident",
    "service_outage", "howto", "user_management", "security_settings_change",
    "onboarding", "escalation_request", "ticket_status", "greeting",
    "thanks_goodbye", "out_of_scope",
)
ALWAYS_EMERGENCY = frozenset({"security_incident", "service_outage"})
KEYS = frozenset({"text", "intent", "also_ok", "emergency", "lang"})
MIN_PER_INTENT = 15
DEFAULT_PATH = Path(__file__).with_name("own_eval.jsonl")


@dataclass
class Tally:
    """Per-intent counts for the README table."""

    total: Counter[str] = field(default_factory=Counter)
    nl: Counter[str] = field(default_factory=Counter)
    en: Counter[str] = field(default_factory=Counter)
    emergency: Counter[str] = field(default_factory=Counter)
    also_ok: Counter[str] = field(default_factory=Counter)

    def add(self, row: dict) -> None:
        intent = row["intent"]
        self.total[intent] += 1
        (self.nl if row["lang"] == "nl" else self.en)[intent] += 1
        self.emergency[intent] += row["emergency"]
        self.also_ok[intent] += bool(row["also_ok"])


def row_errors(row: object) -> list[str]:
    """Everything wrong with one parsed line, empty when it is valid."""
    if not isinstance(row, dict):
        return ["not a JSON object"]
    errors: list[str] = []
    if set(row) != KEYS:
        errors.append(f"keys {sorted(row)} != {sorted(KEYS)}")
        return errors
    if not isinstance(row["text"], str) or not row["text"].strip():
        errors.append("empty text")
    if row["intent"] not in LABELS:
        errors.append(f"unknown intent {row['intent']!r}")
    also = row["also_ok"]
    if not isinstance(also, list) or any(a not in LABELS for a in also):
        errors.append(f"bad also_ok {also!r}")
    elif row["intent"] in also or len(set(also)) != len(also):
        errors.append("also_ok repeats a label")
    if not isinstance(row["emergency"], bool):
        errors.append("emergency is not a boolean")
    elif row["intent"] in ALWAYS_EMERGENCY and not row["emergency"]:
        errors.append(f"{row['intent']} must be an emergency")
    if row["lang"] not in ("nl", "en"):
        errors.append(f"bad lang {row['lang']!r}")
    return errors


def check(path: Path) -> tuple[list[str], Tally]:
    """Parse and validate every line; return the errors and the tally of valid rows."""
    errors: list[str] = []
    tally = Tally()
    seen: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"line {number}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: invalid JSON ({exc.msg}, col {exc.colno})")
            continue
        problems = row_errors(row)
        errors.extend(f"line {number}: {p}" for p in problems)
        if problems:
            continue
        key = " ".join(row["text"].lower().split())
        if key in seen:
            errors.append(f"line {number}: duplicate of line {seen[key]}")
        seen[key] = number
        tally.add(row)
    for label in LABELS:
        if tally.total[label] < MIN_PER_INTENT:
            errors.append(f"{label}: {tally.total[label]} lines, fewer than {MIN_PER_INTENT}")
    return errors, tally


def table(tally: Tally) -> str:
    """The counts as the Markdown table the README carries."""
    lines = ["| intent | total | nl | en | emergency | with also_ok |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label in LABELS:
        lines.append(f"| `{label}` | {tally.total[label]} | {tally.nl[label]} | "
                     f"{tally.en[label]} | {tally.emergency[label]} | {tally.also_ok[label]} |")
    t = {name: sum(getattr(tally, name).values()) for name in ("total", "nl", "en", "emergency", "also_ok")}
    lines.append(f"| **all** | {t['total']} | {t['nl']} | {t['en']} | {t['emergency']} | {t['also_ok']} |")
    return "\n".join(lines)


def summary(tally: Tally) -> str:
    """Shares the brief asks for: language split and emergencies outside the two 'always' intents."""
    total = sum(tally.total.values()) or 1
    emergencies = sum(tally.emergency.values())
    other = emergencies - sum(tally.emergency[label] for label in ALWAYS_EMERGENCY)
    nl = sum(tally.nl.values())
    return (f"{total} lines; nl {nl / total:.0%}, en {1 - nl / total:.0%}; "
            f"emergency {emergencies} ({emergencies / total:.0%}), "
            f"{other} of them outside security_incident/service_outage")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    errors, tally = check(path)
    print(table(tally))
    print()
    print(summary(tally))
    for error in errors:
        print(f"ERROR {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
