"""Open a knowledge graph: embedded Oxigraph (on disk or in memory) or a remote SPARQL 1.1 endpoint.

rdflib is the API either way: ``KGStore.dataset`` is an ``rdflib.Dataset`` whose default graph is the
union of all named graphs, so queries see every document without ``GRAPH`` clauses. The embedded store
is rdflib on the Oxigraph store (``oxrdflib``), which answers SPARQL natively in Rust; the remote store
is rdflib's ``SPARQLUpdateStore``. A remote endpoint should serve the union of its named graphs as the
default graph (``oxigraph serve --union-default-graph``, Fuseki's ``unionDefaultGraph``).
"""

from __future__ import annotations

import contextlib
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Identifier

from kg.namespaces import PREFIXES
from kg.sharing import DEFAULT_WAIT, SharedDirectory, StoreBusy, StoreError

__all__ = ["KGStore", "StoreBusy", "StoreError", "bind_values", "open_store", "to_ox"]


class KGStore:
    """A graph of named graphs with union-default-graph queries, whatever the backend.

    Build it with :func:`open_store`. ``kind`` is ``"oxigraph"`` (a directory), ``"memory"`` or
    ``"remote"``; ``location`` is the directory or the query endpoint.

    Safe to share between threads: query results are read to the end (into plain Python rows) on the
    thread that asked, because pyoxigraph's result iterators may only be freed by the thread that made
    them, and rdflib keeps them in a reference cycle the garbage collector frees on any thread.
    """

    def __init__(
        self,
        dataset: Dataset,
        kind: str,
        location: str | None,
        ox_store: ox.Store | None = None,
        *,
        shared: SharedDirectory | None = None,
        writable: bool = True,
    ):
        self.kind = kind
        self.location = location
        self.writable = writable
        #: How the processes sharing the directory take turns (see :mod:`kg.sharing`); None for a store
        #: this process holds open for writing, in memory or remote.
        self.shared = shared
        self._dataset = dataset
        self._ox = ox_store
        self._token = shared.generation() if shared is not None else None
        self._reopen_lock = threading.Lock()
        self._write_lock = threading.RLock()
        for prefix, ns in PREFIXES.items():
            dataset.bind(prefix, ns, override=True)

    @property
    def dataset(self) -> Dataset:
        """The rdflib view; a shared store's is reopened first when another process has written."""
        if self.shared is not None:
            with self.reading():
                return self._dataset
        return self._dataset

    @property
    def ox(self) -> ox.Store | None:
        """The underlying pyoxigraph store for embedded backends (fast paths such as bulk loading)."""
        if self.shared is not None:
            with self.reading() as handle:
                return handle
        return self._ox

    # -- reading -----------------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs; user values enter only through ``bindings``.

        The result is read in full before it is returned (its rows are plain Python objects), so it may
        be kept, iterated in part or handed to another thread.
        """
        if bindings:
            sparql = bind_values(sparql, bindings)
        with self.reading():
            result = self._dataset.query(sparql)
            # (rdflib's remote store returns a (status, reason, None) tuple, not a Result, on HTTP errors)
            if isinstance(result, Result) and result.type == "SELECT":
                _ = result.bindings  # reads the lazy solutions to the end, freeing pyoxigraph's iterator here
        return result

    def contains(self, triple: tuple[Identifier, Identifier, Identifier]) -> bool:
        """Tell whether some graph holds ``triple``."""
        s, p, o = triple
        return bool(self.query("ASK { ?s ?p ?o }", {"s": s, "p": p, "o": o}).askAnswer)

    def predicates_between(self, ones: Iterable[URIRef], others: Iterable[URIRef]) -> set[URIRef]:
        """Return the predicates of the triples between one of ``ones`` and one of ``others``, either way.

        The answering asks this to learn how a question's concepts are joined: which relations could
        decide a yes/no question about them, and whether one mention narrows another.
        """
        ones, others = " ".join(iri.n3() for iri in ones), " ".join(iri.n3() for iri in others)
        if not ones or not others:
            return set()
        rows = self.query(
            "SELECT DISTINCT ?p WHERE { VALUES ?a { %s } VALUES ?b { %s } { ?a ?p ?b } UNION { ?b ?p ?a } }"
            % (ones, others)
        )
        return {row[0] for row in rows}

    def graph_names(self) -> list[URIRef]:
        """Return the IRIs of the named graphs, sorted."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0] for row in rows if isinstance(row[0], URIRef))

    def triple_count(self) -> int:
        """Count the distinct triples over the union of all graphs."""
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0][0]) if rows else 0

    @contextlib.contextmanager
    def reading(self, wait: float = DEFAULT_WAIT) -> Iterator[ox.Store | None]:
        """Hold off writers of a shared directory for the block; yield the up-to-date pyoxigraph store.

        A shared store's read-only handle is reopened first when another process (or thread) has
        written since it was opened. Other stores yield their one handle (``None`` when remote).
        """
        if self.shared is None:
            yield self._ox
            return
        with self.shared.reading(wait):
            token = self.shared.generation()
            if token != self._token:
                self._reopen(token)
            yield self._ox

    def refresh(self) -> None:
        """Reopen a shared store's handle now (e.g. after a write by a program that does not bump the generation)."""
        if self.shared is not None:
            with self.shared.reading():
                self._reopen(self.shared.generation())

    def _reopen(self, token: tuple) -> None:
        with self._reopen_lock:
            if token == self._token and self._ox is not None:
                return
            inner = _open_directory(Path(str(self.location)), read_only=True)
            dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
            for prefix, ns in PREFIXES.items():
                dataset.bind(prefix, ns, override=True)
            # Readers on other threads keep the old handle until their query ends; swapping is atomic.
            self._ox, self._dataset, self._token = inner, dataset, token

    # -- writing -----------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self, wait: float = DEFAULT_WAIT) -> Iterator[ox.Store]:
        """Yield the pyoxigraph store to write into, one writer at a time; raise :class:`StoreError` if none.

        A shared directory is opened for writing for this block only, under its exclusive lock, then
        flushed and closed, so other processes reopen their read-only handles and see the change.
        """
        if self.kind == "remote":
            raise StoreError("a remote store is written with SPARQL Update, not through pyoxigraph")
        if not self.writable:
            raise StoreError(f"the store at {self.location} is open read-only")
        if self.shared is None:
            with self._write_lock:
                yield self._ox
            return
        with self._write_lock, self.shared.writing(wait):
            writer = _open_directory(Path(str(self.location)), read_only=False)
            try:
                yield writer
                writer.flush()
            finally:
                # Oxigraph releases RocksDB's own lock only when the store object goes away.
                del writer

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace the named graph ``name`` with the triples of ``graph`` (create it if new)."""
        self.replace_graphs([(name, graph)])

    def replace_graphs(self, graphs: Iterable[tuple[URIRef, Graph]]) -> None:
        """Replace several named graphs; embedded stores do it in one transaction."""
        graphs = list(graphs)
        if self.kind != "remote":
            quads = [
                ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(name)))
                for name, graph in graphs
                for s, p, o in graph
            ]
            with self.writing() as target:
                existing = set(target.named_graphs())
                for name, _ in graphs:
                    if ox.NamedNode(str(name)) in existing:
                        target.remove_graph(ox.NamedNode(str(name)))
                target.extend(quads)
            return
        for name, graph in graphs:
            _replace_remote_graph(self._dataset.store, name, graph)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update against the store (the graph's prefixes are declared for it)."""
        if self.kind == "remote":
            self._dataset.update(sparql)
            return
        with self.writing() as target:
            target.update(sparql, prefixes={prefix: str(ns) for prefix, ns in PREFIXES.items()})

    def close(self) -> None:
        """Flush and release the store (a directory store can then be opened by another process)."""
        if self._ox is not None and self.shared is None and self.writable:
            with contextlib.suppress(OSError, RuntimeError):
                self._ox.flush()
        with contextlib.suppress(AttributeError):  # closed before: oxrdflib's close is not idempotent
            self._dataset.close()
        self._ox = None


def open_store(
    path: str | Path | None = None,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    read_only: bool = False,
    shared: bool = False,
) -> KGStore:
    """Open the embedded store at ``path`` (in memory when ``None``) or the SPARQL ``endpoint``.

    A directory store opens one of three ways:

    - by default, for writing, by this process alone (RocksDB locks it): building and loading;
    - ``shared=True``: read-only, with writes (:meth:`KGStore.writing`) each opening the store for
      writing under the directory's lock (see :mod:`kg.sharing`), so several processes (a server's
      workers) read it and take turns writing it, and each sees the others' writes at once;
    - ``read_only=True``: like ``shared``, but writes are refused (with ``shared`` too, a missing store
      is created empty first; without, it is an error).

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
        dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
        return KGStore(dataset, "memory", None, inner)
    directory = Path(path)
    sharing = None
    if read_only or shared:
        sharing = SharedDirectory(directory)
        if shared and not (directory / "CURRENT").is_file():
            try:
                directory.mkdir(parents=True, exist_ok=True)
                with sharing.writing():  # several server workers may start at once: one creates it
                    if not (directory / "CURRENT").is_file():
                        _open_directory(directory, read_only=False).flush()  # the handle closes at once
            except OSError as exc:
                raise StoreError(f"cannot create the store at {directory}: {exc}") from exc
        sharing.prepare()
        with sharing.reading():
            token = sharing.generation()
            inner = _open_directory(directory, read_only=True)
    else:
        inner = _open_directory(directory, read_only=False)
    dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
    store = KGStore(dataset, "oxigraph", str(directory), inner, shared=sharing, writable=not read_only)
    if sharing is not None:
        store._token = token  # the handle holds the data of this generation, read under the lock
    return store


def _open_directory(directory: Path, *, read_only: bool) -> ox.Store:
    """Open the pyoxigraph store in ``directory``, turning failures into one-line :class:`StoreError`."""
    try:
        if read_only:
            return ox.Store.read_only(str(directory))
        directory.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(directory))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {directory}: {exc}") from exc


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
