"""Teams-shaped activities, as the Teams channel posts them to /api/messages."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from typing import Any

BOT_ID = "28:bot-app-id"
_ids = itertools.count(1)


@dataclass(frozen=True)
class TeamsUser:
    """A person in a tenant; `conversation_id` is their 1:1 chat with the bot."""

    object_id: str
    tenant_id: str
    name: str
    locale: str = "nl-NL"

    @property
    def conversation_id(self) -> str:
        return f"a:1:1-{self.object_id}"

    @property
    def channel_account_id(self) -> str:
        return f"29:{self.object_id}"


def _base(user: TeamsUser, service_url: str, activity_type: str) -> dict[str, Any]:
    return {
        "type": activity_type,
        "id": f"act-{next(_ids)}-{uuid.uuid4().hex[:8]}",
        "timestamp": "2026-11-26T10:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": user.channel_account_id, "name": user.name, "aadObjectId": user.object_id},
        "recipient": {"id": BOT_ID, "name": "Support bot"},
        "conversation": {"id": user.conversation_id, "conversationType": "personal", "tenantId": user.tenant_id},
        "channelData": {"tenant": {"id": user.tenant_id}},
        "locale": user.locale,
    }


def message(user: TeamsUser, service_url: str, text: str, **extra: Any) -> dict[str, Any]:
    activity = _base(user, service_url, "message")
    activity.update(text=text, textFormat="plain", **extra)
    return activity


def card_submit(user: TeamsUser, service_url: str, value: dict[str, Any]) -> dict[str, Any]:
    """What Teams posts when an Action.Submit button is pressed: a message with a value and no text."""
    activity = _base(user, service_url, "message")
    activity["value"] = value
    return activity


def bot_added(user: TeamsUser, service_url: str) -> dict[str, Any]:
    activity = _base(user, service_url, "conversationUpdate")
    activity["membersAdded"] = [{"id": BOT_ID}]
    activity["channelData"]["eventType"] = "teamMemberAdded"
    return activity


def installation(user: TeamsUser, service_url: str) -> dict[str, Any]:
    activity = _base(user, service_url, "installationUpdate")
    activity["action"] = "add"
    return activity
