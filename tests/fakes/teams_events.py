"""More of what Teams posts: mentions, pasted screenshots, edits, deletes, invokes, group chats, other types."""

from __future__ import annotations

import uuid
from typing import Any

from fakes.activities import BOT_ID, TeamsUser, message
from fakes.activities import _base as base

BOT_NAME = "Support bot"
AT_BOT = f"<at>{BOT_NAME}</at>"
IMAGE_URL = "https://smba.example/amer/v3/attachments/0-abc/views/original"


def mentioning(user: TeamsUser, service_url: str, text: str) -> dict[str, Any]:
    """A message that @-mentions the bot, as Teams sends it: the markup in the text plus a mention entity."""
    entity = {"type": "mention", "mentioned": {"id": BOT_ID, "name": BOT_NAME}, "text": AT_BOT}
    return message(user, service_url, f"{AT_BOT} {text}", entities=[entity])


def screenshot(user: TeamsUser, service_url: str) -> dict[str, Any]:
    """A pasted screenshot: no text, the image, and an HTML copy of the body that holds only the <img>."""
    html = f'<div><div><span><img height="250" src="{IMAGE_URL.replace("original", "imgo")}" width="400"></span></div></div>'
    return message(user, service_url, "", attachments=[
        {"contentType": "image/*", "contentUrl": IMAGE_URL},
        {"contentType": "text/html", "content": html},
    ])  # fmt: skip


def edit(user: TeamsUser, service_url: str, activity_id: str, text: str) -> dict[str, Any]:
    """Teams names the edited message by its own id."""
    activity = base(user, service_url, "messageUpdate")
    activity.update(id=activity_id, text=text, textFormat="plain")
    activity["channelData"]["eventType"] = "editMessage"
    return activity


def soft_delete(user: TeamsUser, service_url: str, activity_id: str) -> dict[str, Any]:
    activity = base(user, service_url, "messageDelete")
    activity["id"] = activity_id
    activity["channelData"]["eventType"] = "softDeleteMessage"
    return activity


def invoke(user: TeamsUser, service_url: str, name: str, value: Any) -> dict[str, Any]:
    activity = base(user, service_url, "invoke")
    activity.update(name=name, value=value)
    return activity


def of_type(user: TeamsUser, service_url: str, activity_type: str, **extra: Any) -> dict[str, Any]:
    activity = base(user, service_url, activity_type)
    activity.update(extra)
    return activity


def in_group_chat(activity: dict[str, Any], conversation_type: str = "groupChat") -> dict[str, Any]:
    activity["conversation"] = {
        "id": f"19:{uuid.uuid4().hex}@thread.v2", "conversationType": conversation_type, "isGroup": True,
        "tenantId": activity["conversation"]["tenantId"],
    }
    return activity
