"""A tokenizer-independent bag of words and character n-grams for textcat.

Why: customers write Dutch compounds ("wachtwoordbeleid"), typos ("outlok")
and glued words; character n-grams inside word boundaries still match them,
where whole-token features miss. Registered in spaCy's registry so the
shipped pipeline can be loaded by name once this module is imported.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.ml.models.textcat import SparseLinear_v2
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Logistic, Model, chain, softmax_activation

from nlu_models.impact import read_signals

WORD_RE = re.compile(r"[^\W_]+|[#!?]", re.UNICODE)
CACHE_KEY = "nlu_features"
NORM_SCALE = 8.0  # normalised values near 1 for a typical message, so the learning rate still fits


def word_features(word: str, char_min: int, char_max: int) -> list[str]:
    """The unigram and padded character n-grams of one word."""
    padded = "<" + word + ">"
    feats = ["w" + word]
    for n in range(char_min, min(char_max, len(padded)) + 1):
        feats += [padded[i:i + n] for i in range(len(padded) - n + 1)]
    return feats


def text_features(text: str, char_min: int, char_max: int, bigrams: bool) -> list[str]:
    """Word unigrams, optional word bigrams and padded char n-grams of `text`."""
    words = WORD_RE.findall(text.lower())
    feats = [f for w in words for f in word_features(w, char_min, char_max)]
    if bigrams:
        feats += ["b" + a + " " + b for a, b in zip(["<s>"] + words, words + ["</s>"])]
    return feats


_WORD_CACHE: dict[tuple[str, int, int], numpy.ndarray] = {}
_WORD_CACHE_MAX = 100_000


def _word_hashes(word: str, char_min: int, char_max: int) -> numpy.ndarray:
    """Hashed features of one word, memoised: customers reuse the same few words."""
    key = (word, char_min, char_max)
    hashes = _WORD_CACHE.get(key)
    if hashes is None:
        if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
            _WORD_CACHE.clear()
        feats = word_features(word, char_min, char_max)
        hashes = numpy.fromiter(map(hash_string, feats), dtype="uint64", count=len(feats))
        _WORD_CACHE[key] = hashes
    return hashes


def text_keys(text: str, settings: tuple[int, int, bool] | tuple[int, int, bool, bool]
              ) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Distinct hashed feature keys, each with value 1 (or 1/sqrt(n) when normalised).

    Presence, not counts: a pasted log or "xxxxxxxx..." cannot pile up one
    feature into a confident wrong answer; normalising keeps a long rambling
    message from scoring more confidently than a short clear one.
    """
    char_min, char_max, bigrams = settings[:3]
    norm = bool(settings[3]) if len(settings) > 3 else False
    signals = bool(settings[4]) if len(settings) > 4 else False
    words = WORD_RE.findall(text.lower())
    parts = [_word_hashes(w, char_min, char_max) for w in words]
    if bigrams:
        grams = ["b" + a + " " + b for a, b in zip(["<s>"] + words, words + ["</s>"])]
        parts.append(numpy.fromiter(map(hash_string, grams), dtype="uint64", count=len(grams)))
    if not words:
        parts = [numpy.asarray([hash_string("<empty>")], dtype="uint64")]
    if signals:
        parts.append(numpy.fromiter(map(hash_string, signal_features(text)), dtype="uint64"))
    keys = numpy.unique(numpy.concatenate(parts))
    value = 1.0 / numpy.sqrt(len(keys)) * NORM_SCALE if norm else 1.0
    return keys, numpy.full(len(keys), value, dtype="float32")


def doc_keys(doc: Doc, settings: tuple[int, ...]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """text_keys of a doc, cached on the doc so both classifiers share them."""
    cache: dict[tuple[int, ...], Any] = doc.user_data.setdefault(CACHE_KEY, {})
    if settings not in cache:
        cache[settings] = text_keys(doc.text, settings)
    return cache[settings]


def signal_features(text: str) -> list[str]:
    """The stated impact as features: "iemand zit in mijn mailbox" reads as a security stake."""
    found = read_signals(text)
    return [f"\u00a7aff={found.affected}", f"\u00a7stake={found.stake}", f"\u00a7urgent={found.urgent}",
            f"\u00a7critical={found.critical}"]


def settings_of(model: Model) -> tuple[int, int, bool, bool, bool]:
    feats = model.layers[0]
    return (feats.attrs["char_min"], feats.attrs["char_max"], feats.attrs["bigrams"],
            feats.attrs.get("norm", False), feats.attrs.get("signals", False))


def linear_scores(model: Model, keys: numpy.ndarray, vals: numpy.ndarray) -> numpy.ndarray:
    """Pre-activation scores of one message, calling only the sparse linear layer.

    Why: chaining three thinc layers costs more than the maths for one short
    message; the bot classifies one message at a time.
    """
    lengths = numpy.asarray([len(keys)], dtype="int32")
    return model.get_ref("output_layer").predict((keys, vals, lengths))[0]


def is_char_ngram_bow(model: Model) -> bool:
    return bool(model.layers) and model.layers[0].name == "char_ngram_features"


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
    settings = (model.attrs["char_min"], model.attrs["char_max"], model.attrs["bigrams"],
                model.attrs.get("norm", False), model.attrs.get("signals", False))
    pairs = [doc_keys(doc, settings) for doc in docs]
    keys = numpy.concatenate([k for k, _ in pairs]) if pairs else numpy.zeros(0, "uint64")
    vals = numpy.concatenate([v for _, v in pairs]) if pairs else numpy.zeros(0, "float32")
    lengths = numpy.asarray([len(k) for k, _ in pairs], dtype="int32")
    return (keys, vals, lengths), lambda d_out: []


@registry.layers("nlu_models.char_ngram_features.v1")
def char_ngram_features(char_min: int = 3, char_max: int = 5, bigrams: bool = True,
                        norm: bool = False, signals: bool = False) -> Model:
    """Layer mapping docs to (keys, values, lengths) like spaCy's extract_ngrams."""
    attrs = {"char_min": char_min, "char_max": char_max, "bigrams": bigrams, "norm": norm,
             "signals": signals}
    return Model("char_ngram_features", _forward, attrs=attrs)


@registry.architectures("nlu_models.CharNgramBOW.v1")
def char_ngram_bow(
    exclusive_classes: bool,
    char_min: int = 3,
    char_max: int = 5,
    bigrams: bool = True,
    length: int = 262144,
    nO: int | None = None,
    norm: bool = False,
    signals: bool = False,
) -> Model:
    """Sparse linear text classifier over word and character n-gram hashes."""
    linear = SparseLinear_v2(nO=nO, length=length)
    output = softmax_activation() if exclusive_classes else Logistic()
    model = chain(char_ngram_features(char_min, char_max, bigrams, norm, signals), linear, output)
    model.set_ref("output_layer", linear)
    model.attrs["multi_label"] = not exclusive_classes
    return model
