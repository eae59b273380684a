"""The query worker processes: one process handle (:class:`_Worker`) and the pool that hands them out.

pyoxigraph cannot be interrupted, so an embedded store is queried in worker processes: on the deadline
the worker is killed, which really stops the work, and a fresh one takes its place. A memory store's
workers are forked; a directory store's are fresh interpreters that load :mod:`kg.sparql.evaluation` alone.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import select
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.sharing import directory_fingerprint as _directory_fingerprint
from kg.sparql import evaluation
from kg.sparql.evaluation import _worker_main
from kg.sparql.operations import QueryTimeout, SparqlError

if TYPE_CHECKING:
    from kg.store import KGStore

#: Seconds a query worker may take to start (import pyoxigraph, open the store) under a loaded machine.
_START_SECONDS = 60.0


class _Worker:
    """One query worker process and the pipe to it."""

    def __init__(self, source: ox.Store | str, generation: int, prefixes: tuple[tuple[str, str], ...]):
        self.generation = generation
        if isinstance(source, ox.Store):
            # A memory store exists only in this process: fork, and the child reads a copy-on-write snapshot.
            context = multiprocessing.get_context("fork")
            self.conn, child = context.Pipe()
            process = context.Process(target=_worker_main, args=(child, source, prefixes), daemon=True)
            process.start()
            child.close()
            self.pid, self._process, self._popen = process.pid, process, None
        else:
            self._spawn(source, prefixes)
        self._poller = select.poll()  # one poller per worker: multiprocessing's wait() costs ~30 µs a call
        self._poller.register(self.conn.fileno(), select.POLLIN)
        try:
            answered = self.wait(_START_SECONDS)
            status, message, _ = self.conn.recv() if answered else ("error", "no answer in time", None)
        except (EOFError, OSError) as exc:
            status, message = "error", f"it exited ({exc or 'no reason given'})"
        if status != "ready":
            self.stop()
            raise SparqlError("store_error", f"a query worker failed to start: {message}")

    def _spawn(self, source: str, prefixes: tuple[tuple[str, str], ...]) -> None:
        # A directory store is opened read-only by a fresh interpreter. Not multiprocessing's "spawn",
        # which would re-run the caller's __main__ (a script without a main guard would start over).
        parent, child = socket.socketpair()
        self._popen = subprocess.Popen(
            [sys.executable, "-c", _BOOTSTRAP, str(child.fileno()), source, json.dumps(prefixes), evaluation.__file__],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.pid, self._process = self._popen.pid, None

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the worker's answer; tell whether one (or the worker's end) came."""
        return bool(self._poller.poll(max(0, int(seconds * 1000))))

    def alive(self) -> bool:
        """Tell whether the process still runs."""
        return self._popen.poll() is None if self._popen else self._process.is_alive()

    def stop(self) -> None:
        """Kill the process at once (a runaway query in it stops with it) and reap it."""
        if self._popen is not None:
            self._popen.kill()
            self._popen.wait(timeout=5)
        else:
            self._process.kill()
            self._process.join(timeout=5)
        self.conn.close()


# The worker loads kg/sparql/evaluation.py alone, not the kg package (whose __init__ pulls in rdflib and
# numpy: half a second more per start); that module needs only the standard library and pyoxigraph.
_BOOTSTRAP = (
    "import importlib.util, json, sys; from multiprocessing.connection import Connection; "
    "spec = importlib.util.spec_from_file_location('kg_sparql_worker', sys.argv[4]); "
    "module = sys.modules['kg_sparql_worker'] = importlib.util.module_from_spec(spec); "
    "spec.loader.exec_module(module); "
    "module._worker_main(Connection(int(sys.argv[1])), sys.argv[2], json.loads(sys.argv[3]))"
)


class _WorkerPool:
    """Keep up to ``size`` worker processes; hand one out per query, replace the ones that overran."""

    def __init__(self, store: KGStore, size: int, prefixes: tuple[tuple[str, str], ...], refresh_interval: float = 1.0):
        self.prefixes = prefixes
        self.memory = store.location is None
        self.source: ox.Store | str = store.ox if self.memory else str(store.location)
        #: The store's write generation where processes share its directory (checked before each query).
        self.shared = store.shared
        self.token = store.shared.generation() if store.shared is not None else None
        self.size = max(1, size)
        self.refresh_interval = refresh_interval
        self.generation = 0
        self.idle: list[_Worker] = []
        self.busy = 0
        self.pid = os.getpid()
        self.cond = threading.Condition()
        self.fingerprint: tuple = ()
        self.checked = 0.0

    def acquire(self, deadline: float) -> _Worker:
        """Return an idle worker of the current generation, starting one if the pool has room."""
        with self.cond:
            self._check_fork_and_changes()
            while True:
                while self.idle:
                    worker = self.idle.pop()
                    if worker.generation == self.generation and worker.alive():
                        self.busy += 1
                        return worker
                    worker.stop()
                if self.busy < self.size:
                    self.busy += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self.cond.wait(remaining):
                    raise QueryTimeout("timeout", "every query worker stayed busy until the deadline")
        try:
            return _Worker(self.source, self.generation, self.prefixes)
        except BaseException:
            with self.cond:
                self.busy -= 1
                self.cond.notify()
            raise

    def release(self, worker: _Worker, healthy: bool) -> None:
        """Take ``worker`` back, or stop it when it overran, failed or the data changed since it started."""
        with self.cond:
            self.busy -= 1
            if healthy and worker.generation == self.generation and os.getpid() == self.pid:
                self.idle.append(worker)
                worker = None
            self.cond.notify()
        if worker is not None:
            worker.stop()

    def invalidate(self) -> None:
        """Make every worker start afresh so the next queries see the store's latest state."""
        with self.cond:
            self.generation += 1
            stale, self.idle = self.idle, []
        for worker in stale:
            worker.stop()

    def close(self) -> None:
        """Stop every idle worker (busy ones are stopped as they come back)."""
        self.invalidate()

    def current_generation(self) -> int:
        """Return the data generation, first noticing writes made by other processes."""
        with self.cond:
            self._check_fork_and_changes()
            return self.generation

    def pids(self) -> list[int]:
        """Return the process ids of the idle workers (for tests and diagnostics)."""
        with self.cond:
            return [w.pid for w in self.idle]

    def _check_fork_and_changes(self) -> None:
        if os.getpid() != self.pid:  # we are a forked copy (e.g. gunicorn --preload): the pipes are not ours
            self.pid, self.idle, self.busy = os.getpid(), [], 0
        if self.memory:
            return
        if self.shared is not None:  # exact and cheap: a write by any process is seen by the next query
            token = self.shared.generation()
            if token != self.token:
                self.generation += 1
                self.token = token
            return  # the token also changes when a rebuild swaps the directory, so no polling
        now = time.monotonic()
        if now - self.checked < self.refresh_interval:
            return
        self.checked = now
        fingerprint = _directory_fingerprint(str(self.source))
        if fingerprint != self.fingerprint:
            if self.fingerprint:
                self.generation += 1
            self.fingerprint = fingerprint
