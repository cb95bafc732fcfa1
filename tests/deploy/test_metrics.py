"""Prometheus metrics: a registry per app, scraped on a port of its own, off unless METRICS_PORT is set."""

from __future__ import annotations

import socket

import aiohttp
import pytest
from aiohttp import web

from bot.config.errors import ConfigError
from bot.config.settings import load_settings
from bot.observability.metrics import create_metrics, metrics_server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def scrape(port: int) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        return response.status, response.headers["Content-Type"], await response.text()


async def test_the_metrics_port_serves_what_the_app_counted() -> None:
    metrics, port = create_metrics(), free_port()
    app = web.Application()
    app.cleanup_ctx.append(metrics_server(metrics.registry, "127.0.0.1", port))
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        metrics.turns.labels(outcome="done").inc(3)
        metrics.pages_sent.inc()
        metrics.time_to_acknowledge.observe(240)
        metrics.outbox_backlog.set(5)
        status, content_type, body = await scrape(port)
    finally:
        await runner.cleanup()
    assert status == 200 and content_type.startswith("text/plain")
    assert 'supportbot_turns_total{outcome="done"} 3.0' in body
    assert 'supportbot_turns_total{outcome="failed"} 0.0' in body  # every outcome shows from the start
    assert "supportbot_pages_sent_total 1.0" in body
    assert 'supportbot_page_time_to_acknowledge_seconds_bucket{le="300.0"} 1.0' in body
    assert "supportbot_outbox_backlog 5.0" in body
    with pytest.raises(aiohttp.ClientConnectionError):
        await scrape(port)  # the port closes with the app


def test_two_apps_count_apart() -> None:
    first, second = create_metrics(), create_metrics()
    first.errors.inc()
    assert first.registry.get_sample_value("supportbot_turn_errors_total") == 1.0
    assert second.registry.get_sample_value("supportbot_turn_errors_total") == 0.0


def test_every_metric_the_issue_asks_for_is_exposed() -> None:
    names = {metric.name for metric in create_metrics().registry.collect()}
    assert {
        "supportbot_turns", "supportbot_replies", "supportbot_turn_errors", "supportbot_pages_sent",
        "supportbot_pages_acknowledged", "supportbot_page_time_to_acknowledge_seconds", "supportbot_outbox_backlog",
        "supportbot_deliveries_retried", "supportbot_database_seconds",
    } <= names


def test_metrics_are_off_unless_a_port_of_their_own_is_set() -> None:
    assert load_settings({}).metrics_port is None
    assert load_settings({"METRICS_PORT": "9464"}).metrics_port == 9464
    with pytest.raises(ConfigError, match="METRICS_PORT: 3978 is the bot's PORT"):
        load_settings({"METRICS_PORT": "3978"})
    with pytest.raises(ConfigError, match="METRICS_PORT: 'nine' is not a TCP port number"):
        load_settings({"METRICS_PORT": "nine"})
