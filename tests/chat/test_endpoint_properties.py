"""Property tests on /api/messages, on SQLite and PostgreSQL: no 5xx, no lost message, nobody left waiting.

A fixed, small budget keeps the suite fast; `python -m bench.fuzz` runs the long version.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fakes import activities
from fakes.activities import BOT_ID
from fakes.chat import say
from fakes.http_helpers import rows
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import COLLEAGUE, CUSTOMER, STRANGER
from storage.models import TranscriptMessage

BUDGET = settings(
    max_examples=12, deadline=None, database=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hostile = st.sampled_from(["\x00", "\ud800", "\udfff", "<", ">", "&", "<at>", "</at>", "<p>", "&nbsp;", "😀", "\u202e"])
text = st.lists(st.one_of(st.characters(codec=None, exclude_categories=()), hostile), max_size=60).map("".join)
long_text = st.one_of(text, st.integers(min_value=200, max_value=3000).map(lambda n: "x" * n))
json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)),
    max_leaves=12,
)
attachment = st.fixed_dictionaries({}, optional={
    "contentType": st.one_of(text, st.sampled_from(["image/png", "image/*", "text/html", "application/vnd.microsoft.card.adaptive"])),
    "contentUrl": st.one_of(text, st.just("https://x.example/a.png")),
    "name": long_text,
    "content": json_value,
})  # fmt: skip
mention = st.fixed_dictionaries({
    "type": st.just("mention"),
    "mentioned": st.fixed_dictionaries({"id": st.one_of(st.just(BOT_ID), text), "name": text}),
    "text": st.one_of(st.just("<at>Support bot</at>"), text),
})  # fmt: skip


@st.composite
def customer_messages(draw: st.DrawFn, service_url: str) -> dict[str, Any]:
    """A message from a known customer with everything but the identity fields hostile."""
    activity = activities.message(CUSTOMER, service_url, draw(long_text))
    activity["from"]["name"] = draw(long_text)
    activity["locale"] = draw(st.one_of(st.none(), text))
    activity["entities"] = draw(st.lists(mention, max_size=2))
    activity["attachments"] = draw(st.lists(attachment, max_size=3))
    if draw(st.booleans()):
        activity["value"] = draw(st.dictionaries(text, json_value, max_size=3))
    activity["channelData"].update(draw(st.dictionaries(text, json_value, max_size=2)))
    activity["channelData"]["tenant"] = {"id": CUSTOMER.tenant_id}
    return activity


TYPES = ["message", "messageUpdate", "messageDelete", "invoke", "conversationUpdate", "installationUpdate",
         "messageReaction", "typing", "event", "endOfConversation"]  # fmt: skip


@st.composite
def any_activities(draw: st.DrawFn, service_url: str) -> dict[str, Any]:
    """Any activity type, any sender (known, stranger, no id), any extra fields."""
    user = draw(st.sampled_from([CUSTOMER, COLLEAGUE, STRANGER]))
    activity = activities.message(user, service_url, draw(text))
    activity["type"] = draw(st.one_of(st.sampled_from(TYPES), text.filter(bool)))
    if draw(st.booleans()):
        activity["from"].pop("aadObjectId")
    activity["name"] = draw(st.one_of(st.just("adaptiveCard/action"), text))
    activity["value"] = draw(json_value)
    activity["conversation"]["conversationType"] = draw(st.sampled_from(["personal", "groupChat", "channel"]))
    for key, value in draw(st.dictionaries(st.sampled_from(["membersAdded", "membersRemoved", "reactionsAdded", "action",
                                                            "replyToId", "channelData", "entities"]), json_value)).items():
        activity[key] = value
    return activity


@pytest.fixture
def environment(database_url: str) -> dict[str, str]:
    return {"SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": database_url}


@BUDGET
@given(data=st.data())
async def test_a_customers_hostile_message_is_stored_or_refused_never_lost(bot, clock, connector, data):
    clock.advance(timedelta(seconds=2))  # a customer typing, not a flood: the per-person limit stays out of it
    activity = data.draw(customer_messages(connector.url))
    activity["id"] = f"fuzz-{uuid.uuid4()}"

    response = await bot.post("/api/messages", json=activity)

    assert response.status in (201, 400), await response.text()
    stored = await rows(bot, TranscriptMessage, TranscriptMessage.activity_id == activity["id"])
    assert len(stored) == (1 if response.status == 201 else 0)
    assert await say(bot, connector, COLLEAGUE, "hallo"), "the next customer must still be answered"


@BUDGET
@given(data=st.data())
async def test_no_activity_gets_a_5xx(bot, connector, data):
    response = await bot.post("/api/messages", json=data.draw(any_activities(connector.url)))

    assert response.status < 500, await response.text()
