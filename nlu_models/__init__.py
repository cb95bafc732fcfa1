"""Intent, emergency and language detection for the Office 365 support bot.

Importing this package is cheap: spaCy and the pipeline load on first use
(`IntentClassifier.load()` or the module-level `classify`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from nlu_models.labels import COVERED_INTENTS, EXCLUDED_INTENTS, INTENTS

if TYPE_CHECKING:
    from nlu_models.classifier import Classification, IntentClassifier

__all__ = ["INTENTS", "COVERED_INTENTS", "EXCLUDED_INTENTS", "Classification",
           "IntentClassifier", "classify"]

_default: IntentClassifier | None = None
_lock = threading.Lock()


def classify(text: str) -> Classification:
    """Classify with a process-wide classifier, loaded on the first call."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                from nlu_models.classifier import IntentClassifier
                _default = IntentClassifier.load()
    return _default.classify(text)


def __getattr__(name: str) -> Any:
    """Import the spaCy-backed classes only when they are asked for."""
    if name in ("Classification", "IntentClassifier"):
        from nlu_models import classifier
        return getattr(classifier, name)
    raise AttributeError(f"module 'nlu_models' has no attribute {name!r}")
