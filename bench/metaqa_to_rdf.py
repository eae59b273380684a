"""Convert MetaQA's ``kb.txt`` to RDF mechanically, so the service can be scored on a graph nobody here wrote.

Each line ``subject|relation|object`` becomes one triple. Every distinct name is one node (MetaQA's own
rule: films that share a title share a node) with an IRI that percent-encodes the name under
``https://kgqa.dev/metaqa/entity/`` and an ``rdfs:label`` holding the name. Each relation becomes a
predicate under ``https://kgqa.dev/metaqa/relation/`` labelled with its local name, underscores read as
spaces. Nothing else is added: no types, no synonyms, no hand-written knowledge.

Usage: ``python bench/metaqa_to_rdf.py ../shared/metaqa/kb.txt metaqa.nt`` (``.nt`` or ``.ttl``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

ENTITY = "https://kgqa.dev/metaqa/entity/"
RELATION = "https://kgqa.dev/metaqa/relation/"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE}


class ConvertError(ValueError):
    """The input is not MetaQA's ``subject|relation|object`` format; the message names file and line."""


def entity_iri(name: str) -> str:
    """Return the IRI of the node named ``name``: deterministic, URL-safe and one-to-one with names."""
    return ENTITY + quote(name, safe="")


def relation_iri(relation: str) -> str:
    """Return the IRI of the predicate for the MetaQA relation ``relation`` (e.g. ``directed_by``)."""
    return RELATION + quote(relation, safe="")


def relation_label(relation: str) -> str:
    """Return the label of a relation: its local name with underscores as spaces (``directed by``)."""
    return relation.replace("_", " ")


def read_kb(path: Path) -> Iterator[tuple[str, str, str]]:
    """Yield ``(subject, relation, object)`` per line of ``path``; blank lines are skipped, bad ones fail."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                raise ConvertError(f"{path}:{number}: not UTF-8 text") from exc
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 3 or not all(parts):
                raise ConvertError(f"{path}:{number}: expected 'subject|relation|object', got {line!r}")
            yield parts[0], parts[1], parts[2]


def convert(kb: Path) -> list[ox.Triple]:
    """Return the RDF triples for the knowledge base at ``kb`` (facts first, then labels), deduplicated."""
    facts: dict[tuple[str, str, str], None] = {}  # a dict keeps first-seen order, so output is stable
    names: dict[str, None] = {}
    relations: dict[str, None] = {}
    for subject, relation, obj in read_kb(kb):
        facts[(subject, relation, obj)] = None
        names[subject] = None
        names[obj] = None
        relations[relation] = None
    nodes = {name: ox.NamedNode(entity_iri(name)) for name in names}
    predicates = {relation: ox.NamedNode(relation_iri(relation)) for relation in relations}
    triples = [ox.Triple(nodes[s], predicates[r], nodes[o]) for s, r, o in facts]
    triples += [ox.Triple(node, RDFS_LABEL, ox.Literal(name)) for name, node in nodes.items()]
    triples += [
        ox.Triple(node, RDFS_LABEL, ox.Literal(relation_label(relation))) for relation, node in predicates.items()
    ]
    return triples


def write(triples: list[ox.Triple], output: Path) -> None:
    """Write ``triples`` to ``output`` as N-Triples (``.nt``) or Turtle (``.ttl``)."""
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise ConvertError(f"{output}: unknown output format; use one of {', '.join(sorted(FORMATS))}")
    prefixes = {"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "rel": RELATION}
    ox.serialize(triples, str(output), fmt, prefixes=prefixes if fmt == ox.RdfFormat.TURTLE else None)


def main(argv: list[str] | None = None) -> int:
    """Convert the file named on the command line and print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kb", type=Path, help="MetaQA kb.txt (subject|relation|object lines)")
    parser.add_argument("output", type=Path, help="output file: .nt (N-Triples) or .ttl (Turtle)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        triples = convert(args.kb)
        write(triples, args.output)
    except ConvertError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    print(f"wrote {len(triples)} triples to {args.output} in {seconds:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
