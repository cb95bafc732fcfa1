"""The intake reads every message for product, who is affected, since when and urgency, and asks
only for what is still missing, one question at a time."""

from __future__ import annotations

from bot.services import replies
from bot.services.customer.choosing import chosen
from bot.services.customer.reading import is_urgent, words
from bot.services.customer.state import Facts, Slot
from bot.services.intake_facts import facts_from
from bot.services.intake_slots import since_clause
from bot.services.messages import Reply

_FREE_TEXT = frozenset({Slot.PRODUCT, Slot.SINCE})  # any words answer these; "who" has three answers
PEOPLE = {"one": 1, "several": 3, "everyone": 50}


def read_facts(text: str, intent: str) -> Facts:
    """Everything one message says about a problem (the category implies a product for mail and Teams)."""
    found = facts_from(text, intent)
    return Facts(found.product, found.affected, found.since, urgent=is_urgent(text))


def ask(lang: str, slot: Slot, intent: str) -> Reply:
    """The question for one missing fact, with its buttons."""
    if slot is Slot.PRODUCT:
        return replies.ask_product(lang, intent)
    if slot is Slot.AFFECTED:
        return replies.ask_affected(lang)
    return replies.ask_since(lang)


def slot_answer(lang: str, slot: Slot, intent: str, text: str, pressed: str | None) -> str | None:
    """A button or a typed choice; for product and since also the customer's own words."""
    question = ask(lang, slot, intent)
    value = chosen(text, pressed, question.choices, replies.choice_synonyms(lang))
    if value is not None or pressed is not None:
        return value
    if slot in _FREE_TEXT and words(text):
        return text.strip()
    return None


def answered(lang: str, slot: Slot, intent: str, text: str, pressed: str | None, known: Facts) -> Facts | None:
    """The facts after this message; None when it said nothing the intake can use.

    Asked since when, the customer's clause is the answer ("sinds de update van vorige week"), not
    only the words that say it is a moment ("sinds de update")."""
    found = read_facts(text, intent) if pressed is None else Facts()
    if slot is Slot.SINCE and found.since is not None:
        found = found.with_slot(Slot.SINCE, since_clause(text) or found.since)
    if getattr(found, slot.value) is None:
        value = slot_answer(lang, slot, intent, text, pressed)
        if value is not None:
            found = found.with_slot(slot, value)
    if found == Facts() or found.merged(known) == known and getattr(found, slot.value) is None:
        return None
    return known.merged(found)
