"""Build the blank spaCy pipeline for one of the compared architectures."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

import nlu_models.features  # noqa: F401  (registers the custom architecture)

INTENT_PIPE = "textcat"
EMERGENCY_PIPE = "emergency"
EMERGENCY_LABEL = "EMERGENCY"
LENGTH = 2**15  # hashed feature rows: 2**15 x 18 labels x 4 bytes = 2.4 MB
CHAR_MIN = 2
NORM = True  # 1/sqrt(n) feature values: +2 points on the internal validation split
IDF = False
BLOCKS = True  # words and character n-grams weigh the same: best on the internal validation split
SIGNALS = True  # stated impact as features: +1.7 points on the internal validation split


def _bow(exclusive: bool) -> dict[str, Any]:
    return {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": exclusive,
            "ngram_size": 2, "no_output_layer": False, "length": LENGTH}


def _charbow(exclusive: bool) -> dict[str, Any]:
    return {"@architectures": "nlu_models.CharNgramBOW.v1", "exclusive_classes": exclusive,
            "char_min": CHAR_MIN, "char_max": 5, "bigrams": True, "length": LENGTH, "norm": NORM,
            "signals": SIGNALS, "idf": IDF, "blocks": BLOCKS}


def _ensemble(exclusive: bool) -> dict[str, Any]:
    tok2vec = {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 2500, 2500, 500],
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64,
                   "window_size": 1, "maxout_pieces": 3, "depth": 2},
    }
    return {"@architectures": "spacy.TextCatEnsemble.v2", "tok2vec": tok2vec,
            "linear_model": _bow(exclusive)}


def _cnn(exclusive: bool) -> dict[str, Any]:
    cfg = _ensemble(exclusive)
    return {"@architectures": "spacy.TextCatReduce.v1", "tok2vec": cfg["tok2vec"],
            "exclusive_classes": exclusive, "use_reduce_first": False, "use_reduce_last": False,
            "use_reduce_max": True, "use_reduce_mean": True}


ARCHITECTURES = {"bow": _bow, "charbow": _charbow, "ensemble": _ensemble, "cnn": _cnn}


def build_pipeline(lang: str = "nl", arch: str = "charbow", emergency_arch: str = "charbow") -> Language:
    """A blank `lang` pipeline with the intent and the emergency text classifiers."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("textcat", name=INTENT_PIPE, config={"model": ARCHITECTURES[arch](True)})
    nlp.add_pipe("textcat_multilabel", name=EMERGENCY_PIPE,
                 config={"model": ARCHITECTURES[emergency_arch](False)})
    return nlp
