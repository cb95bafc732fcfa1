"""Calibrate on out-of-fold predictions of the training data: temperature and emergency thresholds.

Why out-of-fold: a model scores its own training lines too confidently; the
evaluation sets are never used to choose anything.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy
from spacy.language import Language

from nlu_models.classifier import IntentClassifier, RawScores, softmax
from nlu_models.dataset import Record
from nlu_models.emergency import Thresholds, decide_emergency
from nlu_models.impact import Signals, read_signals
from nlu_models.normalize import normalize

FOLDS = 4
TARGET_RECALL = 0.98
TEMPERATURES = [t / 20 for t in range(10, 61)]  # 0.5 .. 3.0
MODEL_CANDIDATES = [x / 100 for x in range(95, 4, -1)]
STATED_CANDIDATES = [0.0, 0.01, 0.02, 0.05, 0.1, 0.2]


@dataclass(frozen=True, slots=True)
class Prediction:
    labels: tuple[str, ...]
    raw: RawScores
    signals: Signals

    def intent(self) -> str:
        return self.labels[int(numpy.argmax(self.raw.logits))]


def predict(nlp: Language, texts: list[str]) -> list[Prediction]:
    """Raw model outputs and stated signals, before any decision."""
    clf = IntentClassifier(nlp)
    out = []
    for text in texts:
        normalized = normalize(text)
        out.append(Prediction(clf.labels, clf.raw(normalized), read_signals(normalized)))
    return out


def out_of_fold(records: list[Record], train: Callable[[list[Record]], Language]) -> list[Prediction]:
    """Predictions for every record by a model that did not see it."""
    preds: dict[int, Prediction] = {}
    for fold in range(FOLDS):
        held = [i for i in range(len(records)) if i % FOLDS == fold]
        nlp = train([r for i, r in enumerate(records) if i % FOLDS != fold])
        preds.update(zip(held, predict(nlp, [records[i].text for i in held])))
    return [preds[i] for i in range(len(records))]


def choose_temperature(records: list[Record], preds: list[Prediction]) -> float:
    """The temperature with the lowest log-loss: confidence then means what it says."""
    def nll(t: float) -> float:
        return -sum(math.log(max(1e-12, float(softmax(p.raw.logits / t)[p.labels.index(r.intent)])))
                    for r, p in zip(records, preds))
    return min(TEMPERATURES, key=nll)


def flags(preds: list[Prediction], thresholds: Thresholds) -> list[bool]:
    return [decide_emergency(p.intent(), p.raw.emergency, p.signals, thresholds) for p in preds]


def choose_thresholds(records: list[Record], preds: list[Prediction]) -> Thresholds:
    """Best precision with recall >= TARGET_RECALL (else the best recall), over both thresholds."""
    gold = [r.emergency for r in records]
    best: tuple[float, float, float, float] | None = None
    for stated in STATED_CANDIDATES:
        for model in MODEL_CANDIDATES:
            if model < stated:
                continue
            pred = flags(preds, Thresholds(model, stated))
            tp = sum(g and p for g, p in zip(gold, pred))
            recall, precision = tp / max(1, sum(gold)), tp / max(1, sum(pred))
            key = (min(recall, TARGET_RECALL), precision, model, stated)
            if best is None or key > best:
                best = key
    return Thresholds(best[2], best[3]) if best else Thresholds()


def write_oof_errors(path: Path, records: list[Record], preds: list[Prediction]) -> None:
    """Out-of-fold intent mistakes on the training data, one per line, to guide data writing."""
    lines = [f"{r.intent}\t{p.intent()}\t{r.text!r}" for r, p in zip(records, preds) if p.intent() != r.intent]
    path.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
