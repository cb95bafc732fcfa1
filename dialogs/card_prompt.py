"""A choice prompt that shows an Adaptive Card and also understands the answer when it is typed."""

from __future__ import annotations

import re
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.dialogs.prompts import Prompt, PromptOptions, PromptRecognizerResult
from botbuilder.schema import ActivityTypes

from bot.services.messages import Reply
from bot.teams.activities import reply_activity

_WORD = re.compile(r"[\w']+")


def prompt_options(reply: Reply, *, synonyms: dict[str, tuple[str, ...]] | None = None,
                   free_text: bool = False) -> PromptOptions:
    """Pack a Reply into PromptOptions; the recogniser reads the allowed values back from `validations`."""
    return PromptOptions(
        prompt=reply_activity(reply),
        validations={
            "values": [choice.value for choice in reply.choices],
            "labels": [choice.label for choice in reply.choices],
            "synonyms": {k: list(v) for k, v in (synonyms or {}).items()},
            "free_text": free_text,
        },
    )


def recognise(text: str, value: Any, validations: dict[str, Any]) -> str | None:
    """A card button's value, a number, a label, or a synonym; with free text, anything non-empty."""
    values: list[str] = validations["values"]
    if isinstance(value, dict) and value.get("choice") in values:
        return value["choice"]
    typed = text.strip().lower().rstrip(".!")
    if not typed:
        return None
    if typed.isdigit() and 1 <= int(typed) <= len(values) and typed not in values:
        return values[int(typed) - 1]
    for candidate, label in zip(values, validations["labels"], strict=True):
        if typed in (candidate.lower(), label.lower()):
            return candidate
    found = _by_synonym(typed, values, validations["synonyms"])
    if found:
        return found
    return text.strip() if validations.get("free_text") else None


def _by_synonym(typed: str, values: list[str], synonyms: dict[str, list[str]]) -> str | None:
    words = set(_WORD.findall(typed))
    for candidate in values:
        for synonym in synonyms.get(candidate, []):
            synonym = synonym.lower()
            if synonym == typed or (" " not in synonym and synonym in words) or (" " in synonym and synonym in typed):
                return candidate
    return None


UNANSWERED = "supportbot.unanswered"
"""Set in turn_state when a customer ignores the question and writes something new instead."""


class CardChoicePrompt(Prompt):
    """Used for every question with choices: out-of-hours, confirm, clarify, quote, intake, rating.

    An answer that fits none of the choices is not nagged about: the question is dropped and the
    message is handled as a new one (the router sees UNANSWERED), since it is usually a new problem.
    """

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        """Ask; then keep only what recognising the answer needs. The question itself (an Activity with
        its card, half of a chat's dialog state) is never sent again: an unfitting answer drops it."""
        result = await super().begin_dialog(dialog_context, options)
        assert isinstance(options, PromptOptions)
        dialog_context.active_dialog.state[self.persisted_options] = PromptOptions(validations=options.validations)
        return result

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        context = dialog_context.context
        if context.activity.type != ActivityTypes.message:
            return Dialog.end_of_turn
        state = dialog_context.active_dialog.state
        recognized = await self.on_recognize(context, state[self.persisted_state], state[self.persisted_options])
        if recognized.succeeded:
            return await dialog_context.end_dialog(recognized.value)
        context.turn_state[UNANSWERED] = True
        return await dialog_context.cancel_all_dialogs()

    async def on_prompt(self, turn_context: TurnContext, state: dict[str, object], options: PromptOptions,
                        is_retry: bool) -> None:
        await turn_context.send_activity(options.prompt)

    async def on_recognize(self, turn_context: TurnContext, state: dict[str, object],
                           options: PromptOptions) -> PromptRecognizerResult:
        activity = turn_context.activity
        result = PromptRecognizerResult()
        found = recognise(activity.text or "", activity.value, options.validations)
        if found is not None:
            result.succeeded, result.value = True, found
        return result
