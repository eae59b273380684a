#!/usr/bin/env python3
"""Print how often the engine's answers are right at each confidence, and the threshold that keeps them right.

    python bench/calibration.py                   # development sets: compute, bench/sets (dev), MetaQA dev
    python bench/calibration.py --ntm-limit 300   # NTM dev questions evenly spaced (default 300)
    python bench/calibration.py --held-out        # the held-out sets only, to check (never to tune)
    python bench/calibration.py --as-served       # keep the engine's lines: quoted sentences as served

The engine runs in this process with its abstention threshold set to 0, so every answer it would give
is seen with its confidence. Each question is judged by ``shared/qa/score.py``'s own ``judge`` (right,
wrong, or abstained); a question the notes cannot answer counts as wrong when answered. The figures:

- per set: questions, right, wrong answers, abstentions, accuracy and share of answers wrong, had the
  engine abstained below its lines (``kg.qa.ANSWER_THRESHOLD``, and ``TEXT_ANSWER_THRESHOLD`` for relation
  answers that cite sentences). With ``--as-served`` the engine keeps its lines, so an answer below them falls
  back to a quoted sentence as the service does, and the table is the service's own figure;
- over every set: accuracy of the answers given per confidence band;
- the lowest threshold at which the answers given (confidence at or above it) are right at least
  ``--target`` (95%) of the time, pooled over the sets and per graph.

Graphs: the development notes (``data/docs/compute.md``, ``bench/sets/docs`` and ``shared/corpus``,
held-out notes left out) in one store, as ``bench/sets/README.md`` serves them; MetaQA's ``kb.txt``
converted by ``bench/metaqa_to_rdf.py`` in another.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


from bench.score_sets import HELD_OUT, find_doc, load_scorer  # noqa: E402

#: Notes whose questions are held out: kept out of the development graph, so tuning never sees them.
HELD_OUT_DOCS = {
    "tls.md",
    "python-packaging.md",
    "database-indexes.md",
    "ssh-keys.md",
    "oauth.md",
    "email-delivery.md",
}
BANDS = [0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.01]


@dataclass
class Outcome:
    """One question: the confidence of the answer given (None when it abstained) and the verdict."""

    set_name: str
    question: str
    confidence: float | None
    right: bool
    answerable: bool
    kind: str = ""
    got: str = ""
    cited: bool = False  # kg.qa.Engine.reads_from_text: TEXT_ANSWER_THRESHOLD applies


@dataclass
class SetRun:
    """The outcomes of one question set."""

    name: str
    graph: str
    outcomes: list[Outcome] = field(default_factory=list)


def note_sets(held_out: bool) -> list[Path]:
    """Return the bench/sets question files of the development split (or of the held-out one)."""
    files = sorted((ROOT / "bench" / "sets").glob("*.jsonl"))
    return [f for f in files if (f.stem in HELD_OUT) == held_out]


def notes_engine(held_out: bool, cache_dir: Path, threshold: float | None = 0.0):
    """Build the engine over the compute note and the notes the sets ask about (held-out ones only if asked)."""
    from kg.build import collect
    from kg.qa import Engine
    from kg.store import open_store

    docs = {ROOT / "data" / "docs" / "compute.md"}
    for path in sorted((ROOT / "bench" / "sets").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = find_doc(json.loads(line)["doc"]) if line.strip() else None
            if doc is not None:
                docs.add(doc)
    if not held_out:
        docs = {d for d in docs if d.name not in HELD_OUT_DOCS}
    store = open_store(None)
    store.replace_graphs(collect(sorted(docs), []).graphs.items())
    return Engine(store, cache_dir=cache_dir, threshold=threshold)


def metaqa_engine(cache_dir: Path, threshold: float | None = 0.0):
    """Build the engine over MetaQA's knowledge base, converted once and kept in ``cache_dir``."""
    from kg.build import collect
    from kg.qa import Engine
    from kg.store import open_store

    kb = cache_dir / "metaqa.nt"
    if not kb.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "metaqa_to_rdf.py"), str(SHARED / "metaqa" / "kb.txt"),
                        str(kb)], check=True, capture_output=True)  # fmt: skip
    store = open_store(None)
    store.replace_graphs(collect([], [kb]).graphs.items())
    return Engine(store, cache_dir=cache_dir, threshold=threshold)


def run_set(engine, scorer, name: str, graph: str, items: list[dict]) -> SetRun:
    """Ask every question of a set and judge the reply with score.py's ``judge``."""
    from kg.answer import QuestionError

    run = SetRun(name, graph)
    print(f"{name}: {len(items)} questions", file=sys.stderr, flush=True)
    for item in items:
        try:
            answer = engine.ask(item["q"])
            reply, cited = answer.to_dict(), engine.reads_from_text(answer)
        except QuestionError as exc:
            reply, cited = {"answers": [], "answer": exc.message, "confidence": 0.0}, False
        answers = reply.get("answers") or []
        got = "; ".join(str(a.get("label", a.get("value"))) for a in answers[:3])
        run.outcomes.append(Outcome(
            name, item["q"], float(reply["confidence"]) if answers else None,
            bool(scorer.judge(item["expect"], reply)), not item["expect"].get("abstain"),
            reply.get("kind", ""), got, cited,
        ))  # fmt: skip
    return run


def at_threshold(
    outcomes: list[Outcome], threshold: float, text_threshold: float | None = None
) -> tuple[int, int, int, int]:
    """Return (questions, right, wrong answers, abstentions) had the engine abstained below ``threshold``.

    ``text_threshold``, when given, is the line for answers that cite sentences instead.
    """
    right = wrong = abstained = 0
    for o in outcomes:
        line = text_threshold if o.cited and text_threshold is not None else threshold
        if o.confidence is None or o.confidence < line:
            abstained += 1
            right += not o.answerable
        elif o.right:
            right += 1
        else:
            wrong += 1
    return len(outcomes), right, wrong, abstained


def lowest_threshold(outcomes: list[Outcome], target: float) -> float | None:
    """Return the lowest confidence t at which the answers with confidence >= t are right >= ``target``."""
    given = [o for o in outcomes if o.confidence is not None]
    for t in sorted({o.confidence for o in given}):
        kept = [o for o in given if o.confidence >= t]
        if kept and sum(o.right for o in kept) / len(kept) >= target:
            return t
    return None


def print_wrong(runs: list[SetRun], least: float) -> None:
    """Print the wrong answers given at confidence ``least`` or more, most confident first (development only)."""
    wrong = [o for run in runs for o in run.outcomes if o.confidence is not None and not o.right]
    print(f"\nWrong answers at confidence >= {least}:")
    for o in sorted(wrong, key=lambda o: -o.confidence):
        if o.confidence >= least:
            print(f"  {o.confidence:.3f} {o.kind:10s} {o.set_name}: {o.question!r} -> {o.got}")


def print_report(runs: list[SetRun], lines: tuple[float, float] | None, target: float) -> None:
    """Print the per-set table, the confidence bands and the threshold search.

    ``lines`` (plain, cited) are the engine's thresholds applied to the answers seen at threshold 0; None
    means the engine kept its own lines while answering (``--as-served``), so the answers stand as given.
    """
    if lines is None:
        print("Per set, as the service answers (the engine's own lines, quoted sentences below them):")
    else:
        print(f"Per set, abstaining below the engine's lines {lines[0]} (relation answers from text: {lines[1]}):")
    print(f"{'set':28s} {'graph':8s} {'n':>5s} {'right':>6s} {'wrong':>6s} {'abst':>5s} {'acc':>7s} {'wrong%':>7s}")
    for run in runs:
        n, right, wrong, abstained = at_threshold(run.outcomes, *(lines or (0.0, None)))
        share = f"{wrong / (n - abstained):.1%}" if n > abstained else "n/a"
        print(f"{run.name:28s} {run.graph:8s} {n:5d} {right:6d} {wrong:6d} {abstained:5d} {right / n:7.1%} {share:>7s}")
    everything = [o for run in runs for o in run.outcomes]
    print(f"\nAnswers given{'' if lines is None else ' (threshold 0)'}, by confidence band, all sets pooled:")
    print(f"{'band':14s} {'answers':>8s} {'right':>6s} {'accuracy':>9s}")
    for lo, hi in itertools.pairwise(BANDS):
        band = [o for o in everything if o.confidence is not None and lo <= o.confidence < hi]
        label = f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"
        acc = f"{sum(o.right for o in band) / len(band):9.1%}" if band else f"{'-':>9s}"
        print(f"{label:14s} {len(band):8d} {sum(o.right for o in band):6d} {acc}")
    print(f"\nBy kind of answer{'' if lines is None else ' (threshold 0)'}:")
    for kind in sorted({o.kind for o in everything if o.confidence is not None}):
        given = [o for o in everything if o.kind == kind and o.confidence is not None]
        print(f"  {kind:12s} {len(given):5d} answers, {sum(o.right for o in given) / len(given):6.1%} right")
    print(f"\nLowest threshold with answers right >= {target:.0%}:")
    for graph in [*sorted({run.graph for run in runs}), "all"]:
        outcomes = [o for run in runs if graph in ("all", run.graph) for o in run.outcomes]
        t = lowest_threshold(outcomes, target)
        if t is None:
            print(f"  {graph:8s} none reaches it")
            continue
        n, right, wrong, abstained = at_threshold(outcomes, t)
        print(f"  {graph:8s} {t:.3f}: {n - abstained} answered, {wrong} wrong, accuracy {right / n:.1%}")


def main(argv: list[str] | None = None) -> int:
    """Run the sets, then print the calibration report (and the outcomes as JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/kg-calibration"), help="vector and KB cache")
    parser.add_argument("--ntm-limit", type=int, default=300, help="NTM dev questions, evenly spaced (0: none)")
    parser.add_argument("--metaqa-limit", type=int, default=100, help="questions per MetaQA dev sample (0: none)")
    parser.add_argument("--target", type=float, default=0.95, help="share of answers that must be right")
    parser.add_argument("--held-out", action="store_true", help="score the held-out note sets only (a check)")
    parser.add_argument("--graph", choices=["notes", "metaqa", "all"], default="all", help="which graph's sets to run")
    parser.add_argument("--json", type=Path, help="also write every outcome to this JSON file")
    parser.add_argument("--show-wrong", type=float, metavar="CONF", help="list wrong answers at CONF or more")
    parser.add_argument("--as-served", action="store_true", help="keep the engine's lines (the service's figures)")
    parser.add_argument("--score-py", type=Path, default=SHARED / "qa" / "score.py", help="whose judge is used")
    args = parser.parse_args(argv)

    from kg.evaluate import load_questions
    from kg.qa import ANSWER_THRESHOLD, TEXT_ANSWER_THRESHOLD

    scorer = load_scorer(args.score_py)
    sets = note_sets(args.held_out)
    runs = []
    if args.graph in ("notes", "all"):
        engine = notes_engine(args.held_out, args.cache_dir, None if args.as_served else 0.0)
        if not args.held_out:
            dev = SHARED / "qa" / "compute_dev.jsonl"
            runs.append(run_set(engine, scorer, "compute_dev", "notes", load_questions(dev)))
        for path in sets:
            runs.append(run_set(engine, scorer, path.stem, "notes", load_questions(path)))
        del engine
    if args.graph in ("metaqa", "all") and not args.held_out and (args.ntm_limit or args.metaqa_limit):
        engine = metaqa_engine(args.cache_dir, None if args.as_served else 0.0)
        for hops in (1, 2, 3) if args.metaqa_limit else ():
            path = SHARED / "metaqa" / f"dev_{hops}hop_sample.txt"
            runs.append(run_set(engine, scorer, f"metaqa_dev_{hops}hop", "metaqa",
                                load_questions(path, args.metaqa_limit)))  # fmt: skip
        if args.ntm_limit:
            path = SHARED / "benchmarks" / "metaqa" / "1-hop" / "ntm" / "qa_dev.txt"
            runs.append(run_set(engine, scorer, "ntm_dev_1hop", "metaqa", load_questions(path, args.ntm_limit)))
    print_report(runs, None if args.as_served else (ANSWER_THRESHOLD, TEXT_ANSWER_THRESHOLD), args.target)
    if args.show_wrong is not None and not args.held_out:  # a held-out set's misses are never shown
        print_wrong(runs, args.show_wrong)
    if args.json:
        args.json.write_text(json.dumps([o.__dict__ for run in runs for o in run.outcomes], indent=0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
