"""Evaluate the shipped pipeline: `python -m nlu_models.evaluate [--own PATH]`.

Scores the held-out split, the shared development set and the independent own
evaluation set (those present), prints every figure docs/nlu.md quotes and
writes the confusion matrix (development set) and the reliability diagram.
Nothing here is used for training or to choose a threshold.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from nlu_models.classifier import Classification, IntentClassifier
from nlu_models.dataset import HELDOUT_PATH, EvalRecord, read_eval
from nlu_models.labels import INTENTS
from nlu_models.metrics import confusion
from nlu_models.plots import expected_calibration_error, plot_confusion, plot_reliability, reliability
from nlu_models.scoring import Scores, lenient_predictions, score

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "nlu" / "devset.jsonl"
OWN_EVAL = REPO / "nlu_models" / "eval" / "own_eval.jsonl"
CONFUSION_PNG = REPO / "docs" / "confusion_matrix.png"
RELIABILITY_PNG = REPO / "docs" / "reliability.png"


def evaluate(records: list[EvalRecord], classifier: IntentClassifier) -> tuple[Scores, list[Classification]]:
    results = [classifier.classify(r.text) for r in records]
    return score(records, [c.intent for c in results], [c.emergency for c in results],
                 [c.language for c in results]), results


def print_report(name: str, scores: Scores) -> None:
    print(f"== {name}: {scores.line()}")
    print(f"  {'intent':<26}{'precision':>10}{'recall':>8}{'f1':>7}{'n':>5}")
    for label, s in scores.per_intent.items():
        print(f"  {label:<26}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.support:>5}")


def sets(own: Path) -> dict[str, Path]:
    found = {"held-out": HELDOUT_PATH, "devset": DEVSET, "own eval": own}
    return {name: path for name, path in found.items() if path.exists()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--own", type=Path, default=OWN_EVAL)
    parser.add_argument("--no-plots", action="store_true")
    args = parser.parse_args(argv)
    classifier = IntentClassifier.load(args.model)
    curves = {}
    for name, path in sets(args.own).items():
        records = read_eval(path)
        scores, results = evaluate(records, classifier)
        print_report(name, scores)
        lenient = lenient_predictions(records, [c.intent for c in results])
        curves[name] = reliability([c.confidence for c in results],
                                   [p == r.intent for p, r in zip(lenient, records)])
        print(f"  calibration error (ECE): {expected_calibration_error(curves[name]):.3f}")
        if name == "devset" and not args.no_plots:
            matrix = confusion([r.intent for r in records], lenient, INTENTS)
            plot_confusion(matrix, CONFUSION_PNG, "Intent confusion matrix, development set (lenient)")
    if not args.no_plots:
        plot_reliability(curves, RELIABILITY_PNG)


if __name__ == "__main__":
    main()
