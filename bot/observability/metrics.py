"""Prometheus metrics: one registry per application, served on its own port when METRICS_PORT is set.

A registry per app (never the client's module-level default) keeps two apps in one process, as in
the tests, from counting into each other. The core calls the metric objects; this module only
defines them and serves them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import PlatformCollector, ProcessCollector

CleanupContext = Callable[[web.Application], AsyncIterator[None]]
PREFIX = "supportbot"
# Seconds from a page going out to its acknowledgement: the SLA cares about minutes, up to hours.
ACKNOWLEDGE_BUCKETS = (30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400)
# One database statement: milliseconds normally, seconds when something is wrong.
DATABASE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
# How a turn from the inbox ended: committed, ended in the error handler, or kept for later (database away).
TURN_OUTCOMES = ("done", "failed", "postponed")


@dataclass(frozen=True, slots=True)
class Metrics:
    """Every metric the bot exposes, registered in `registry` only."""

    registry: CollectorRegistry
    turns: Counter
    replies: Counter
    errors: Counter
    pages_sent: Counter
    pages_acknowledged: Counter
    time_to_acknowledge: Histogram
    outbox_backlog: Gauge
    deliveries_retried: Counter
    database_latency: Histogram


def create_metrics() -> Metrics:
    """A fresh registry with the bot's metrics and the process's own (memory, CPU, open files)."""
    registry = CollectorRegistry()
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    return Metrics(
        registry=registry,
        turns=_turns(registry),
        replies=Counter(f"{PREFIX}_replies", "Messages the bot sent: replies, notices and pages.", registry=registry),
        errors=Counter(f"{PREFIX}_turn_errors", "Turns that ended in the error handler.", registry=registry),
        pages_sent=Counter(f"{PREFIX}_pages_sent", "Pages sent to an on-call engineer.", registry=registry),
        pages_acknowledged=Counter(f"{PREFIX}_pages_acknowledged", "Pages acknowledged by staff.", registry=registry),
        time_to_acknowledge=Histogram(
            f"{PREFIX}_page_time_to_acknowledge_seconds", "From a page going out to its acknowledgement.",
            buckets=ACKNOWLEDGE_BUCKETS, registry=registry,
        ),
        outbox_backlog=Gauge(f"{PREFIX}_outbox_backlog", "Outgoing messages waiting to be delivered.", registry=registry),
        deliveries_retried=Counter(
            f"{PREFIX}_deliveries_retried", "Outgoing deliveries tried again after a failure.", registry=registry,
        ),
        database_latency=Histogram(
            f"{PREFIX}_database_seconds", "Duration of database statements.",
            buckets=DATABASE_BUCKETS, registry=registry,
        ),
    )


def _turns(registry: CollectorRegistry) -> Counter:
    """Turns run from the inbox, by outcome; every outcome is exported from the start (at 0)."""
    turns = Counter(
        f"{PREFIX}_turns", "Activities from Teams whose turn ran, by outcome.", ["outcome"], registry=registry,
    )
    for outcome in TURN_OUTCOMES:
        turns.labels(outcome=outcome)
    return turns


def metrics_server(registry: CollectorRegistry, host: str, port: int) -> CleanupContext:
    """A cleanup_ctx serving GET /metrics on its own port, apart from the Bot Framework endpoint."""

    async def serve(_app: web.Application) -> AsyncIterator[None]:
        runner = web.AppRunner(_exposition(registry), access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
            yield
        finally:
            await runner.cleanup()

    return serve


def _exposition(registry: CollectorRegistry) -> web.Application:
    async def scrape(_request: web.Request) -> web.Response:
        return web.Response(body=generate_latest(registry), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get("/metrics", scrape)
    return app
