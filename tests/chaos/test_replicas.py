"""The replica launcher: app.py as a process that serves, dies by kill -9 and comes back on its port."""

from __future__ import annotations

from datetime import UTC, datetime

import aiohttp
import pytest

from fakes.connector import serve
from fakes import activities
from fakes.chaos_config import chaos_customers, chaos_operator_config, write_chaos_config
from fakes.faulty_connector import FaultyConnector
from fakes.people import ANNA
from fakes.replicas import Replica, ReplicaDied, start_until_healthy


@pytest.fixture
async def connector(aiohttp_server) -> FaultyConnector:
    return await serve(FaultyConnector(), aiohttp_server)


async def _post(session: aiohttp.ClientSession, replica: Replica, activity: dict) -> int:
    async with session.post(f"{replica.url}/api/messages", json=activity) as response:
        return response.status


async def test_a_killed_replica_restarts_on_its_port_and_the_config_makes_now_a_paging_night(
    connector, sqlite_database_url, tmp_path
):
    [who] = chaos_customers(1)
    config = write_chaos_config(tmp_path / "operator.yaml", chaos_operator_config([who], datetime.now(UTC)))
    replica = Replica("replica", env={"DATABASE_URL": sqlite_database_url, "SUPPORTBOT_CONFIG": str(config)},
                      workdir=tmp_path)
    async with aiohttp.ClientSession() as session:
        try:
            await start_until_healthy(replica, session, within=120)
            assert await _post(session, replica, activities.message(ANNA, connector.url, "hallo")) == 201
            port = replica.port

            replica.kill()
            assert not replica.running
            with pytest.raises(aiohttp.ClientConnectionError):
                await session.get(f"{replica.url}/healthz")

            await start_until_healthy(replica, session, within=120)
            assert (replica.port, replica.starts, replica.kills) == (port, 2, 1)
            report = activities.message(who.user, connector.url, "Niemand kan meer mailen of inloggen, alles ligt plat")
            assert await _post(session, replica, report) == 201
        finally:
            replica.stop()
    assert any(who.organisation in text for text in connector.texts(ANNA.conversation_id))  # paged: closed now
    assert (tmp_path / "replica-1.log").exists() and (tmp_path / "replica-2.log").exists()


async def test_a_replica_that_cannot_start_is_reported_as_dead(sqlite_database_url, tmp_path):
    replica = Replica("broken", env={"DATABASE_URL": sqlite_database_url,
                                     "SUPPORTBOT_CONFIG": str(tmp_path / "missing.yaml")}, workdir=tmp_path)
    async with aiohttp.ClientSession() as session:
        try:
            replica.start()
            with pytest.raises(ReplicaDied):
                await replica.wait_healthy(session)
        finally:
            replica.stop()
    assert "missing.yaml" in replica.logs()
