"""One text normalisation, shared by training and classification."""

from __future__ import annotations

import unicodedata

MAX_CHARS = 2000


def strip_accents(text: str) -> str:
    """'geëscaleerd' -> 'geescaleerd': customers often type without accents."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """Lower-case, accent-free, whitespace-collapsed and at most MAX_CHARS long."""
    return " ".join(strip_accents(text[:MAX_CHARS]).lower().split())
