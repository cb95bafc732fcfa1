"""The processes under load: the echo bot or this bot (one or more replicas), their database, their
operator config, and what the kernel says they used (peak and current RSS, CPU seconds)."""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time as clock_time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
import yaml
from sqlalchemy import NullPool, create_engine, text

from bot.config.operator import load_operator_config
from bot.services.policy_setup import business_calendar
from e2e.e2e_harness import LOOPBACK, REPO_ROOT, Service, child_env, free_port
from storage.db import DatabaseUrls

EXAMPLE_CONFIG = REPO_ROOT / "config" / "example.yaml"
STARTUP_TIMEOUT_SECONDS = 120.0
_TICKS = os.sysconf("SC_CLK_TCK")


def write_operator_config(folder: Path, tenants: int) -> tuple[Path, list[str]]:
    """The example config with `tenants` customer organisations of the benchmark; their tenant ids."""
    config = yaml.safe_load(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
    ids = [f"b0000000-0000-4000-8000-{number:012d}" for number in range(1, tenants + 1)]
    config["customers"] = [{"tenant_id": tenant, "name": f"Benchklant {n:03d} B.V."} for n, tenant in enumerate(ids, 1)]
    path = folder / "operator.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path, ids


def business_morning(config_path: Path, today: date | None = None) -> datetime:
    """10:00 on the first working day at least two days ahead on which the config is open until 16:00."""
    calendar = business_calendar(load_operator_config(config_path))
    zone = ZoneInfo(calendar.hours.time_zone)
    day = (today or date.today()) + timedelta(days=2)
    while True:
        start = datetime.combine(day, clock_time(10, 0), zone)
        if calendar.is_open(start) and calendar.is_open(start + timedelta(hours=6)):
            return start
        day += timedelta(days=1)


@contextmanager
def database(backend: str, folder: Path, postgres_url: str) -> Iterator[str]:
    """A fresh SQLite file, or a throwaway schema on the PostgreSQL server (dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'bench-{uuid.uuid4().hex[:6]}.db'}"
        return
    admin = create_engine(DatabaseUrls.from_url(postgres_url).sync_url, poolclass=NullPool)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield admin.url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class BotProcess:
    """One server process on a port of its own; stopped with SIGTERM (then SIGKILL) by `stop`."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], folder: Path, code: Path = REPO_ROOT):
        self.name, self.port = name, free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self.service = Service(name, argv, cwd=code, env=child_env(PORT=str(self.port), **env),
                               log_path=folder / f"{name}.log")

    @property
    def pid(self) -> int:
        return self.service.process.pid

    async def wait_healthy(self, http: aiohttp.ClientSession) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while True:
            self.service.ensure_running()
            try:
                async with http.get(f"{self.url}/healthz", timeout=aiohttp.ClientTimeout(total=2)) as response:
                    if response.status == 200:
                        return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} did not answer /healthz; see {self.service.log_path}")
            await asyncio.sleep(0.3)

    def stop(self) -> None:
        self.service.stop()

    def rss_mb(self) -> tuple[float, float]:
        """(now, peak) resident memory in MB, from /proc."""
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{self.pid}/status").read_text().splitlines() if ":" in line)
        return _kb(fields.get("VmRSS", "0 kB")) / 1024, _kb(fields.get("VmHWM", "0 kB")) / 1024

    def cpu_seconds(self) -> float:
        """User plus system CPU time of the process so far (threads included)."""
        parts = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(parts[11]) + int(parts[12])) / _TICKS


def _kb(value: str) -> float:
    return float(value.strip().split()[0])


def echo_bot(folder: Path) -> BotProcess:
    return BotProcess("echo-bot", [sys.executable, "-m", "bench.echo_bot"], {}, folder)


def support_bot(name: str, folder: Path, *, database_url: str, config: Path, clock_start: datetime,
                production: dict[str, str] | None, code: Path = REPO_ROOT, options: tuple[str, ...] = ()) -> BotProcess:
    """`code`: the checkout whose bot runs (another one measures a baseline); `options` go to bench.serve_bot."""
    env = {"DATABASE_URL": database_url, "SUPPORTBOT_CONFIG": str(config), "INBOX_SPOOL_DIR": str(folder / f"{name}.spool"),
           "LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "INFO"), **(production or {})}
    argv = [sys.executable, "-m", "bench.serve_bot", "--clock-start", clock_start.isoformat(), *options]
    return BotProcess(name, argv, env, folder, code)
