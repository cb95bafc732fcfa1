"""Production mode with a real token check: a token signed by the (local) Bot Framework issuer is
processed; a token for another bot, another service URL, another key or an expired one gets 401."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app import create_app
from bot.config.settings import load_settings
from fakes import activities
from fakes.http_helpers import count
from fakes.people import CUSTOMER
from fakes.token_issuer import FakeTokenIssuer, StaticChannelToken, new_signing_key
from storage.models import TranscriptMessage

APP_ID = "11112222-3333-4444-5555-666677778888"


@pytest.fixture
def issuer() -> Iterator[FakeTokenIssuer]:
    fake = FakeTokenIssuer().start()
    yield fake
    fake.stop()


@pytest.fixture
async def production_bot(environment, aiohttp_client, clock, classifier, issuer):
    """The app with an app id, checking tokens against the local issuer; sends use a fixed channel token."""
    settings = load_settings({**environment, "MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "test-only-secret",
                              "BotOpenIdMetadata": issuer.metadata_url})
    app = create_app(settings, clock=clock, classifier=classifier, fire_timers=False,
                     channel_token=StaticChannelToken())
    return await aiohttp_client(app)


async def test_a_message_with_a_valid_channel_token_is_answered(production_bot, connector, issuer):
    token = issuer.token(app_id=APP_ID, service_url=connector.url)
    response = await production_bot.post("/api/messages", json=activities.message(CUSTOMER, connector.url, "hallo"),
                                         headers={"Authorization": f"Bearer {token}"})

    assert response.status == 201
    assert len(connector.texts(CUSTOMER.conversation_id)) == 1
    assert await count(production_bot, TranscriptMessage, TranscriptMessage.direction == "in") == 1


@pytest.mark.parametrize(
    "forged",
    [
        {"app_id": "99998888-7777-6666-5555-444433332222"},  # issued to another bot
        {"service_url": "https://evil.example/"},  # for another service URL than the activity's
        {"key": new_signing_key()},  # signed by a key the issuer never published
        {"lifetime_seconds": -3600},  # expired an hour ago (beyond the five minutes' leeway)
        {"issuer": "https://sts.example/"},  # not the Bot Framework channel's issuer
    ],
    ids=["other-audience", "other-service-url", "unknown-key", "expired", "other-issuer"],
)
async def test_a_token_that_is_not_for_this_bot_and_this_channel_gets_401(production_bot, connector, issuer, forged):
    claims = {"app_id": APP_ID, "service_url": connector.url, **forged}
    token = issuer.token(**claims)
    response = await production_bot.post("/api/messages", json=activities.message(CUSTOMER, connector.url, "hallo"),
                                         headers={"Authorization": f"Bearer {token}"})

    assert response.status == 401
    assert connector.sent == []
    assert await count(production_bot, TranscriptMessage) == 0
