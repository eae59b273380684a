"""Open a knowledge graph: embedded Oxigraph (on disk or in memory) or a remote SPARQL 1.1 endpoint.

rdflib is the API either way: ``KGStore.dataset`` is an ``rdflib.Dataset`` whose default graph is the
union of all named graphs, so queries see every document without ``GRAPH`` clauses. The embedded store
is rdflib on the Oxigraph store (``oxrdflib``), which answers SPARQL natively in Rust; the remote store
is rdflib's ``SPARQLUpdateStore``. A remote endpoint should serve the union of its named graphs as the
default graph (``oxigraph serve --union-default-graph``, Fuseki's ``unionDefaultGraph``).
"""

from __future__ import annotations

import contextlib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Identifier

from kg.namespaces import PREFIXES


class StoreError(RuntimeError):
    """A store could not be opened or reached; the message is one line meant for people."""


class KGStore:
    """A graph of named graphs with union-default-graph queries, whatever the backend.

    Build it with :func:`open_store`. ``kind`` is ``"oxigraph"`` (a directory), ``"memory"`` or
    ``"remote"``; ``location`` is the directory or the query endpoint.
    """

    def __init__(self, dataset: Dataset, kind: str, location: str | None, ox_store: ox.Store | None = None):
        self.dataset = dataset
        self.kind = kind
        self.location = location
        #: The underlying pyoxigraph store for embedded backends (fast paths such as bulk loading).
        self.ox = ox_store
        for prefix, ns in PREFIXES.items():
            dataset.bind(prefix, ns, override=True)

    # -- reading -----------------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs; user values enter only through ``bindings``."""
        if bindings:
            sparql = bind_values(sparql, bindings)
        return self.dataset.query(sparql)

    def graph_names(self) -> list[URIRef]:
        """Return the IRIs of the named graphs, sorted."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0] for row in rows if isinstance(row[0], URIRef))

    def triple_count(self) -> int:
        """Count the distinct triples over the union of all graphs."""
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0][0]) if rows else 0

    # -- writing -----------------------------------------------------------------------------------
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace the named graph ``name`` with the triples of ``graph`` (create it if new)."""
        self.replace_graphs([(name, graph)])

    def replace_graphs(self, graphs: Iterable[tuple[URIRef, Graph]]) -> None:
        """Replace several named graphs; embedded stores do it in one transaction."""
        graphs = list(graphs)
        if self.ox is not None:
            quads = [
                ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(name)))
                for name, graph in graphs
                for s, p, o in graph
            ]
            existing = set(self.ox.named_graphs())
            for name, _ in graphs:
                if ox.NamedNode(str(name)) in existing:
                    self.ox.remove_graph(ox.NamedNode(str(name)))
            self.ox.extend(quads)
            return
        for name, graph in graphs:
            _replace_remote_graph(self.dataset.store, name, graph)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update against the store."""
        self.dataset.update(sparql)

    def close(self) -> None:
        """Flush and release the store (a directory store can then be opened by another process)."""
        if self.ox is not None:
            with contextlib.suppress(OSError, RuntimeError):  # a read-only store has nothing to flush
                self.ox.flush()
        self.dataset.close()


def open_store(
    path: str | Path | None = None,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    read_only: bool = False,
) -> KGStore:
    """Open the embedded store at ``path`` (in memory when ``None``) or the SPARQL ``endpoint``.

    ``update_endpoint`` defaults to ``endpoint`` with ``/query`` replaced by ``/update`` (Oxigraph and
    Fuseki both name them so), else ``endpoint`` itself. A remote endpoint is checked with a tiny ASK
    query so an unreachable one fails here with a clear message, not later mid-request.
    """
    if endpoint:
        if update_endpoint is None:
            update_endpoint = endpoint[: -len("/query")] + "/update" if endpoint.endswith("/query") else endpoint
        _check_endpoint(endpoint)
        sparql_store = _RemoteStore(
            query_endpoint=endpoint, update_endpoint=update_endpoint, method="POST", returnFormat="json"
        )
        return KGStore(Dataset(store=sparql_store, default_union=True), "remote", endpoint)
    if path is None:
        inner = ox.Store()
        kind, location = "memory", None
    else:
        directory = Path(path)
        try:
            if read_only:
                inner = ox.Store.read_only(str(directory))
            else:
                directory.mkdir(parents=True, exist_ok=True)
                inner = ox.Store(str(directory))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {directory}: {exc}") from exc
        kind, location = "oxigraph", str(directory)
    dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
    return KGStore(dataset, kind, location, inner)


def _check_endpoint(endpoint: str) -> None:
    """Fail fast, with one line, when the endpoint does not answer SPARQL."""
    body = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    request = urllib.request.Request(
        endpoint, data=body, headers={"Accept": "application/sparql-results+json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(f"cannot reach the SPARQL endpoint {endpoint}: {reason}") from exc


class _RemoteStore(SPARQLUpdateStore):
    """rdflib's SPARQL 1.1 store, asking for JSON results and for N-Triples or Turtle graphs.

    rdflib derives its ``Accept`` header from one result format, so with JSON a CONSTRUCT or DESCRIBE
    got 406 from a strict server; the response's content type tells rdflib how to parse either.
    """

    def response_mime_types(self) -> str:
        return "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"


def _replace_remote_graph(store: SPARQLUpdateStore, name: URIRef, graph: Graph, chunk: int = 5000) -> None:
    """Load ``graph`` into a staging graph, then MOVE it over ``name`` so readers never see half of it.

    Triples go in ``INSERT DATA`` requests of ``chunk`` triples, except those with a blank node: a blank
    node label means one node only within one request, so they all travel in one request together.
    """
    staging = URIRef(str(name) + "#staging")
    store.update(f"DROP SILENT GRAPH <{staging}>")
    plain = [t for t in graph if not any(isinstance(term, BNode) for term in t)]
    blank = [t for t in graph if any(isinstance(term, BNode) for term in t)]
    batches = [plain[start : start + chunk] for start in range(0, len(plain), chunk)] + ([blank] if blank else [])
    for batch in batches:
        body = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in batch)
        store.update(f"INSERT DATA {{ GRAPH <{staging}> {{ {body} . }} }}")
    if not batches:
        store.update(f"CREATE SILENT GRAPH <{staging}>")
    store.update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{name}>")


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to pyoxigraph's (bulk paths skip rdflib's per-triple overhead)."""
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def bind_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """Bind variables by a ``VALUES`` row at the top of the first group pattern.

    Values are serialised with rdflib's ``n3()``, which escapes literals and IRIs, so text from users
    never becomes SPARQL syntax. (Oxigraph's own substitution refuses variables that are not
    projected, and remote endpoints need the values inside the query anyway.)
    """
    names = " ".join(f"?{name}" for name in bindings)
    row = " ".join(term.n3() for term in bindings.values())
    where = sparql.find("{")
    if where < 0:
        raise ValueError("cannot bind values: the query has no group pattern")
    return f"{sparql[: where + 1]} VALUES ({names}) {{ ({row}) }} {sparql[where + 1 :]}"
