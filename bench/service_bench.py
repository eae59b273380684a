"""Benchmark the HTTP service against the issue's figures, side by side on one machine in one run.

Three sections, each with a bounded duration:

1. ``/sparql`` throughput on a MetaQA 1-hop query (the starred actors of one film) with 4 concurrent
   keep-alive clients, against ``kg serve`` (2 workers) on the MetaQA store, ``oxigraph serve-read-only``
   on the same store directory (``--union-default-graph``) and ``rdflib-endpoint`` serving the same
   N-Triples file. The servers run one after the other (never two at once) and are all measured with the
   same clients: ``wrk`` (HTTP/1.1 keep-alive, a C client; rounds, median kept) on one repeated query and
   on the same 1-hop shape over 2,000 films, ``ab -k -c 4`` and the Python thread client as cross-checks.
   An empty Flask app under the same gunicorn settings gives the ceiling of any Flask endpoint here.
2. ``/api/ask`` on the compute graph (the bundled documents) with 2 workers: questions/s and p50/p95/p99
   latency with 8 concurrent clients cycling through the questions of a ``.jsonl`` file (closed loop: the
   most the server answers), then latency at a fixed 100 questions/s (open loop: requests start on a
   schedule, as independent users send them; each latency counts from the scheduled start).
3. 200 concurrent clients against ``/api/ask`` for 30 s: failed requests (non-200 or connection errors)
   and the RSS of the gunicorn master plus its workers (from ``/proc``) before and after.

Every server is started by this script in its own session and stopped by its PID at the end, also on
error or Ctrl-C. Traffic goes to 127.0.0.1 only.

Example (stores built beforehand with ``kg build``, see ``bench/RESULTS.md``)::

    python bench/service_bench.py --metaqa-nt /tmp/sb/metaqa.nt --metaqa-store /tmp/sb/metaqa-store \\
        --compute-store /tmp/sb/compute-store --cache-dir /tmp/bench-cache --json /tmp/sb/result.json
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import requests

HOST = "127.0.0.1"
ENTITY = "https://kgqa.dev/metaqa/entity/"
RELATION = "https://kgqa.dev/metaqa/relation/"
SPARQL_JSON = "application/sparql-results+json"
BIN = Path(sys.executable).parent


# -- servers -----------------------------------------------------------------------------------------------


@dataclass
class Server:
    """A server process this script started; ``stop`` ends it (and its process group) by its PID."""

    name: str
    args: list[str]
    ready_url: str
    log: Path
    env: dict[str, str] | None = None
    proc: subprocess.Popen | None = None
    startup_s: float = 0.0

    def start(self, timeout: float) -> None:
        t0 = time.monotonic()
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                self.args, stdout=out, stderr=subprocess.STDOUT, env=self.env, start_new_session=True
            )
        deadline = t0 + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self.log}")
            try:
                if requests.get(self.ready_url, timeout=5).status_code == 200:
                    self.startup_s = time.monotonic() - t0
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        pgid = self.proc.pid  # start_new_session: the group id is the process id
        try:
            os.killpg(pgid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(pgid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        except ProcessLookupError:
            pass

    def rss_kib(self) -> int:
        """RSS of the process and all its descendants, in KiB, read from /proc."""
        if self.proc is None:
            return 0
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        total, todo = 0, [self.proc.pid]
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total


def kg_server(name: str, store: Path, port: int, workers: int, cache_dir: Path, logdir: Path,
              **extra_env: str) -> Server:  # fmt: skip
    env = dict(os.environ, KG_CACHE_DIR=str(cache_dir), **extra_env)
    args = [str(BIN / "kg"), "serve", "--store", str(store), "--port", str(port), "--workers", str(workers)]
    return Server(name, args, f"http://{HOST}:{port}/readyz", logdir / f"{name}.log", env)


# -- load generation ---------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    clients: int
    seconds: float
    ok: int = 0
    failed: int = 0
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def send(self, make_request, session: requests.Session, i: int, timeout: float, since: float) -> None:
        """Send request ``i`` and record it: ok (200) with its latency from ``since`` (perf_counter), or failed."""
        try:
            resp = make_request(session, i, timeout)
            _ = resp.content
        except requests.RequestException as exc:
            with self.lock:
                self.failed += 1
                self.errors[type(exc).__name__] += 1
            return
        latency_ms = (time.perf_counter() - since) * 1000
        with self.lock:
            self.statuses[resp.status_code] += 1
            if resp.status_code == 200:
                self.ok += 1
                self.latencies_ms.append(latency_ms)
            else:
                self.failed += 1

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        data = sorted(self.latencies_ms)
        return data[min(len(data) - 1, round(p / 100 * (len(data) - 1)))]

    def summary(self) -> dict:
        return {
            "clients": self.clients,
            "seconds": round(self.seconds, 2),
            "ok": self.ok,
            "failed": self.failed,
            "per_s": round(self.rate, 1),
            "p50_ms": round(self.pct(50), 2),
            "p95_ms": round(self.pct(95), 2),
            "p99_ms": round(self.pct(99), 2),
            "max_ms": round(max(self.latencies_ms), 2) if self.latencies_ms else None,
            "mean_ms": round(statistics.fmean(self.latencies_ms), 2) if self.latencies_ms else None,
            "statuses": dict(self.statuses),
            "errors": dict(self.errors),
        }


def run_load(make_request, clients: int, seconds: float, timeout: float = 30.0) -> LoadResult:
    """Closed loop: ``clients`` threads, each with its own keep-alive ``requests.Session``, for ``seconds``.

    ``make_request(session, i)`` sends request number ``i`` of that thread and returns the response. A
    request counts as ok when it answers 200; anything else, and every exception, counts as failed.
    """
    result = LoadResult(clients, seconds)
    start_barrier = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def worker(index: int) -> None:
        session = requests.Session()
        i = index
        start_barrier.wait()
        while time.monotonic() < stop_at[0]:
            result.send(make_request, session, i, timeout, time.perf_counter())
            i += clients
        session.close()

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    t0 = time.monotonic()
    stop_at[0] = t0 + seconds
    start_barrier.wait()
    for t in threads:
        t.join(seconds + timeout + 30)
    result.seconds = time.monotonic() - t0
    return result


def run_rate(make_request, rate: float, seconds: float, senders: int = 32, timeout: float = 30.0) -> LoadResult:
    """Open loop: start request ``i`` at ``t0 + i / rate`` whatever the server's pace, for ``seconds``.

    This is how a service meets traffic (people do not wait for each other's answers), and it measures
    latency at a given rate: each latency runs from the request's scheduled start, so a request that
    waits for a free sender counts its wait too (no coordinated omission). ``senders`` threads with
    keep-alive sessions take the scheduled requests in order.
    """
    total = int(rate * seconds)
    result = LoadResult(senders, seconds)
    schedule: queue.Queue = queue.Queue()
    t0 = time.perf_counter() + 0.5
    for i in range(total):
        schedule.put((i, t0 + i / rate))

    def sender() -> None:
        session = requests.Session()
        while True:
            try:
                i, at = schedule.get_nowait()
            except queue.Empty:
                break
            delay = at - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            result.send(make_request, session, i, timeout, since=at)
        session.close()

    threads = [threading.Thread(target=sender, daemon=True) for _ in range(senders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + timeout + 30)
    result.seconds = time.perf_counter() - t0
    return result


def run_ab(url: str, clients: int, seconds: float) -> dict:
    """``ab -k -c CLIENTS -t SECONDS`` on a GET URL asking for SPARQL JSON; returns its main figures."""
    cmd = ["ab", "-k", "-q", "-c", str(clients), "-t", str(int(seconds)), "-n", "10000000"]
    cmd += ["-H", f"Accept: {SPARQL_JSON}", url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60).stdout

    def grab(label: str, cast=float):
        m = re.search(rf"^{re.escape(label)}:\s+([\d.]+)", out, re.M)
        return cast(m.group(1)) if m else None

    return {
        "per_s": grab("Requests per second"),
        "complete": grab("Complete requests", int),
        "failed": grab("Failed requests", int) or 0,
        "non_2xx": grab("Non-2xx responses", int) or 0,
        "keep_alive": grab("Keep-Alive requests", int) or 0,
        "mean_ms": grab("Time per request"),
    }


WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("KG_WRK_PATHS")) do paths[#paths + 1] = line end
local i = 0
function init(args) i = math.random(#paths) end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = "{accept}"})
end
"""


def run_wrk(base: str, queries: list[str], clients: int, seconds: float, workdir: Path) -> dict:
    """``wrk`` (HTTP/1.1 keep-alive, a C client) cycling through ``queries`` as GET requests to ``base``."""
    paths = workdir / f"wrk-paths-{len(queries)}.txt"
    prefix = base.split("://", 1)[1].split("/", 1)[1] if base.count("/") > 2 else ""
    paths.write_text("".join(f"/{prefix}?{urlencode({'query': q})}\n" for q in queries))
    script = workdir / "wrk.lua"
    script.write_text(WRK_SCRIPT.replace("{accept}", SPARQL_JSON))
    host = "/".join(base.split("/")[:3])
    cmd = ["wrk", "-t", str(min(2, clients)), "-c", str(clients), "-d", f"{int(seconds)}s", "--latency",
           "-s", str(script), host]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60,
                         env={**os.environ, "KG_WRK_PATHS": str(paths)}).stdout  # fmt: skip

    def grab(pattern: str, cast=float):
        m = re.search(pattern, out, re.M)
        return cast(m.group(1)) if m else None

    def ms(pattern: str):
        m = re.search(pattern + r"\s+([\d.]+)(us|ms|s)\b", out, re.M)
        if not m:
            return None
        return round(float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)], 3)

    return {
        "per_s": grab(r"^Requests/sec:\s+([\d.]+)"),
        "non_2xx": grab(r"Non-2xx or 3xx responses:\s+(\d+)", int) or 0,
        "socket_errors": out.count("Socket errors"),
        "p50_ms": ms(r"^\s+50%"),
        "p99_ms": ms(r"^\s+99%"),
        "queries": len(queries),
    }


def wrk_rounds(base: str, queries: list[str], args, logdir: Path) -> dict:
    """``run_wrk`` ``args.rounds`` times: the machine is shared, so the median rate, every round kept."""
    rounds = [run_wrk(base, queries, args.sparql_clients, args.sparql_seconds, logdir) for _ in range(args.rounds)]
    rates = sorted(r["per_s"] or 0.0 for r in rounds)
    return {**rounds[0], "per_s": rates[len(rates) // 2], "rounds_per_s": [r["per_s"] for r in rounds]}


def load_avg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# -- sections ----------------------------------------------------------------------------------------------


def one_hop_subjects(nt: Path, predicate: str, limit: int) -> list[str]:
    """Return up to ``limit`` distinct subjects of ``predicate`` in an N-Triples file, in file order."""
    seen: dict[str, None] = {}
    needle = f"<{predicate}>"
    with nt.open(encoding="utf-8") as fh:
        for line in fh:
            if needle in line:
                seen.setdefault(line.split(" ", 1)[0][1:-1], None)
                if len(seen) >= limit:
                    break
    return list(seen)


def sparql_section(args, logdir: Path, servers: list[Server]) -> dict:
    film_iri = ENTITY + quote(args.film, safe="")
    query = f"SELECT ?x WHERE {{ <{film_iri}> <{RELATION}starred_actors> ?x }}"
    use_ab = not args.no_ab and shutil.which("ab") is not None
    use_wrk = shutil.which("wrk") is not None
    # The same query shape over many films: what clients send, and what a cache of one query cannot serve.
    mix = [
        f"SELECT ?x WHERE {{ <{film}> <{RELATION}starred_actors> ?x }}"
        for film in one_hop_subjects(args.metaqa_nt, f"{RELATION}starred_actors", args.mix_size)
    ]
    targets = [
        (
            "kg serve",
            kg_server("kg-metaqa", args.metaqa_store, args.port, args.workers, args.cache_dir, logdir),
            f"http://{HOST}:{args.port}/sparql",
        ),
        (
            "oxigraph",
            Server(
                "oxigraph",
                [
                    args.oxigraph,
                    "serve-read-only",
                    "--location",
                    str(args.metaqa_store),
                    "--bind",
                    f"{HOST}:{args.port + 1}",
                    "--union-default-graph",
                ],
                f"http://{HOST}:{args.port + 1}/query?" + urlencode({"query": "ASK {}"}),
                logdir / "oxigraph.log",
            ),
            f"http://{HOST}:{args.port + 1}/query",
        ),
    ]
    if not args.skip_rdflib:
        targets.append(
            (
                "rdflib-endpoint",
                Server(
                    "rdflib-endpoint",
                    [args.rdflib_endpoint, "serve", str(args.metaqa_nt), "--host", HOST, "--port", str(args.port + 2)],
                    f"http://{HOST}:{args.port + 2}/?" + urlencode({"query": "ASK {}"}),
                    logdir / "rdflib-endpoint.log",
                ),
                f"http://{HOST}:{args.port + 2}/",
            )
        )
    rows: dict[str, dict] = {}
    for label, server, endpoint in targets:
        servers.append(server)
        row: dict = {"endpoint": endpoint}
        try:
            server.start(args.startup_timeout)
            row["startup_s"] = round(server.startup_s, 1)
            check = requests.get(endpoint, params={"query": query}, headers={"Accept": SPARQL_JSON}, timeout=60)
            check.raise_for_status()
            row["rows"] = len(check.json()["results"]["bindings"])
            url = endpoint + "?" + urlencode({"query": query})

            def send(session, _i, timeout, url=url):
                return session.get(url, headers={"Accept": SPARQL_JSON}, timeout=timeout)

            run_load(send, args.sparql_clients, min(2.0, args.sparql_seconds))  # warm-up, not counted
            row["load_before"] = load_avg()
            py = run_load(send, args.sparql_clients, args.sparql_seconds)
            row["python"] = py.summary()
            if use_ab:
                row["ab"] = run_ab(url, args.sparql_clients, args.sparql_seconds)
            if use_wrk:
                row["wrk_same"] = wrk_rounds(endpoint, [query], args, logdir)
                row["wrk_mix"] = wrk_rounds(endpoint, mix, args, logdir)
            row["load_after"] = load_avg()
        except Exception as exc:  # a failed server is reported, the others still run
            row["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            server.stop()
        rows[label] = row
        print(f"  sparql {label}: {json.dumps(row)}", file=sys.stderr, flush=True)

    ceiling = None
    if use_wrk:  # what an empty Flask app serves under the same gunicorn settings: the stack's own limit
        port = args.port + 4
        server = Server("empty-flask", [str(BIN / "gunicorn"), "--chdir", str(Path(__file__).parent), "--bind",
                        f"{HOST}:{port}", "--workers", str(args.workers), "--worker-class", "gthread", "--threads",
                        "4", "--keep-alive", "75", "empty_app:app"], f"http://{HOST}:{port}/",
                        logdir / "empty-flask.log")  # fmt: skip
        servers.append(server)
        try:
            server.start(args.startup_timeout)
            ceiling = wrk_rounds(f"http://{HOST}:{port}/", ["ASK {}"], args, logdir)
        except Exception as exc:
            ceiling = {"error": f"{type(exc).__name__}: {exc}"}
        finally:
            server.stop()
        print(f"  empty flask: {json.dumps(ceiling)}", file=sys.stderr, flush=True)

    def rate(label: str, method: str) -> float | None:
        return (rows.get(label, {}).get(method) or {}).get("per_s")

    ratios = {}
    for method in ("ab", "python", "wrk_same", "wrk_mix"):
        ours = rate("kg serve", method)
        for other in ("oxigraph", "rdflib-endpoint"):
            theirs = rate(other, method)
            if ours and theirs:
                ratios[f"{method}: kg/{other}"] = round(ours / theirs, 3)
    return {
        "query": query,
        "clients": args.sparql_clients,
        "seconds": args.sparql_seconds,
        "servers": rows,
        "ratios": ratios,
        "empty_flask_ceiling": ceiling,
        "primary_method": "ab" if use_ab else "python",
        "mix_size": len(mix),
    }


def ask_sections(args, logdir: Path, servers: list[Server]) -> tuple[dict, dict]:
    questions = [json.loads(line)["q"] for line in args.questions.read_text().splitlines() if line.strip()]
    # --ask-unique: every question is computed afresh, as if no two users asked the same thing.
    extra = {"KG_QUESTION_VECTORS": "0"} if args.ask_unique else {}
    server = kg_server("kg-compute", args.compute_store, args.port + 3, args.workers, args.cache_dir, logdir, **extra)
    servers.append(server)
    url = f"http://{HOST}:{args.port + 3}/api/ask"

    def send(session, i, timeout):
        return session.post(url, json={"question": questions[i % len(questions)]}, timeout=timeout)

    try:
        server.start(args.startup_timeout)
        first = requests.post(url, json={"question": questions[0]}, timeout=60)
        first.raise_for_status()
        run_load(send, args.ask_clients, min(3.0, args.ask_seconds))  # warm-up, not counted
        rss_start = server.rss_kib()
        load_before = load_avg()
        ask = run_load(send, args.ask_clients, args.ask_seconds)
        ask_row = {"questions": len(questions), "load_before": load_before, "load_after": load_avg(), **ask.summary()}
        print(f"  ask: {json.dumps(ask_row)}", file=sys.stderr, flush=True)
        load_before = load_avg()
        paced = run_rate(send, args.ask_rate, args.ask_seconds)
        ask_row["paced"] = {"rate": args.ask_rate, "load_before": load_before, "load_after": load_avg(),
                            **paced.summary()}  # fmt: skip
        print(f"  ask at {args.ask_rate}/s: {json.dumps(ask_row['paced'])}", file=sys.stderr, flush=True)

        rss_before = server.rss_kib()
        load_before = load_avg()
        peak = [rss_before]
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(1.0):
                peak[0] = max(peak[0], server.rss_kib())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        soak = run_load(send, args.soak_clients, args.soak_seconds, timeout=args.soak_timeout)
        stop.set()
        sampler.join(5)
        time.sleep(1.0)
        rss_after = server.rss_kib()
        alive = requests.get(f"http://{HOST}:{args.port + 3}/readyz", timeout=10).status_code
        soak_row = {
            **soak.summary(),
            "rss_after_start_kib": rss_start,
            "rss_before_kib": rss_before,
            "rss_peak_kib": peak[0],
            "rss_after_kib": rss_after,
            "rss_growth_pct": round(100 * (rss_after - rss_before) / rss_before, 2) if rss_before else None,
            "readyz_after": alive,
            "load_before": load_before,
            "load_after": load_avg(),
        }
        print(f"  soak: {json.dumps(soak_row)}", file=sys.stderr, flush=True)
        return ask_row, soak_row
    finally:
        server.stop()


# -- report ------------------------------------------------------------------------------------------------


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("MET" if ok else "NOT MET")


def render(report: dict) -> str:
    lines = [f"load average at start: {report['load_start']}, at end: {report['load_end']}, cpus: {os.cpu_count()}"]
    sp = report.get("sparql")
    if sp:
        lines += ["", f"/sparql, {sp['clients']} clients x {sp['seconds']} s: {sp['query']}", ""]
        lines.append(
            f"{'server':<18}{'rows':>6}{'ab req/s':>12}{'ab fail':>9}{'py req/s':>12}{'py p50 ms':>11}"
            f"{'py p95 ms':>11}{'py fail':>9}"
        )
        for label, row in sp["servers"].items():
            if "error" in row:
                lines.append(f"{label:<18}ERROR {row['error']}")
                continue
            ab, py = row.get("ab") or {}, row["python"]
            ab_fail = (ab.get("failed", 0) + ab.get("non_2xx", 0)) if ab else "-"
            lines.append(
                f"{label:<18}{row['rows']:>6}{ab.get('per_s') or '-':>12}{ab_fail:>9}{py['per_s']:>12}"
                f"{py['p50_ms']:>11}{py['p95_ms']:>11}{py['failed']:>9}"
            )
        if any("wrk_mix" in row for row in sp["servers"].values()):
            lines += ["", f"wrk (HTTP/1.1 keep-alive), median of rounds: the same query / {sp.get('mix_size')} "
                      "films' 1-hop queries cycled:"]  # fmt: skip
            for label, row in sp["servers"].items():
                same, mix = row.get("wrk_same") or {}, row.get("wrk_mix") or {}
                lines.append(
                    f"{label:<18} same {same.get('per_s')} req/s {same.get('rounds_per_s')} (non-2xx "
                    f"{same.get('non_2xx')}), mix {mix.get('per_s')} req/s {mix.get('rounds_per_s')} (non-2xx "
                    f"{mix.get('non_2xx')})"
                )
        ceiling = sp.get("empty_flask_ceiling") or {}
        if ceiling.get("per_s"):
            lines.append(
                f"{'empty Flask app':<18} {ceiling['per_s']} req/s {ceiling['rounds_per_s']} (the same gunicorn "
                "settings: the most any Flask endpoint can serve here)"
            )
        for key, value in sp["ratios"].items():
            lines.append(f"  ratio {key} = {value}")
    ask = report.get("ask")
    if ask:
        lines += [
            "",
            f"/api/ask, {ask['clients']} clients x {ask['seconds']} s over {ask['questions']} questions:",
            f"  {ask['per_s']} q/s, p50 {ask['p50_ms']} ms, p95 {ask['p95_ms']} ms, p99 {ask['p99_ms']} ms, "
            f"ok {ask['ok']}, failed {ask['failed']}",
        ]
        paced = ask.get("paced")
        if paced:
            lines.append(
                f"  open loop at {paced['rate']} q/s: {paced['per_s']} q/s answered, p50 {paced['p50_ms']} ms, "
                f"p95 {paced['p95_ms']} ms, p99 {paced['p99_ms']} ms, ok {paced['ok']}, failed {paced['failed']}"
            )
    soak = report.get("soak")
    if soak:
        lines += [
            "",
            f"/api/ask soak, {soak['clients']} clients x {soak['seconds']} s:",
            f"  ok {soak['ok']}, failed {soak['failed']} (statuses {soak['statuses']}, errors {soak['errors']}),"
            f" {soak['per_s']} q/s, p50 {soak['p50_ms']} ms, p95 {soak['p95_ms']} ms",
            f"  RSS master+workers: before {soak['rss_before_kib'] / 1024:.1f} MiB, peak "
            f"{soak['rss_peak_kib'] / 1024:.1f} MiB, after {soak['rss_after_kib'] / 1024:.1f} MiB "
            f"(growth {soak['rss_growth_pct']} %)",
        ]
    lines += ["", "targets:"]
    for name, ok in report["targets"].items():
        lines.append(f"  {verdict(ok):<8} {name}")
    return "\n".join(lines)


def targets(report: dict) -> dict:
    out: dict[str, bool | None] = {}
    sp = report.get("sparql")
    if sp:
        for method in dict.fromkeys([sp["primary_method"], "wrk_same", "wrk_mix"]):
            ox = sp["ratios"].get(f"{method}: kg/oxigraph")
            rd = sp["ratios"].get(f"{method}: kg/rdflib-endpoint")
            if ox is None and rd is None:
                continue
            out[f"/sparql >= 0.4x oxigraph ({method})"] = None if ox is None else ox >= 0.4
            out[f"/sparql >= 4x rdflib-endpoint ({method})"] = None if rd is None else rd >= 4
    ask = report.get("ask")
    if ask:
        out["/api/ask >= 100 q/s (closed loop)"] = ask["per_s"] >= 100
        paced = ask.get("paced")
        if paced:
            rate = paced["rate"]
            out[f"/api/ask p95 < 50 ms at {rate:g} q/s (open loop)"] = paced["p95_ms"] < 50 and paced["failed"] == 0
    soak = report.get("soak")
    if soak:
        out["soak: 0 failed requests"] = soak["failed"] == 0
        out["soak: RSS growth < 10 %"] = soak["rss_growth_pct"] is not None and soak["rss_growth_pct"] < 10
    return out


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--metaqa-nt", type=Path, required=True, help="MetaQA as N-Triples (bench/metaqa_to_rdf.py)")
    p.add_argument("--metaqa-store", type=Path, required=True, help="store built by kg build --no-docs --rdf NT")
    p.add_argument("--compute-store", type=Path, required=True, help="store built by kg build (bundled docs)")
    p.add_argument(
        "--questions",
        type=Path,
        default=Path("/work/shared/qa/compute_dev.jsonl"),
        help="jsonl with a 'q' field per line (default: %(default)s)",
    )
    p.add_argument("--cache-dir", type=Path, default=root / "var" / "cache", help="KG_CACHE_DIR for kg serve")
    p.add_argument("--film", default="Kismet", help="film whose starred_actors the 1-hop query asks for")
    p.add_argument("--port", type=int, default=18200, help="first of four consecutive ports (default %(default)s)")
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers for kg serve (default %(default)s)")
    p.add_argument("--sparql-clients", type=int, default=4)
    p.add_argument("--sparql-seconds", type=float, default=10.0)
    p.add_argument("--rounds", type=int, default=3, help="wrk rounds per server and query mix (median kept)")
    p.add_argument("--mix-size", type=int, default=2000, help="films in the varied 1-hop query mix (wrk)")
    p.add_argument("--ask-clients", type=int, default=8)
    p.add_argument("--ask-seconds", type=float, default=20.0)
    p.add_argument("--ask-unique", action="store_true",
                   help="serve with KG_QUESTION_VECTORS=0: no question's vector is kept for a repeat")  # fmt: skip
    p.add_argument("--ask-rate", type=float, default=100.0, help="questions/s of the open-loop phase (p95 figure)")
    p.add_argument("--soak-clients", type=int, default=200)
    p.add_argument("--soak-seconds", type=float, default=30.0)
    p.add_argument("--soak-timeout", type=float, default=30.0, help="per-request client timeout in the soak")
    p.add_argument("--startup-timeout", type=float, default=600.0, help="seconds to wait for each server")
    p.add_argument("--oxigraph", default=str(BIN / "oxigraph"), help="oxigraph CLI")
    p.add_argument("--rdflib-endpoint", default=str(BIN / "rdflib-endpoint"), help="rdflib-endpoint CLI")
    p.add_argument("--skip-rdflib", action="store_true", help="do not run rdflib-endpoint")
    p.add_argument("--skip-sparql", action="store_true", help="skip section 1")
    p.add_argument("--skip-ask", action="store_true", help="skip sections 2 and 3")
    p.add_argument("--no-ab", action="store_true", help="measure /sparql with the Python client only")
    p.add_argument("--logdir", type=Path, help="where server logs go (default: a temporary directory)")
    p.add_argument("--json", type=Path, help="also write the full results as JSON here")
    args = p.parse_args(argv)
    for name in ("sparql_seconds", "ask_seconds", "soak_seconds"):
        if not 0 < getattr(args, name) <= 600:
            p.error(f"--{name.replace('_', '-')} must be in (0, 600]")

    logdir = args.logdir or Path(tempfile.mkdtemp(prefix="service-bench-"))
    logdir.mkdir(parents=True, exist_ok=True)
    servers: list[Server] = []
    report: dict = {
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "load_start": load_avg(),
        "cpus": os.cpu_count(),
        "logdir": str(logdir),
    }
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        if not args.skip_sparql:
            report["sparql"] = sparql_section(args, logdir, servers)
        if not args.skip_ask:
            report["ask"], report["soak"] = ask_sections(args, logdir, servers)
    finally:
        for server in servers:
            server.stop()
    report["load_end"] = load_avg()
    report["targets"] = targets(report)
    print(render(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
