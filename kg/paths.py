"""Candidate relation paths around a concept, how well each fits a question, and its SPARQL.

A path is a sequence of steps (predicate, direction) of 1 to 3 hops that starts at a linked concept.
First steps are read from the graph; later ones come from the catalog's shape (which predicates meet
at some node), so a question never walks a large neighbourhood just to list candidates. The query of
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


def candidate_paths(store: KGStore, catalog: Catalog, topic: URIRef, max_hops: int = 3) -> list[tuple[Step, ...]]:
    """Return the paths of 1..max_hops steps from ``topic`` that the graph's shape allows."""
    paths: list[tuple[Step, ...]] = [(s,) for s in first_steps(store, catalog, topic)]
    frontier = list(paths)
    for _ in range(max_hops - 1):
        grown = []
        for path in frontier:
            p, d = path[-1]
            # Going back over the same predicate is kept: "films that share a director with X".
            grown.extend((*path, nxt) for nxt in catalog.next_steps(p, d))
        paths.extend(grown)
        frontier = grown
    return paths


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
