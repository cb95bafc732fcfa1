"""One group of the load benchmark: start the bot(s), warm up, then measure each user count in turn."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import yaml
from aiohttp import web

from bench.load_processes import BotProcess, business_morning, database, echo_bot, support_bot, write_operator_config
from bench.load_report import Result
from bench.load_users import CountingConnector, MessageMix, Recorder, Traffic, user_loop
from fakes.activities import TeamsUser, message
from fakes.token_issuer import FakeTokenIssuer

APP_ID = "b0b0b0b0-0000-4000-8000-00000000b0b0"
_GROUP = re.compile(r"^bot-(sqlite|postgresql)-(dev|prod)(?:-(\d))?$")
RSS_MARKS = 10  # the long run reports RSS this many times


@dataclass(frozen=True)
class Setup:
    folder: Path
    postgres_url: str
    tenants: int
    seed: int
    turns_per_person: int
    warmup: float
    seconds: float
    max_turns: int | None = None
    profile: bool = False
    code: Path | None = None  # another checkout's bot (a baseline); None: this one
    bot_options: tuple[str, ...] = ()  # passed to bench.serve_bot (--sql-stats, --flush-wait)


async def run_group(group: str, user_counts: list[int], setup: Setup) -> list[Result]:
    with ExitStack() as stack:
        connector = CountingConnector()
        runner = web.AppRunner(connector.app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        connector.url = f"http://127.0.0.1:{runner.addresses[0][1]}/"
        try:
            return await _run(group, user_counts, setup, connector, stack)
        finally:
            await runner.cleanup()


async def _run(group: str, user_counts: list[int], setup: Setup, connector: CountingConnector,
               stack: ExitStack) -> list[Result]:
    config_path, tenants = write_operator_config(setup.folder, setup.tenants)
    traffic = Traffic([], connector, MessageMix(setup.seed), tenants, setup.turns_per_person,
                      run_tag=f"{abs(hash((group, time.time()))) % 16**8:08x}")
    processes = _processes(group, setup, config_path, connector, traffic, stack)
    stack.callback(lambda: [process.stop() for process in processes])
    results = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        for process in processes:  # one after the other: each migrates the schema at start-up
            await process.wait_healthy(http)
        traffic.bot_urls = [process.url for process in processes]
        if group != "echo":
            await _staff_say_hello(traffic, http, config_path)
        if setup.profile:
            stack.enter_context(_profiling(processes, setup.folder / f"profile-{group}"))
        for users in user_counts:
            results.append(await _measure(group, users, traffic, http, processes, setup))
    for process in processes:
        lines = process.service.log_text().splitlines()
        errors = [line for line in lines if re.search(r"\bERROR\b|\"level\": \"ERROR\"", line)]
        if errors:
            print(f"  {process.name}: {len(errors)} error lines in its log, e.g. {errors[0][:300]}")
        stats = [line[line.index("sql stats"):] for line in lines if "sql stats over" in line]
        if stats:
            print(f"  {process.name}, last: {stats[-1][:300]}")
    return results


def _processes(group: str, setup: Setup, config_path: Path, connector: CountingConnector, traffic: Traffic,
               stack: ExitStack) -> list[BotProcess]:
    if group == "echo":
        return [echo_bot(setup.folder)]
    match = _GROUP.match(group)
    if match is None:
        raise SystemExit(f"unknown group {group!r}: use echo or bot-<sqlite|postgresql>-<dev|prod>[-<replicas>]")
    backend, mode, replicas = match.group(1), match.group(2), int(match.group(3) or 1)
    database_url = stack.enter_context(database(backend, setup.folder, setup.postgres_url))
    production = None
    if mode == "prod":
        issuer = FakeTokenIssuer().start()
        stack.callback(issuer.stop)
        production = {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "bench-only-secret",
                      "BotOpenIdMetadata": issuer.metadata_url, "HOST": "127.0.0.1"}
        traffic.authorization = f"Bearer {issuer.token(app_id=APP_ID, service_url=connector.url)}"
    start = business_morning(config_path)
    code = {"code": setup.code} if setup.code else {}
    return [support_bot(f"{group}-{n}", setup.folder, database_url=database_url, config=config_path, clock_start=start,
                        production=production, options=setup.bot_options, **code) for n in range(1, replicas + 1)]


async def _staff_say_hello(traffic: Traffic, http: aiohttp.ClientSession, config_path: Path) -> None:
    """Staff have chatted with the bot before, so new-ticket notices reach them in their own 1:1 chat."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    headers = {"Authorization": traffic.authorization} if traffic.authorization else {}
    for member in config["staff"]:
        user = TeamsUser(member["object_id"], config["msp"]["tenant_id"], member["name"])
        async with http.post(f"{traffic.bot_urls[0]}/api/messages", json=message(user, traffic.connector.url, "hallo"),
                             headers=headers) as response:
            if response.status != 201:
                raise RuntimeError(f"staff hello answered {response.status}: {await response.text()}")


async def _measure(group: str, users: int, traffic: Traffic, http: aiohttp.ClientSession,
                   processes: list[BotProcess], setup: Setup) -> Result:
    recorder, stopping = Recorder(), asyncio.Event()
    tasks = [asyncio.create_task(user_loop(traffic, http, recorder, stopping.is_set)) for _ in range(users)]
    await asyncio.sleep(setup.warmup)
    load, cpu_before = os.getloadavg()[0], sum(p.cpu_seconds() for p in processes)
    recorder.measuring, started = True, time.monotonic()
    series: list[tuple[int, float]] = []
    while not _done(recorder, started, setup):
        await asyncio.sleep(0.5)
        if setup.max_turns and len(recorder.latencies) >= (len(series) + 1) * setup.max_turns / RSS_MARKS:
            series.append((len(recorder.latencies), sum(p.rss_mb()[0] for p in processes)))
    recorder.measuring, seconds = False, time.monotonic() - started
    cpu = sum(p.cpu_seconds() for p in processes) - cpu_before
    rss = [p.rss_mb() for p in processes]
    stopping.set()
    _, late = await asyncio.wait(tasks, timeout=30)
    for task in late:
        task.cancel()
    return Result(group, users, len(recorder.latencies), seconds, recorder.latencies, recorder.errors, cpu,
                  max(peak for _, peak in rss), sum(now for now, _ in rss), load, series, recorder.answers)


def _done(recorder: Recorder, started: float, setup: Setup) -> bool:
    if setup.max_turns:
        return len(recorder.latencies) >= setup.max_turns
    return time.monotonic() - started >= setup.seconds


class _profiling:
    """py-spy records each bot process while the user counts run; raw stacks plus a flame graph."""

    def __init__(self, processes: list[BotProcess], prefix: Path):
        self._recorders = [
            subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(p.pid), "--rate", "200", "--nonblocking", "--gil", "--format", "raw",
                              "--output", f"{prefix}-{n}.txt"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for n, p in enumerate(processes, 1)
        ]

    def __enter__(self) -> _profiling:
        return self

    def __exit__(self, *_exc: object) -> None:
        for recorder in self._recorders:
            recorder.send_signal(signal.SIGINT)
        for recorder in self._recorders:
            try:
                recorder.wait(timeout=30)
            except subprocess.TimeoutExpired:
                recorder.kill()
