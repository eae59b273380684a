"""Candidate relation paths around a concept, how well each fits a question, and its SPARQL.

A path is a sequence of steps (predicate, direction) of 1 to 3 hops that starts at a linked concept.
First steps are read from the graph; later ones come from the catalog's shape (which predicates meet
at some node, see ``kg.scoring.beam_paths``), so a question never walks a large neighbourhood just to
list candidates. The query of
a path binds the topic with ``VALUES``; predicates come from the graph, never from the question.
"""

from __future__ import annotations

from rdflib import URIRef

from kg.catalog import IN, OUT, Catalog
from kg.store import KGStore

Step = tuple[URIRef, str]


def first_steps(store: KGStore, catalog: Catalog, topic: URIRef) -> set[Step]:
    """Return the (predicate, direction) pairs present at ``topic`` in the graph."""
    steps: set[Step] = set()
    rows = store.query(
        "SELECT DISTINCT ?p ?d WHERE { { ?t ?p ?o BIND(1 AS ?d) } UNION { ?s ?p ?t BIND(0 AS ?d) } }",
        {"t": topic},
    )
    for p, d in rows:
        if p in catalog.predicates:
            steps.add((p, OUT if int(d) == 1 else IN))
    return steps


def path_query(topic: URIRef, steps: tuple[Step, ...], limit: int = 200, with_path: bool = False) -> str:
    """Return the SELECT that follows ``steps`` from ``topic``; ?x is the answer."""
    lines = [f"  VALUES ?t {{ {topic.n3()} }}"]
    prev = "?t"
    hidden = []
    for i, (p, d) in enumerate(steps):
        var = "?x" if i == len(steps) - 1 else f"?v{i + 1}"
        if var != "?x":
            hidden.append(var)
        lines.append(f"  {prev} {p.n3()} {var} ." if d == OUT else f"  {var} {p.n3()} {prev} .")
        prev = var
    # A walk does not come back to where it started: "films by the director of X" are other films.
    lines.append("  FILTER(" + " && ".join(f"{v} != ?t" for v in ["?x", *hidden]) + ")")
    head = " ".join(["?x", *hidden]) if with_path else "?x"
    return "SELECT DISTINCT " + head + " WHERE {\n" + "\n".join(lines) + f"\n}}\nLIMIT {limit}"
