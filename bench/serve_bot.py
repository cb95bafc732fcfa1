"""This bot as the load benchmark runs it: app.py's application, on a clock moved into business hours.

Settings come from the environment exactly as for app.py. Two differences, both for the benchmark:
the clock is the real one shifted so the run starts at `--clock-start` (a weekday morning: the run
is in business hours whenever it runs, and the timers it sets lie in the real future), and in
production mode the bot calls the (fake) channel with a fixed token instead of asking Azure AD.

Run: python -m bench.serve_bot --clock-start 2026-12-03T10:00:00+01:00
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the fakes live with the tests

from aiohttp import web  # noqa: E402

from app import create_app  # noqa: E402
from bot.config.settings import load_settings  # noqa: E402
from bot.observability.logging import configure_logging  # noqa: E402
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
    args = parser.parse_args(argv)
    import os
    if os.environ.get("BENCH_SWITCH_INTERVAL"):
        sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL"]))
    settings = load_settings()
    configure_logging(settings.log_level, settings.log_format)
    token = None if settings.development_mode else StaticChannelToken("bench-channel-token")
    app = create_app(settings, clock=ShiftedClock(args.clock_start), channel_token=token)
    if os.environ.get("BENCH_SQL_STATS"):
        sys.path.insert(0, "/tmp/perfwork")
        import sqlstats
        async def _stats(app):
            task = asyncio.create_task(sqlstats.loop())
            yield
            task.cancel()
        app.cleanup_ctx.append(_stats)
    web.run_app(app, host=settings.host, port=settings.port, print=None)


if __name__ == "__main__":
    main()
