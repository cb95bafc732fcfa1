"""The runtime classifier: the shipped pipeline plus impact signals, loaded once per process."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language

from nlu_models.emergency import Thresholds, decide_emergency, explain
from nlu_models.features import (  # also registers the architecture
    idf_of,
    is_char_ngram_bow,
    linear_scores,
    settings_of,
    text_keys,
)
from nlu_models.impact import read_signals
from nlu_models.labels import INTENTS
from nlu_models.language import detect_language
from nlu_models.normalize import normalize
from nlu_models.pipeline import EMERGENCY_PIPE, INTENT_PIPE

MODEL_DIR = Path(__file__).resolve().parent / "model"
N_ALTERNATIVES = 3
FALLBACK_INTENT = "out_of_scope"
LOW_CONFIDENCE = 0.15


@dataclass(frozen=True, slots=True)
class Classification:
    """What the bot needs to know about one customer message.

    `affected`, `stake` and `urgent` are the inputs of bot.policy.triage; they
    agree with `emergency` under its matrix. `evidence` quotes the words that
    stated them, for the page card.
    """

    text: str
    intent: str
    confidence: float  # calibrated: of the messages answered with 0.8, about 80 % are right
    alternatives: tuple[tuple[str, float], ...]  # ranked, best first, includes the top intent
    emergency: bool
    language: str  # "nl" | "en"
    affected: str | None = None  # one | several | team | organisation | customers; None: not said
    stake: str = "none"  # none | degraded | blocked | data_loss | security
    urgent: bool = False
    evidence: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The contract dict of `python -m nlu_models.classify`."""
        return {"text": self.text, "intent": self.intent, "confidence": self.confidence,
                "emergency": self.emergency, "language": self.language}

    def impact_json(self) -> dict[str, Any]:
        """The impact signals, for `classify --details`."""
        return {"affected": self.affected, "stake": self.stake, "urgent": self.urgent,
                "evidence": list(self.evidence)}


@dataclass(frozen=True, slots=True)
class RawScores:
    """Model outputs before any decision: intent logits and the emergency probability."""

    logits: numpy.ndarray
    emergency: float


class IntentClassifier:
    """Intent, emergency flag, impact signals and language for customer messages."""

    def __init__(self, nlp: Language, thresholds: Thresholds | None = None,
                 temperature: float = 1.0) -> None:
        self._nlp = nlp
        self._thresholds = thresholds or Thresholds()
        self._temperature = temperature
        intent_pipe = nlp.get_pipe(INTENT_PIPE)
        self._labels: tuple[str, ...] = tuple(intent_pipe.labels)  # type: ignore[attr-defined]
        self._intent_model = intent_pipe.model  # type: ignore[attr-defined]
        self._emergency_model = nlp.get_pipe(EMERGENCY_PIPE).model  # type: ignore[attr-defined]
        if not (is_char_ngram_bow(self._intent_model) and is_char_ngram_bow(self._emergency_model)):
            raise ValueError("the runtime classifier needs the CharNgramBOW architecture")
        self._settings = settings_of(self._intent_model)
        self._intent_idf = idf_of(self._intent_model)
        self._emergency_idf = idf_of(self._emergency_model)

    @classmethod
    def load(cls, path: Path | None = None) -> IntentClassifier:
        """Load the shipped (or a given) pipeline; call once per process."""
        nlp = spacy.load(path or MODEL_DIR)
        meta = nlp.meta.get("nlu", {})
        model = float(meta.get("emergency_threshold", 0.5))
        thresholds = Thresholds(model, float(meta.get("stated_threshold", 0.0)),
                                float(meta.get("single_threshold", model)))
        return cls(nlp, thresholds, float(meta.get("temperature", 1.0)))

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    def raw(self, normalized: str) -> RawScores:
        """Intent logits and emergency probability of a normalised message.

        Calling the two sparse linear layers directly skips pipe and chain
        bookkeeping, which costs more than the maths for one short message.
        """
        keys, vals = text_keys(normalized, self._settings, self._intent_idf)
        logits = numpy.asarray(linear_scores(self._intent_model, keys, vals), dtype="float64")
        if self._emergency_idf is not self._intent_idf:
            keys, vals = text_keys(normalized, self._settings, self._emergency_idf)
        emergency = 1.0 / (1.0 + math.exp(-float(linear_scores(self._emergency_model, keys, vals)[0])))
        return RawScores(logits, emergency)

    def classify(self, text: str) -> Classification:
        """Classify one message; never raises on odd input."""
        normalized = normalize(text)
        if not _has_words(normalized):
            return _unclassifiable(text)
        return self._result(text, normalized, self.raw(normalized))

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        """Classify a batch in order."""
        return [self.classify(t) for t in texts]

    def _result(self, text: str, normalized: str, raw: RawScores) -> Classification:
        scores = softmax(raw.logits / self._temperature)
        order = numpy.argsort(-scores, kind="stable")
        intent, confidence = self._labels[order[0]], float(scores[order[0]])
        emergency_score = raw.emergency if confidence >= LOW_CONFIDENCE else 0.0  # gibberish
        signals = read_signals(normalized)
        emergency = decide_emergency(intent, emergency_score, signals, self._thresholds, confidence)
        shown = explain(intent, emergency, signals)
        return Classification(
            text, intent, round(confidence, 4),
            tuple((self._labels[i], round(float(scores[i]), 4)) for i in order[:N_ALTERNATIVES]),
            emergency, detect_language(normalized), shown.affected, shown.stake, shown.urgent,
            shown.evidence)


def softmax(logits: numpy.ndarray) -> numpy.ndarray:
    exp = numpy.exp(logits - logits.max())
    return exp / exp.sum()


def _has_words(normalized: str) -> bool:
    return any(c.isalnum() for c in normalized)


def _unclassifiable(text: str) -> Classification:
    """Empty, emoji-only or punctuation-only input: a low-confidence answer, no crash."""
    share = round(1 / len(INTENTS), 4)
    ranked = (FALLBACK_INTENT,) + tuple(i for i in INTENTS if i != FALLBACK_INTENT)
    return Classification(text, FALLBACK_INTENT, share,
                          tuple((i, share) for i in ranked[:N_ALTERNATIVES]), False, "nl")
