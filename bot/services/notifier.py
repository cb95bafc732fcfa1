"""How services reach people proactively; the Teams layer implements it, tests may fake it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.services.messages import Reply


class Notifier(Protocol):
    async def to_conversation(self, conversation_id: str, replies: Sequence[Reply]) -> bool:
        """Write into a stored conversation; False when it could not be delivered."""
        ...

    async def to_person(self, object_id: str, replies: Sequence[Reply]) -> bool:
        """Write to a person 1:1, opening the chat first when none is stored; False when unreachable."""
        ...
