"""Load the question-answering engine once per process and say when it is ready.

Building the engine loads the embedding model and the graph's names (seconds), so by default it happens
in a background thread: the server answers ``/healthz``, ``/sparql`` and the pages at once, and
``/readyz`` and ``/api/ask`` answer 503 ``not_ready`` until the engine is there. ``ENGINE_LOAD="eager"``
builds it before :func:`start_engine` returns instead (tests, or a server that preloads before forking).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

from kg.api import KnowledgeGraph

log = logging.getLogger("kg.engine")
if not log.handlers and not logging.getLogger().handlers:
    # A server's log should say when each process can answer (and how long it took): nobody else
    # configures logging in a gunicorn worker, where Python would drop INFO lines.
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("[%(asctime)s] [%(process)d] [%(levelname)s] %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False

#: How the engine is loaded: in a background thread, or before the app is returned.
LOAD_MODES = ("background", "eager")


class Readiness:
    """Tell whether the engine of a graph has loaded, is still loading, or failed (and why).

    A background load runs in a thread of the process that started it; a process forked before it
    finished (a server that imports the app before forking workers) starts its own load on first use.
    """

    def __init__(self, graph: KnowledgeGraph, mode: str = "background") -> None:
        if mode not in LOAD_MODES:
            raise ValueError(f"ENGINE_LOAD must be one of {', '.join(LOAD_MODES)}, not {mode!r}")
        self.graph = graph
        self.mode = mode
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._pid: int | None = None
        #: One line saying why loading failed; ``None`` while loading or once loaded.
        self.error: str | None = None
        #: Seconds the engine took to load, once it has.
        self.seconds: float | None = None

    def start(self) -> Readiness:
        """Start loading (in a thread, or now for ``eager``) unless this process already has; return self."""
        with self._lock:
            if self._event.is_set() or self._pid == os.getpid():
                return self
            self._pid = os.getpid()
        if self.mode == "eager":
            self._load()
        else:
            threading.Thread(target=self._load, name="kg-engine-load", daemon=True).start()
        return self

    def is_ready(self) -> bool:
        """Return True once questions can be answered (starting the load in a freshly forked process)."""
        if self._event.is_set():
            return True
        if self._pid != os.getpid():
            self.start()
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the engine is ready (or ``timeout`` passes); return whether it is."""
        self.is_ready()
        return self._event.wait(timeout)

    def status(self) -> str:
        """Return ``ready``, ``loading`` or ``failed``."""
        if self.is_ready():
            return "ready"
        return "failed" if self.error else "loading"

    def _load(self) -> None:
        """Build the engine and record the outcome; log, never raise (a thread has nobody to raise to)."""
        start = time.perf_counter()
        try:
            _ = self.graph.engine
        except Exception as exc:  # the server keeps serving SPARQL; /readyz reports the failure
            log.exception("the question-answering engine failed to load")
            self.error = " ".join(f"{type(exc).__name__}: {exc}".split())
            return
        self.seconds = time.perf_counter() - start
        self._event.set()
        log.info("question-answering engine ready in %.1f s", self.seconds)


def start_engine(graph: KnowledgeGraph, mode: str = "background") -> Readiness:
    """Start building the engine of ``graph`` (``background`` or ``eager``); return its readiness."""
    return Readiness(graph, mode).start()
