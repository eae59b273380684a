#!/usr/bin/env python3
"""Score a running service on every question set in bench/sets/ and print one table.

    python bench/score_sets.py --url http://127.0.0.1:8765             # every set
    python bench/score_sets.py --url http://127.0.0.1:8765 --dev-only  # leave the held-out sets alone
    python bench/score_sets.py --url http://127.0.0.1:8765 --held-out-only  # the held-out sets alone
    python bench/score_sets.py --check                                 # check the sets only, ask nothing

Starts nothing: the service must already be serving the notes the sets ask about (see
bench/sets/README.md for the command). Each question is asked and judged exactly as
``shared/qa/score.py`` asks and judges (its own ``ask`` and ``judge`` are imported), so a figure here
is the figure score.py prints for the same file. ``--check`` verifies that every set parses, every
expectation is one score.py knows, and every ``quote`` is a substring of its ``doc`` (verbatim, or with the
note's bold and code marks left out), and that every answerable question has one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "bench" / "sets"
SHARED = ROOT.parent / "shared"

# Sets nobody develops on: scored only to check that what was tuned on the others carries over. The first
# two held-out pairs (http-caching, corpus-ftp; dns, linux-permissions) became development sets in
# session 10, after being scored in four sessions; the third to fifth pairs stay held out.
HELD_OUT = {
    "tls",
    "python-packaging",
    "database-indexes",
    "ssh-keys",
    "oauth",
    "email-delivery",
}

# Where the note a set's "doc" field names is kept (first directory that holds it wins).
DOC_DIRS = (SETS / "docs", SHARED / "corpus", ROOT / "data" / "docs")

EXPECT_KEYS = {"any", "all", "keywords", "bool", "abstain"}


@dataclass
class SetScore:
    """One set's figures: every question is right, answered wrongly, or abstained on."""

    name: str
    questions: int = 0
    right: int = 0
    wrong: int = 0  # given an answer (non-empty ``answers``) that was judged wrong
    abstained: int = 0  # no answer given (including failed requests)
    errors: int = 0  # requests that failed (counted as abstained and not right)

    @property
    def accuracy(self) -> float:
        return self.right / self.questions if self.questions else 0.0

    @property
    def wrong_share(self) -> float | None:
        """Share of the answers given that were wrong (1 - score.py's precision)."""
        answered = self.questions - self.abstained
        return self.wrong / answered if answered else None


def load_scorer(path: Path) -> ModuleType:
    """Import score.py from its file, so its ``ask`` and ``judge`` are used unchanged."""
    spec = importlib.util.spec_from_file_location("qa_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def set_files(dev_only: bool, held_out_only: bool = False) -> list[Path]:
    """List the sets, development sets first, held-out sets last (or only one of the two kinds)."""
    files = sorted(SETS.glob("*.jsonl"))
    dev = [f for f in files if f.stem not in HELD_OUT]
    held = [f for f in files if f.stem in HELD_OUT]
    return dev if dev_only else held if held_out_only else dev + held


def find_doc(name: str) -> Path | None:
    """Return the path of the note called ``name``, or None when no known directory holds it."""
    for folder in DOC_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


def check(files: list[Path]) -> list[str]:
    """Return the problems found in the sets: bad lines, unknown expectations, quotes not in their note."""
    problems, seen = [], set()
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: not JSON ({exc})")
                continue
            missing = {"id", "cat", "q", "expect"} - item.keys()
            if missing:
                problems.append(f"{where}: missing {sorted(missing)}")
                continue
            if item["id"] in seen:
                problems.append(f"{where}: id {item['id']} used twice")
            seen.add(item["id"])
            if len(item["expect"].keys() & EXPECT_KEYS) != 1:
                problems.append(f"{where}: expect must have one of {sorted(EXPECT_KEYS)}")
            doc = find_doc(item.get("doc", ""))
            if doc is None:
                problems.append(f"{where}: note {item.get('doc')!r} not found in {[str(d) for d in DOC_DIRS]}")
            elif item.get("quote") and not _quoted_in(item["quote"], doc.read_text(encoding="utf-8")):
                problems.append(f"{where}: quote is not in {doc.name}")
            # An unanswerable question may quote the sentence that leaves it unanswered ("plans to add ..."), or
            # give an empty quote; an answerable one needs the text that answers it.
            if not item.get("quote") and not item["expect"].get("abstain"):
                problems.append(f"{where}: an answerable question needs a quote")
    return problems


def _quoted_in(quote: str, text: str) -> bool:
    """Tell whether ``quote`` is in the note ``text`` verbatim, or as read: without its bold and code marks
    ("**Corran mill** grinds ..." quoted "Corran mill grinds ...")."""
    return quote in text or quote in re.sub(r"\*\*|`", "", text)


def score(scorer: ModuleType, path: Path, url: str, misses: list[str]) -> SetScore:
    """Ask every question of one set and tally it the way score.py does."""
    result = SetScore(path.stem + (" (held out)" if path.stem in HELD_OUT else ""))
    for item in scorer.load(str(path)):
        result.questions += 1
        try:
            reply, _ = scorer.ask(url, item["q"])
            ok = scorer.judge(item["expect"], reply)
        except Exception as exc:  # a failed request is a miss, as in score.py
            reply, ok = {"error": repr(exc)}, False
            result.errors += 1
        result.right += ok  # an abstention is right exactly when the question expects one
        if reply.get("answers"):
            result.wrong += not ok
        else:
            result.abstained += 1
        if not ok and path.stem not in HELD_OUT:  # a held-out set's misses are never shown
            got = [a.get("label", a.get("value")) for a in reply.get("answers") or []][:3]
            misses.append(f"{path.stem} {item['id']}: {item['q']!r} expected {item['expect']} got {got}")
    return result


def table(rows: list[SetScore]) -> str:
    """Format the scores as a Markdown table with a total line."""
    total = SetScore("all sets")
    for row in rows:
        for field in ("questions", "right", "wrong", "abstained", "errors"):
            setattr(total, field, getattr(total, field) + getattr(row, field))
    lines = [
        "| Set | Questions | Right | Wrong answers given | Abstained | Accuracy | Share of answers wrong |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in [*rows, total]:
        share = "n/a" if row.wrong_share is None else f"{row.wrong_share:.1%}"
        lines.append(
            f"| {row.name} | {row.questions} | {row.right} | {row.wrong} | {row.abstained} | "
            f"{row.accuracy:.1%} | {share} |"
        )
    if total.errors:
        lines.append(f"\n{total.errors} request(s) failed and were counted as abstentions that are wrong.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Check the sets, then score them against the service at --url unless --check was given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="base URL of the running service")
    parser.add_argument("--dev-only", action="store_true", help="skip the held-out sets")
    parser.add_argument("--held-out-only", action="store_true", help="score the held-out sets only (a check)")
    parser.add_argument("--check", action="store_true", help="only check the sets (quotes, ids, expectations)")
    parser.add_argument(
        "--show-misses", action="store_true", help="print the questions judged wrong (development sets only)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per set instead of a table")
    parser.add_argument(
        "--score-py", type=Path, default=SHARED / "qa" / "score.py", help="the scorer whose ask/judge are used"
    )
    args = parser.parse_args(argv)
    files = set_files(args.dev_only, args.held_out_only)
    problems = check(files)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    if args.check:
        print(f"{len(files)} sets, no problems")
        return 0
    scorer = load_scorer(args.score_py)
    misses: list[str] = []
    rows = [score(scorer, path, args.url, misses) for path in files]
    if args.show_misses:
        print("\n".join(misses) + "\n")
    if args.json:
        for row in rows:
            print(json.dumps({**asdict(row), "accuracy": round(row.accuracy, 4), "wrong_share": row.wrong_share}))
    else:
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
