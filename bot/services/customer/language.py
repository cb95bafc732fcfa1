"""Which language to answer in: the one the customer writes in, as the classifier detects it.

Only a message with no typical Dutch or English word in it ("Word crasht", a ticket number), or a
bare acknowledgement ("ok", "thanks", which Dutch writers use too), says too little; then the conversation keeps the language it had, and a new one takes the
Teams locale. So a customer can switch at any message, and a lone "ok" switches nothing; nor does an
error message pasted as the program shows it (often in English, whatever the customer speaks).
"""

from __future__ import annotations

from bot.services.customer.reading import is_acknowledgement, marker_counts, quotes_error
from bot.texts import LANGUAGES


def reply_language(text: str, detected: str, conversation: str | None, locale_language: str) -> str:
    counts = marker_counts(text)
    if not any(counts.values()) or is_acknowledgement(text) or (conversation is not None and quotes_error(text)):
        return conversation or locale_language
    if detected in LANGUAGES and counts.get(detected, 0) >= max(counts.values()):
        return detected
    return max(counts, key=lambda language: counts[language])
