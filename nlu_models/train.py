"""Train the shipped pipeline: `python -m nlu_models.train` (deterministic, seconds).

Trains the intent and emergency classifiers on data/train.jsonl, picks the
emergency threshold on out-of-fold predictions of the training data (recall
first, then precision), and writes the pipeline to nlu_models/model/.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from pathlib import Path

from spacy.language import Language
from spacy.util import fix_random_seed, minibatch
from thinc.api import Adam

from nlu_models.converged import fit_textcat
from nlu_models.dataset import TRAIN_PATH, Record, read_records, to_examples
from nlu_models.features import is_char_ngram_bow, set_idf
from nlu_models.labels import INTENTS
from nlu_models.pipeline import EMERGENCY_LABEL, EMERGENCY_PIPE, INTENT_PIPE, build_pipeline
from nlu_models.thresholds import choose_temperature, choose_thresholds, describe, out_of_fold, write_oof_errors

MODEL_DIR = Path(__file__).resolve().parent / "model"
SEED = 7
EPOCHS = 12
BATCH = 32
DROPOUT = 0.1
LANG = "nl"
ARCH = "charbow"

BALANCE = False
AVERAGE = False  # use the running average of the weights (thinc Adam use_averages)
LEARN_RATE = 0.001
L2 = 0.01
FIT = "sgd"  # "sgd": EPOCHS of minibatch Adam; "lbfgs": the converged regularised optimum (nlu_models.converged)
C = 10.0  # inverse regularisation strength of the "lbfgs" fit, as scikit-learn's C

log = logging.getLogger("nlu_models.train")


def balanced(pairs: list, intents: list[str]) -> list:  # type: ignore[type-arg]
    """Repeat the examples of small intents (up to sqrt of the imbalance) so the biggest,
    e-mail, stops being where every unsure message lands."""
    counts = {i: intents.count(i) for i in set(intents)}
    top = max(counts.values())
    out = []
    for pair, intent in zip(pairs, intents, strict=True):
        out += [pair] * max(1, round((top / counts[intent]) ** 0.5))
    return out


def train_pipeline(records: list[Record], lang: str = LANG, arch: str = ARCH,
                   epochs: int = EPOCHS) -> Language:
    """A trained pipeline; the same records and arguments give the same weights."""
    fix_random_seed(SEED)
    nlp = build_pipeline(lang, arch, arch if arch in ("bow", "charbow") else "charbow")
    pairs = to_examples(nlp, records)
    intent, emergency = nlp.get_pipe(INTENT_PIPE), nlp.get_pipe(EMERGENCY_PIPE)
    intent.initialize(lambda: [p[0] for p in pairs], nlp=nlp, labels=list(INTENTS))
    emergency.initialize(lambda: [p[1] for p in pairs], nlp=nlp, labels=[EMERGENCY_LABEL])
    texts = [p[0].reference.text for p in pairs]
    for pipe in (intent, emergency):
        if is_char_ngram_bow(pipe.model):
            set_idf(pipe.model, texts)
    if FIT == "lbfgs":
        for pipe, column, exclusive in ((intent, 0, True), (emergency, 1, False)):
            used = fit_textcat(pipe, [p[column] for p in pairs], C, exclusive)
            log.info("%s converged in %d L-BFGS iterations", pipe.name, used)
        return nlp
    optimizer = Adam(learn_rate=LEARN_RATE, L2=L2, use_averages=AVERAGE, grad_clip=1.0,
                     L2_is_weight_decay=True)
    rng = random.Random(SEED)
    pairs = balanced(pairs, [r.intent for r in records]) if BALANCE else pairs
    for epoch in range(epochs):
        rng.shuffle(pairs)
        losses: dict[str, float] = {}
        for batch in minibatch(pairs, size=BATCH):
            intent.update([p[0] for p in batch], drop=DROPOUT, sgd=optimizer, losses=losses)
            emergency.update([p[1] for p in batch], drop=DROPOUT, sgd=optimizer, losses=losses)
        log.info("epoch %d losses %s", epoch, {k: round(v, 3) for k, v in losses.items()})
    if optimizer.averages:
        keep_averages(nlp, optimizer.averages)
    return nlp


def keep_averages(nlp: Language, averages: dict) -> None:
    """Replace every trained weight by its running average over the updates, for good."""
    for _, pipe in nlp.pipeline:
        for node in pipe.model.walk():  # type: ignore[attr-defined]
            for name in node.param_names:
                key = (node.id, name)
                if key in averages:
                    node.set_param(name, averages[key].copy())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--oof-errors", type=Path, default=None,
                        help="write the out-of-fold mistakes on the training data here (for data work)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    start = time.perf_counter()
    records = read_records(TRAIN_PATH)
    preds = out_of_fold(records, lambda recs: train_pipeline(recs))
    if args.oof_errors:
        write_oof_errors(args.oof_errors, records, preds)
    temperature = choose_temperature(records, preds)
    thresholds = choose_thresholds(records, preds)
    log.info("out-of-fold: %s", describe(records, preds, thresholds, temperature))
    nlp = train_pipeline(records)
    nlp.meta["name"] = "o365_support_nlu"
    nlp.meta["version"] = "2.0.0"
    nlp.meta["nlu"] = {"emergency_threshold": thresholds.model, "stated_threshold": thresholds.stated,
                       "single_threshold": thresholds.single,
                       "temperature": temperature, "arch": ARCH, "seed": SEED}
    nlp.to_disk(args.out)
    log.info("saved to %s (emergency thresholds %s, temperature %.2f) in %.1fs", args.out,
             thresholds, temperature, time.perf_counter() - start)


if __name__ == "__main__":
    main()
