"""Serve the web pages: the question page at ``/`` and the SPARQL query page at ``/query``.

The pages work offline: their script and style are files in ``service/static`` written for this
project (no CDN, no third-party library). The question page calls ``/api/ask`` and draws the evidence
subgraph in SVG; the query page calls ``/sparql``. Concept pages live in :mod:`service.concepts`.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Blueprint, current_app, render_template
from rdflib import URIRef

from kg.api import KnowledgeGraph
from kg.catalog import BOOKKEEPING
from kg.text import getLemma

bp = Blueprint("pages", __name__)

#: Example queries of the query page: (title, query). They use only RDF/RDFS/SKOS, so they suit any graph
#: with labels; the last two use the project's provenance vocabulary.
EXAMPLE_QUERIES: list[tuple[str, str]] = [
    (
        "Concepts and their labels",
        """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?concept ?label WHERE {
  ?concept rdfs:label ?label .
}
ORDER BY LCASE(STR(?label))
LIMIT 50""",
    ),
    (
        "Relations between concepts",
        """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?subject ?relation ?object WHERE {
  ?s ?p ?o .
  FILTER(isIRI(?o) && ?p != rdf:type)
  ?s rdfs:label ?subject .
  ?p rdfs:label ?relation .
  ?o rdfs:label ?object .
}
LIMIT 100""",
    ),
    (
        "Definitions",
        """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?label ?definition WHERE {
  ?concept skos:definition ?definition ;
           rdfs:label ?label .
}
ORDER BY ?label
LIMIT 50""",
    ),
    (
        "Classes by number of members",
        """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?class (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?member) AS ?members) WHERE {
  ?member a ?class .
  OPTIONAL { ?class rdfs:label ?name }
}
GROUP BY ?class
ORDER BY DESC(?members)
LIMIT 25""",
    ),
    (
        "Triples per named graph",
        """SELECT ?graph (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o }
}
GROUP BY ?graph
ORDER BY DESC(?triples)""",
    ),
    (
        "Where each fact comes from",
        """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kgo: <https://kgqa.dev/ontology#>

SELECT ?subject ?relation ?object ?quote WHERE {
  ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:quote ?quote .
  ?s rdfs:label ?subject .
  ?p rdfs:label ?relation .
  ?o rdfs:label ?object .
}
LIMIT 50""",
    ),
    (
        "Is anything called “instance”? (ASK)",
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

ASK { ?concept rdfs:label|skos:altLabel "instance" }""",
    ),
    (
        "A concept's neighbourhood (CONSTRUCT)",
        """PREFIX kg: <https://kgqa.dev/id/>

CONSTRUCT { kg:ec2-instance ?p ?o } WHERE {
  kg:ec2-instance ?p ?o .
}""",
    ),
]

_examples: list[str] | None = None
#: Changes when a static file does, so browsers fetch new script and style after an upgrade.
_ASSET_VERSION = str(
    max(
        (int(f.stat().st_mtime) for f in (Path(__file__).parent / "static").rglob("*") if f.is_file()),
        default=0,
    )
)
_examples_lock = threading.Lock()


@bp.app_context_processor
def _asset_version() -> dict[str, str]:
    """Give templates the version to append to static URLs (``?v=``)."""
    return {"asset_version": _ASSET_VERSION}


@bp.get("/")
def index() -> str:
    """Show the question page."""
    services = current_app.extensions["kg"]
    examples = example_questions(services.graph) if services.readiness.is_ready() else []
    return render_template("index.html", examples=examples)


@bp.get("/query")
def query() -> str:
    """Show the SPARQL query page (``?query=`` pre-fills the editor)."""
    return render_template("query.html", examples=EXAMPLE_QUERIES)


def example_questions(graph: KnowledgeGraph, limit: int = 4) -> list[str]:
    """Return a few questions this graph answers, made from its best-connected concepts (once per process).

    Made from the graph rather than written down, so the page suits whatever graph it serves; each
    candidate is asked once and kept only if the engine answers it.
    """
    global _examples
    with _examples_lock:
        if _examples is None:
            _examples = _answerable(graph, _candidates(graph), limit)
        return list(_examples)


def _candidates(graph: KnowledgeGraph) -> list[str]:
    """Return definition and relation questions about the concepts with the most relations."""
    catalog = graph.engine.catalog
    rows = graph.store.query(
        "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?o)) } GROUP BY ?s ORDER BY DESC(?n) LIMIT 60"
    )
    hubs = [s for s, _ in rows if s in catalog.entities and catalog.entities[s].definition]
    # People ask about things by their short names ("AMI"): concepts that have one come first.
    hubs.sort(key=lambda iri: _acronym(catalog.entities[iri].aliases) is None)
    what_is, relations = [], []
    for iri in hubs[:12]:
        entity = catalog.entities[iri]
        name = _acronym(entity.aliases) or entity.label
        what_is.append(f"What is {_with_article(name)}?")
        for (predicate,) in graph.store.query("SELECT DISTINCT ?p WHERE { ?s ?p ?o FILTER(isIRI(?o)) }", {"s": iri}):
            verb = _verb(predicate, catalog)
            if verb:
                relations.append(f"What does {_with_article(name, always=True)} {verb}?")
                break
    # Interleave, so a short list still shows both kinds.
    return [q for pair in zip(relations, what_is, strict=False) for q in pair]


def _acronym(aliases: list[str]) -> str | None:
    """Return an acronym among the aliases (``AMI``), the name people would type."""
    return next((a for a in aliases if a.isupper() and 1 < len(a) <= 6), None)


def _with_article(name: str, *, always: bool = False) -> str:
    """Put "a"/"an" before a common noun ("a container"); names and acronyms go bare unless ``always``."""
    if not always and name[:1].isupper():
        return name
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _verb(predicate: URIRef, catalog) -> str | None:
    """Return the base form of a one-word verb predicate label (``creates`` -> ``create``), else None."""
    if predicate in BOOKKEEPING or predicate not in catalog.predicates:
        return None
    label = catalog.predicates[predicate].label
    if " " in label or not label.endswith("s"):
        return None
    lemmas = getLemma(label, upos="VERB")
    return lemmas[0] if lemmas and lemmas[0] != label else None


def _answerable(graph: KnowledgeGraph, candidates: list[str], limit: int) -> list[str]:
    out = []
    for question in candidates:
        if len(out) >= limit:
            break
        if graph.ask(question).answers:
            out.append(question)
    return out
