"""`kill -HUP` on a running bot process reloads the operator config: new staff are recognised without
a restart, and a bad file is refused (the log says why) while the process keeps its running config."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml

from e2e.e2e_harness import LOOPBACK, REPO_ROOT, Service, child_env, free_port
from fakes import activities
from fakes.activities import TeamsUser
from fakes.connector import FakeConnector, serve
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import MSP_TENANT

EVA = TeamsUser("aaaaaaaa-0000-4000-8000-000000000005", MSP_TENANT, "Eva Mulder", "nl-NL")
STAFF_HELLO = "Hallo Eva Mulder, u bent herkend als support"
NO_CONTRACT = "geen supportcontract"


@pytest.fixture
async def connector(aiohttp_server) -> FakeConnector:
    return await serve(FakeConnector(), aiohttp_server)


def write_config(path: Path, *, eva_role: str | None) -> None:
    config: dict[str, Any] = yaml.safe_load(OPERATOR_CONFIG.read_text(encoding="utf-8"))
    if eva_role is not None:
        config["staff"].append({"object_id": EVA.object_id, "name": EVA.name, "role": eva_role})
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


async def until(condition, *, what: str, service: Service, within: float = 60.0) -> None:
    deadline = time.monotonic() + within
    while not await condition():
        service.ensure_running()
        assert time.monotonic() < deadline, f"{what} not within {within:.0f}s:\n{service.log_text()[-3000:]}"
        await asyncio.sleep(0.2)


async def eva_says_hello(session: aiohttp.ClientSession, url: str, connector: FakeConnector) -> str:
    before = len(connector.texts(EVA.conversation_id))
    async with session.post(f"{url}/api/messages", json=activities.message(EVA, connector.url, "hallo")) as answer:
        assert answer.status == 201, await answer.text()
    [reply] = connector.texts(EVA.conversation_id)[before:]
    return reply


async def test_sighup_reloads_the_config_file_and_a_bad_one_is_refused(connector, sqlite_database_url, tmp_path):
    config = tmp_path / "operator.yaml"
    write_config(config, eva_role=None)
    port = free_port()
    env = child_env(PORT=str(port), SUPPORTBOT_CONFIG=str(config), DATABASE_URL=sqlite_database_url,
                    TIMER_POLL_SECONDS="1")
    service = Service("bot", [sys.executable, "app.py"], cwd=REPO_ROOT, env=env, log_path=tmp_path / "bot.log")
    url = f"http://{LOOPBACK}:{port}"
    try:
        async with aiohttp.ClientSession() as session:

            async def healthy() -> bool:
                try:
                    async with session.get(f"{url}/healthz") as answer:
                        return answer.status == 200
                except aiohttp.ClientError:
                    return False

            await until(healthy, what="/healthz", service=service, within=120)
            assert NO_CONTRACT in await eva_says_hello(session, url, connector)

            write_config(config, eva_role="support")
            os.kill(service.process.pid, signal.SIGHUP)
            await until(_logged(service, "config reloaded from"), what="the reload", service=service)
            assert (await eva_says_hello(session, url, connector)).startswith(STAFF_HELLO)

            write_config(config, eva_role="intern")
            os.kill(service.process.pid, signal.SIGHUP)
            await until(_logged(service, "refused, the running config stays"), what="the refusal", service=service)
            assert (await eva_says_hello(session, url, connector)).startswith(STAFF_HELLO)
    finally:
        service.stop()
    assert "staff.4.role" in service.log_text()  # the log says why the file was refused


def _logged(service: Service, words: str):
    async def check() -> bool:
        return words in service.log_text()

    return check
