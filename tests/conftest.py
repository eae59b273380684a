"""Share fixtures across the test modules: real components on loopback, never mocks."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


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


def wait_until_answers(url: str, process: subprocess.Popen, seconds: float = 30.0) -> None:
    """Poll ``url`` until it answers HTTP, so tests never race the server's start-up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # an HTTP error status still means the server is up
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer {url} within {seconds:.0f}s")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run a real ``oxigraph serve`` on loopback for the session; yield its base URL.

    The query endpoint is ``<base>/query`` and the update endpoint ``<base>/update``. It serves the
    union of its named graphs as the default graph, as the store expects of remote endpoints.
    """
    location = tmp_path_factory.mktemp("oxigraph-server")
    base = f"http://127.0.0.1:{free_port()}"
    command = [
        find_executable("oxigraph"),
        "serve",
        "--location",
        str(location),
        "--bind",
        base.removeprefix("http://"),
        "--union-default-graph",
    ]
    # Its output goes to a file, not a pipe: an unread pipe would fill up and stall the server.
    log_path = tmp_path_factory.mktemp("oxigraph-log") / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            wait_until_answers(f"{base}/query?query=ASK%7B%7D", process)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}; its log: {log_path.read_text(errors='replace')[-2000:]}") from exc
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
