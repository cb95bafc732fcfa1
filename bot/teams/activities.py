"""Translate between Bot Framework activities and the services' plain data."""

from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.services.messages import Inbound, InboundKind, Reply
from bot.teams.cards import choice_card


def inbound_from(activity: Activity, kind: InboundKind) -> Inbound:
    """Read the Teams fields the domain needs; tolerant of missing ones (they make a stranger)."""
    sender = activity.from_property
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = (channel_data.get("tenant") or {}).get("id") or _conversation_tenant(activity)
    value = activity.value if isinstance(activity.value, dict) else None
    return Inbound(
        kind=kind,
        conversation_id=activity.conversation.id,
        activity_id=activity.id,
        channel_id=activity.channel_id or "msteams",
        service_url=activity.service_url or "",
        tenant_id=tenant or "",
        user_object_id=(sender.aad_object_id or "") if sender else "",
        user_name=(sender.name or "") if sender else "",
        locale=activity.locale,
        text=(activity.text or "").strip(),
        reference=TurnContext.get_conversation_reference(activity).serialize(),
        value=value,
    )


def _conversation_tenant(activity: Activity) -> str | None:
    return getattr(activity.conversation, "tenant_id", None)


def reply_activity(reply: Reply) -> Activity:
    """Plain text, or an Adaptive Card whose text also lists the choices for typing."""
    if not reply.choices and not reply.facts:
        return MessageFactory.text(reply.text)
    activity = MessageFactory.attachment(CardFactory.adaptive_card(choice_card(reply)))
    activity.text = fallback_text(reply)
    return activity


def fallback_text(reply: Reply) -> str:
    """What a client without cards shows, and what a person can type back (a number or a label)."""
    lines = [reply.text]
    lines += [f"{title}: {value}" for title, value in reply.facts]
    lines += [f"{number}. {choice.label}" for number, choice in enumerate(reply.choices, start=1)]
    return "\n".join(lines)


def transcript_entry(activity: Activity, activity_id: str | None) -> tuple[str | None, str, dict[str, Any] | None]:
    """What of a sent activity goes into the transcript."""
    payload = None
    if activity.attachments:
        payload = {"attachments": [a.serialize() if hasattr(a, "serialize") else a for a in activity.attachments]}
    return activity_id, activity.text or "", payload


def is_message(activity: Activity) -> bool:
    return activity.type == ActivityTypes.message
