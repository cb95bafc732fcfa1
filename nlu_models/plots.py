"""The two figures docs/nlu.md shows: the confusion matrix and the reliability diagram."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from nlu_models.labels import INTENTS

BINS = 10


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_confusion(matrix: list[list[int]], path: Path, title: str) -> None:
    """Save the confusion matrix (rows gold, columns predicted) as a PNG."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(11, 9))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(INTENTS)), INTENTS, rotation=90)
    ax.set_yticks(range(len(INTENTS)), INTENTS)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center",
                        color="white" if i == j else "black", fontsize=8)
    ax.set_title(title)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=80, metadata={"Software": None})
    plt.close(fig)


def reliability(confidences: Sequence[float], correct: Sequence[bool]) -> list[tuple[float, float, int]]:
    """Per confidence bin: (mean confidence, accuracy, count); empty bins left out."""
    rows = []
    for b in range(BINS):
        lo, hi = b / BINS, (b + 1) / BINS
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi or (b == BINS - 1 and c == 1.0)]
        if idx:
            rows.append((sum(confidences[i] for i in idx) / len(idx),
                         sum(correct[i] for i in idx) / len(idx), len(idx)))
    return rows


def expected_calibration_error(rows: list[tuple[float, float, int]]) -> float:
    total = sum(n for _, _, n in rows)
    return sum(n * abs(conf - acc) for conf, acc, n in rows) / total if total else 0.0


def plot_reliability(curves: dict[str, list[tuple[float, float, int]]], path: Path) -> None:
    """Accuracy against confidence per bin, one line per evaluation set."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 6))
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    for name, rows in curves.items():
        ece = expected_calibration_error(rows)
        ax.plot([r[0] for r in rows], [r[1] for r in rows], marker="o", label=f"{name} (ECE {ece:.3f})")
        for conf, acc, n in rows:
            ax.annotate(str(n), (conf, acc), fontsize=7, xytext=(3, -9), textcoords="offset points")
    ax.set_xlabel("confidence (top intent)")
    ax.set_ylabel("accuracy (lenient)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title("Reliability diagram (numbers: messages per bin)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=80, metadata={"Software": None})
    plt.close(fig)
