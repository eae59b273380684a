#!/usr/bin/env python3
"""Ask the development questions in a given order over the served development graph; print each reply.

    python scripts/order_probe.py --order forward --out /tmp/a.json
    python scripts/order_probe.py --order reverse --out /tmp/b.json
    python scripts/order_probe.py --order shuffle --seed 3 --out /tmp/c.json
    python scripts/order_probe.py --only "Some question?" --out /tmp/d.json
    python scripts/order_probe.py --compare /tmp/a.json /tmp/b.json

An answer must not depend on the questions asked before it in the same engine: this asks the same
questions in different orders (each run a fresh process) so the replies can be compared question by
question. The graph is the one ``bench/calibration.py --as-served --graph notes`` builds (held-out notes
and questions left out), with the engine's own lines.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def dev_questions() -> list[tuple[str, str]]:
    """Return (set, question) for every development question, in the calibration's order."""
    from bench.calibration import SHARED, note_sets
    from kg.evaluate import load_questions

    found = [("compute_dev", q["q"]) for q in load_questions(SHARED / "qa" / "compute_dev.jsonl")]
    for path in note_sets(held_out=False):
        found += [(path.stem, q["q"]) for q in load_questions(path)]
    return found


def reply_of(engine, question: str) -> dict:
    """Return what the service would show of the answer: its kind, answers and confidence."""
    from kg.answer import QuestionError

    try:
        answer = engine.ask(question)
    except QuestionError as exc:
        return {"kind": "error", "answers": [], "confidence": 0.0, "text": exc.message}
    reply = answer.to_dict()
    return {
        "kind": reply.get("kind", ""),
        "answers": [str(a.get("label", a.get("value"))) for a in reply.get("answers") or []],
        "confidence": reply.get("confidence"),
        "text": reply.get("answer", ""),
    }


def compare(paths: list[Path]) -> int:
    """Print the questions whose replies differ between runs; return how many."""
    runs = [json.loads(p.read_text()) for p in paths]
    base = runs[0]
    differ = 0
    for key, first in base.items():
        others = [run.get(key) for run in runs[1:]]
        if any(o is not None and o != first for o in others):
            differ += 1
            print(f"* {key}")
            for path, reply in zip(paths, [first, *others], strict=True):
                if reply is not None:
                    print(f"    {path.name}: {reply['kind']} {reply['confidence']} {reply['answers'][:2]}")
    print(f"{differ} of {len(base)} differ")
    return differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--order", choices=["forward", "reverse", "shuffle"], default="forward")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", action="append", help="ask only this question (repeatable)")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/s15o-cache"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.compare:
        compare(args.compare)
        return 0

    from bench.calibration import notes_engine

    items = dev_questions()
    if args.only:
        items = [i for i in items if i[1] in args.only]
    if args.order == "reverse":
        items.reverse()
    elif args.order == "shuffle":
        random.Random(args.seed).shuffle(items)
    engine = notes_engine(False, args.cache_dir, None)
    out = {}
    for set_name, question in items:
        out[f"{set_name}: {question}"] = reply_of(engine, question)
    if args.out:
        args.out.write_text(json.dumps(out, indent=0))
    print(f"{len(out)} questions asked", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
