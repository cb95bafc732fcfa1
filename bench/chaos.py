"""The long chaos run: two replicas on PostgreSQL, customers and emergencies, kill -9, connector faults and a
database outage; prints the figures and exits 1 when a target is missed (0 lost, 0 doubled, every
emergency paged within the acknowledgement timeout plus 60 s after the faults end).

Run: make chaos   (python -m bench.chaos --help for the knobs; CHAOS_POSTGRES_URL picks the server)
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the fakes live with the tests

from sqlalchemy import NullPool, create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.chaos_monkey import FaultMix  # noqa: E402
from bench.chaos_run import ChaosPlan, ChaosResult, run_chaos  # noqa: E402

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.chaos", description=__doc__.splitlines()[0])
    p.add_argument("--database", default=os.environ.get("CHAOS_POSTGRES_URL", DEFAULT_URL),
                   help="PostgreSQL server (a throwaway schema is made and dropped), or sqlite:///file")
    p.add_argument("--customers", type=int, default=30)
    p.add_argument("--emergency-share", type=float, default=0.5)
    p.add_argument("--seconds", type=float, default=90.0, help="traffic window, faults happen within it")
    p.add_argument("--kills", type=int, default=4)
    p.add_argument("--outage", type=float, default=20.0, help="database outage in seconds (0: none)")
    p.add_argument("--fault-rate", type=float, default=0.1, help="share of connector requests that fail")
    p.add_argument("--hang", type=float, default=20.0, help="seconds a hanging connector request hangs")
    p.add_argument("--burst", type=int, default=9, help="429s in a row on the on-call engineer's chat (0: none)")
    p.add_argument("--ack-minutes", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workdir", type=Path, help="where the replicas' logs go (default: a new temp folder)")
    p.add_argument("--keep-schema", action="store_true", help="leave the PostgreSQL schema for inspection")
    return p.parse_args(argv)


def plan_of(args: argparse.Namespace) -> ChaosPlan:
    mix = FaultMix(kills=args.kills, outage_seconds=args.outage, fault_rate=args.fault_rate,
                   hang_seconds=args.hang, throttle_burst=args.burst)
    return ChaosPlan(customers=args.customers, emergency_share=args.emergency_share,
                     traffic_seconds=args.seconds, faults=mix, ack_minutes=args.ack_minutes, seed=args.seed)


def report(result: ChaosResult) -> int:
    print(f"\nchaos: {result.kills} kill -9, {result.outages} database outage(s), "
          f"{result.connector_faults} connector faults, {result.errors_logged} error lines in the bot's logs, "
          f"{result.seconds:.0f} s in all")
    print("\n".join(result.figures.lines()))
    misses = result.figures.misses()
    print("\nTARGETS MISSED:\n  " + "\n  ".join(misses) if misses else "\nall targets met")
    return 1 if misses else 0


def _interrupted(*_: object) -> None:
    raise KeyboardInterrupt  # SIGTERM too unwinds the run, so the replicas are stopped and the schema dropped


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, _interrupted)
    logging.basicConfig(level=logging.WARNING)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="chaos-"))
    workdir.mkdir(parents=True, exist_ok=True)
    url = make_url(args.database)
    if not url.drivername.startswith("postgres"):
        return report(asyncio.run(run_chaos(plan_of(args), args.database, workdir)))
    admin = create_engine(url.set(drivername="postgresql+psycopg"), poolclass=NullPool)
    schema = f"chaos_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        database = url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
        return report(asyncio.run(run_chaos(plan_of(args), database, workdir)))
    finally:
        if args.keep_schema:
            print(f"schema kept: {schema} (drop it with DROP SCHEMA \"{schema}\" CASCADE)")
        else:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _main_or_interrupted() -> int:
    try:
        return main()
    except KeyboardInterrupt:
        print("chaos: interrupted; replicas stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(_main_or_interrupted())
