"""The HTTP edge: bad input gets a 4xx and changes nothing; production mode demands a token."""

from __future__ import annotations

import pytest

from fakes import activities
from fakes.http_helpers import count, post
from fakes.people import CUSTOMER
from storage.models import Conversation, TranscriptMessage

APP = {"MicrosoftAppId": "11112222-3333-4444-5555-666677778888", "MicrosoftAppPassword": "test-only-secret"}


async def test_health_check_answers(bot):
    response = await bot.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"", "application/json", 400),
        (b"[1, 2, 3]", "application/json", 400),
        (b'"just a string"', "application/json", 400),
        (b'{"type": "message"}', "application/json", 400),
        (b'{"type": "message", "serviceUrl": "http://x/", "conversation": {"id": 7}}', "application/json", 400),
        (b'{"type": 5, "serviceUrl": "http://x/", "conversation": {"id": "c"}}', "application/json", 400),
        (b"\xff\xfe\x00garbage", "application/json", 400),
        (b'{"type": "message"}', "text/plain", 415),
        (b"type=message", "application/x-www-form-urlencoded", 415),
    ],
)
async def test_malformed_requests_get_a_4xx_and_store_nothing(bot, connector, body, content_type, status):
    response = await bot.post("/api/messages", data=body, headers={"Content-Type": content_type})

    assert response.status == status
    assert "error" in await response.json()
    assert connector.sent == []
    assert await count(bot, TranscriptMessage) == 0


async def test_a_request_without_content_type_gets_415(bot):
    response = await bot.post("/api/messages", data=b'{"type": "message"}', skip_auto_headers={"Content-Type"})
    assert response.status == 415


async def test_an_oversized_body_is_refused(bot, connector):
    activity = activities.message(CUSTOMER, connector.url, "x" * 400_000)
    response = await bot.post("/api/messages", json=activity)
    assert response.status == 413
    assert connector.sent == []


async def test_a_wrongly_typed_field_deep_inside_is_a_400_not_a_500(bot, connector):
    activity = activities.message(CUSTOMER, connector.url, "hallo")
    activity["from"] = "not an account"
    response = await bot.post("/api/messages", json=activity)
    assert response.status in (201, 400)
    assert response.status != 500


async def test_the_bot_still_answers_after_bad_requests(bot, connector):
    await bot.post("/api/messages", data=b"{oops", headers={"Content-Type": "application/json"})
    await post(bot, activities.message(CUSTOMER, connector.url, "hallo"))
    assert connector.texts(CUSTOMER.conversation_id)[0].startswith("Welkom")


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz",
     "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJhdWQiOiIxMTExMjIyMi0zMzMzLTQ0NDQtNTU1NS02NjY2Nzc3Nzg4ODgifQ."],
)
async def test_with_an_app_id_requests_without_a_valid_token_get_401_and_are_not_processed(
    make_bot, connector, authorization
):
    bot = await make_bot(**APP)
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await bot.post("/api/messages", json=activities.message(CUSTOMER, connector.url, "hallo"), headers=headers)

    assert response.status == 401
    assert connector.sent == []
    assert await count(bot, Conversation) == 0
    assert await count(bot, TranscriptMessage) == 0


async def test_development_mode_processes_requests_without_a_token(bot, connector):
    await post(bot, activities.message(CUSTOMER, connector.url, "hallo"))
    assert len(connector.texts()) == 1
