"""Run the web service as users do, under a real gunicorn on loopback, for end-to-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from conftest import find_executable, free_port

#: Seconds a service may take to load its engine (the embedding model) before a test gives up.
READY_SECONDS = 180.0


def clean_env(extra: Mapping[str, str]) -> dict[str, str]:
    """Return this process's environment without KG_* settings, plus ``extra`` and offline model loading."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("KG_")}
    env.update({"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false", **extra})
    return env


def gunicorn_command(bind: str, workers: int = 1) -> list[str]:
    """Return the command that serves ``service.wsgi:app`` with gunicorn on ``bind``."""
    return [find_executable("gunicorn"), "--bind", bind, "--workers", str(workers), "--timeout", "120",
            "service.wsgi:app"]  # fmt: skip


def wait_until_ready(base: str, process: subprocess.Popen, log: Path, seconds: float = READY_SECONDS) -> None:
    """Poll ``/readyz`` until the engine has loaded (200), failing fast if the server exits."""
    deadline = time.monotonic() + seconds
    last = "no answer"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited with {process.returncode}; its log:\n{tail(log)}")
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as exc:
            last = f"{exc.code} {exc.read()[:200]!r}"
        except OSError as exc:
            last = str(exc)
        time.sleep(0.25)
    raise RuntimeError(f"the service was not ready within {seconds:.0f}s ({last}); its log:\n{tail(log)}")


@contextmanager
def running_service(
    env: Mapping[str, str], log: Path, command: Sequence[str] | None = None, port: int | None = None
) -> Iterator[str]:
    """Start the service (gunicorn, or ``command``) on a free loopback port; yield its base URL when ready.

    ``command`` may contain ``{bind}``, replaced by ``127.0.0.1:<port>``.
    """
    port = port or free_port()
    bind = f"127.0.0.1:{port}"
    argv = [part.replace("{bind}", bind) for part in command] if command else gunicorn_command(bind)
    # Output goes to a file: an unread pipe would fill up and stall the server.
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=dict(env))
    try:
        wait_until_ready(f"http://{bind}", process, log)
        yield f"http://{bind}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tail(path: Path, chars: int = 3000) -> str:
    """Return the end of a log file (or a note that there is none)."""
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"


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
