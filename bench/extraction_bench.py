#!/usr/bin/env python3
"""Print the extraction figures: what the extractor reads from documents, and how fast.

    python bench/extraction_bench.py                    # per-document figures + a fact sample
    python bench/extraction_bench.py --sample 30 --seed 1 --show-sample
    python bench/extraction_bench.py --scale 500        # a generated note of ~500 KB: KB/s
    python bench/extraction_bench.py --document compute.md --document git-basics.md   # these only

Per document (the bundled note, the notes of bench/sets/docs, the real notes of shared/corpus): the
sentences read, facts per sentence, the share of sentences with at least one fact, and facts by rule.
``--show-sample`` prints a seeded random sample of sentence facts (subject | predicate | object, with
the sentence), for judging precision by hand. ``--scale N`` generates a note of about N KB (short
sentences over generated names, in the style of the notes) and times ``extract_document`` on it,
at two sizes, so the growth can be read as linear or not; with the CPU seconds (the parse worker's
included) and the load average, since the wall time depends on what else the machine runs.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def documents() -> list[Path]:
    """Return the documents measured: bundled, our own held-out style notes, and the real notes."""
    found = [ROOT / "data" / "docs" / "compute.md"]
    found += sorted((ROOT / "bench" / "sets" / "docs").glob("*.md"))
    found += sorted(p for p in (SHARED / "corpus").glob("*.md") if p.name != "SOURCE.md")
    return [p for p in found if p.is_file()]


def bundled_vocabulary():
    """Load the bundled ontology and curated figures once: (ontology, figures)."""
    from kg.namespaces import data_dir
    from kg.rdfio import load_graph

    return load_graph(data_dir() / "ontology.ttl"), load_graph(data_dir() / "figures.ttl")


def vocabulary(path: Path, text: str, ontology, figures):
    """Return the vocabulary a build gives this document: the ontology, and its curated figures if any."""
    from kg.ingest.curated import described, trace_curated

    return ontology + trace_curated(figures) if described(figures, {path: text}) else ontology


def extract(path: Path, text: str, vocab):
    from kg.ingest import extract_document
    from kg.ingest.report import DocumentReport

    report = DocumentReport(path.name)
    graph = extract_document(path, text, vocab, report)
    return graph, report


def sentence_facts(graph) -> list[tuple[str, str, str, str, str]]:
    """Return (rule, subject, predicate, object, quote) for every fact read from a sentence."""
    from rdflib.namespace import RDF, RDFS

    from kg.namespaces import KGO

    def name(node) -> str:
        label = graph.value(node, RDFS.label)
        return str(label) if label is not None else str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    out = []
    for st in graph.subjects(RDF.type, RDF.Statement):
        rule = str(graph.value(st, KGO.rule))
        if rule.split(":")[0] in ("relation", "pattern", "open", "ellipsis", "quality", "comparison"):
            s, p, o = (graph.value(st, k) for k in (RDF.subject, RDF.predicate, RDF.object))
            out.append((rule, name(s), name(p), name(o), " ".join(str(graph.value(st, KGO.quote)).split())))
    return sorted(out)


def generated_note(kb: int, seed: int = 7) -> str:
    """Return a Markdown note of about ``kb`` KB: sections of short sentences over generated names."""
    rng = random.Random(seed)
    verbs = ["stores", "replicates", "sends", "reads", "encrypts", "caches", "routes", "indexes"]
    nouns = ["records", "messages", "files", "blocks", "events", "requests", "objects", "logs"]
    lines, size, n = ["# Generated note", ""], 0, 0
    while size < kb * 1024:
        n += 1
        name = f"Service{n:05d} Engine"
        lines += [f"## {name}", "", f"**{name}** is a managed service that {rng.choice(verbs)} {rng.choice(nouns)}."]
        for _ in range(7):
            lines.append(f"{name} {rng.choice(verbs)} {rng.choice(nouns)} in the {rng.choice(nouns)} tier.")
        lines.append("")
        size = sum(len(line) + 1 for line in lines)
    return "\n".join(lines)


def _cpu_seconds() -> float:
    """Return the CPU time of this process and of its ended children (the parse worker, once joined)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=30, help="Facts to sample per document for judging.")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the fact sample.")
    parser.add_argument("--show-sample", action="store_true", help="Print the sampled facts.")
    parser.add_argument("--scale", type=int, default=0, help="Also time a generated note of this many KB.")
    parser.add_argument(
        "--document", action="append", default=[], metavar="NAME",
        help="Measure only the document of this file name (repeatable), e.g. to leave held-out notes unread.",
    )  # fmt: skip
    args = parser.parse_args()

    from kg.ingest.parse import load_parser

    start = time.perf_counter()
    load_parser()
    print(f"parser loaded in {time.perf_counter() - start:.2f} s")
    ontology, figures = bundled_vocabulary()
    print("| document | sentences | facts | facts/sentence | sentences with a fact | by rule | seconds |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: |")
    samples = {}
    for path in documents():
        if args.document and path.name not in args.document:
            continue
        text = path.read_text(encoding="utf-8")
        vocab = vocabulary(path, text, ontology, figures)  # outside the timing: a build loads it once
        start = time.perf_counter()
        graph, report = extract(path, text, vocab)
        seconds = time.perf_counter() - start
        rules = ", ".join(f"{r} {n}" for r, n in sorted(report.facts_by_rule.items()))
        share = report.with_facts / report.sentences if report.sentences else 0
        per = report.facts / report.sentences if report.sentences else 0
        print(
            f"| {path.name} | {report.sentences} | {report.facts} | {per:.2f} | {share:.0%} | {rules} | {seconds:.2f} |"
        )
        facts = sentence_facts(graph)
        samples[path.name] = random.Random(args.seed).sample(facts, min(args.sample, len(facts)))
    if args.show_sample:
        for name, facts in samples.items():
            print(f"\n### {name}")
            for i, (rule, s, p, o, quote) in enumerate(facts, 1):
                print(f"{i:2d}. [{rule}] {s} | {p} | {o}    <- {quote}")
    if args.scale:
        for kb in (args.scale // 2, args.scale):
            text = generated_note(kb)
            path = Path(f"generated-{kb}kb.md")
            vocab = vocabulary(path, text, ontology, figures)
            load = os.getloadavg()[0]
            start, cpu = time.perf_counter(), _cpu_seconds()
            _, report = extract(path, text, vocab)
            seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
            size = len(text.encode()) / 1024
            print(f"generated {size:.0f} KB, {report.sentences} sentences: {seconds:.1f} s, "
                  f"{size / seconds:.0f} KB/s, {report.sentences / seconds:.0f} sentences/s "
                  f"(CPU {cpu:.1f} s with the parse worker's; load average {load:.1f} at the start)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
