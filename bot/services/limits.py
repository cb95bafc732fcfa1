"""What fits in the database's columns, and one way to shorten text that does not: visibly, with a marker."""

from __future__ import annotations

NAME = 200  # people.name, transcript author_name (Azure AD display names may be 256 characters)
LOCALE = 16  # people.locale
TICKET_FACT = 100  # tickets.product, affected, since: the customer may answer in free text
MESSAGE_TEXT = 8000  # an incoming message as read, stored and classified; Teams' own limit is about 28 KB
ATTACHMENT_FIELD = 1000  # an attachment reference's name or address
MARKER = "…"


def clip(text: str, limit: int) -> str:
    """`text` if it fits, else its start and the marker, `limit` characters in all."""
    if len(text) <= limit:
        return text
    return text[: max(limit - len(MARKER), 0)] + MARKER
