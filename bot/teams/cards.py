"""Adaptive Cards (schema 1.5, which Teams renders) built from the services' plain replies."""

from __future__ import annotations

from typing import Any

from bot.services.messages import Reply

CARD_VERSION = "1.5"


def choice_card(reply: Reply) -> dict[str, Any]:
    """A text block, optional facts and one Action.Submit per choice; the value comes back as `choice`."""
    body: list[dict[str, Any]] = [{"type": "TextBlock", "text": reply.text, "wrap": True}]
    if reply.facts:
        facts = [{"title": title, "value": value} for title, value in reply.facts]
        body.append({"type": "FactSet", "facts": facts})
    actions = [
        {"type": "Action.Submit", "title": choice.label, "data": {"choice": choice.value}}
        for choice in reply.choices
    ]
    return {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": CARD_VERSION,
        "body": body,
        "actions": actions,
    }
