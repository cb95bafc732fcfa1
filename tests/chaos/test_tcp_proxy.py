"""The database-outage proxy: forwards both ways, resets and refuses during an outage, then serves again."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import psycopg
import pytest

from fakes.tcp_proxy import LOOPBACK, TcpProxy


async def _echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while data := await reader.read(1024):
        writer.write(data)
        await writer.drain()
    writer.close()


@pytest.fixture
async def proxy() -> AsyncIterator[TcpProxy]:
    upstream = await asyncio.start_server(_echo, LOOPBACK, 0)
    proxy = await TcpProxy(LOOPBACK, upstream.sockets[0].getsockname()[1]).start()
    yield proxy
    await proxy.close()
    upstream.close()
    await upstream.wait_closed()


async def _roundtrip(port: int, payload: bytes) -> bytes:
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    writer.write(payload)
    await writer.drain()
    answer = await reader.readexactly(len(payload))
    writer.close()
    return answer


async def test_bytes_go_both_ways(proxy: TcpProxy):
    assert await _roundtrip(proxy.port, b"SELECT 1") == b"SELECT 1"
    assert proxy.accepted == 1


async def test_an_outage_resets_open_connections_and_refuses_new_ones_until_restored(proxy: TcpProxy):
    reader, writer = await asyncio.open_connection(LOOPBACK, proxy.port)
    writer.write(b"ping")
    assert await reader.readexactly(4) == b"ping"

    await proxy.cut()
    with pytest.raises((ConnectionResetError, asyncio.IncompleteReadError)):
        await reader.readexactly(1)
    with pytest.raises(ConnectionRefusedError):
        await asyncio.open_connection(LOOPBACK, proxy.port)
    writer.close()

    await proxy.restore()
    assert await _roundtrip(proxy.port, b"pong") == b"pong"


async def test_outage_restores_the_same_port(proxy: TcpProxy):
    port = proxy.port
    await proxy.outage(0.05)
    assert proxy.port == port and proxy.is_up
    assert await _roundtrip(port, b"back") == b"back"


def test_a_database_url_keeps_user_database_and_options_but_points_at_the_proxy():
    proxy = TcpProxy("127.0.0.1", 5432, port=40123)
    url = "postgresql://postgres:pw@127.0.0.1:5432/test?options=-csearch_path%3Dchaos_1"
    assert proxy.url_for(url) == "postgresql://postgres:pw@127.0.0.1:40123/test?options=-csearch_path%3Dchaos_1"


@pytest.mark.postgres
async def test_postgresql_through_the_proxy_fails_during_the_outage_and_works_after(postgres_database_url: str):
    proxy = await TcpProxy("127.0.0.1", 5432).start()
    url = proxy.url_for(postgres_database_url).replace("postgresql+psycopg://", "postgresql://")  # libpq's form
    try:
        connection = await psycopg.AsyncConnection.connect(url, autocommit=True)
        assert await (await connection.execute("SELECT 41 + 1")).fetchone() == (42,)

        await proxy.cut()
        with pytest.raises(psycopg.OperationalError):
            await connection.execute("SELECT 1")
        with pytest.raises(psycopg.OperationalError):
            await psycopg.AsyncConnection.connect(url, connect_timeout=2)
        await connection.close()

        await proxy.restore()
        async with await psycopg.AsyncConnection.connect(url, autocommit=True) as again:
            assert await (await again.execute("SELECT 1")).fetchone() == (1,)
    finally:
        await proxy.close()
