"""Compare text-classifier architectures for the NLU on the held-out split.

Run: python -m bench.nlu_bench [arch,length ...]   (default: the set in docs/nlu.md)
Prints intent accuracy, macro-F1, training seconds and batch-predict
microseconds per message for each; the shipped choice is nlu_models.train.ARCH.
"""

from __future__ import annotations

import sys
import time

import nlu_models.pipeline as pipeline
from nlu_models.dataset import HELDOUT_PATH, TRAIN_PATH, read_records
from nlu_models.labels import INTENTS
from nlu_models.metrics import accuracy, macro_f1, per_class
from nlu_models.normalize import normalize
from nlu_models.pipeline import EMERGENCY_LABEL
from nlu_models.train import train_pipeline

DEFAULT = ["bow,32768", "charbow,16384", "charbow,32768", "charbow,65536", "ensemble,32768",
           "cnn,32768"]


def bench(spec: str) -> str:
    """Train one architecture and score it; returns one report line."""
    arch, length = spec.split(",")
    pipeline.LENGTH = int(length)
    train, heldout = read_records(TRAIN_PATH), read_records(HELDOUT_PATH)
    start = time.perf_counter()
    nlp = train_pipeline(train, arch=arch)
    trained = time.perf_counter() - start
    start = time.perf_counter()
    docs = list(nlp.pipe(normalize(r.text) for r in heldout))
    per_msg = (time.perf_counter() - start) / len(heldout) * 1e6
    cats = [{k: v for k, v in d.cats.items() if k != EMERGENCY_LABEL} for d in docs]
    gold, pred = [r.intent for r in heldout], [max(c, key=c.__getitem__) for c in cats]
    return (f"{spec:<16} acc {accuracy(gold, pred):.3f}  macro-F1 "
            f"{macro_f1(per_class(gold, pred, INTENTS)):.3f}  train {trained:5.1f}s  "
            f"predict {per_msg:6.0f} us/msg (nlp.pipe)")


if __name__ == "__main__":
    for spec in sys.argv[1:] or DEFAULT:
        print(bench(spec), flush=True)
