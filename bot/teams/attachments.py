"""Attachments as references: what was sent (an image, a file, a card) and where it lives, never its bytes.

Teams sends a pasted screenshot as an `image/*` attachment plus a `text/html` copy of the message
body; a shared file as a `file.download.info` attachment whose `downloadUrl` is a short-lived
pre-signed link (not kept: the `contentUrl` is). The HTML copy is the message, not an attachment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.services.limits import ATTACHMENT_FIELD, clip
from bot.services.messages import AttachmentRef
from bot.teams.normalise import storable

MAX_ATTACHMENTS = 20
TEAMS_FILE = "application/vnd.microsoft.teams.file.download.info"
CARD_PREFIX = "application/vnd.microsoft.card."
HTML = "text/html"


@dataclass(frozen=True, slots=True)
class RawAttachment:
    """The fields of one attachment as they came in; any of them may be missing or of the wrong type."""

    content_type: Any = None
    content_url: Any = None
    name: Any = None
    content: Any = None


def references(attachments: Iterable[RawAttachment]) -> tuple[AttachmentRef, ...]:
    """One reference per real attachment, at most MAX_ATTACHMENTS; the HTML copy of the body is skipped."""
    found: list[AttachmentRef] = []
    for raw in attachments:
        content_type = _field(raw.content_type).lower()
        if content_type == HTML:
            continue
        found.append(AttachmentRef(_kind(content_type), _field(raw.name), content_type, _address(raw.content_url)))
        if len(found) == MAX_ATTACHMENTS:
            break
    return tuple(found)


def html_body(attachments: Iterable[RawAttachment]) -> str:
    """The `text/html` copy of the message body, when Teams sent one (a formatted or pasted message)."""
    for raw in attachments:
        if _field(raw.content_type).lower() == HTML and isinstance(raw.content, str):
            return raw.content
    return ""


def _kind(content_type: str) -> str:
    if content_type.startswith("image/"):
        return "image"
    if content_type == TEAMS_FILE:
        return "file"
    if content_type.startswith(CARD_PREFIX):
        return "card"
    return "file" if content_type.startswith("application/") else "other"


def _address(value: Any) -> str:
    """Only web addresses are kept; a data: or javascript: URL is content, not a reference."""
    text = _field(value)
    return text if text.lower().startswith(("https://", "http://")) else ""


def _field(value: Any) -> str:
    return clip(storable(value).strip(), ATTACHMENT_FIELD)
