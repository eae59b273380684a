"""Start-up: the vector index is built once per machine and mapped by every process; the CLI loads
nothing it does not need and keeps third-party progress bars out of its output.

Processes run for real (the ``kg`` command, ``python -c`` with the real embedding model); what a process
imported or embedded is read from the process itself, never inferred from timings.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import requests
from servers import LIVE_READY_SECONDS, clean_env, find_executable, free_port, running, wait_until_ready

from kg.build import build
from kg.embeddings import SentenceTransformerEmbedder
from kg.index import VectorIndex, _locked, index_path
from kg.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
#: What third-party loaders print: tqdm bars ("Loading weights: 100%|####| 103/103 [00:00<00:00, 3821.77it/s]").
PROGRESS_BAR_MARKS = ("Loading weights", "%|", "it/s]", "Batches:")
HEAVY_MODULES = ("torch", "sentence_transformers", "transformers", "spacy")


def run_python(code: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter with this checkout first on the path."""
    env = clean_env({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)  # fmt: skip


def modules_report() -> str:
    """Code that prints, at exit, which heavy modules the process imported (as JSON, on stderr)."""
    return (
        "import atexit, json, sys\n"
        f"atexit.register(lambda: print('MODULES=' + json.dumps([m for m in {HEAVY_MODULES!r} if m in sys.modules]),"
        " file=sys.stderr))\n"
    )


def imported(stderr: str) -> list[str]:
    line = next(line for line in stderr.splitlines() if line.startswith("MODULES="))
    return json.loads(line.removeprefix("MODULES="))


@pytest.fixture(scope="module")
def bundled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("startup")
    build(None, [], store_path=root / "store")
    return root / "store"


# -- kg ask -----------------------------------------------------------------------------------------------
def test_an_empty_question_is_refused_before_anything_loads(tmp_path: Path) -> None:
    store = str(tmp_path / "none")
    result = run_python(
        modules_report() + f"from service.cli import main\nmain(['ask', ' \\t  ', '--store', {store!r}])\n"
    )
    assert result.returncode == 1
    assert "error: the question is empty" in result.stderr
    assert imported(result.stderr) == []  # no model, no parser, no torch
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_ask_answers_without_loading_the_model_or_printing_progress_bars(bundled_store: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    ask = modules_report() + (
        "from service.cli import main\n"
        f"main(['ask', sys.argv[1], '--store', {str(bundled_store)!r}, '--cache-dir', {str(cache)!r}])\n"
    )

    def kg_ask(question: str) -> subprocess.CompletedProcess:
        env = clean_env({"PYTHONPATH": str(ROOT)})
        return subprocess.run([sys.executable, "-c", ask, question], capture_output=True, text=True, env=env,
                              timeout=300, check=False)  # fmt: skip

    # First run: the vectors are computed, with our own progress lines (stderr is not a terminal).
    first = kg_ask("What does an AMI create?")
    assert first.returncode == 0, first.stderr
    assert "EC2 instance" in first.stdout
    assert "indexing entity names" in first.stderr and "done in" in first.stderr
    assert not any(mark in first.stderr for mark in PROGRESS_BAR_MARKS), first.stderr
    # From the cache, a question the graph answers by its names needs no vector: nothing heavy loads.
    again = kg_ask("What does an AMI create?")
    assert again.returncode == 0 and again.stdout == first.stdout
    assert "indexing" not in again.stderr
    assert imported(again.stderr) == []
    # A question that needs the model (the nearest concepts of an unknown one) loads it, quietly.
    unknown = kg_ask("What is the airspeed of a swallow?")
    assert unknown.returncode == 0 and unknown.stdout.startswith("I don't know")
    assert "torch" in imported(unknown.stderr)
    assert not any(mark in unknown.stderr for mark in PROGRESS_BAR_MARKS), unknown.stderr


# -- kg mcp -----------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_mcp_stderr_carries_no_progress_bars(bundled_store: Path, tmp_path: Path) -> None:
    """Drive ``kg mcp`` over stdio by hand (newline-delimited JSON-RPC) and read everything it wrote to stderr."""
    proc = subprocess.Popen(
        [find_executable("kg"), "mcp", "--store", str(bundled_store), "--cache-dir", str(tmp_path / "cache")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=clean_env({"PYTHONPATH": str(ROOT)}),
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None

    def request(number: int, method: str, params: dict) -> dict:
        proc.stdin.write(json.dumps({"jsonrpc": "2.0", "id": number, "method": method, "params": params}) + "\n")
        proc.stdin.flush()
        while True:
            message = json.loads(proc.stdout.readline())  # stdout carries only protocol messages
            if message.get("id") == number:
                return message

    try:
        init = request(1, "initialize", {"protocolVersion": "2025-03-26", "capabilities": {},
                                          "clientInfo": {"name": "test", "version": "0"}})  # fmt: skip
        assert "result" in init
        proc.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
        # An unknown question: the engine loads (model included) and embeds the question.
        reply = request(2, "tools/call", {"name": "ask", "arguments": {"question": "What is the capital of France?"}})
        assert reply["result"]["structuredContent"]["answers"] == []
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    stderr = proc.stderr.read()
    assert "indexing entity names" in stderr  # our own progress stays
    assert not any(mark in stderr for mark in PROGRESS_BAR_MARKS), stderr


# -- kg serve ---------------------------------------------------------------------------------------------
#: Loaded at start-up by every Python process of the server (first on PYTHONPATH): it records, in the file
#: CATALOG_READS names, the process (and its parent) that reads the store for the catalog.
RECORD_CATALOG_READS = """
import os
if os.environ.get("CATALOG_READS"):
    import kg.catalog

    _load = kg.catalog.Catalog._load

    def _recorded(self, store):
        with open(os.environ["CATALOG_READS"], "a") as out:
            out.write(f"{os.getpid()} {os.getppid()}\\n")
        return _load(self, store)

    kg.catalog.Catalog._load = _recorded
"""


def children(pid: int) -> set[int]:
    """Return the PIDs of the live direct children of ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def maps_torch(pid: int) -> bool:
    """Tell whether torch's library is mapped into the process ``pid``."""
    return "libtorch_cpu" in Path(f"/proc/{pid}/maps").read_text()


@pytest.mark.slow
def test_kg_serve_reads_the_catalog_and_imports_the_model_once_before_forking(
    bundled_store: Path, tmp_path: Path
) -> None:
    """The master imports torch before forking (the workers share it) and a child it spawned, not a worker,
    reads the catalog; the workers still load the model, build the index and answer."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(RECORD_CATALOG_READS)
    reads = tmp_path / "catalog-reads"
    env = clean_env({"PYTHONPATH": f"{hooks}:{ROOT}", "CATALOG_READS": str(reads)})
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [find_executable("kg"), "serve", "--port", str(port), "--store", str(bundled_store),
               "--cache-dir", str(tmp_path / "cache")]  # fmt: skip
    with running(command, tmp_path / "serve.log", env) as server:
        wait_until_ready(base, server, workers=2, seconds=LIVE_READY_SECONDS)
        master = server.process.pid
        workers = answering_pids(base, 2)
        assert workers <= children(master) and len(workers) == 2
        assert maps_torch(master), "the master imported torch before forking"
        assert all(maps_torch(pid) for pid in workers)
        answer = requests.post(f"{base}/api/ask", json={"question": "What does an AMI create?"}, timeout=60).json()
        assert [a["label"] for a in answer["answers"]] == ["EC2 instance"]
        unknown = requests.post(f"{base}/api/ask", json={"question": "What is the airspeed of a swallow?"}, timeout=60)
        assert unknown.status_code == 200 and unknown.json()["answers"] == []  # a question embedded by a worker
    readers = [line.split() for line in reads.read_text().splitlines()]
    assert len(readers) == 1, "the store is read for the catalog once"
    pid, parent = (int(n) for n in readers[0])
    assert parent == master and pid not in workers, "by a child of the master, not by a worker"
    log = (tmp_path / "serve.log").read_text()
    assert "graph catalog read and cached" in log
    assert log.count("question-answering engine ready") == 2 and "Traceback" not in log


def answering_pids(base: str, expected: int, tries: int = 200) -> set[int]:
    """Return the worker pids that answer ``/readyz``, asking until ``expected`` have answered or ``tries``
    requests went: which worker accepts a connection is the kernel's choice, and on a loaded machine one
    worker may take twenty in a row."""
    pids: set[int] = set()
    for _ in range(tries):
        pids.add(requests.get(f"{base}/readyz", timeout=10).json()["pid"])
        if len(pids) >= expected:
            break
    return pids


# -- the shared index -------------------------------------------------------------------------------------
BUILD_SCRIPT = """
import json, sys, time
from pathlib import Path
import kg.index
from kg.embeddings import SentenceTransformerEmbedder
from kg.index import VectorIndex

kg.index.CHUNK_ROWS = 40  # many small chunks, so two processes really take turns
texts = [f"film number {n} of the catalogue" for n in range(400)]
embedder = SentenceTransformerEmbedder()
embedder.load()
embedded = []
encode = embedder.encode
embedder.encode = lambda batch: (embedded.append(len(batch)), encode(batch))[1]
Path(sys.argv[2]).touch()  # loaded: ready to start
while not Path(sys.argv[3]).exists():  # start together
    time.sleep(0.01)
index = VectorIndex.build(list(range(len(texts))), texts, embedder, Path(sys.argv[1]), label="test texts")
print(json.dumps({
    "embedded": sum(embedded), "path": str(index.path), "mapped": str(getattr(index.vectors, "filename", None)),
    "writeable": index.vectors.flags.writeable, "first": index.vectors[0].tolist(), "rows": len(index.vectors),
}))
"""


def start_builder(cache: Path, ready: Path, go: Path) -> subprocess.Popen:
    env = clean_env({"PYTHONPATH": str(ROOT), "KG_TORCH_THREADS": "1"})
    return subprocess.Popen([sys.executable, "-c", BUILD_SCRIPT, str(cache), str(ready), str(go)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip


def finish(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.slow
def test_processes_building_together_embed_each_text_once_and_map_one_file(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    go = tmp_path / "go"
    procs = [start_builder(cache, tmp_path / f"ready{n}", go) for n in range(2)]
    deadline = time.monotonic() + 240
    while not all((tmp_path / f"ready{n}").exists() for n in range(2)):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs)
        time.sleep(0.05)
    go.touch()
    first, second = (finish(p) for p in procs)

    # Every text was embedded by exactly one of them (a lock per chunk), not once per process.
    assert first["embedded"] + second["embedded"] == 400
    # Both map the same file read-only, and see the same vectors.
    assert first["path"] == second["path"] == first["mapped"] == second["mapped"]
    assert Path(first["path"]).parent == cache
    assert not first["writeable"] and not second["writeable"]
    assert first["rows"] == second["rows"] == 400 and first["first"] == second["first"]
    assert sorted(p.name for p in cache.iterdir() if not p.name.endswith(".lock")) == [Path(first["path"]).name]

    # A restart reuses the file: nothing is embedded and the file is not rewritten.
    before = os.stat(first["path"])
    again = finish(start_builder(cache, tmp_path / "ready-again", go))
    assert again["embedded"] == 0 and again["path"] == first["path"]
    after = os.stat(first["path"])
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.slow
def test_a_chunk_whose_builder_died_is_embedded_by_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk locked by someone who never saves it (a process that died) is redone once the lock is free."""
    import kg.index

    monkeypatch.setattr(kg.index, "CHUNK_ROWS", 16)
    texts = [f"concept {n}" for n in range(64)]
    embedder = SentenceTransformerEmbedder()
    path = index_path(tmp_path, embedder.name, texts)
    parts = path.with_name(path.stem + ".parts")
    parts.mkdir(parents=True)
    result: dict = {}
    with _locked(parts / "0.lock", wait=True):  # another "process" holds chunk 0 (flock is per open file)
        builder = threading.Thread(
            target=lambda: result.update(index=VectorIndex.build(list(range(64)), texts, embedder, tmp_path))
        )
        builder.start()
        deadline = time.monotonic() + 240
        while len(list(parts.glob("*.npy"))) < 3:  # the other chunks get done meanwhile
            assert time.monotonic() < deadline and builder.is_alive()
            time.sleep(0.05)
        time.sleep(0.2)
        assert builder.is_alive() and "index" not in result  # waiting for chunk 0
    builder.join(timeout=120)  # the holder "died" without saving chunk 0: the builder embeds it
    index = result["index"]
    assert len(index) == 64 and index.path == path and not parts.exists()
    expected = embedder.encode(texts[:16])
    assert np.allclose(np.asarray(index.vectors[:16]), expected, atol=1e-5)


# -- progress ---------------------------------------------------------------------------------------------
def test_progress_writes_lines_to_a_log_and_a_bar_to_a_terminal(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    with open(log, "w") as stream:
        progress = Progress("indexing names", 100, stream=stream, interval=0.0)
        progress.update(50)
        progress.finish()
    lines = log.read_text().splitlines()
    assert "indexing names: 100 to do" in lines[0]
    assert "indexing names: 50/100 (50%)" in lines[1]
    assert "indexing names: 100 done in" in lines[2]
    assert "\r" not in log.read_text()

    leader, follower = os.openpty()
    with open(follower, "w") as terminal:
        progress = Progress("indexing names", 100, stream=terminal)
        progress.update(100)
        progress.finish()
    shown = ""
    # A pty hands over what was written in pieces: read until the last line is there (or nothing more comes).
    while "done in" not in shown and select.select([leader], [], [], 2.0)[0]:
        shown += os.read(leader, 4096).decode()
    os.close(leader)
    assert shown.startswith("\rindexing names: 100/100 (100%)") and "[######" in shown
    assert "indexing names: 100 done in" in shown and "to do" not in shown
