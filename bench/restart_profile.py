"""Time, step by step, what one server worker does on a restart with a warm vector cache.

Prints CPU and wall seconds of each step in one process: imports, the catalog (names, predicates,
shape; loaded from its file in CACHE_DIR when the store is unchanged since an earlier run), importing
sentence-transformers, loading the weights, and the rest of the engine (mapping the vector index, the
linker). CPU seconds are less sensitive than wall seconds to other load on the machine.

    python bench/restart_profile.py STORE_DIR CACHE_DIR
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("KG_TORCH_THREADS", "1")  # as `kg serve` sets it for its workers
_clock = [time.process_time(), time.perf_counter()]


def mark(step: str) -> None:
    """Print the CPU and wall seconds since the last mark."""
    cpu, wall = time.process_time(), time.perf_counter()
    print(f"{step:45s} cpu {cpu - _clock[0]:6.2f} s   wall {wall - _clock[1]:6.2f} s", flush=True)
    _clock[:] = [cpu, wall]


def main(store_dir: str, cache_dir: str) -> None:
    import flask  # noqa: F401
    import numpy  # noqa: F401
    import pyoxigraph  # noqa: F401
    import rdflib  # noqa: F401

    mark("import flask, rdflib, pyoxigraph, numpy")
    import kg.qa
    import service.app  # noqa: F401

    mark("import service.app, kg.qa")
    from kg.catalog import Catalog
    from kg.embeddings import SentenceTransformerEmbedder
    from kg.store import open_store

    store = open_store(store_dir, read_only=True)
    catalog = Catalog(store, cache_dir=cache_dir)
    mark("catalog (names, predicates, shape)")
    import sentence_transformers  # noqa: F401

    mark("import sentence_transformers (torch, ...)")
    embedder = SentenceTransformerEmbedder()
    embedder.encode(["warm up"])
    mark("model weights and a first encode")
    kg.qa.Catalog = lambda _store, **_options: catalog  # the catalog was timed above
    kg.qa.Engine(store, embedder=embedder, cache_dir=cache_dir)
    mark("rest of the engine (vector index, linker, ...)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
