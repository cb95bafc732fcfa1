"""A TCP proxy that can play a database outage: cut every connection and refuse new ones, then restore.

The bot's DATABASE_URL points at the proxy instead of PostgreSQL. `cut()` is what clients see when
the server stops (open connections reset, new ones refused); `restore()` listens again on the same port.
`freeze()` is the nastier fault, a network partition or a frozen host: connections stay open and new
ones are accepted, but nothing comes back, and no error either; `thaw()` lets the held bytes through.
"""

from __future__ import annotations

import asyncio
import threading
import contextlib
import socket
import struct
from urllib.parse import urlsplit, urlunsplit

LOOPBACK = "127.0.0.1"
_CHUNK = 64 * 1024


class TcpProxy:
    """Forwards every connection on `port` to `upstream`; one asyncio server, two pumps per connection."""

    def __init__(self, upstream_host: str, upstream_port: int, *, port: int = 0):
        self.upstream = (upstream_host, upstream_port)
        self.port = port
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._pumps: set[asyncio.Task[None]] = set()
        self.accepted = 0  # connections forwarded since start
        self._thawed = asyncio.Event()
        self._thawed.set()

    @property
    def is_up(self) -> bool:
        return self._server is not None

    @property
    def open_connections(self) -> int:
        return len(self._writers) // 2

    async def start(self) -> TcpProxy:
        """Listen (again); the first start picks a free port, later ones reuse it."""
        if self._server is None:
            self._server = await asyncio.start_server(self._forward, LOOPBACK, self.port, reuse_address=True)
            self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def cut(self) -> None:
        """Stop listening (new connections are refused) and reset every open connection."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for writer in list(self._writers):
            _abort(writer)
        self._writers.clear()
        if server is not None:
            await server.wait_closed()

    async def restore(self) -> None:
        await self.start()

    async def freeze(self) -> None:
        """Hold every byte in both directions, and new connections, until `thaw()`; reset nothing."""
        self._thawed.clear()

    async def thaw(self) -> None:
        self._thawed.set()

    async def outage(self, seconds: float) -> None:
        """A database that is gone for `seconds`, then back."""
        await self.cut()
        try:
            await asyncio.sleep(seconds)
        finally:
            await self.restore()

    async def close(self) -> None:
        await self.cut()
        for pump in list(self._pumps):
            pump.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)

    def url_for(self, database_url: str) -> str:
        """`database_url` with its host and port replaced by the proxy's (user, database and options kept)."""
        parts = urlsplit(database_url)
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{LOOPBACK}:{self.port}" if userinfo else f"{LOOPBACK}:{self.port}"
        return urlunsplit(parts._replace(netloc=netloc))

    async def _forward(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        await self._thawed.wait()
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            _abort(client_writer)
            return
        if not self.is_up:  # cut while we were connecting
            _abort(client_writer)
            _abort(upstream_writer)
            return
        self.accepted += 1
        self._writers |= {client_writer, upstream_writer}
        for reader, writer in ((client_reader, upstream_writer), (upstream_reader, client_writer)):
            pump = asyncio.create_task(self._pump(reader, writer, client_writer, upstream_writer))
            self._pumps.add(pump)
            pump.add_done_callback(self._pumps.discard)

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    *pair: asyncio.StreamWriter) -> None:
        """Copy one direction; when either side ends, both sides of the pair end."""
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while chunk := await reader.read(_CHUNK):
                await self._thawed.wait()
                writer.write(chunk)
                await writer.drain()
        for end in pair:
            self._writers.discard(end)
            end.close()


def _abort(writer: asyncio.StreamWriter) -> None:
    """Reset, not close: a server that died sends no goodbye."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class ThreadedTcpProxy:
    """A TcpProxy on its own event loop in a thread: for a bot in the test's own loop, whose blocking
    database calls (APScheduler's job store) would otherwise wait on a proxy that cannot run."""

    def __init__(self, upstream_host: str, upstream_port: int):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tcp-proxy", daemon=True)
        self._thread.start()
        self.proxy = self._call(self._make(upstream_host, upstream_port))

    @staticmethod
    async def _make(host: str, port: int) -> TcpProxy:
        return await TcpProxy(host, port).start()

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=30)

    def url_for(self, database_url: str) -> str:
        return self.proxy.url_for(database_url)

    async def cut(self) -> None:
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.proxy.cut(), self._loop))

    async def restore(self) -> None:
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.proxy.restore(), self._loop))

    async def freeze(self) -> None:
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.proxy.freeze(), self._loop))

    async def thaw(self) -> None:
        await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(self.proxy.thaw(), self._loop))

    def close(self) -> None:
        self._call(self.proxy.close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
