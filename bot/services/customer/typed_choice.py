"""What a typed answer to a question with buttons points at, the way customers type it instead of
pressing: a position ("de tweede", "nummer 2", "the second one", "2"), yes or no ("ja graag", "nee,
één melding"), a ticket number with or without "T-", or words of one button's label ("die over Outlook").

Pure functions over the typed text; `choosing.chosen` decides which of them apply to a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bot.services.customer.reading import phrases, words
from bot.texts import en, nl

_TICKET = re.compile(r"(?<![\w-])(?:t\s*-?\s*)?(\d{4})\s*-\s*(\d{3,})(?!\d)", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:e|ste|de|st|nd|rd|th)$")


def position(text: str) -> int | None:
    """The 1-based position a message names and nothing else: "2", "de tweede", "nummer 2", "2e", "the 2nd one"."""
    found = words(text.replace("#", " "))
    named = [number for word in found if (number := _number(word)) is not None]
    rest = [word for word in found if _number(word) is None]
    if len(named) != 1 or not set(rest) <= _pointing():
        return None
    return named[0]


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 99 else None
    suffixed = _ORDINAL_SUFFIX.match(word)
    if suffixed:
        return int(suffixed.group(1))
    return _ordinals().get(word)


def polarity(text: str, *, leading: bool = False) -> bool | None:
    """True for yes ("ja", "graag", "yes please"), False for no ("nee", "no thanks"); else None.

    `leading`: a yes or no word in front of more words counts too ("nee, één melding", "ja, apart")."""
    plain = " ".join(words(text))
    for answer, key in ((True, "yes"), (False, "no")):
        if plain in phrases(key):
            return answer
    found = words(text)
    if leading and len(found) > 1:
        for answer, key in ((True, "yes"), (False, "no")):
            if found[0] in phrases(key):
                return answer
    return None


def ticket_number(text: str) -> str | None:
    """A ticket number anywhere in the message, as the bot writes it: "t-2026-0001", "2026-0001" → "T-2026-0001"."""
    found = _TICKET.search(text)
    return f"T-{found.group(1)}-{found.group(2)}" if found else None


def by_label_words(text: str, labels: Sequence[str]) -> int | None:
    """The index of the one label whose words the message repeats, pointing words aside ("die over Outlook");
    None when no label, or more than one, has them all."""
    said = set(words(text)) - _pointing()
    if not said:
        return None
    fitting = [index for index, label in enumerate(labels) if said <= set(words(label))]
    return fitting[0] if len(fitting) == 1 else None


@cache
def _ordinals() -> dict[str, int]:
    return {word: index + 1 for catalogue in (nl, en) for index, word in enumerate(catalogue.READING["ordinals"])}


@cache
def _pointing() -> frozenset[str]:
    return phrases("pointing")
