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

from nlu_models.impact import read_signals, services_named

WORD_RE = re.compile(r"[^\W_]+|[#!?]", re.UNICODE)
CACHE_KEY = "nlu_features"
NORM_SCALE = 8.0  # normalised values near 1 for a typical message, so the learning rate still fits
IDF_ROWS = 2**18  # 1 MB of float32; collisions only blur the weight of rare features


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


def text_keys(text: str, settings: tuple[int, ...], idf: numpy.ndarray | None = None
              ) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Distinct hashed feature keys and their values: presence, IDF-weighted, L2-normalised.

    Presence, not counts: a pasted log or "xxxxxxxx..." cannot pile up one
    feature into a confident wrong answer. IDF lowers what every message has
    ("ik", "mijn", "<de"); normalising keeps a long rambling message from
    scoring more confidently than a short clear one.
    """
    char_min, char_max, bigrams = settings[:3]
    norm = bool(settings[3]) if len(settings) > 3 else False
    signals = bool(settings[4]) if len(settings) > 4 else False
    blocks = bool(settings[5]) if len(settings) > 5 else False
    words = WORD_RE.findall(text.lower())
    hashed = [_word_hashes(w, char_min, char_max) for w in words]
    word_part = [h[:1] for h in hashed]
    char_part = [h[1:] for h in hashed]
    if bigrams:
        grams = ["b" + a + " " + b for a, b in zip(["<s>"] + words, words + ["</s>"])]
        word_part.append(numpy.fromiter(map(hash_string, grams), dtype="uint64", count=len(grams)))
    if not words:
        word_part = [numpy.asarray([hash_string("<empty>")], dtype="uint64")]
    if signals:
        word_part.append(numpy.fromiter(map(hash_string, signal_features(text)), dtype="uint64"))
    if not blocks:
        return _weighted(numpy.unique(numpy.concatenate(word_part + char_part)), idf, norm, 1.0)
    # Words and character n-grams weigh the same in total, as two TF-IDF blocks would.
    wk, wv = _weighted(numpy.unique(numpy.concatenate(word_part)), idf, norm, 0.5 ** 0.5)
    if not char_part or not sum(len(c) for c in char_part):
        return wk, wv
    ck, cv = _weighted(numpy.unique(numpy.concatenate(char_part)), idf, norm, 0.5 ** 0.5)
    return numpy.concatenate([wk, ck]), numpy.concatenate([wv, cv])


def _weighted(keys: numpy.ndarray, idf: numpy.ndarray | None, norm: bool, share: float
              ) -> tuple[numpy.ndarray, numpy.ndarray]:
    vals = idf[keys % numpy.uint64(len(idf))] if idf is not None else numpy.ones(len(keys), dtype="float32")
    if norm:
        vals = vals * (share * NORM_SCALE / float(numpy.sqrt(numpy.dot(vals, vals))))
    return keys, vals.astype("float32", copy=False)


def document_frequencies(texts: list[str], settings: tuple[int, ...], rows: int = IDF_ROWS) -> numpy.ndarray:
    """Smoothed IDF per hashed feature row, from the training messages."""
    df = numpy.zeros(rows, dtype="float64")
    for text in texts:
        keys, _ = text_keys(text, settings)
        df[numpy.unique(keys % numpy.uint64(rows))] += 1
    return (numpy.log((1 + len(texts)) / (1 + df)) + 1).astype("float32")


def idf_of(model: Model) -> numpy.ndarray | None:
    """The IDF table of a CharNgramBOW model, when it was trained with one."""
    feats = model.layers[0]
    return feats.get_param("idf") if feats.has_param("idf") else None


def set_idf(model: Model, texts: list[str]) -> None:
    """Fit the IDF table of a CharNgramBOW model that asks for one (attrs["idf"])."""
    feats = model.layers[0]
    if feats.attrs.get("idf"):
        feats.set_param("idf", document_frequencies(texts, settings_of(model)))


def doc_keys(doc: Doc, settings: tuple[int, ...], idf: numpy.ndarray | None = None
             ) -> tuple[numpy.ndarray, numpy.ndarray]:
    """text_keys of a doc, cached on the doc so both classifiers share them."""
    cache: dict[tuple[int, ...], Any] = doc.user_data.setdefault(CACHE_KEY, {})
    if settings not in cache:
        cache[settings] = text_keys(doc.text, settings, idf)
    return cache[settings]


def signal_features(text: str) -> list[str]:
    """The stated impact as features: "iemand zit in mijn mailbox" reads as a security stake."""
    found = read_signals(text)
    feats = [f"\u00a7aff={found.affected}", f"\u00a7stake={found.stake}", f"\u00a7urgent={found.urgent}",
             f"\u00a7critical={found.critical}"]
    services = min(services_named(text), 2)
    if services:  # only when named: a message without words must not lean on what it lacks
        feats += [f"\u00a7services={services}", f"\u00a7services={services}&critical={found.critical}"]
    return feats


def settings_of(model: Model) -> tuple[int, int, bool, bool, bool, bool]:
    feats = model.layers[0]
    return (feats.attrs["char_min"], feats.attrs["char_max"], feats.attrs["bigrams"],
            feats.attrs.get("norm", False), feats.attrs.get("signals", False), feats.attrs.get("blocks", False))


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
                model.attrs.get("norm", False), model.attrs.get("signals", False),
                model.attrs.get("blocks", False))
    idf = model.get_param("idf") if model.has_param("idf") else None
    pairs = [doc_keys(doc, settings, idf) for doc in docs]
    keys = numpy.concatenate([k for k, _ in pairs]) if pairs else numpy.zeros(0, "uint64")
    vals = numpy.concatenate([v for _, v in pairs]) if pairs else numpy.zeros(0, "float32")
    lengths = numpy.asarray([len(k) for k, _ in pairs], dtype="int32")
    return (keys, vals, lengths), lambda d_out: []


@registry.layers("nlu_models.char_ngram_features.v1")
def char_ngram_features(char_min: int = 3, char_max: int = 5, bigrams: bool = True,
                        norm: bool = False, signals: bool = False, idf: bool = False,
                        blocks: bool = False) -> Model:
    """Layer mapping docs to (keys, values, lengths) like spaCy's extract_ngrams."""
    attrs = {"char_min": char_min, "char_max": char_max, "bigrams": bigrams, "norm": norm,
             "signals": signals, "idf": idf, "blocks": blocks}
    return Model("char_ngram_features", _forward, attrs=attrs, params={"idf": None})


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
    idf: bool = False,
    blocks: bool = False,
) -> Model:
    """Sparse linear text classifier over word and character n-gram hashes."""
    linear = SparseLinear_v2(nO=nO, length=length)
    output = softmax_activation() if exclusive_classes else Logistic()
    model = chain(char_ngram_features(char_min, char_max, bigrams, norm, signals, idf, blocks), linear, output)
    model.set_ref("output_layer", linear)
    model.attrs["multi_label"] = not exclusive_classes
    return model
