"""Time ``kg serve`` from start to every worker ready, cold (empty vector cache) and on restarts.

Starts ``kg serve`` on a built store with 2 gunicorn workers, waits until every worker has logged
"question-answering engine ready" and ``/readyz`` answers 200, reads each worker's RSS and PSS from
``/proc`` (PSS counts pages shared between processes, such as the memory-mapped vector index, once
across them), stops the server, and starts it again with the same cache. Versions before this script
log no per-worker readiness: ``--readyz-only`` times them to the first worker's ``/readyz``. The first
run uses an empty cache directory unless ``--keep-cache`` is given. Traffic goes to 127.0.0.1 only;
every server is started here in its own session and stopped by its PID.

Example (the MetaQA store built as in bench/RESULTS.md)::

    python bench/startup_bench.py --store /tmp/sb/metaqa-store --cache-dir /tmp/sb/startup-cache --restarts 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

HOST = "127.0.0.1"
BIN = Path(sys.executable).parent
READY_LINE = "question-answering engine ready"


def worker_pids(master: int) -> list[int]:
    """Return the PIDs of the gunicorn workers: the direct children of ``master`` forked with its command line
    (not its helpers, such as multiprocessing's resource tracker)."""
    command = Path(f"/proc/{master}/cmdline").read_bytes()
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                same = Path(f"/proc/{entry}/cmdline").read_bytes() == command
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master and same:
                pids.append(int(entry))
    return sorted(pids)


def memory_kib(pid: int) -> dict[str, int]:
    """Return RSS (and its anonymous and file-backed parts) and PSS of ``pid`` in KiB."""
    out: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key = line.split(":")[0]
        if key in ("VmRSS", "RssAnon", "RssFile"):
            out[key] = int(line.split()[1])
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            out["Pss"] = int(line.split()[1])
    return out


def cpu_seconds(pid: int, children: bool = False) -> float:
    """Return the user+system CPU seconds of ``pid`` (with ``children``: plus those of its exited, reaped children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(fields[i]) for i in ((11, 12, 13, 14) if children else (11, 12)))
    return ticks / os.sysconf("SC_CLK_TCK")


def run_once(args, port: int, log: Path) -> dict:
    """Start ``kg serve``, wait for every worker, measure, stop; return the figures."""
    cmd = [str(BIN / "kg"), "serve", "--store", str(args.store), "--cache-dir", str(args.cache_dir),
           "--port", str(port), "--workers", str(args.workers)]  # fmt: skip
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    started = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        first = None
        while time.monotonic() - started < args.timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"kg serve exited with {proc.returncode}; see {log}")
            if first is None:
                try:
                    if requests.get(f"http://{HOST}:{port}/readyz", timeout=5).status_code == 200:
                        first = time.monotonic() - started
                except requests.RequestException:
                    pass
            if first is not None and (
                args.readyz_only or log.read_text(errors="replace").count(READY_LINE) >= args.workers
            ):
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"not ready after {args.timeout:.0f} s; see {log}")
        all_ready = time.monotonic() - started
        # CPU seconds spent by the server so far (master with its finished helpers, and the workers): less
        # sensitive than wall seconds to what else runs on the machine.
        master_cpu = cpu_seconds(proc.pid)
        helpers_cpu = cpu_seconds(proc.pid, children=True) - master_cpu  # builds, the catalog child
        workers_cpu = [cpu_seconds(pid) for pid in worker_pids(proc.pid)]
        cpu = master_cpu + helpers_cpu + sum(workers_cpu)
        time.sleep(1.0)  # let the workers settle (threads started, garbage collected)
        workers = {pid: memory_kib(pid) for pid in worker_pids(proc.pid)}
        master = memory_kib(proc.pid)
        lines = log.read_text(errors="replace").splitlines()
        return {"first_ready_s": round(first, 1), "all_ready_s": round(all_ready, 1), "cpu_s": round(cpu, 1),
                "cpu_split_s": {"master": round(master_cpu, 1), "helpers": round(helpers_cpu, 1),
                                "workers": [round(c, 1) for c in workers_cpu]},
                "load_after": round(os.getloadavg()[0], 2), "workers": workers, "master": master,
                "progress_lines": [line for line in lines if "indexing" in line]}  # fmt: skip
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="A store built with `kg build`.")
    parser.add_argument("--cache-dir", type=Path, required=True, help="The vector cache (emptied first).")
    parser.add_argument("--keep-cache", action="store_true", help="Do not empty the cache before the first run.")
    parser.add_argument("--restarts", type=int, default=3, help="Restarts with the cache after the first run.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--logdir", type=Path, default=Path("/tmp/kg-startup-bench"))
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    parser.add_argument(
        "--readyz-only",
        action="store_true",
        help="Stop waiting at the first 200 from /readyz (versions that do not log each worker's readiness).",
    )
    args = parser.parse_args(argv)
    args.logdir.mkdir(parents=True, exist_ok=True)
    if not args.keep_cache:
        shutil.rmtree(args.cache_dir, ignore_errors=True)
    runs = []
    for n in range(1 + args.restarts):
        label = "first start" if n == 0 and not args.keep_cache else f"restart {n}"
        load = os.getloadavg()[0]
        result = run_once(args, args.port, args.logdir / f"run{n}.log")
        result.update(label=label, load_before=round(load, 2))
        runs.append(result)
        mem = "; ".join(
            f"pid {pid}: RSS {m['VmRSS'] / 1024:.0f} MiB (file-backed {m['RssFile'] / 1024:.0f}), "
            f"PSS {m['Pss'] / 1024:.0f} MiB"
            for pid, m in result["workers"].items()
        )
        m = result["master"]
        mem += f"; master: RSS {m['VmRSS'] / 1024:.0f} MiB, PSS {m['Pss'] / 1024:.0f} MiB"
        split = result["cpu_split_s"]
        print(f"{label}: first worker ready {result['first_ready_s']} s, all {result['all_ready_s']} s, "
              f"{result['cpu_s']} CPU s (master {split['master']}, helpers {split['helpers']}, workers "
              f"{split['workers']}) (load {load:.1f} before, {result['load_after']:.1f} after); {mem}",
              flush=True)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
