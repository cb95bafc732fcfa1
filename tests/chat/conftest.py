"""HTTP-level fixtures: the fake connector, settings for a test database, and the bot's test client."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from app import create_app
from bot.config.settings import load_settings
from fakes.clock import FakeClock, amsterdam
from fakes.connector import FakeConnector, serve
from fakes.operator_config import OPERATOR_CONFIG
from nlu_models import IntentClassifier



@pytest.fixture
async def connector(aiohttp_server) -> FakeConnector:
    return await serve(FakeConnector(), aiohttp_server)


@pytest.fixture
def clock() -> FakeClock:
    """A Thursday morning in business hours, unless a test moves it."""
    return FakeClock(amsterdam(2026, 11, 26, 10, 0))


@pytest.fixture
def environment(sqlite_database_url: str) -> dict[str, str]:
    return {"SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": sqlite_database_url}


BotFactory = Callable[..., Any]


@pytest.fixture(scope="session")
def classifier() -> IntentClassifier:
    """Loading the spaCy pipeline takes seconds: once per test session, as once per process in production."""
    return IntentClassifier.load()


@pytest.fixture
def make_bot(environment: dict[str, str], aiohttp_client, clock: FakeClock, classifier: IntentClassifier) -> BotFactory:
    """Start the real app (create_app) on a test server; extra environment variables override.

    `environment` (and so the test database) comes before `aiohttp_client`, so the app is shut down
    before the database is dropped: its background loops must not be mid-transaction then."""

    async def start(*, fire_timers: bool = False, reader: Any = None, **overrides: str) -> TestClient:
        """`reader`: a classifier in place of the model (a fakes.classifier.ScriptedClassifier)."""
        settings = load_settings({**environment, **overrides})
        app = create_app(settings, clock=clock, classifier=reader or classifier, fire_timers=fire_timers)
        return await aiohttp_client(app)

    return start


@pytest.fixture
async def bot(make_bot: BotFactory) -> TestClient:
    return await make_bot()

