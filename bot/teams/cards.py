"""Adaptive Cards (schema 1.5, which Teams renders) built from the services' plain replies."""

from __future__ import annotations

import uuid
from typing import Any

from bot.services.messages import Reply

CARD_VERSION = "1.5"
CARD_ID_KEY = "card"


def choice_card(reply: Reply, card_id: str | None = None) -> dict[str, Any]:
    """A text block, optional facts and one Action.Submit per choice; the value comes back as `choice`,
    with the card's id as `card`, so a second press of the same card is recognised and ignored."""
    card_id = card_id or uuid.uuid4().hex[:16]
    body: list[dict[str, Any]] = [{"type": "TextBlock", "text": reply.text, "wrap": True}]
    if reply.facts:
        facts = [{"title": title, "value": value} for title, value in reply.facts]
        body.append({"type": "FactSet", "facts": facts})
    actions = [
        {"type": "Action.Submit", "title": choice.label, "data": {"choice": choice.value, CARD_ID_KEY: card_id}}
        for choice in reply.choices
    ]
    return {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": CARD_VERSION,
        "body": body,
        "actions": actions,
    }
