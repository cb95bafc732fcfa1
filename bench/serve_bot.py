"""This bot as the load benchmark runs it: app.py's application, on a clock moved into business hours.

Settings come from the environment exactly as for app.py. Two differences, both for the benchmark:
the clock is the real one shifted so the run starts at `--clock-start` (a weekday morning: the run
is in business hours whenever it runs, and the timers it sets lie in the real future), and in
production mode the bot calls the (fake) channel with a fixed token instead of asking Azure AD.
Two measuring aids: `--sql-stats` logs the database's share of the time, and `--flush-wait`
changes how long a turn's answer waits for the first delivery attempt of its replies.

Run: python -m bench.serve_bot --clock-start 2026-12-03T10:00:00+01:00
"""

from __future__ import annotations

import argparse
import inspect
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the fakes live with the tests

from aiohttp import web  # noqa: E402

from app import create_app  # noqa: E402
from bot import keys  # noqa: E402
from bot.config.settings import load_settings  # noqa: E402
from bot.observability.logging import configure_logging  # noqa: E402
from bot.teams.outbox import Outbox  # noqa: E402
from fakes.token_issuer import StaticChannelToken  # noqa: E402


class ShiftedClock:
    """Real time, moved so that the moment this clock is made reads `start`; it runs at real speed."""

    def __init__(self, start: datetime):
        self._offset = start.astimezone(timezone.utc) - datetime.now(timezone.utc)

    def now(self) -> datetime:
        return datetime.now(timezone.utc) + self._offset


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_bot", description=__doc__.splitlines()[0])
    parser.add_argument("--clock-start", type=datetime.fromisoformat, required=True,
                        help="ISO time with offset the run starts at, e.g. a Thursday 10:00")
    parser.add_argument("--sql-stats", action="store_true", help="log statement and transaction times every 10 s")
    parser.add_argument("--flush-wait", type=float, help="seconds a turn's answer waits for its replies' first attempt")
    args = parser.parse_args(argv)
    settings = load_settings()
    configure_logging(settings.log_level, settings.log_format)
    if args.flush_wait is not None:  # the one production default a measurement changes: said so in the log
        Outbox.__init__.__kwdefaults__["wait_seconds"] = args.flush_wait
        print(f"bench: a turn's answer waits at most {args.flush_wait} s for its replies", flush=True)
    extra = {}
    if "channel_token" in inspect.signature(create_app).parameters:  # an older checkout measured as the baseline
        extra["channel_token"] = None if settings.development_mode else StaticChannelToken("bench-channel-token")
    app = create_app(settings, clock=ShiftedClock(args.clock_start), **extra)
    if args.sql_stats:
        from bench.sql_stats import sql_stats

        app.cleanup_ctx.append(sql_stats(keys.ENGINE))
    web.run_app(app, host=settings.host, port=settings.port, print=None, **_access_log())


def _access_log() -> dict[str, object]:
    """The access logger app.py's main() runs with (a line per request, as in production)."""
    try:
        from bot.web.access_log import RedactingAccessLogger
    except ImportError:  # an older checkout measured as the baseline
        return {}
    return {"access_log_class": RedactingAccessLogger}


if __name__ == "__main__":
    main()
