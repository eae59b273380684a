"""Dereference the graph's IRIs: ``/id/<local>`` and ``/ontology`` answer people and RDF clients alike.

Concept IRIs are ``https://kgqa.dev/id/<local>``; served at that host, they resolve here. Content
negotiation picks the representation: a browser (``Accept: text/html``) gets the concept page, an RDF
client Turtle, JSON-LD, N-Triples or RDF/XML with the resource's triples, both ways (a CONSTRUCT run by
the same safe executor as ``/sparql``). ``?format=html|turtle|jsonld|ntriples|rdfxml`` overrides
``Accept`` for links. ``/concept?iri=`` shows the page of any other IRI in the graph (ontology terms,
resources of a graph loaded from elsewhere); ``/ontology`` lists the vocabulary.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request, url_for
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.namespaces import KG, KGO, PREFIXES
from kg.sparql import SparqlError
from service import metrics
from service.errors import error_response

bp = Blueprint("concepts", __name__)

#: Media types offered, in order of preference when the client accepts anything (``*/*``): Turtle.
OFFERED = {
    "text/turtle": "turtle",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "rdfxml",
}
FORMAT_NAMES = ("html", "turtle", "jsonld", "ntriples", "rdfxml")

#: The resource's own triples and those that point at it.
_CONSTRUCT = """CONSTRUCT { ?s ?p ?o } WHERE {
  { VALUES ?s { %(iri)s } ?s ?p ?o } UNION { VALUES ?o { %(iri)s } ?s ?p ?o }
}"""
_VOCABULARY = """CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "%(ns)s")) }"""
#: Most triples listed on the page of a resource that is not a concept (a statement, a sentence).
_PAGE_TRIPLES = 300


# -- template helpers ---------------------------------------------------------------------------------
@bp.app_template_filter("page_url")
def page_url(iri: str) -> str:
    """Return the URL of the page of ``iri``: its own path for concepts, ``/concept?iri=`` otherwise."""
    if iri.startswith(str(KG)) and len(iri) > len(KG):
        return url_for("concepts.concept", local=iri[len(KG) :])
    return url_for("concepts.any_resource", iri=iri)


@bp.app_template_filter("compact")
def compact(iri: str) -> str:
    """Return ``iri`` as a prefixed name (``kgo:creates``) where a project prefix fits."""
    for prefix, namespace in PREFIXES.items():
        ns = str(namespace)
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


@bp.app_context_processor
def _namespaces() -> dict[str, Any]:
    """Give every template the prefixes (to shorten IRIs) and the namespace of concept pages."""
    return {"prefixes": {p: str(ns) for p, ns in PREFIXES.items()}, "concept_namespace": str(KG)}


# -- routes ---------------------------------------------------------------------------------------------
@bp.get("/id/<path:local>")
def concept(local: str) -> Response | str:
    """Answer ``https://kgqa.dev/id/<local>`` as an HTML page or RDF, by ``Accept``."""
    return _dereference(str(KG) + local)


@bp.get("/concept")
def any_resource() -> Response | str:
    """Answer any IRI of the graph (``?iri=``) as an HTML page or RDF, by ``Accept``."""
    iri = request.args.get("iri", "")
    if not iri:
        return error_response(400, "missing_parameter", "give the IRI as the parameter iri")
    return _dereference(iri)


@bp.get("/ontology")
def ontology() -> Response | str:
    """Answer the project's vocabulary (``https://kgqa.dev/ontology#…``): a list of terms, or its RDF."""
    fmt = _chosen_format()
    if isinstance(fmt, Response):
        return fmt
    if fmt != "html":
        return _rdf(_VOCABULARY % {"ns": str(KGO)}, fmt)
    services = current_app.extensions["kg"]
    if not services.readiness.is_ready():
        return _loading_page()
    catalog = services.graph.engine.catalog
    terms = sorted(
        (
            {"iri": str(iri), "label": e.label, "definition": e.definition}
            for iri, e in catalog.entities.items()
            if str(iri).startswith(str(KGO))
        ),
        key=lambda t: t["label"].lower(),
    )
    relations = sorted(
        ({"iri": str(iri), "label": p.label} for iri, p in catalog.predicates.items() if str(iri).startswith(str(KGO))),
        key=lambda t: t["label"].lower(),
    )
    return render_template("ontology.html", terms=terms, relations=relations, namespace=str(KGO))


# -- negotiation and representations ---------------------------------------------------------------------
def _chosen_format() -> str | Response:
    """Return the format name the request asks for, or a 400/406 response."""
    if "format" in request.args:
        name = request.args["format"].lower()
        if name not in FORMAT_NAMES:
            return error_response(400, "bad_format", f"format must be one of {', '.join(FORMAT_NAMES)}")
        return name
    if not request.headers.get("Accept"):
        return OFFERED[next(iter(OFFERED))]  # no Accept header accepts anything (RFC 9110)
    best = request.accept_mimetypes.best_match(list(OFFERED))
    if best is None:
        return error_response(
            406, "not_acceptable", f"this resource is available as {', '.join(OFFERED)}; none is acceptable"
        )
    return OFFERED[best]


def _dereference(iri: str) -> Response | str:
    fmt = _chosen_format()
    if isinstance(fmt, Response):
        return fmt
    try:
        term = str(ox.NamedNode(iri))  # validated and escaped: the only way the IRI enters SPARQL
    except ValueError:
        return _not_found(iri, fmt)
    services = current_app.extensions["kg"]
    if not bool(services.store.query(f"ASK {{ {{ {term} ?p ?o }} UNION {{ ?s ?p {term} }} }}").askAnswer):
        return _not_found(iri, fmt)
    if fmt != "html":
        return _rdf(_CONSTRUCT % {"iri": term}, fmt)
    if not services.readiness.is_ready():
        return _loading_page()
    graph = services.graph
    uri = URIRef(iri)
    links = {name: f"{request.path}?{_query_with(name)}" for name in FORMAT_NAMES if name != "html"}
    if uri in graph.engine.catalog.entities:
        return _html(render_template("concept.html", concept=graph.describe(iri), links=links, iri=iri))
    triples = _resource_triples(services.store, uri, graph.engine.catalog.label)
    label = next((t["object"]["value"] for t in triples["outgoing"] if t["predicate"]["iri"] == str(RDFS.label)), None)
    return _html(render_template("resource.html", iri=iri, label=label or compact(iri), triples=triples, links=links))


def _query_with(fmt: str) -> str:
    return urlencode({**request.args.to_dict(), "format": fmt})


def _rdf(query: str, fmt: str) -> Response:
    try:
        result = current_app.extensions["kg"].sparql.query(query, format=fmt)
    except SparqlError as exc:
        if exc.code == "timeout":
            metrics.record_query_timeout()
            return error_response(503, exc.code, exc.message)
        return error_response(500, exc.code, exc.message)
    return Response(result.body, content_type=result.format.content_type, headers={"Vary": "Accept"})


def _html(body: str, status: int = 200) -> Response:
    return Response(body, status=status, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})


def _not_found(iri: str, fmt: str) -> Response:
    if fmt == "html":
        page = render_template("error.html", title="Not in the graph", message=f"The graph holds nothing about {iri}.")
        return _html(page, 404)
    return error_response(404, "not_found", f"the graph holds nothing about {iri}")


def _loading_page() -> Response:
    page = render_template(
        "error.html",
        title="Still loading",
        message="The question-answering engine is loading; this page will refresh in a few seconds.",
        refresh=3,
    )
    response = _html(page, 503)
    response.headers["Retry-After"] = "3"
    return response


def _resource_triples(store: Any, iri: URIRef, label: Any) -> dict[str, list[dict[str, Any]]]:
    """List the triples of a resource that is not a concept, with labels, for its page."""

    def node(term: Any) -> dict[str, Any]:
        if isinstance(term, Literal):
            return {"value": str(term)}
        return {"iri": str(term), "label": label(term) if isinstance(term, URIRef) else str(term)}

    limit = f"LIMIT {_PAGE_TRIPLES}"
    outgoing = [
        {"predicate": node(p), "object": node(o)}
        for p, o in store.query(f"SELECT ?p ?o WHERE {{ ?s ?p ?o }} {limit}", {"s": iri})
    ]
    incoming = [
        {"subject": node(s), "predicate": node(p)}
        for s, p in store.query(f"SELECT ?s ?p WHERE {{ ?s ?p ?o }} {limit}", {"o": iri})
    ]
    return {"outgoing": outgoing, "incoming": incoming}
