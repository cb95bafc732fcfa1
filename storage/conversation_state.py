"""botbuilder's ConversationState, flattening a chat's state once per turn instead of four times.

BotState detects changes by comparing `str(Pickler().flatten(state))` taken when the state is
loaded with the same taken before saving, saves (the storage flattens a third time), then takes
it a fourth time. jsonpickle was a tenth of a turn's CPU. Here the stored document itself is the
"before" (flattening a restored state gives exactly the stored document back), the state is
flattened once when saving, and that flattened form is what gets written. Everything else, the
property accessors the dialogs use included, is botbuilder's own.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import ConversationState, TurnContext
from botbuilder.core.bot_state import CachedBotState
from jsonpickle.unpickler import Unpickler

from storage.state import SqlAlchemyStorage, flatten_item


class _Loaded(CachedBotState):
    """The turn's cached state and the document it was loaded from (None: nothing stored yet)."""

    def __init__(self, state: dict[str, Any] | None, document: dict[str, Any] | None):
        self.state = state if state is not None else {}
        self.document = document
        self.hash = ""  # botbuilder's own change detection is not used for these

    @property
    def is_changed(self) -> bool:
        return flatten_item(self.state) != self.document


class StoredConversationState(ConversationState):
    def __init__(self, storage: SqlAlchemyStorage):
        super().__init__(storage)
        self._documents = storage

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        if force or not cached or not cached.state:
            key = self.get_storage_key(turn_context)
            document = (await self._documents.read_documents([key])).get(key)
            state = Unpickler(safe=True).restore(dict(document)) if document is not None else None
            turn_context.turn_state[self._context_service_key] = _Loaded(state, document)

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        if not isinstance(cached, _Loaded):  # cleared with clear_state: botbuilder's way
            await super().save_changes(turn_context, force)
            return
        document = flatten_item(cached.state)
        if force or document != cached.document:
            await self._documents.write_documents({self.get_storage_key(turn_context): document})
            cached.document = document
