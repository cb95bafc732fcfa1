"""Invoke responses for `adaptiveCard/action` (Universal Actions): plain JSON bodies that always serialise.

The SDK's own error response wraps an `Exception` object, which cannot be turned into JSON, so a
bad value used to end in a 500; here a bad value gets a 400 whose body says what was wrong.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import InvokeResponse
from botbuilder.schema import Activity

from bot.texts import language_of_locale, text

CARD_ACTION = "adaptiveCard/action"
_MESSAGE = "application/vnd.microsoft.activity.message"
_ERROR = "application/vnd.microsoft.error"


def card_action_done(activity: Activity) -> InvokeResponse:
    """200 with a short message the card shows; the real answer follows as chat messages."""
    locale = activity.locale if isinstance(activity.locale, str) else None
    message = text(language_of_locale(locale), "card_action_received")
    return InvokeResponse(status=200, body={"statusCode": 200, "type": _MESSAGE, "value": message})


def bad_card_action() -> InvokeResponse:
    body: dict[str, Any] = {
        "statusCode": 400,
        "type": _ERROR,
        "value": {"code": "BadRequest", "message": "value.action must be an Action.Execute with an object as data"},
    }
    return InvokeResponse(status=400, body=body)
