"""Evaluate the shipped pipeline on the held-out split: `python -m nlu_models.evaluate`.

Prints accuracy, macro-F1, per-intent precision/recall, emergency precision/
recall, language accuracy and single-message latency; writes the confusion
matrix to docs/confusion_matrix.png.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from nlu_models.classifier import IntentClassifier
from nlu_models.dataset import HELDOUT_PATH, Record, read_records
from nlu_models.labels import INTENTS
from nlu_models.metrics import accuracy, binary, confusion, macro_f1, per_class, percentile

REPO = Path(__file__).resolve().parent.parent
PNG_PATH = REPO / "docs" / "confusion_matrix.png"
LATENCY_ROUNDS = 5


def latency_ms(classifier: IntentClassifier, texts: list[str]) -> tuple[list[float], list[float]]:
    """(CPU, wall) milliseconds of single classify() calls, after one warm-up pass.

    Why both: on a shared machine wall time includes waiting for the core;
    the thread's CPU time is what one call costs on one core.
    """
    for text in texts:
        classifier.classify(text)
    cpu, wall = [], []
    for _ in range(LATENCY_ROUNDS):
        for text in texts:
            c0, w0 = time.thread_time_ns(), time.perf_counter_ns()
            classifier.classify(text)
            cpu.append((time.thread_time_ns() - c0) / 1e6)
            wall.append((time.perf_counter_ns() - w0) / 1e6)
    return cpu, wall


def plot_confusion(matrix: list[list[int]], path: Path) -> None:
    """Save the confusion matrix as a PNG (Agg backend: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

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
    ax.set_title("Intent confusion matrix, held-out split")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=80, metadata={"Software": None})
    plt.close(fig)


def report(records: list[Record], classifier: IntentClassifier, png: Path) -> None:
    """Print every figure docs/nlu.md quotes and write the confusion matrix."""
    results = classifier.classify_many(r.text for r in records)
    gold, pred = [r.intent for r in records], [c.intent for c in results]
    scores = per_class(gold, pred, INTENTS)
    e_prec, e_rec = binary([r.emergency for r in records], [c.emergency for c in results])
    cpu, wall = latency_ms(classifier, [r.text for r in records])
    print(f"held-out messages: {len(records)}")
    print(f"intent accuracy:   {accuracy(gold, pred):.3f}")
    print(f"intent macro-F1:   {macro_f1(scores):.3f}")
    print(f"emergency:         precision {e_prec:.3f}  recall {e_rec:.3f}  "
          f"(positives {sum(r.emergency for r in records)})")
    print(f"language accuracy: {accuracy([r.language for r in records], [c.language for c in results]):.3f}")
    for name, times in (("cpu", cpu), ("wall", wall)):
        print(f"latency classify() {name:>4}: p50 {percentile(times, 50):.3f} ms  "
              f"p99 {percentile(times, 99):.3f} ms  "
              f"{1000 * len(times) / sum(times):.0f} messages/s (one thread, single calls)")
    print(f"{'intent':<26}{'precision':>10}{'recall':>8}{'f1':>7}{'n':>5}")
    for label, s in scores.items():
        print(f"{label:<26}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.support:>5}")
    plot_confusion(confusion(gold, pred, INTENTS), png)
    print(f"confusion matrix written to {png}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=HELDOUT_PATH)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--png", type=Path, default=PNG_PATH)
    args = parser.parse_args(argv)
    report(read_records(args.data), IntentClassifier.load(args.model), args.png)


if __name__ == "__main__":
    main()
