"""Measure how answers hold up when a question's words are misspelt, with and without kg/spelling.py.

    python bench/typos.py [--cache-dir DIR] [--seed 7] [--json OUT]

Every development-set question (the compute dev set and bench/sets, held-out sets left out) is asked
as written, then with one content word misspelt by one random edit (a letter dropped, doubled,
replaced by its neighbour on the keyboard, or two letters swapped): a word of four letters or more
that is not a closed-class word, chosen at random with a fixed seed. The misspelt question is asked
twice, through the engine as served (its speller on) and with the speller off. Reported per run:
how many misspelt questions got the same verdict as the question spelt right (right stays right,
abstention stays abstention), how many right answers were lost, and how many answers turned wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.calibration import note_sets, notes_engine, run_set  # noqa: E402
from bench.score_sets import load_scorer  # noqa: E402

KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def neighbour(letter: str, rng: random.Random) -> str:
    """Return a letter next to ``letter`` on a QWERTY keyboard's row."""
    for row in KEYBOARD:
        at = row.find(letter)
        if at >= 0:
            return row[max(0, at - 1)] if at and (at == len(row) - 1 or rng.random() < 0.5) else row[at + 1]
    return letter


def misspell(word: str, rng: random.Random) -> str:
    """Return ``word`` with one random edit inside it (never its first letter)."""
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "double", "neighbour", "swap"])
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    if kind == "neighbour":
        return word[:at] + neighbour(word[at], rng) + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def typed(question: str, rng: random.Random, closed: frozenset[str]) -> str | None:
    """Return ``question`` with one content word misspelt, or None when it has none to misspell."""
    words = [m for m in re.finditer(r"[a-z]{4,}", question) if m.group(0) not in closed]
    if not words:
        return None
    m = rng.choice(words)
    return question[: m.start()] + misspell(m.group(0), rng) + question[m.end() :]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/kg-typos-cache"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--score-py", type=Path, default=ROOT.parent / "shared" / "qa" / "score.py")
    args = parser.parse_args(argv)
    from kg.spelling import CLOSED_CLASS

    scorer = load_scorer(args.score_py)
    engine = notes_engine(False, args.cache_dir, None)
    rng = random.Random(args.seed)
    items = []
    shared = ROOT.parent / "shared" / "qa" / "compute_dev.jsonl"
    files = [shared, *note_sets(False)] if shared.exists() else note_sets(False)
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                spelt = typed(item["q"], rng, CLOSED_CLASS)
                if spelt is not None:
                    items.append({**item, "typed": spelt, "set": path.stem})
    clean = run_set(engine, scorer, "spelt right", "notes", items).outcomes
    misspelt = [{**i, "q": i["typed"]} for i in items]
    served = run_set(engine, scorer, "misspelt", "notes", misspelt).outcomes
    speller = engine.speller
    engine.speller.correct = lambda text: text  # the same engine, its speller off: no word read as another,
    engine.speller.unread = lambda text: []  # and none left unread
    try:
        bare = run_set(engine, scorer, "misspelt, no speller", "notes", misspelt).outcomes
    finally:
        del speller.correct, speller.unread  # the instance attributes go; the class's methods show again

    def verdict(o) -> str:
        return "abstain" if o.confidence is None else ("right" if o.right else "wrong")

    report = {}
    print(f"{len(items)} questions, one word misspelt in each (seed {args.seed})")
    print(f"{'run':24} {'right':>6} {'wrong':>6} {'same verdict':>13} {'right lost':>11} {'turned wrong':>13}")
    base = [verdict(o) for o in clean]
    print(f"{'spelt right':24} {base.count('right'):6} {base.count('wrong'):6}")
    for name, outcomes in (("misspelt, speller on", served), ("misspelt, speller off", bare)):
        got = [verdict(o) for o in outcomes]
        same = sum(a == b for a, b in zip(base, got, strict=True))
        lost = sum(a == "right" and b != "right" for a, b in zip(base, got, strict=True))
        turned = sum(a != "wrong" and b == "wrong" for a, b in zip(base, got, strict=True))
        print(f"{name:24} {got.count('right'):6} {got.count('wrong'):6} {same:13} {lost:11} {turned:13}")
        report[name] = {"right": got.count("right"), "wrong": got.count("wrong"), "same": same, "lost": lost,
                        "turned_wrong": turned}  # fmt: skip
    if args.json:
        rows = [
            {"set": i["set"], "question": i["q"], "typed": i["typed"], "clean": verdict(a), "speller": verdict(b),
             "bare": verdict(c), "got": b.got}
            for i, a, b, c in zip(items, clean, served, bare, strict=True)
        ]  # fmt: skip
        args.json.write_text(json.dumps({"summary": report, "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
