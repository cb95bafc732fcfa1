"""Choose the model's settings without the evaluation sets: an internal validation split.

Run: python -m bench.nlu_select [name=setting,... ...]
Every 7th customer-style training line (by a stable hash) is set aside with
all its noisy copies; the variants train on the rest and are scored on it and
on the held-out split. The development and own evaluation sets play no part.
"""

from __future__ import annotations

import random
import sys
import zlib

import nlu_models.pipeline as pipeline
import nlu_models.train as train_mod
from nlu_models.data import make_data
from nlu_models.dataset import HELDOUT_PATH, Record, read_eval
from nlu_models.classifier import IntentClassifier
from nlu_models.scoring import score

DEFAULT = ["base", "norm=1", "char_min=2", "length=131072", "epochs=20"]


def split() -> tuple[list[Record], list[Record]]:
    """(train, validation) records; validation lines and their noisy copies never meet training."""
    src = make_data.DATA_DIR / "src"
    seeds = [ex for name in make_data.SEED_FILES for ex in make_data.parse_source(src / name)]
    custom = [ex for path in sorted(src.glob(make_data.CUSTOMER_GLOB)) for ex in make_data.parse_source(path)]
    held = [ex for ex in custom if zlib.crc32(str(ex["text"]).encode()) % 7 == 0]
    kept = seeds + [ex for ex in custom if zlib.crc32(str(ex["text"]).encode()) % 7 != 0]
    rows = make_data.build_train(kept, random.Random(make_data.SEED))
    as_record = lambda ex: Record(str(ex["text"]), str(ex["intent"]), bool(ex["emergency"]), str(ex["language"]))  # noqa: E731
    return [as_record(ex) for ex in rows], [as_record(ex) for ex in held]


def run_peer(train: list[Record], valid: list[Record]) -> str:
    from bench.nlu_peers import Peer

    peer = Peer().fit(read_eval_like(train))
    lines = ["tfidf peer"]
    for name, records in (("valid", read_eval_like(valid)), ("held-out", read_eval(HELDOUT_PATH))):
        intents, emergencies = peer.predict([r.text for r in records])
        s = score(records, intents, emergencies)
        lines.append(f"  {name:<9} acc {s.lenient:.3f} macro-F1 {s.macro_f1:.3f} n={s.n}")
    return "\n".join(lines)


def run(spec: str, train: list[Record], valid: list[Record]) -> str:
    if spec == "peer":
        return run_peer(train, valid)
    settings = dict(part.split("=") for part in spec.split(",") if "=" in part)
    pipeline.LENGTH = int(settings.get("length", 2**15))
    pipeline.CHAR_MIN = int(settings.get("char_min", 3))
    pipeline.NORM = settings.get("norm", "0") == "1"
    pipeline.SIGNALS = settings.get("signals", "0") == "1"
    pipeline.IDF = settings.get("idf", "0") == "1"
    pipeline.BLOCKS = settings.get("blocks", "0") == "1"
    train_mod.DROPOUT = float(settings.get("dropout", 0.1))
    train_mod.BALANCE = settings.get("balance", "0") == "1"
    train_mod.AVERAGE = settings.get("avg", "0") == "1"
    train_mod.LEARN_RATE = float(settings.get("lr", 0.001))
    train_mod.L2 = float(settings.get("l2", 0.01))
    train_mod.FIT = settings.get("fit", "sgd")
    train_mod.C = float(settings.get("c", 10.0))
    nlp = train_mod.train_pipeline(train, epochs=int(settings.get("epochs", train_mod.EPOCHS)))
    clf = IntentClassifier(nlp)
    lines = [spec]
    for name, records in (("valid", [r for r in read_eval_like(valid)]), ("held-out", read_eval(HELDOUT_PATH))):
        results = [clf.classify(r.text) for r in records]
        s = score(records, [c.intent for c in results], [c.emergency for c in results])
        lines.append(f"  {name:<9} acc {s.lenient:.3f} macro-F1 {s.macro_f1:.3f} n={s.n}")
        if name == "valid":
            lines.append("    weakest: " + ", ".join(f"{k} {v.f1:.2f}/{v.support}" for k, v in sorted(
                s.per_intent.items(), key=lambda kv: kv[1].f1)[:4]))
    return "\n".join(lines)


def read_eval_like(records: list[Record]):  # type: ignore[no-untyped-def]
    from nlu_models.dataset import EvalRecord

    return [EvalRecord(r.text, r.intent, r.emergency, r.language) for r in records]


if __name__ == "__main__":
    train, valid = split()
    print(f"train {len(train)} validation {len(valid)}", flush=True)
    for spec in sys.argv[1:] or DEFAULT:
        print(run(spec, train, valid), flush=True)
