"""Messages without words (a pasted image, an emoji, nothing): never a ticket, and a question stays open.

The first such message gets a short "describe it in words"; more of them in a row (three
screenshots pasted one after another) get nothing more, until the person writes words again.
"""

from __future__ import annotations

from collections.abc import Sequence


from bot.services.messages import AttachmentRef, Inbound, InboundKind, Reply
from bot.texts import text
from storage import transcript_edits
from storage.models import TranscriptMessage
from storage.unit_of_work import Sessions


def has_words(words: str) -> bool:
    """A letter or a digit anywhere; emoji, punctuation and whitespace are not words."""
    return any(character.isalnum() for character in words)


_THANKS = frozenset("👍👌🙏✅🙂😊😀😃😄👏💪❤♥☺🤝")


def is_symbols(words: str) -> bool:
    """Typed, but no words: emoji or punctuation ("👍", "😡", "?"), not a pasted image or file."""
    return bool(words.strip()) and not has_words(words)


def is_thanks(words: str) -> bool:
    """Only emoji that say "thanks, fine" (👍 🙏 👌 🙂), as "ok" does in words."""
    found = {character for character in words if not character.isspace() and character not in "\ufe0f\u200d"}
    found = {character for character in found if not "\U0001f3fb" <= character <= "\U0001f3ff"}  # skin tones
    return bool(found) and found <= _THANKS


def is_wordless(inbound: Inbound) -> bool:
    """A message the bot cannot read: no words typed and no card button pressed."""
    return inbound.kind is InboundKind.MESSAGE and inbound.value is None and not has_words(inbound.text)


def describe_attachments(language: str, attachments: Sequence[AttachmentRef]) -> str:
    """One line per attachment, for a staff member who holds the chat: what it is, its name, where it is."""
    lines = []
    for attachment in attachments:
        label = text(language, f"attachment_{attachment.kind}")
        named = f"[{label}: {attachment.name}]" if attachment.name else f"[{label}]"
        lines.append(f"{named} {attachment.url}".strip())
    return "\n".join(lines)


class WordlessMessages:
    def __init__(self, sessions: Sessions):
        self._sessions = sessions

    async def hint(self, language: str, conversation_id: str, activity_id: str | None) -> list[Reply]:
        """The hint, unless the message before was wordless too."""
        if await self._follows_another(conversation_id, activity_id):
            return []
        return [Reply(text(language, "wordless_hint"))]

    async def _follows_another(self, conversation_id: str, activity_id: str | None) -> bool:
        async with self._sessions() as session:
            current = await transcript_edits.incoming(session, conversation_id, activity_id)
            previous = await transcript_edits.previous_incoming(session, current) if current else None
        return previous is not None and _was_wordless(previous)


def _was_wordless(message: TranscriptMessage) -> bool:
    value = (message.payload or {}).get("value")
    return value is None and not has_words(message.text)
