"""Which offered choice a customer meant: the button they pressed, or what they typed instead."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.services.customer import typed_choice
from bot.services.messages import Choice
from bot.services.replies.choices import POLARITY

_WORD = re.compile(r"[\w']+")


def chosen(
    text: str, pressed: str | None, choices: Sequence[Choice], synonyms: Mapping[str, Sequence[str]], *,
    within: bool = True,
) -> str | None:
    """A pressed button's value; else what the typed words point at (see `typed_choice`): a ticket number,
    a value or label, a position, yes or no, one label's words, or a synonym of one of `choices`; else None.

    `within`: a synonym, or a yes or no in front, may also be inside a longer message ("nee hoor, laat maar")."""
    values = [choice.value for choice in choices]
    if pressed is not None:
        return pressed if pressed in values else None
    typed = text.strip().lower().rstrip(".!")
    if not typed:
        return None
    for choice in choices:
        if typed in (choice.value.lower(), choice.label.lower()):
            return choice.value
    return (
        _by_ticket_number(typed, values) or _by_position(typed, values) or _by_polarity(typed, values, leading=False)
        or _by_label_words(typed, choices) or _by_synonym(typed, values, synonyms, within)
        or (_by_polarity(typed, values, leading=True) if within else None)
    )  # fmt: skip


def _by_ticket_number(typed: str, values: Sequence[str]) -> str | None:
    number = typed_choice.ticket_number(typed)
    fitting = [value for value in values if number is not None and value.rpartition(":")[2] == number]
    return fitting[0] if fitting else None


def _by_position(typed: str, values: Sequence[str]) -> str | None:
    """"2" is the second button, unless a button's value is "2" (a rating: that one)."""
    place = typed_choice.position(typed)
    if place is not None and str(place) in values:
        return str(place)
    return values[place - 1] if place is not None and 1 <= place <= len(values) else None


def _by_polarity(typed: str, values: Sequence[str], *, leading: bool) -> str | None:
    answer = typed_choice.polarity(typed, leading=leading)
    fitting = [value for value in values if answer is not None and POLARITY.get(value) is answer]
    return fitting[0] if len(fitting) == 1 else None


def _by_label_words(typed: str, choices: Sequence[Choice]) -> str | None:
    found = typed_choice.by_label_words(typed, [choice.label for choice in choices])
    return None if found is None else choices[found].value


def _by_synonym(typed: str, values: Sequence[str], synonyms: Mapping[str, Sequence[str]], within: bool) -> str | None:
    words = set(_WORD.findall(typed))
    for candidate in values:
        for synonym in synonyms.get(candidate, ()):
            synonym = synonym.lower()
            if synonym == typed:
                return candidate
            if within and ((" " not in synonym and synonym in words) or (" " in synonym and synonym in typed)):
                return candidate
    return None
