"""Run one real service, gunicorn with two workers on loopback, shared by the API and page tests.

Both test modules take it through their ``service`` fixture; the first starts it, the last to finish
stops it, so the embedding model loads once per test run however the modules are selected.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from conftest import find_executable, free_port

from kg.build import build

#: gunicorn workers: more than one, so the tests see per-process state (readiness, metrics) summed.
WORKERS = 2
#: Seconds the workers may take to load the engine (two model loads share two cores).
READY_SECONDS = 240.0


@dataclass
class LiveService:
    """A running service: its base URL, its log file, and answers it gave before it was ready."""

    base: str
    log: Path
    process: subprocess.Popen
    early: dict[str, requests.Response] = field(default_factory=dict)

    def url(self, path: str) -> str:
        """Return the absolute URL of ``path``."""
        return self.base + path


_shared: LiveService | None = None
_users = 0


def service_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveService]:
    """Yield the shared service, starting it on first use and stopping it after its last user."""
    global _shared, _users
    if _shared is None:
        _shared = _start(tmp_path_factory)
    _users += 1
    try:
        yield _shared
    finally:
        _users -= 1
        if _users == 0:
            _stop(_shared)
            _shared = None


def _start(tmp_path_factory: pytest.TempPathFactory) -> LiveService:
    root = tmp_path_factory.mktemp("live-service")
    store = root / "store"
    build(None, [], store_path=store)
    metrics_dir = root / "metrics"
    metrics_dir.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("KG_")}
    env.update(
        {
            "KG_STORE": str(store),
            "KG_QUERY_TIMEOUT": "5",
            "KG_QUERY_WORKERS": "1",
            "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),  # /metrics sums the workers' counters
            "HF_HUB_OFFLINE": "1",
            "TOKENIZERS_PARALLELISM": "false",
        }
    )
    bind = f"127.0.0.1:{free_port()}"
    command = [find_executable("gunicorn"), "--bind", bind, "--workers", str(WORKERS), "--timeout", "120",
               "service.wsgi:app"]  # fmt: skip
    log = root / "service.log"
    # Output goes to a file: an unread pipe would fill up and stall the server.
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    service = LiveService(f"http://{bind}", log, process)
    try:
        _wait_alive(service)
        # The engine takes seconds to load, so these answer before it has: the tests check the 503s.
        service.early["readyz"] = requests.get(service.url("/readyz"), timeout=10)
        service.early["ask"] = requests.post(service.url("/api/ask"), json={"question": "What is EC2?"}, timeout=10)
        service.early["healthz"] = requests.get(service.url("/healthz"), timeout=10)
        _wait_ready(service)
    except BaseException:
        _stop(service)
        raise
    return service


def _wait_alive(service: LiveService, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _check_running(service)
        try:
            if requests.get(service.url("/healthz"), timeout=1).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.05)
    raise RuntimeError(f"the service did not answer /healthz within {seconds:.0f}s:\n{_tail(service.log)}")


def _wait_ready(service: LiveService) -> None:
    """Wait until every worker says it is ready (each loads its own engine; /readyz names its pid)."""
    deadline = time.monotonic() + READY_SECONDS
    ready: set[int] = set()
    while len(ready) < WORKERS:
        _check_running(service)
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {len(ready)} of {WORKERS} workers were ready in time:\n{_tail(service.log)}")
        response = requests.get(service.url("/readyz"), timeout=10)
        if response.status_code == 200:
            ready.add(response.json()["pid"])
        else:
            time.sleep(0.2)


def _check_running(service: LiveService) -> None:
    if service.process.poll() is not None:
        raise RuntimeError(f"the service exited with {service.process.returncode}:\n{_tail(service.log)}")


def _stop(service: LiveService) -> None:
    service.process.terminate()
    try:
        service.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        service.process.kill()
        service.process.wait()


def _tail(path: Path, chars: int = 4000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"
