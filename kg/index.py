"""A vector index over short texts (labels, aliases, definitions, sentences), cached on disk.

Vectors are computed in batches once and saved under ``cache_dir`` keyed by the model and a hash of
the texts, so the next start with the same graph loads them in seconds instead of re-embedding.
Search is one matrix product: at tens of thousands of rows that is well under a millisecond.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import numpy as np

from kg.embeddings import Embedder

log = logging.getLogger(__name__)


class VectorIndex:
    """Rows of (key, text) with their unit vectors; ``search`` returns the nearest keys."""

    def __init__(self, keys: list, texts: list[str], vectors: np.ndarray):
        self.keys = keys
        self.texts = texts
        self.vectors = vectors

    @classmethod
    def build(cls, keys: list, texts: list[str], embedder: Embedder, cache_dir: Path | None) -> VectorIndex:
        """Embed ``texts`` (or load their vectors from the cache) and return the index."""
        digest = hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:24]
        path = Path(cache_dir) / f"{embedder.name}-{digest}.npy" if cache_dir else None
        if path is not None and path.exists():
            try:
                vectors = np.load(path)
                if vectors.shape[0] == len(texts):
                    return cls(keys, texts, vectors)
            except (OSError, ValueError) as exc:
                log.warning("ignoring unreadable embedding cache %s: %s", path, exc)
        vectors = embedder.encode(texts)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, vectors)
            os.replace(tmp, path)  # atomic: a concurrent reader never sees half a file
        return cls(keys, texts, vectors)

    def search(self, vector: np.ndarray, k: int = 10) -> list[tuple[object, float]]:
        """Return the ``k`` keys nearest to ``vector`` with their cosine similarities, best first."""
        if not len(self.keys):
            return []
        scores = self.vectors @ vector
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.keys[i], float(scores[i])) for i in top]

    def __len__(self) -> int:
        return len(self.keys)
