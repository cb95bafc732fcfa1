"""Bot replicas as real processes: `python app.py` on a port of its own, killed with SIGKILL and restarted.

Built on the end-to-end harness's Service (own process group, log file per start); each start of
a replica writes `<name>-<n>.log` in the work folder, so a killed run's log is kept.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import aiohttp

from e2e.e2e_harness import LOOPBACK, REPO_ROOT, Service, child_env, free_port

STARTUP_TIMEOUT_S = 90.0


class ReplicaDied(RuntimeError):
    """The process exited while we waited for it (a start-up during a database outage, say)."""


class Replica:
    """One `app.py` process in development mode; its port stays the same across restarts."""

    def __init__(self, name: str, *, env: dict[str, str], workdir: Path, python: str = sys.executable):
        self.name, self.workdir, self.python = name, workdir, python
        self.port = free_port()
        # Each replica its own inbox spool, as each container has its own disk (INBOX_SPOOL_DIR).
        self.env = {"INBOX_SPOOL_DIR": str(workdir / f"{name}.spool"), **env}
        self.starts = 0
        self.kills = 0
        self._service: Service | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def running(self) -> bool:
        return self._service is not None and self._service.process.poll() is None

    def start(self) -> None:
        """Launch the process; does not wait for it (see `wait_healthy`)."""
        if self.running:
            raise RuntimeError(f"{self.name} is already running")
        self._close()
        self.starts += 1
        env = child_env(PORT=str(self.port), **self.env)
        self._service = Service(self.name, [self.python, "app.py"], cwd=REPO_ROOT, env=env,
                                log_path=self.workdir / f"{self.name}-{self.starts}.log")

    async def wait_healthy(self, session: aiohttp.ClientSession, timeout: float = STARTUP_TIMEOUT_S) -> None:
        """Until GET /healthz answers 2xx; ReplicaDied when the process exits first."""
        deadline = time.monotonic() + timeout
        while not await self._healthy(session):
            if not self.running:
                raise ReplicaDied(f"{self.name} exited during start-up; see {self.log_path}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: /healthz not within {timeout:.0f}s; see {self.log_path}")
            await asyncio.sleep(0.2)

    def kill(self) -> None:
        """kill -9, no goodbye: what a crash or an OOM kill looks like."""
        if self._service is not None and self.running:
            os.killpg(self._service.process.pid, signal.SIGKILL)
            self.kills += 1
        self._close()

    def stop(self) -> None:
        """A graceful stop (SIGTERM, then SIGKILL after a grace period)."""
        self._close()

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}-{self.starts}.log"

    def logs(self) -> str:
        """Every start's log, in order."""
        paths = (self.workdir / f"{self.name}-{n}.log" for n in range(1, self.starts + 1))
        return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in paths if p.exists())

    def _close(self) -> None:
        if self._service is not None:
            self._service.stop()
            self._service = None

    async def _healthy(self, session: aiohttp.ClientSession) -> bool:
        try:
            async with session.get(f"{self.url}/healthz", timeout=aiohttp.ClientTimeout(total=2)) as response:
                return 200 <= response.status < 300
        except (aiohttp.ClientError, TimeoutError):
            return False


async def start_until_healthy(replica: Replica, session: aiohttp.ClientSession, *, within: float) -> int:
    """Start, and start again each time the process dies during start-up, until healthy; returns the tries."""
    deadline = time.monotonic() + within
    tries = 0
    while True:
        tries += 1
        replica.start()
        try:
            await replica.wait_healthy(session, timeout=max(1.0, deadline - time.monotonic()))
            return tries
        except ReplicaDied:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(1.0)
