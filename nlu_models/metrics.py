"""Plain classification metrics, so evaluation needs no extra packages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PerClass:
    precision: float
    recall: float
    f1: float
    support: int


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, PerClass]:
    """Precision, recall and F1 of every label."""
    out = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        prec, rec = _ratio(tp, n_pred), _ratio(tp, n_gold)
        f1 = _ratio(int(2 * prec * rec * 1e9), int((prec + rec) * 1e9)) if prec + rec else 0.0
        out[label] = PerClass(prec, rec, f1, n_gold)
    return out


def accuracy(gold: Sequence[object], pred: Sequence[object]) -> float:
    return _ratio(sum(g == p for g, p in zip(gold, pred)), len(gold))


def macro_f1(scores: dict[str, PerClass]) -> float:
    """Mean F1 over labels that occur in the gold data."""
    present = [s.f1 for s in scores.values() if s.support]
    return sum(present) / len(present) if present else 0.0


def binary(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float]:
    """(precision, recall) of the positive class."""
    tp = sum(g and p for g, p in zip(gold, pred))
    return _ratio(tp, sum(pred)), _ratio(tp, sum(gold))


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """Rows are gold labels, columns predicted labels, in `labels` order."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred):
        matrix[index[g]][index[p]] += 1
    return matrix


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile, q in [0, 100]."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]
