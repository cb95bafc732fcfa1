"""How services reach people proactively; the Teams layer implements it, tests may fake it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.services.messages import Author, Reply


class Notifier(Protocol):
    async def to_conversation(self, conversation_id: str, replies: Sequence[Reply], *, author: Author | None = None) -> bool:
        """Write into a stored conversation (delivered after the caller's transaction commits); False when unknown.

        With an `author` the messages are relayed words of that person, and the transcript says so.
        """
        ...

    async def to_person(
        self, object_id: str, replies: Sequence[Reply], *, author: Author | None = None, page_id: int | None = None,
    ) -> bool:
        """Write to a person 1:1, opening the chat first when none is stored; False when they cannot be reached.

        Delivery happens after the caller's transaction commits; with a `page_id` the paging service
        is told whether the page was delivered (`page_delivered`) or not (`page_undeliverable`).
        """
        ...
