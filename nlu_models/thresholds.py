"""Choose the emergency threshold on out-of-fold predictions of the training data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

from nlu_models.dataset import Record
from nlu_models.emergency import decide_emergency
from nlu_models.emergency_rules import build_rules
from nlu_models.normalize import normalize
from nlu_models.pipeline import EMERGENCY_LABEL

FOLDS = 4
TARGET_RECALL = 0.98
CANDIDATES = [x / 100 for x in range(95, 4, -1)]


@dataclass(frozen=True, slots=True)
class Prediction:
    intent: str
    probability: float
    signals: tuple[bool, bool]


def predict(nlp: Language, texts: list[str]) -> list[Prediction]:
    """Raw model and rule outputs, before the emergency decision."""
    rules = build_rules(nlp)
    out = []
    for doc in nlp.pipe(normalize(t) for t in texts):
        intents = {k: v for k, v in doc.cats.items() if k != EMERGENCY_LABEL}
        out.append(Prediction(max(intents, key=intents.__getitem__), doc.cats[EMERGENCY_LABEL],
                              rules.signals(doc)))
    return out


def out_of_fold(records: list[Record], train: Callable[[list[Record]], Language]) -> list[Prediction]:
    """Predictions for every record by a model that did not see it."""
    preds: dict[int, Prediction] = {}
    for fold in range(FOLDS):
        held = [i for i in range(len(records)) if i % FOLDS == fold]
        nlp = train([r for i, r in enumerate(records) if i % FOLDS != fold])
        preds.update(zip(held, predict(nlp, [records[i].text for i in held])))
    return [preds[i] for i in range(len(records))]


def flags(preds: list[Prediction], threshold: float) -> list[bool]:
    return [decide_emergency(p.intent, p.probability, lambda p=p: p.signals, threshold)
            for p in preds]


def choose_threshold(records: list[Record], preds: list[Prediction]) -> float:
    """Best precision with recall >= TARGET_RECALL; else the best-recall threshold."""
    gold = [r.emergency for r in records]
    best: tuple[float, float, float] | None = None  # (recall, precision, threshold)
    for t in CANDIDATES:
        pred = flags(preds, t)
        tp = sum(g and p for g, p in zip(gold, pred))
        recall, precision = tp / max(1, sum(gold)), tp / max(1, sum(pred))
        key = (min(recall, TARGET_RECALL), precision, t)
        if best is None or key > best:
            best = key
    return best[2] if best else 0.5
