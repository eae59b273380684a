"""Start real servers for the tests, on loopback, as users run them: one way to do each step.

Pick a free port (:func:`free_port`), build a clean environment (:func:`clean_env`), start a process with
its output in a log file and stop it however the test ends (:func:`running`), and wait until a URL answers
(:func:`wait_until_answers`, :func:`wait_until_ready`), failing with the log's tail if the process exits
first. On these stand the servers the tests use: Oxigraph, the service under gunicorn, the live service the
API and page tests share, and a listener that only counts connections. The pytest fixtures are in
``conftest.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

from kg.build import build

#: Seconds a service may take to load its engine (the embedding model) before a test gives up.
READY_SECONDS = 180.0
#: gunicorn workers of the live service: more than one, so the tests see per-process state (readiness, metrics)
#: summed.
LIVE_WORKERS = 2
#: Seconds the live service's workers may take to load the engine (two model loads share two cores).
LIVE_READY_SECONDS = 240.0


# -- the steps ------------------------------------------------------------------------------------------
def free_port() -> int:
    """Return a TCP port that is free on loopback right now (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_executable(name: str) -> str:
    """Find ``name`` beside the running Python first (the virtualenv), then on ``PATH``."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} is not installed (pip install {name})")
    return found


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return this process's environment without KG_* settings, plus ``extra`` and offline model loading."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("KG_")}
    env.update({"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false", **(extra or {})})
    return env


def gunicorn_command(bind: str, workers: int = 1, *options: str) -> list[str]:
    """Return the command that serves ``service.wsgi:app`` with gunicorn on ``bind``, with extra ``options``."""
    return [find_executable("gunicorn"), "--bind", bind, "--workers", str(workers), *options, "--timeout", "120",
            "service.wsgi:app"]  # fmt: skip


def tail(path: Path, chars: int = 3000) -> str:
    """Return the end of a log file (or a note that there is none)."""
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"


@dataclass
class ServerProcess:
    """A process started by :func:`running`, its output going to ``log``."""

    process: subprocess.Popen
    log: Path

    def check_running(self) -> None:
        """Fail, with the log's tail, if the process has exited."""
        if self.process.poll() is not None:
            name = Path(self.process.args[0]).name
            raise RuntimeError(f"{name} exited with {self.process.returncode}; its log:\n{tail(self.log)}")

    def stop(self, seconds: float = 30.0) -> None:
        """Terminate the process, and kill it if it has not exited within ``seconds``."""
        self.process.terminate()
        try:
            self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def running(command: Sequence[str], log: Path, env: Mapping[str, str] | None = None) -> Iterator[ServerProcess]:
    """Start ``command`` with its output in ``log``; stop it on leaving, however the block ends."""
    # Output goes to a file, not a pipe: an unread pipe would fill up and stall the server.
    with log.open("wb") as out:
        popen = subprocess.Popen(
            list(command), stdout=out, stderr=subprocess.STDOUT, env=None if env is None else dict(env)
        )
    server = ServerProcess(popen, log)
    try:
        yield server
    finally:
        server.stop()


def wait_until_answers(
    url: str,
    server: ServerProcess,
    seconds: float = 30.0,
    until: Callable[[requests.Response], bool] | None = None,
) -> None:
    """Poll ``url`` until it answers HTTP, so tests never race a server's start-up.

    Any status counts as an answer (an error status still means the server is up) unless ``until`` is
    given: then the wait goes on until it accepts an answer. Fails with the log's tail if the process exits
    first or ``seconds`` pass.
    """
    deadline = time.monotonic() + seconds
    last = "no answer"
    while True:
        server.check_running()
        try:
            # Streamed: only the headers are read unless ``until`` reads the body.
            with requests.get(url, timeout=10, stream=True) as response:
                if until is None or until(response):
                    return
                last = f"{response.status_code} {response.text[:200]!r}"
        except requests.RequestException as exc:
            last = str(exc)
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer in time ({seconds:.0f}s; {last}); the log:\n{tail(server.log)}")
        time.sleep(0.1)


def wait_until_ready(
    base: str,
    server: ServerProcess,
    workers: int = 1,
    seconds: float = READY_SECONDS,
    failed_grace: float | None = None,
) -> None:
    """Wait until ``workers`` gunicorn workers have loaded their engines (``/readyz`` answers 200).

    Each worker loads its own engine and ``/readyz`` names the pid of the one that answered, so the pids are
    collected until every worker has said it is ready. With ``failed_grace``, a store the engine cannot load
    from is no reason to wait: the wait ends that many seconds after a worker first says its engine failed.
    """
    ready: set[int] = set()
    failed_at: list[float] = []

    def every_worker_is_ready(response: requests.Response) -> bool:
        if response.status_code == 200:
            ready.add(response.json()["pid"])
        elif failed_grace is not None and not failed_at and "failed" in response.text:
            failed_at.append(time.monotonic())
        if failed_grace is not None and failed_at and time.monotonic() - failed_at[0] >= failed_grace:
            return True
        return len(ready) >= workers

    wait_until_answers(f"{base}/readyz", server, seconds, until=every_worker_is_ready)


# -- the servers ----------------------------------------------------------------------------------------
@contextmanager
def running_oxigraph(location: Path, log: Path) -> Iterator[str]:
    """Run a real ``oxigraph serve`` over ``location`` on loopback; yield its base URL once it answers.

    The query endpoint is ``<base>/query`` and the update endpoint ``<base>/update``. It serves the
    union of its named graphs as the default graph, as the store expects of remote endpoints.
    """
    bind = f"127.0.0.1:{free_port()}"
    command = [find_executable("oxigraph"), "serve", "--location", str(location), "--bind", bind,
               "--union-default-graph"]  # fmt: skip
    with running(command, log) as server:
        wait_until_answers(f"http://{bind}/query?query=ASK%7B%7D", server)
        yield f"http://{bind}"


@contextmanager
def running_service(env: Mapping[str, str], log: Path, command: Sequence[str] | None = None) -> Iterator[str]:
    """Start the service (gunicorn, or ``command``) on a free loopback port; yield its base URL when ready.

    ``command`` may contain ``{bind}``, replaced by ``127.0.0.1:<port>``.
    """
    bind = f"127.0.0.1:{free_port()}"
    argv = [part.replace("{bind}", bind) for part in command] if command else gunicorn_command(bind)
    with running(argv, log, env) as server:
        wait_until_ready(f"http://{bind}", server)
        yield f"http://{bind}"


@contextmanager
def running_kg_serve(store: Path, log: Path, env: Mapping[str, str], *options: str, workers: int = 2) -> Iterator[str]:
    """Run ``kg serve`` over ``store`` on a free loopback port, as a user starts it (its default worker count
    unless ``options`` say otherwise); yield its base URL once ``workers`` workers have loaded their engines."""
    port = free_port()
    command = [find_executable("kg"), "serve", "--host", "127.0.0.1", "--port", str(port), "--store", str(store),
               "--cache-dir", str(log.parent / "vectors"), *options]  # fmt: skip
    with running(command, log, env) as server:
        wait_until_ready(f"http://127.0.0.1:{port}", server, workers, LIVE_READY_SECONDS)
        yield f"http://127.0.0.1:{port}"


@dataclass
class LiveService:
    """A running service: its base URL, its process and log, and answers it gave before it was ready."""

    base: str
    server: ServerProcess
    early: dict[str, requests.Response] = field(default_factory=dict)

    @property
    def log(self) -> Path:
        """The file the service logs to."""
        return self.server.log

    def url(self, path: str) -> str:
        """Return the absolute URL of ``path``."""
        return self.base + path


@contextmanager
def running_live_service(root: Path) -> Iterator[LiveService]:
    """Run the service under gunicorn with :data:`LIVE_WORKERS` workers, over a store built in ``root`` from the
    bundled documents; yield it once every worker has loaded its engine.

    It asks a few questions before the engine has loaded and keeps the answers in ``early``.
    """
    store = root / "store"
    build(None, [], store_path=store)
    metrics_dir = root / "metrics"
    metrics_dir.mkdir()
    env = clean_env(
        {
            "KG_STORE": str(store),
            "KG_QUERY_TIMEOUT": "5",
            "KG_QUERY_WORKERS": "1",
            "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),  # /metrics sums the workers' counters
        }
    )
    bind = f"127.0.0.1:{free_port()}"
    with running(gunicorn_command(bind, LIVE_WORKERS), root / "service.log", env) as server:
        service = LiveService(f"http://{bind}", server)
        wait_until_answers(service.url("/healthz"), server, 60, until=lambda response: response.status_code == 200)
        # The engine takes seconds to load, so these answer before it has: the tests check the 503s.
        service.early["readyz"] = requests.get(service.url("/readyz"), timeout=10)
        service.early["ask"] = requests.post(service.url("/api/ask"), json={"question": "What is EC2?"}, timeout=10)
        service.early["healthz"] = requests.get(service.url("/healthz"), timeout=10)
        wait_until_ready(service.base, server, LIVE_WORKERS, LIVE_READY_SECONDS)
        yield service


class Listener:
    """A loopback TCP socket counting the connections made to it (it hangs up on each at once).

    A SPARQL ``SERVICE`` or ``LOAD`` aimed at its URL that leaves ``connections`` at 0 proves no outbound
    request was made.
    """

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def wait_for_connection(self, seconds: float = 3.0) -> bool:
        """Wait up to ``seconds`` for a first connection; return whether one came."""
        deadline = time.monotonic() + seconds
        while not self.connections and time.monotonic() < deadline:
            time.sleep(0.02)
        return bool(self.connections)

    def close(self) -> None:
        """Stop listening."""
        self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


@contextmanager
def no_traceback_logged(log: Path) -> Iterator[None]:
    """Fail if ``log`` gains a traceback (a server's unhandled error) while the block runs.

    Only what the block added is read, so the check belongs to the test that wraps its requests in it,
    whichever order the tests run in.
    """
    start = log.stat().st_size
    yield
    with log.open("rb") as written:
        written.seek(start)
        added = written.read().decode(errors="replace")
    assert "Traceback" not in added, f"the server logged an unhandled error:\n{added[-3000:]}"


# -- talking to them ------------------------------------------------------------------------------------
def post_json(url: str, payload: object, timeout: float = 60) -> tuple[int, dict]:
    """POST ``payload`` as JSON; return the status and the decoded JSON body (errors included)."""
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)
