#!/usr/bin/env python3
"""Print the question-answering figures: accuracy per question set, warm latency, cold start.

    python bench/qa_bench.py                       # compute dev set + MetaQA dev samples
    python bench/qa_bench.py --metaqa-split test --limit 1000   # the held-out MetaQA test split

The engine runs in this process (no HTTP), once per graph: the compute graph built from the bundled
documents, and MetaQA converted with bench/metaqa_to_rdf.py beside the bundled ontology. "Cold start"
is building the engine over an opened store with the vector cache warm (the second start).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def engine_over(graphs, cache_dir: Path):
    """Open an in-memory store with ``graphs`` and return (engine, seconds to build it warm)."""
    from kg.qa import Engine
    from kg.store import open_store

    store = open_store(None)
    store.replace_graphs(graphs.items())
    Engine(store, cache_dir=cache_dir)  # first start: fills the vector cache
    start = time.perf_counter()
    engine = Engine(store, cache_dir=cache_dir)
    return engine, time.perf_counter() - start


def run(engine, path: Path, limit: int) -> dict:
    from kg.evaluate import evaluate, load_questions

    def ask(question: str) -> dict:
        return engine.ask(question).to_dict()

    items = load_questions(path, limit)
    evaluate(ask, items[:3])  # warm up: first queries pay for lazy initialisation
    return evaluate(ask, items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--metaqa-split",
        choices=["dev", "test"],
        default="dev",
        help="dev: the 100-question samples of shared/metaqa; test: the official test split",
    )
    parser.add_argument("--limit", type=int, default=0, help="an evenly spaced sample of this many per set")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / "var" / "cache")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from kg.build import collect

    results = {}
    engine, cold = engine_over(collect(None, []).graphs, args.cache_dir)
    results["compute_dev"] = run(engine, SHARED / "qa" / "compute_dev.jsonl", args.limit)
    results["compute_dev"]["cold_start_s"] = round(cold, 2)

    with tempfile.TemporaryDirectory() as tmp:
        kb = Path(tmp) / "metaqa.nt"
        subprocess.run([sys.executable, str(ROOT / "bench" / "metaqa_to_rdf.py"), str(SHARED / "metaqa" / "kb.txt"),
                        str(kb)], check=True, capture_output=True)  # fmt: skip
        engine, cold = engine_over(collect([], [kb]).graphs, args.cache_dir)
    for hops in (1, 2, 3):
        if args.metaqa_split == "dev":
            path = SHARED / "metaqa" / f"dev_{hops}hop_sample.txt"
        else:
            path = SHARED / "benchmarks" / "metaqa" / f"{hops}-hop" / "vanilla" / "qa_test.txt"
        name = f"metaqa_{args.metaqa_split}_{hops}hop"
        results[name] = run(engine, path, args.limit)
        results[name]["cold_start_s"] = round(cold, 2)
    # The 1-hop questions re-worded by back-translation ("NTM"): the same facts in words nobody templated.
    ntm = SHARED / "benchmarks" / "metaqa" / "1-hop" / "ntm" / f"qa_{args.metaqa_split}.txt"
    results[f"metaqa_{args.metaqa_split}_ntm_1hop"] = run(engine, ntm, args.limit or 300)
    results[f"metaqa_{args.metaqa_split}_ntm_1hop"]["cold_start_s"] = round(cold, 2)

    if args.json:
        print(json.dumps({k: {x: y for x, y in v.items() if x != "misses"} for k, v in results.items()}))
        return 0
    print(f"{'set':24s} {'accuracy':>9s} {'n':>6s} {'wrong':>6s} {'p50 ms':>8s} {'p95 ms':>8s} {'cold s':>7s}")
    for name, r in results.items():
        wrong = sum(1 for m in r["misses"] if m["got"])  # answered, and not right
        print(f"{name:24s} {r['accuracy']:9.1%} {r['total']:6d} {wrong:6d} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
              f"{r['cold_start_s']:7.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
