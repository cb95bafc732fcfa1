"""The runtime classifier: the shipped pipeline plus rules, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlu_models.features import (  # also registers the architecture
    is_char_ngram_bow,
    linear_scores,
    settings_of,
    text_keys,
)
from nlu_models.emergency import decide_emergency
from nlu_models.emergency_rules import build_rules
from nlu_models.labels import INTENTS
from nlu_models.language import detect_language
from nlu_models.normalize import normalize
from nlu_models.pipeline import EMERGENCY_LABEL as EMERGENCY_PIPE_LABEL
from nlu_models.pipeline import EMERGENCY_PIPE, INTENT_PIPE

MODEL_DIR = Path(__file__).resolve().parent / "model"
N_ALTERNATIVES = 3
FALLBACK_INTENT = "out_of_scope"
LOW_CONFIDENCE = 0.15


@dataclass(frozen=True, slots=True)
class Classification:
    """What the bot needs to know about one customer message."""

    text: str
    intent: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...]  # ranked, best first, includes the top intent
    emergency: bool
    language: str  # "nl" | "en"

    def to_json(self) -> dict[str, Any]:
        """The contract dict of `python -m nlu_models.classify`."""
        return {"text": self.text, "intent": self.intent, "confidence": self.confidence,
                "emergency": self.emergency, "language": self.language}


class IntentClassifier:
    """Intent, emergency flag and language for customer messages."""

    def __init__(self, nlp: Language, emergency_threshold: float) -> None:
        self._nlp = nlp
        self._rules = build_rules(nlp)
        self._threshold = emergency_threshold
        intent_pipe = nlp.get_pipe(INTENT_PIPE)
        self._labels: tuple[str, ...] = tuple(intent_pipe.labels)  # type: ignore[attr-defined]
        self._intent_model = intent_pipe.model  # type: ignore[attr-defined]
        self._emergency_model = nlp.get_pipe(EMERGENCY_PIPE).model  # type: ignore[attr-defined]
        self._fast = (is_char_ngram_bow(self._intent_model)
                      and is_char_ngram_bow(self._emergency_model)
                      and settings_of(self._intent_model) == settings_of(self._emergency_model))
        if self._fast:
            self._settings = settings_of(self._intent_model)

    @classmethod
    def load(cls, path: Path | None = None) -> IntentClassifier:
        """Load the shipped (or a given) pipeline; call once per process."""
        nlp = spacy.load(path or MODEL_DIR)
        return cls(nlp, float(nlp.meta.get("nlu", {}).get("emergency_threshold", 0.5)))

    def classify(self, text: str) -> Classification:
        """Classify one message; never raises on odd input."""
        normalized = normalize(text)
        if not _has_words(normalized):
            return _unclassifiable(text)
        # Calling the linear layers directly skips pipe and chain bookkeeping.
        if self._fast:
            keys, vals = text_keys(normalized, self._settings)
            logits = linear_scores(self._intent_model, keys, vals)
            exp = numpy.exp(logits - logits.max())
            intent_scores = (exp / exp.sum()).tolist()
            emergency_score = 1.0 / (1.0 + math.exp(-float(
                linear_scores(self._emergency_model, keys, vals)[0])))
        else:
            doc = self._nlp.make_doc(normalized)
            intent_scores = self._intent_model.predict([doc])[0].tolist()
            emergency_score = float(self._emergency_model.predict([doc])[0][0])
        return self._result(text, normalized, intent_scores, emergency_score)

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        """Classify a batch in order, through nlp.pipe."""
        originals = list(texts)
        docs = self._nlp.pipe(normalize(t) for t in originals)
        return [self._from_doc(t, d) for t, d in zip(originals, docs)]

    def _from_doc(self, text: str, doc: Doc) -> Classification:
        if not _has_words(doc.text):
            return _unclassifiable(text)
        return self._result(text, doc.text, [doc.cats[label] for label in self._labels],
                            float(doc.cats[EMERGENCY_PIPE_LABEL]))

    def _result(self, text: str, normalized: str, scores: list[float],
                emergency_score: float) -> Classification:
        ranked = sorted(zip(self._labels, scores), key=lambda p: -p[1])
        intent, confidence = ranked[0]
        if confidence < LOW_CONFIDENCE:  # gibberish: only an explicit rule may flag it
            emergency_score = 0.0
        emergency = decide_emergency(intent, emergency_score, lambda: self._rules.signals(self._nlp.make_doc(normalized)),
                                     self._threshold)
        return Classification(text, intent, round(confidence, 4),
                              tuple((i, round(p, 4)) for i, p in ranked[:N_ALTERNATIVES]),
                              emergency, detect_language(normalized))


def _has_words(normalized: str) -> bool:
    return any(c.isalnum() for c in normalized)


def _unclassifiable(text: str) -> Classification:
    """Empty, emoji-only or punctuation-only input: a low-confidence answer, no crash."""
    share = round(1 / len(INTENTS), 4)
    ranked = (FALLBACK_INTENT,) + tuple(i for i in INTENTS if i != FALLBACK_INTENT)
    return Classification(text, FALLBACK_INTENT, share,
                          tuple((i, share) for i in ranked[:N_ALTERNATIVES]), False, "nl")
