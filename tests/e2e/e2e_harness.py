"""Processes for the end-to-end test: the bot and the Agents Playground, each in its own process group.

Kept free of pytest fixtures so that conftest.py only wires things together.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any
from dataclasses import dataclass
from pathlib import Path

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
PLAYGROUND_CLI = E2E_DIR / "node_modules" / ".bin" / "agentsplayground"
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS_DIR = E2E_DIR / "artifacts"
# Flags Chromium needs in a container; without the background-networking ones it dials out noisily.
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
STARTUP_TIMEOUT_S = 60.0
LOOPBACK = "127.0.0.1"
NO_PROXY = "127.0.0.1,localhost,::1"
_CREDENTIAL_VARIABLES = ("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType", "MicrosoftAppTenantId")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


class Service:
    """A child process in its own process group, its output in a log file; `stop` ends the group."""

    def __init__(self, name: str, argv: list[str], *, cwd: Path, env: Mapping[str, str], log_path: Path):
        self.name, self.log_path = name, log_path
        self._log = log_path.open("wb")
        try:
            self.process = subprocess.Popen(
                argv, cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL, stdout=self._log,
                stderr=subprocess.STDOUT, start_new_session=True,
            )
        except BaseException:
            self._log.close()
            raise

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def ensure_running(self) -> None:
        code = self.process.poll()
        if code is not None:
            raise RuntimeError(f"{self.name} exited with code {code} during start-up:\n{self.log_text()[-4000:]}")

    def stop(self) -> None:
        """SIGTERM the whole group, SIGKILL what is left after a grace period; always reap."""
        try:
            for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
                if self.process.poll() is not None:
                    break
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.process.wait(timeout=grace)
                except subprocess.TimeoutExpired:
                    continue
            _kill_group_leftovers(self.process.pid)
            self.process.wait(timeout=10)
        finally:
            self._log.close()


def _kill_group_leftovers(pgid: int) -> None:
    """Grandchildren may outlive the leader; the group id still names them."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def wait_until(check: Callable[[], Any], *, what: str, service: Service, timeout: float = STARTUP_TIMEOUT_S) -> Any:
    """Poll `check` until it returns something truthy; fail early when the service died."""
    deadline = time.monotonic() + timeout
    while True:
        service.ensure_running()
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"{service.name}: {what} not within {timeout:.0f}s:\n{service.log_text()[-4000:]}")
        time.sleep(0.1)


def http_ok(url: str) -> bool:
    try:
        with _no_proxy_opener().open(url, timeout=2) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _no_proxy_opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def child_env(**extra: str) -> dict[str, str]:
    """The test's environment without Bot Framework credentials, with loopback never proxied."""
    env = {k: v for k, v in os.environ.items() if k not in _CREDENTIAL_VARIABLES}
    env.update(NO_PROXY=NO_PROXY, no_proxy=NO_PROXY, PYTHONUNBUFFERED="1", **extra)
    return env


@dataclass
class BotServer:
    """`python app.py` started in the background; `wait_ready` blocks until /healthz answers."""

    service: Service
    url: str
    port: int

    def wait_ready(self) -> None:
        wait_until(lambda: http_ok(f"{self.url}/healthz"), what="GET /healthz", service=self.service)

    def logged_errors(self) -> list[str]:
        """Lines of the bot's log at level ERROR or CRITICAL, and tracebacks: a turn went wrong."""
        pattern = re.compile(r"\b(ERROR|CRITICAL)\b|^Traceback|^[\w.]+(Error|Exception)\b")
        return [line for line in self.service.log_text().splitlines() if pattern.search(line)]


def start_bot(*, port: int, config_path: Path, database_url: str, workdir: Path, python: str) -> BotServer:
    """`python app.py` from the repo root in development mode; does not wait (start-up overlaps the rest)."""
    env = child_env(PORT=str(port), SUPPORTBOT_CONFIG=str(config_path), DATABASE_URL=database_url)
    service = Service("bot (app.py)", [python, "app.py"], cwd=REPO_ROOT, env=env, log_path=workdir / "bot.log")
    return BotServer(service, f"http://{LOOPBACK}:{port}", port)


def start_playground(*, node: str, bot_port: int, port: int, config_path: Path, workdir: Path) -> tuple[Service, str]:
    """The Playground CLI for the msteams channel; returns it and its UI URL once the UI answers."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = child_env(
        TEAMSAPPTESTER_BROWSER="none",  # it exits when it cannot open a browser
        M365_AGENTS_PLAYGROUND_CONFIG_PATH=str(config_path),
        M365_AGENTS_PLAYGROUND_LOGFILE=str(workdir / "playground-internal.log"),
    )
    argv = [node, str(PLAYGROUND_CLI), "--app-endpoint", f"http://{LOOPBACK}:{bot_port}/api/messages",
            "--channel-id", "msteams", "--port", str(port), "--disable-telemetry"]
    playground = Service("Agents Playground", argv, cwd=workdir, env=env, log_path=workdir / "playground.log")
    try:
        # It falls back to a random port when ours was taken meanwhile: believe what it prints.
        listening = wait_until(lambda: re.search(r"Listening on (\d+)", playground.log_text()),
                               what="'Listening on <port>'", service=playground)
        url = f"http://{LOOPBACK}:{listening.group(1)}/"
        wait_until(lambda: http_ok(url), what=f"GET {url}", service=playground)
    except BaseException:
        playground.stop()
        raise
    return playground, url


def missing_prerequisites() -> list[str]:
    """What this machine lacks to run the e2e test, in words a developer can act on."""
    missing = []
    if not shutil.which("node") or not shutil.which("npx"):
        missing.append("node/npx not on PATH (install Node.js 20)")
    if not PLAYGROUND_CLI.exists():
        missing.append(f"{PLAYGROUND_CLI.relative_to(REPO_ROOT)} missing (run `npm ci` in tests/e2e)")
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} missing (apt-get install chromium)")
    return missing


def save_artifacts(test_name: str, files: list[Path]) -> Path:
    """Copy logs of a failed test to tests/e2e/artifacts/<test>/ (git-ignored)."""
    target = ARTIFACTS_DIR / re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
    shutil.rmtree(target, ignore_errors=True)  # no stale files from an earlier run
    target.mkdir(parents=True)
    for path in files:
        if path.exists():
            shutil.copy2(path, target / path.name)
    return target
