"""Translate between Bot Framework activities and the services' plain data."""

from __future__ import annotations

import json
import re
from typing import Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.config.ids import normal_guid
from bot.services.limits import LOCALE, NAME, clip
from bot.services.messages import Inbound, InboundKind, Reply
from bot.teams.attachments import RawAttachment, html_body, references
from bot.teams.cards import choice_card
from bot.teams.normalise import Mention, message_text, storable, tidy

_LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
MAX_VALUE_CHARS = 8000


def inbound_from(activity: Activity, kind: InboundKind) -> Inbound:
    """Read the Teams fields the domain needs, normalised; missing or malformed ones make a stranger."""
    sender, conversation = activity.from_property, activity.conversation
    raw_attachments = [_raw_attachment(a) for a in activity.attachments or []]
    text = message_text(activity.text, mentions=_mentions(activity), bot_id=_bot_field(activity, "id"),
                        bot_name=_bot_field(activity, "name"))  # fmt: skip
    if not text:  # a pasted or formatted message may carry its words only in the HTML copy
        text = message_text(html_body(raw_attachments))
    return Inbound(
        kind=kind,
        conversation_id=conversation.id,
        activity_id=storable(activity.id) or None,
        channel_id=storable(activity.channel_id) or "msteams",
        service_url=storable(activity.service_url),
        tenant_id=tenant_of(activity) or "",
        user_object_id=normal_guid(getattr(sender, "aad_object_id", None)) or "",
        user_name=clip(tidy(storable(getattr(sender, "name", None))), NAME),
        locale=_locale(activity.locale),
        text=text,
        reference=TurnContext.get_conversation_reference(activity).serialize(),
        value=_value(activity.value),
        attachments=references(raw_attachments),
        personal=is_personal(activity),
    )


def tenant_of(activity: Activity) -> str | None:
    """`channelData.tenant.id`, else the conversation's `tenantId` (msrest files it under additional_properties,
    because the SDK's model expects `tenantID`)."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    conversation = activity.conversation
    extra = getattr(conversation, "additional_properties", None) or {}
    candidates = (
        tenant.get("id") if isinstance(tenant, dict) else None,
        getattr(conversation, "tenant_id", None),
        extra.get("tenantId") if isinstance(extra, dict) else None,
    )
    return next((found for found in map(normal_guid, candidates) if found), None)


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat: Teams says `personal`; an emulator that says nothing is treated as one."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None)
    if isinstance(kind, str) and kind:
        return kind == "personal"
    return getattr(conversation, "is_group", None) is not True


def _mentions(activity: Activity) -> list[Mention]:
    found = []
    for entity in activity.entities or []:
        extra = getattr(entity, "additional_properties", None) or {}
        mentioned = extra.get("mentioned") if isinstance(extra, dict) else None
        if getattr(entity, "type", None) == "mention" and isinstance(mentioned, dict):
            found.append(Mention(storable(mentioned.get("id")), storable(extra.get("text"))))
    return found


def _bot_field(activity: Activity, field: str) -> str:
    return storable(getattr(activity.recipient, field, None))


def _raw_attachment(attachment: Any) -> RawAttachment:
    return RawAttachment(
        getattr(attachment, "content_type", None), getattr(attachment, "content_url", None),
        getattr(attachment, "name", None), getattr(attachment, "content", None),
    )


def _locale(value: Any) -> str | None:
    """A BCP 47 tag that fits its column, else none (the language then defaults)."""
    text = storable(value).strip()
    return text if _LOCALE.fullmatch(text) and len(text) <= LOCALE else None


def _value(value: Any) -> dict[str, Any] | None:
    """A card submit's data; one too large to be a real card's is dropped."""
    if not isinstance(value, dict):
        return None
    return value if len(json.dumps(value, ensure_ascii=False)) <= MAX_VALUE_CHARS else None


def reply_activity(reply: Reply) -> Activity:
    """One message per answer: plain text, or one Adaptive Card that carries the text, facts and buttons.

    A card reply has no `text` of its own (Teams and the Playground would show it as a second message);
    its `summary` is what notifications and the transcript show. Typing a button's label still answers.
    """
    if not reply.choices and not reply.facts:
        return MessageFactory.text(reply.text)
    activity = MessageFactory.attachment(CardFactory.adaptive_card(choice_card(reply)))
    activity.text = None
    activity.summary = reply.text
    return activity


def is_message(activity: Activity) -> bool:
    return activity.type == ActivityTypes.message


def event_type(activity: Activity) -> str | None:
    """Teams' `channelData.eventType` (editMessage, softDeleteMessage, …), if it is there."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    found = channel_data.get("eventType")
    return found if isinstance(found, str) else None


def card_action_data(value: Any) -> dict[str, Any] | None:
    """The data of an Action.Execute (`value.action.data`), or None when the value is not one."""
    action = value.get("action") if isinstance(value, dict) else None
    if not isinstance(action, dict) or action.get("type") != "Action.Execute":
        return None
    data = action.get("data", {})
    return data if isinstance(data, dict) else None
