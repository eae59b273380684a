#!/usr/bin/env python3
"""Tell, per question set, at which stage the questions the engine misses fail: counts only.

    HF_HUB_OFFLINE=1 python bench/stages.py --store DIR --cache-dir DIR [SET ...]

For every answerable question with a ``quote`` (the note's text that answers it):

- **answer in a fact from the quote:** some fact in the store was read from a sentence of the quote (a
  statement's ``kgo:quote`` shares most of its content words with it, or the other way round), and,
  for questions whose answers are concepts or values (``any``/``all``), one accepted answer names the
  subject or object of such a fact (names normalised as score.py does);
- **right:** the engine's reply, judged as ``shared/qa/score.py`` judges it.

A miss whose answer stands in no fact read from its quote is the extractor's; one whose answer does is
the question side's, split by whether the engine linked the question to a thing those facts name
(then the relation, path or confidence failed) or not (linking failed). Only counts are printed, so held-out sets
can be diagnosed without anyone reading their questions. The store must hold the notes the sets ask
about (build it as bench/sets/README.md says); the engine runs in-process.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "bench" / "sets"
SCORE_PY = ROOT.parent / "shared" / "qa" / "score.py"
#: Share of the smaller text's content words the other must hold for a fact's sentence to be the quote's.
OVERLAP = 0.7
FACT_SENTENCES = """
SELECT ?q ?n ?x WHERE {
  ?st a rdf:Statement ; kgo:quote ?q ; rdf:subject|rdf:object ?x .
  OPTIONAL { ?x rdfs:label|skos:altLabel ?l }
  BIND(COALESCE(?l, ?x) AS ?n)
}"""


def content_words(text: str) -> set[str]:
    """Return a text's lowercase content words: Markdown marks, table pipes and grammar words left out."""
    from kg.text import STOPWORDS

    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS}


def overlaps(a: set[str], b: set[str]) -> bool:
    """Tell whether the smaller of two word sets (two words at least) is mostly inside the other."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and len(small & large) / len(small) >= OVERLAP


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (file stems in bench/sets/); default: all")
    parser.add_argument("--store", required=True, help="a built store holding the sets' notes")
    parser.add_argument("--cache-dir", required=True, help="vector cache")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(SCORE_PY.parent))
    from score import judge, norm  # shared/qa/score.py: the judge and the names every figure uses

    from kg.qa import Engine
    from kg.store import open_store

    store = open_store(args.store, read_only=True)
    engine = Engine(store, cache_dir=args.cache_dir)
    named_by: dict[str, set[str]] = {}  # a fact's sentence -> the names of the things its facts relate
    things_of: dict[str, set[str]] = {}  # a fact's sentence -> the IRIs of those things
    for quote, name, thing in store.query(FACT_SENTENCES):
        named_by.setdefault(str(quote), set()).add(norm(str(name)))
        things_of.setdefault(str(quote), set()).add(str(thing))
    sentences = [(content_words(q), named_by[q], things_of[q]) for q in named_by]

    print(
        "| set | answerable | answer in a fact from the quote | right | missed: extraction "
        "| missed: linking | missed: relation or confidence |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in args.sets or sorted(p.stem for p in SETS.glob("*.jsonl")):
        counts: Counter[str] = Counter()
        for line in (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if not item.get("quote"):
                continue
            quote = content_words(item["quote"])
            found = [(names, things) for words, names, things in sentences if overlaps(quote, words)]
            named = set().union(*(names for names, _ in found))
            things = set().union(*(things for _, things in found))
            expect = item["expect"]
            accepted = {norm(a) for a in expect.get("any", [])} | {norm(a) for g in expect.get("all", []) for a in g}
            extracted = bool(named) and (not accepted or bool(accepted & named))
            reply = engine.ask(item["q"]).to_dict()
            right = judge(expect, reply)
            counts.update(answerable=1, extracted=extracted, right=right)
            if not right and not extracted:
                counts["extraction"] += 1
            elif not right:
                linked = {topic["iri"] for topic in reply.get("topics") or []} & things
                counts["relation" if linked else "linking"] += 1
        print(
            f"| {name} | {counts['answerable']} | {counts['extracted']} | {counts['right']} | "
            f"{counts['extraction']} | {counts['linking']} | {counts['relation']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
