"""What botbuilder itself puts into storage survives a restart, and concurrent writers cannot both win."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone

import pytest
from botbuilder.core import ConversationState, MessageFactory, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    DialogInstance,
    DialogSet,
    DialogState,
    DialogTurnStatus,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.prompts import PromptOptions
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from storage.conversation_state import StoredConversationState
from storage.db import create_async_engine_for
from storage.state import SqlAlchemyStorage, StorageConcurrencyError

STATE_CLASSES = pytest.mark.parametrize("state_class", [ConversationState, StoredConversationState])


async def _ask_name(step: WaterfallStepContext):
    step.values["started_at"] = datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)
    return await step.prompt("name", PromptOptions(prompt=MessageFactory.text("Your name?")))


async def _ask_product(step: WaterfallStepContext):
    step.values["name"] = step.result
    return await step.prompt("product", PromptOptions(prompt=MessageFactory.text("Which product?")))


async def _summarise(step: WaterfallStepContext):
    started = step.values["started_at"].strftime("%H:%M")
    await step.context.send_activity(f"{step.values['name']}, {step.result}, since {started}")
    return await step.end_dialog()


def _bot(storage: SqlAlchemyStorage, state_class: type[ConversationState]) -> Callable[[TurnContext], Awaitable[None]]:
    """A freshly built bot over `storage`: everything but the database is new, as after a restart."""
    conversation_state = state_class(storage)
    dialogs = DialogSet(conversation_state.create_property("DialogState"))
    dialogs.add(TextPrompt("name"))
    dialogs.add(TextPrompt("product"))
    dialogs.add(WaterfallDialog("intake", [_ask_name, _ask_product, _summarise]))

    async def on_turn(turn_context: TurnContext) -> None:
        dialog_context = await dialogs.create_context(turn_context)
        result = await dialog_context.continue_dialog()
        if result.status == DialogTurnStatus.Empty:
            await dialog_context.begin_dialog("intake")
        await conversation_state.save_changes(turn_context)

    return on_turn


async def _turn_after_restart(database_url: str, text: str, state_class: type[ConversationState]) -> list[str]:
    engine = create_async_engine_for(database_url)
    try:
        adapter = TestAdapter(_bot(SqlAlchemyStorage(engine), state_class))
        await adapter.receive_activity(text)
        return [activity.text for activity in adapter.activity_buffer]
    finally:
        await engine.dispose()


@STATE_CLASSES
async def test_a_waterfall_dialog_continues_across_restarts(migrated_database_url: str, state_class) -> None:
    replies = [await _turn_after_restart(migrated_database_url, text, state_class) for text in ("hi", "Ada", "Outlook")]
    assert replies == [["Your name?"], ["Which product?"], ["Ada, Outlook, since 09:30"]]
    assert await _turn_after_restart(migrated_database_url, "hello again", state_class) == ["Your name?"]


async def test_the_stored_state_is_written_when_a_turn_changes_it_and_only_then(storage: SqlAlchemyStorage) -> None:
    conversation_state = StoredConversationState(storage)
    visits = conversation_state.create_property("visits")

    async def on_turn(turn_context: TurnContext) -> None:
        count = await visits.get(turn_context) or 0
        if turn_context.activity.text == "count":
            await visits.set(turn_context, count + 1)
        await conversation_state.save_changes(turn_context)

    adapter = TestAdapter(on_turn)
    await adapter.receive_activity("count")
    key = next(iter(await _state_keys(storage)))
    first = (await storage.read_documents([key]))[key]
    await adapter.receive_activity("just looking")
    assert (await storage.read_documents([key]))[key] == first  # same eTag: nothing written
    await adapter.receive_activity("count")
    again = (await storage.read([key]))[key]
    assert again["visits"] == 2 and again["e_tag"] != first["e_tag"]


async def _state_keys(storage: SqlAlchemyStorage) -> list[str]:
    from sqlalchemy import select

    from storage.models import BotStateRecord

    async with storage._engine.connect() as connection:  # noqa: SLF001 (the test looks at the table itself)
        return list((await connection.execute(select(BotStateRecord.key))).scalars())


async def test_dialog_state_objects_round_trip(storage: SqlAlchemyStorage) -> None:
    activity = Activity(
        type=ActivityTypes.message,
        text="Outlook stürzt ab",
        from_property=ChannelAccount(id="29:1", name="Zoë"),
        timestamp=datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc),
    )
    state = DialogState([DialogInstance()])
    state.dialog_stack[0].id = "intake"
    state.dialog_stack[0].state = {"options": PromptOptions(prompt=activity), "values": {"n": 1}}
    await storage.write({"msteams/conversations/c1": {"DialogState": state}})
    read = (await storage.read(["msteams/conversations/c1"]))["msteams/conversations/c1"]["DialogState"]
    assert isinstance(read, DialogState)
    instance = read.dialog_stack[0]
    assert isinstance(instance, DialogInstance) and instance.id == "intake"
    prompt = instance.state["options"].prompt
    assert isinstance(prompt, Activity)
    assert (prompt.text, prompt.from_property.name, prompt.timestamp) == (
        activity.text,
        "Zoë",
        activity.timestamp,
    )
    assert instance.state["values"] == {"n": 1}


async def test_of_concurrent_writers_with_one_etag_exactly_one_wins(migrated_database_url: str) -> None:
    """Separate engines stand in for separate processes (replicas) sharing the database."""
    engines = [create_async_engine_for(migrated_database_url) for _ in range(4)]
    try:
        stores = [SqlAlchemyStorage(engine) for engine in engines]
        await stores[0].write({"conv": {"writer": None}})
        seen = [(await store.read(["conv"]))["conv"] for store in stores]
        writes = [store.write({"conv": dict(item, writer=n)}) for n, (store, item) in enumerate(zip(stores, seen))]
        outcomes = await asyncio.gather(*writes, return_exceptions=True)
        winners = [n for n, outcome in enumerate(outcomes) if outcome is None]
        assert len(winners) == 1
        assert all(isinstance(outcome, StorageConcurrencyError) for outcome in outcomes if outcome is not None)
        assert (await stores[0].read(["conv"]))["conv"]["writer"] == winners[0]
    finally:
        for engine in engines:
            await engine.dispose()
