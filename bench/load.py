"""The load benchmark: botbuilder's stock echo bot and this bot, side by side, under a closed loop of
Teams users; prints turns per second, p50, p99, errors, the bot's CPU per turn and its RSS, and the
ratio to the echo bot.

Run: make load                       (echo bot, then this bot on SQLite, 1/16/64 users)
     python -m bench.load --matrix   (also production mode, PostgreSQL and two replicas)
     python -m bench.load --only bot-sqlite-dev --users 16 --turns 100000   (the memory run)
PostgreSQL comes from --postgres or TEST_POSTGRES_URL; each run gets a throwaway schema.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the fakes live with the tests

from bench.load_report import Result, print_header, print_ratio, print_result  # noqa: E402
from bench.load_run import Setup, run_group  # noqa: E402

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
QUICK = ("echo", "bot-sqlite-dev")
MATRIX = ("echo", "bot-sqlite-dev", "bot-sqlite-prod", "bot-postgresql-dev", "bot-postgresql-prod",
          "bot-postgresql-dev-2")


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    p.add_argument("--matrix", action="store_true", help="every group: " + ", ".join(MATRIX))
    p.add_argument("--only", nargs="+", metavar="GROUP", help="these groups (echo, bot-<sqlite|postgresql>-<dev|prod>[-2])")
    p.add_argument("--users", type=int, nargs="+", default=[1, 16, 64])
    p.add_argument("--seconds", type=float, default=20.0, help="measuring window per user count")
    p.add_argument("--warmup", type=float, default=5.0, help="seconds of load before measuring")
    p.add_argument("--turns", type=int, help="measure until this many turns instead of --seconds (the memory run)")
    p.add_argument("--turns-per-person", type=int, default=3, help="messages each customer writes in their chat")
    p.add_argument("--tenants", type=int, default=16, help="customer organisations the users belong to")
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES))
    p.add_argument("--profile", action="store_true", help="record each bot with py-spy (a flame graph per group)")
    p.add_argument("--workdir", type=Path, help="logs and databases (default: a new temporary folder)")
    p.add_argument("--code", type=Path, help="run the bot of another checkout (a baseline; it needs this bench/ copied in)")
    p.add_argument("--sql-stats", action="store_true", help="the bot logs its statement and transaction times")
    p.add_argument("--flush-wait", type=float, help="seconds a turn's answer waits for its replies (default 5)")
    return p.parse_args(argv)


async def main_async(args: argparse.Namespace) -> list[Result]:
    groups = args.only or (MATRIX if args.matrix else QUICK)
    folder = args.workdir or Path(tempfile.mkdtemp(prefix="supportbot-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"logs and databases in {folder}; machine load {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores\n")
    setup = Setup(folder=folder, postgres_url=args.postgres, tenants=args.tenants, seed=args.seed,
                  turns_per_person=args.turns_per_person, warmup=args.warmup, seconds=args.seconds,
                  max_turns=args.turns, profile=args.profile, code=args.code, bot_options=_bot_options(args))
    print_header()
    results: list[Result] = []
    for group in groups:
        for result in await run_group(group, args.users, setup):
            print_result(result)
            results.append(result)
    print_ratio(results)
    return results


def _bot_options(args: argparse.Namespace) -> tuple[str, ...]:
    options = ("--sql-stats",) if args.sql_stats else ()
    return options + (("--flush-wait", str(args.flush_wait)) if args.flush_wait is not None else ())


def main(argv: list[str] | None = None) -> None:
    asyncio.run(main_async(parse(sys.argv[1:] if argv is None else argv)))


if __name__ == "__main__":
    main()
