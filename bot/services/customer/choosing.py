"""Which offered choice a customer meant: the button they pressed, or what they typed instead."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.services.messages import Choice

_WORD = re.compile(r"[\w']+")


def chosen(
    text: str, pressed: str | None, choices: Sequence[Choice], synonyms: Mapping[str, Sequence[str]], *,
    within: bool = True,
) -> str | None:
    """A pressed button's value, a number, a label, or a synonym of one of `choices`; else None.

    `within`: a synonym may also be a word or phrase inside a longer message ("nee hoor, laat maar")."""
    values = [choice.value for choice in choices]
    if pressed is not None:
        return pressed if pressed in values else None
    typed = text.strip().lower().rstrip(".!")
    if not typed:
        return None
    if typed.isdigit() and 1 <= int(typed) <= len(values) and typed not in values:
        return values[int(typed) - 1]
    for choice in choices:
        if typed in (choice.value.lower(), choice.label.lower()):
            return choice.value
    return _by_synonym(typed, values, synonyms, within)


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
