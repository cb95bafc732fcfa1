"""Every sentence a person reads, one catalogue per language; code asks for texts by key."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from bot.texts import en, nl

LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_CATALOGUES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"nl": nl.TEXTS, "en": en.TEXTS}
)


def language_of_locale(locale: str | None) -> str:
    """Teams sends e.g. "nl-NL" or "en-US"; anything not English gets Dutch, the customers' majority."""
    if locale and locale.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def text(language: str, key: str, /, **values: object) -> str:
    """The sentence `key` in `language`, with `values` filled in."""
    catalogue = _CATALOGUES.get(language, _CATALOGUES[DEFAULT_LANGUAGE])
    return catalogue[key].format(**values)
