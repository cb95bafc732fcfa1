"""The long fuzz run of /api/messages: hostile and ordinary requests, several at a time, per database.

Run: python -m bench.fuzz [--sqlite-requests 1500] [--postgres-requests 3000] [--concurrency 4] [--seed 11]
     [--postgres URL]
(PostgreSQL also from TEST_POSTGRES_URL; it gets a throwaway schema.) Prints, per database: the
requests, their statuses, how many answered messages of known customers are missing from the
transcript (must be 0), and the slowest and 99th-percentile answer. The tests run the same idea
with a small fixed budget (tests/chat/test_endpoint_properties.py); speed belongs here.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import create_engine, select, text

from app import create_app
from bench.fuzz_cases import Cases
from bot import keys
from bot.config.settings import load_settings
from nlu_models import IntentClassifier
from storage.db import DatabaseUrls
from storage.models import TranscriptMessage

CONFIG = Path(__file__).resolve().parent.parent / "config" / "example.yaml"


def connector_app() -> web.Application:
    """A Bot Connector that accepts everything the bot sends."""
    async def accept(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"id": f"sent-{uuid.uuid4().hex[:8]}", "activityId": "a"})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", accept)
    return app


class _TurnErrors(logging.Handler):
    """Counts turns that ended in the error boundary (answered 2xx, but the turn failed)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.causes: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "bot.teams.adapter":
            self.causes[record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else "?"] += 1

    def __str__(self) -> str:
        causes = ", ".join(f"{name} {n}" for name, n in self.causes.most_common())
        return f"{sum(self.causes.values())}" + (f" ({causes})" if causes else "")


async def run(database_url: str, requests: int, concurrency: int, seed: int, classifier: IntentClassifier) -> str:
    turn_errors, boundary = _TurnErrors(), logging.getLogger("bot.teams.adapter")
    boundary.setLevel(logging.ERROR)
    boundary.propagate = False
    boundary.addHandler(turn_errors)
    connector = TestServer(connector_app())
    await connector.start_server()
    settings = load_settings({"SUPPORTBOT_CONFIG": str(CONFIG), "DATABASE_URL": database_url})
    bot = TestClient(TestServer(create_app(settings, classifier=classifier, fire_timers=False)))
    await bot.start_server()
    cases = Cases(seed, str(connector.make_url("/")))
    statuses: Counter[int] = Counter()
    timings: list[float] = []
    kept: list[str] = []
    queue = [cases.next() for _ in range(requests)]

    async def worker() -> None:
        while queue:
            body, must_keep = queue.pop()
            start = time.perf_counter()
            response = await bot.post("/api/messages", data=body, headers={"Content-Type": "application/json"})
            await response.read()
            timings.append(time.perf_counter() - start)
            statuses[response.status] += 1
            if must_keep and 200 <= response.status < 300:
                kept.append(must_keep)

    try:
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        lost = await _missing(bot, kept)
    finally:
        await bot.close()
        await connector.close()
        boundary.removeHandler(turn_errors)
    timings.sort()
    by_status = " ".join(f"{status}:{n}" for status, n in sorted(statuses.items()))
    return (f"{DatabaseUrls.from_url(database_url).backend:<11} requests {requests}  statuses {by_status}  "
            f"5xx {sum(n for s, n in statuses.items() if s >= 500)}  lost {lost}  turn errors {turn_errors}  "
            f"slowest {timings[-1]:.2f}s  p99 {timings[int(len(timings) * 0.99) - 1]:.2f}s")


async def _missing(bot: TestClient, activity_ids: list[str]) -> int:
    async with bot.app[keys.SESSIONS]() as session:
        found = set(await session.scalars(select(TranscriptMessage.activity_id).where(TranscriptMessage.direction == "in")))
    return len(set(activity_ids) - found)


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    admin = create_engine(DatabaseUrls.from_url(url).sync_url)
    schema = f"fuzz_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield admin.url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite-requests", type=int, default=1500)
    parser.add_argument("--postgres-requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", ""))
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # turn errors are counted, not printed
    classifier = IntentClassifier.load()
    if arguments.sqlite_requests:
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'fuzz.db'}"
            print(asyncio.run(run(url, arguments.sqlite_requests, arguments.concurrency, arguments.seed, classifier)))
    if arguments.postgres and arguments.postgres_requests:
        with postgres_schema(arguments.postgres) as url:
            print(asyncio.run(run(url, arguments.postgres_requests, arguments.concurrency, arguments.seed, classifier)))


if __name__ == "__main__":
    main()
