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
from nlu_models.impact import ONE, Signals, read_signals
from nlu_models.labels import ALWAYS_EMERGENCY, NEVER_EMERGENCY
from nlu_models.normalize import normalize

FOLDS = 4
MIN_PRECISION = 0.90
TEMPERATURES = [t / 20 for t in range(10, 61)]  # 0.5 .. 3.0
MODEL_CANDIDATES = [x / 100 for x in range(3, 81)]
STATED_CANDIDATES = [0.0, 0.02, 0.05, 0.1, 0.2]
SINGLE_CANDIDATES = [x / 20 for x in range(1, 20)]


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


def _arrays(preds: list[Prediction]) -> dict[str, numpy.ndarray]:
    intents = [p.intent() for p in preds]
    return {
        "p": numpy.array([p.raw.emergency for p in preds]),
        "always": numpy.array([i in ALWAYS_EMERGENCY for i in intents]),
        "never": numpy.array([i in NEVER_EMERGENCY for i in intents]),
        "critical": numpy.array([p.signals.critical for p in preds]),
        "one": numpy.array([p.signals.affected == ONE for p in preds]),
        "only_one": numpy.array([p.signals.only_one for p in preds]),
    }


def _flags(a: dict[str, numpy.ndarray], t: Thresholds) -> numpy.ndarray:
    """decide_emergency for every prediction at once (the same rule, vectorised)."""
    needed = numpy.where(a["one"], max(t.single, t.model), t.model)
    by_model = (a["critical"] & (a["p"] >= t.stated)) | (~a["only_one"] & (a["p"] >= needed))
    return a["always"] | (~a["never"] & by_model)


def curve(records: list[Record], preds: list[Prediction]) -> list[tuple[float, float, Thresholds]]:
    """(recall, precision, thresholds) for every candidate triple."""
    gold = numpy.array([r.emergency for r in records])
    a = _arrays(preds)
    points = []
    for stated in STATED_CANDIDATES:
        for model in MODEL_CANDIDATES:
            for single in SINGLE_CANDIDATES:
                if model < stated or single < model:
                    continue
                t = Thresholds(model, stated, single)
                pred = _flags(a, t)
                tp = int((gold & pred).sum())
                points.append((tp / max(1, int(gold.sum())), tp / max(1, int(pred.sum())), t))
    return points


def choose_thresholds(records: list[Record], preds: list[Prediction]) -> Thresholds:
    """The best recall with precision >= MIN_PRECISION (ties: higher precision); else the best F2.

    Why not "recall >= 0.98 first": out-of-fold on our own hard training lines that
    rule drove the thresholds so low that a third of the flags were false alarms,
    and a false page at night costs the on-call engineer's trust in the next one.
    """
    points = curve(records, preds)
    allowed = [p for p in points if p[1] >= MIN_PRECISION]
    if allowed:
        return max(allowed, key=lambda p: (p[0], p[1], p[2].model, p[2].single))[2]
    return max(points, key=lambda p: 5 * p[0] * p[1] / max(1e-9, 4 * p[1] + p[0]))[2]


def write_oof_errors(path: Path, records: list[Record], preds: list[Prediction]) -> None:
    """Out-of-fold intent mistakes on the training data, one per line, to guide data writing."""
    lines = [f"{r.intent}\t{p.intent()}\t{r.text!r}" for r, p in zip(records, preds) if p.intent() != r.intent]
    path.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")


def describe(records: list[Record], preds: list[Prediction], thresholds: Thresholds, temperature: float) -> str:
    """Out-of-fold intent accuracy and emergency recall/precision at the chosen thresholds."""
    gold, pred = [r.emergency for r in records], flags(preds, thresholds)
    tp = sum(g and p for g, p in zip(gold, pred))
    accuracy = sum(p.intent() == r.intent for r, p in zip(records, preds)) / len(records)
    return (f"intent accuracy {accuracy:.3f}, emergency recall {tp / max(1, sum(gold)):.3f} "
            f"precision {tp / max(1, sum(pred)):.3f}, temperature {temperature:.2f}")
