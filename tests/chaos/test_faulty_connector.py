"""The fault-injecting fake connector: each fault is what a client sees, and only accepted sends are recorded."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from fakes.connector import serve
from fakes import faults
from fakes.faulty_connector import FaultyConnector

CHAT = "a:1:1-chat"
OTHER = "a:1:1-other"


@pytest.fixture
async def connector(aiohttp_server) -> FaultyConnector:
    return await serve(FaultyConnector(), aiohttp_server)


@pytest.fixture
async def http() -> aiohttp.ClientSession:
    async with aiohttp.ClientSession() as session:
        yield session


async def _send(http: aiohttp.ClientSession, connector: FaultyConnector, conversation: str, text: str,
                timeout: float = 10.0) -> tuple[int, dict[str, str]]:
    url = f"{connector.url}v3/conversations/{conversation}/activities"
    async with http.post(url, json={"type": "message", "text": text}, timeout=aiohttp.ClientTimeout(timeout)) as r:
        return r.status, dict(r.headers)


async def _create(http: aiohttp.ClientSession, connector: FaultyConnector, member: dict[str, Any]) -> int | str:
    body = {"isGroup": False, "members": [member], "tenantId": "t"}
    async with http.post(f"{connector.url}v3/conversations", json=body) as response:
        return (await response.json())["id"] if response.ok else response.status


async def test_throttling_answers_429_with_retry_after_then_accepts(connector, http):
    connector.plan.next(2, faults.throttled(retry_after=3))
    status, headers = await _send(http, connector, CHAT, "hallo")
    assert (status, headers["Retry-After"]) == (429, "3")
    assert [(await _send(http, connector, CHAT, "hallo"))[0] for _ in range(2)] == [429, 200]
    assert connector.texts() == ["hallo"]  # only what was accepted
    assert [a.outcome for a in connector.attempts] == ["429", "429", "200"]


async def test_server_errors_come_in_the_planned_order(connector, http):
    for fault in (faults.unavailable(), faults.server_error(), faults.precondition_failed()):
        connector.plan.next(1, fault)
    statuses = [(await _send(http, connector, CHAT, f"bericht {n}"))[0] for n in range(4)]
    assert statuses == [503, 500, 412, 200]
    assert connector.texts() == ["bericht 3"]
    assert len(connector.failed_attempts()) == 3


async def test_a_reset_drops_the_connection_without_an_answer(connector, http):
    connector.plan.next(1, faults.reset())
    with pytest.raises(aiohttp.ClientConnectionError):
        await _send(http, connector, CHAT, "weg")
    assert connector.sent == []
    assert (await _send(http, connector, CHAT, "wel"))[0] == 200


async def test_a_hang_outlasts_the_clients_timeout_and_is_never_accepted(connector, http):
    connector.plan.next(1, faults.hang(1.0))
    with pytest.raises(TimeoutError):
        await _send(http, connector, CHAT, "blijft hangen", timeout=0.2)
    assert connector.sent == []
    assert [a.outcome for a in connector.attempts] == ["hang 1s, reset"]


async def test_a_slow_request_is_accepted_after_its_wait_and_counts_as_in_flight_meanwhile(connector, http):
    connector.plan.next(1, faults.slow(0.3))
    sending = asyncio.create_task(_send(http, connector, CHAT, "traag"))
    while not connector.in_flight[CHAT]:
        await asyncio.sleep(0.01)
    assert connector.sent == []
    assert (await sending)[0] == 200
    assert connector.in_flight[CHAT] == 0
    assert connector.texts() == ["traag"]
    assert [a.outcome for a in connector.attempts] == ["200 after 0.3s"]
    assert connector.failed_attempts() == []


async def test_faults_can_target_one_conversation(connector, http):
    connector.plan.next(2, faults.unavailable(), conversation_id=CHAT)
    assert (await _send(http, connector, OTHER, "elders"))[0] == 200
    assert (await _send(http, connector, CHAT, "hier"))[0] == 503
    assert connector.plan.pending == 1


async def test_a_stale_conversation_fails_for_good_until_healed(connector, http):
    connector.plan.stale(CHAT, 403)
    assert [(await _send(http, connector, CHAT, "hallo"))[0] for _ in range(3)] == [403, 403, 403]
    assert (await _send(http, connector, OTHER, "elders"))[0] == 200
    connector.plan.calm()  # the end of transient faults does not heal a stale conversation
    assert (await _send(http, connector, CHAT, "nog steeds"))[0] == 403
    connector.plan.heal(CHAT)
    assert (await _send(http, connector, CHAT, "weer goed"))[0] == 200


@pytest.mark.parametrize("status", [404, 400])
async def test_stale_conversations_can_answer_404_or_400(connector, http, status):
    connector.plan.stale(CHAT, status)
    assert (await _send(http, connector, CHAT, "hallo"))[0] == status


async def test_opening_a_conversation_gives_a_new_id_that_accepts_sends(connector, http):
    connector.plan.stale(CHAT, 400)
    first = await _create(http, connector, {"id": "29:anna", "aadObjectId": "anna-oid"})
    second = await _create(http, connector, {"id": "29:bram"})
    assert isinstance(first, str) and isinstance(second, str) and first != second
    assert connector.conversations_of("anna-oid") == {first}
    assert connector.conversations_of("29:bram") == {second}
    assert (await _send(http, connector, first, "page"))[0] == 200
    assert connector.texts(first) == ["page"]


async def test_opening_a_conversation_can_fail_too(connector, http):
    connector.plan.next(1, faults.unavailable(), kind="create")
    assert await _create(http, connector, {"id": "29:anna"}) == 503
    assert connector.created_conversations() == []


async def test_random_faults_until_calm(connector, http):
    connector.plan.at_random(1.0, (faults.unavailable(), faults.throttled(1)), seed=7)
    statuses = {(await _send(http, connector, CHAT, "x"))[0] for _ in range(10)}
    assert statuses <= {503, 429} and connector.sent == []
    connector.plan.calm()
    assert (await _send(http, connector, CHAT, "rustig"))[0] == 200


def test_a_random_rate_needs_faults_and_a_probability():
    plan = faults.FaultPlan()
    with pytest.raises(ValueError):
        plan.at_random(0.5, ())
    with pytest.raises(ValueError):
        plan.at_random(1.5, (faults.reset(),))
