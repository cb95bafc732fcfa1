"""Print the on-call schedule an operator config gives: `python -m bot.oncall_schedule --config FILE --days 14`.

Config only (dated shifts and rotation layers, holidays from the business calendar); overrides
set in the chat live in the database and are not shown. Exit status 1 when there are gaps
outside business hours, so a deploy pipeline can refuse a config that leaves nights uncovered.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.config.errors import ConfigError
from bot.config.operator import OperatorConfig, load_operator_config
from bot.policy import gaps_outside_hours
from bot.services.clock import SystemClock
from bot.services.policy_setup import business_calendar, on_call_schedule
from bot.services.replies.oncall import because_words, period_words, staff_names
from bot.texts import LANGUAGES, text


def schedule_lines(config: OperatorConfig, first_day: date, days: int, lang: str) -> tuple[list[str], int]:
    """The printout and the number of gaps, from 00:00 on `first_day` for `days` days."""
    zone = config.business_hours.time_zone
    starts = datetime.combine(first_day, time(0), tzinfo=ZoneInfo(zone))
    ends = datetime.combine(first_day + timedelta(days=days), time(0), tzinfo=ZoneInfo(zone))
    timeline = on_call_schedule(config).timeline(starts, ends)
    gaps = gaps_outside_hours(timeline, business_calendar(config))
    name_of = staff_names(config)
    lines = [text(lang, "schedule_header", period=period_words(lang, starts, ends, zone), zone=zone)]
    for segment in timeline:
        if segment.assignment is not None:
            because = because_words(lang, segment.assignment.because, name_of)
            who = f"{name_of(segment.assignment.staff_id)} ({because})"
            lines.append(f"  {period_words(lang, segment.starts, segment.ends, zone)}: {who}")
    lines.append(text(lang, "schedule_gaps", count=len(gaps)))
    lines += [f"  {period_words(lang, g.starts, g.ends, zone)}" for g in gaps]
    return lines, len(gaps)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.oncall_schedule", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True, help="the operator config (YAML)")
    parser.add_argument("--days", type=int, default=14, help="how many days (default 14)")
    parser.add_argument("--from", dest="first_day", type=date.fromisoformat, help="first day, YYYY-MM-DD (default today)")
    parser.add_argument("--lang", choices=LANGUAGES, default="nl")
    arguments = parser.parse_args(argv)
    try:
        config = load_operator_config(arguments.config)
    except ConfigError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    zone = ZoneInfo(config.business_hours.time_zone)
    first_day = arguments.first_day or SystemClock().now().astimezone(zone).date()
    lines, gaps = schedule_lines(config, first_day, max(arguments.days, 1), arguments.lang)
    sys.stdout.write("\n".join(lines) + "\n")
    return 1 if gaps else 0


if __name__ == "__main__":
    raise SystemExit(main())
