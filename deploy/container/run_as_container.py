"""Run the image's start command on this machine as the container would, and check it serves.

No container engine runs on the development machines, so this exercises what the image would run:
the final stage's ENV, WORKDIR, CMD and HEALTHCHECK, read from the Dockerfile. A temporary copy of
the build context (the files .dockerignore lets through, what `COPY . .` puts in /app) stands in
for WORKDIR, so a module the image lacks fails here too; this virtualenv stands in for /opt/venv.
The environment is the image's plus what deploy/compose.yaml gives a replica, with a throwaway
schema of the given PostgreSQL as its database. One deliberate difference: HOST is 127.0.0.1, so a
shared machine exposes nothing.

    python -m deploy.container.run_as_container [postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import NullPool, create_engine, inspect, text

from deploy.container.build_context import copy_context
from deploy.container.dockerfile import FinalStage, final_stage
from storage.db import DatabaseUrls

ROOT = Path(__file__).resolve().parents[2]
IMAGE_VENV_BIN = "/opt/venv/bin"
DEFAULT_DATABASE = "postgresql://postgres@127.0.0.1:5432/test"
# What compose.yaml sets for a replica; the secrets are stand-ins (nothing here talks to Azure).
# SUPPORTBOT_CONFIG is relative to WORKDIR: the example config that ships in the image.
REPLICA_ENV = {
    "MicrosoftAppId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
    "MicrosoftAppPassword": "stand-in-secret",
    "MicrosoftAppType": "SingleTenant",
    "MicrosoftAppTenantId": "6a1e1c2d-0000-4000-8000-000000000001",
    "SUPPORTBOT_CONFIG": "config/example.yaml",
    "LOG_LEVEL": "INFO",
}


@dataclass
class Report:
    """What an operator would check on a fresh container; `ok` when the start-up checks pass."""

    healthz: int | None = None  # HTTP status of GET /healthz, None when it never answered
    metrics: str = ""  # the METRICS_PORT scrape
    healthcheck_exit: int | None = None  # the image's HEALTHCHECK command
    exit_code: int | None = None  # after SIGTERM, as `docker stop` sends
    tables: list[str] = field(default_factory=list)  # what the start-up migration created
    log: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.healthz == 200 and "supportbot_turns_total" in self.metrics and self.healthcheck_exit == 0
                and self.exit_code == 0)


def run(database_url: str = DEFAULT_DATABASE, *, start_timeout: float = 180.0, root: Path = ROOT) -> Report:
    """Start, probe, stop from a copy of `root`'s build context; schema and copy go afterwards whatever happened."""
    stage = final_stage(root / "Dockerfile")
    with _fresh_schema(database_url) as (schema_url, tables), tempfile.TemporaryDirectory(prefix="app-") as app_dir:
        workdir = image_workdir(root, Path(app_dir))
        env = container_env(stage, schema_url, port=_free_port(), metrics_port=_free_port())
        report = _serve_and_probe(stage, env, start_timeout, workdir)
        report.tables = tables()
    return report


def image_workdir(root: Path, target: Path) -> Path:
    """What the final stage's /app holds: the build context's files and an empty data/ folder."""
    copy_context(root, target)
    (target / "data").mkdir(exist_ok=True)
    return target


def container_env(stage: FinalStage, database_url: str, *, port: int, metrics_port: int) -> dict[str, str]:
    """The image's ENV with this machine's paths, plus a replica's settings from compose.yaml."""
    env = dict(stage.env)
    env["PATH"] = env.get("PATH", "").replace(IMAGE_VENV_BIN, str(Path(sys.executable).parent))
    env.update(REPLICA_ENV)
    env.update(DATABASE_URL=database_url, PORT=str(port), METRICS_PORT=str(metrics_port), HOST="127.0.0.1")
    return env


def _serve_and_probe(stage: FinalStage, env: dict[str, str], start_timeout: float, workdir: Path) -> Report:
    report = Report()
    executable = shutil.which(stage.command[0], path=env["PATH"])
    if executable is None:
        raise RuntimeError(f"{stage.command[0]!r} is not on the image's PATH here: {env['PATH']}")
    process = subprocess.Popen(
        [executable, *stage.command[1:]], cwd=workdir, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    reader = threading.Thread(target=lambda: report.log.extend(line.rstrip("\n") for line in process.stdout))
    reader.start()
    try:
        report.healthz = _wait_for(f"http://127.0.0.1:{env['PORT']}/healthz", process, start_timeout)
        if report.healthz is not None:
            report.metrics = _get(f"http://127.0.0.1:{env['METRICS_PORT']}/metrics")[1]
            probe = shutil.which(stage.healthcheck[0], path=env["PATH"]) or stage.healthcheck[0]
            report.healthcheck_exit = subprocess.run([probe, *stage.healthcheck[1:]], cwd=workdir, env=env).returncode
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            report.exit_code = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            report.exit_code = process.wait()
        reader.join()
        process.stdout.close()
    return report


def _wait_for(url: str, process: subprocess.Popen, timeout: float) -> int | None:
    """Poll until the route answers; None when the process died or the deadline passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        status, _ = _get(url)
        if status is not None:
            return status
        time.sleep(0.5)
    return None


def _get(url: str) -> tuple[int | None, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, OSError):
        return None, ""


@contextmanager
def _fresh_schema(database_url: str) -> Iterator[tuple[str, Callable[[], list[str]]]]:
    """A new schema on the server, the URL that sees only it, and a way to list its tables."""
    admin = create_engine(DatabaseUrls.from_url(database_url).sync_url, poolclass=NullPool)
    schema = f"container_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False), lambda: sorted(inspect(admin).get_table_names(schema=schema))
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(argv: list[str]) -> int:
    report = run(argv[0] if argv else os.environ.get("TEST_POSTGRES_URL") or DEFAULT_DATABASE)
    print("\n".join(report.log[-20:]))
    print(f"GET /healthz: {report.healthz}; metrics served: {'supportbot_turns_total' in report.metrics}; "
          f"HEALTHCHECK exit: {report.healthcheck_exit}; exit after SIGTERM: {report.exit_code}; "
          f"tables: {len(report.tables)}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
