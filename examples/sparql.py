"""Query the knowledge graph with SPARQL from Python: rerun the query behind an answer, then your own.

    python examples/sparql.py
    KG_STORE=var/store python examples/sparql.py     # a store built with `kg build`

Every answer carries the SPARQL it ran (``answer.sparql``); it runs as-is here and on ``/sparql``. The
default graph is the union of all graphs, so queries need no ``GRAPH`` clause.
"""

from __future__ import annotations

import os

from kg import KnowledgeGraph

#: Each orchestration service and the terms it uses (the prefixes are declared, so /sparql runs it too).
TERMS = """
PREFIX kgo: <https://kgqa.dev/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?service ?term WHERE {
  ?s kgo:usesTerm ?t ; rdfs:label ?service .
  ?t rdfs:label ?term .
}
ORDER BY ?service ?term
"""


def main() -> None:
    """Ask a question, rerun its SPARQL, then run a query of our own and print the rows."""
    graph = KnowledgeGraph.open(
        os.environ.get("KG_STORE"),
        endpoint=os.environ.get("KG_ENDPOINT"),
        cache_dir=os.environ.get("KG_CACHE_DIR"),
    )
    answer = graph.ask("Which terms does ECS use?")
    print(f"Answer: {answer.answer}")
    print(f"Its SPARQL:\n{answer.sparql}\n")
    print("Rerun by hand:", sorted(str(row[0]) for row in graph.query(answer.sparql)))
    print()
    print("Terms by service:")
    for service, term in graph.query(TERMS):
        print(f"  {service}: {term}")


if __name__ == "__main__":
    main()
