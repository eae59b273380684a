"""The executor: run SPARQL on a store within a deadline and a row cap, and serialise the results.

An embedded (Oxigraph) store is queried in worker processes (:mod:`kg.sparql.workers`), or in-process
for bounded queries; a remote store is queried over HTTP with the deadline as the request timeout.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.sharing import StoreBusy, StoreError
from kg.sparql.evaluation import _evaluate, _Job, _serialize, _tsv_term
from kg.sparql.formats import ResultFormat, format_named, negotiate
from kg.sparql.operations import (
    Operation,
    QueryRefused,
    QueryTimeout,
    SparqlError,
    iri_term,
    parse_operation,
    syntax_error,
    with_using_clauses,
)
from kg.sparql.workers import _WorkerPool

if TYPE_CHECKING:
    from kg.store import KGStore

DEFAULT_TIMEOUT = 10.0
DEFAULT_ROW_CAP = 10_000
#: Bounded queries (one triple pattern) skip the worker processes only while the cap keeps them short.
_INLINE_ROW_CAP = 100_000


@dataclass(frozen=True)
class SparqlResult:
    """A serialised query result; ``truncated`` says the row cap cut it."""

    body: bytes
    format: ResultFormat
    truncated: bool = False


class SparqlExecutor:
    """Run SPARQL on a :class:`~kg.store.KGStore` within a deadline and a row cap; build one per process.

    Queries see the union of all graphs as the default graph (like :meth:`KGStore.query`) unless they
    name a dataset with ``FROM`` or the caller passes ``default_graphs`` / ``named_graphs`` (the SPARQL
    Protocol's ``default-graph-uri`` / ``named-graph-uri``), which then take precedence.
    """

    def __init__(
        self,
        store: KGStore,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        row_cap: int = DEFAULT_ROW_CAP,
        allow_update: bool = False,
        workers: int = 4,
    ):
        from kg.namespaces import PREFIXES  # rdflib; left out of the workers' imports

        self.store = store
        self.timeout = float(timeout)
        self.row_cap = int(row_cap)
        self.allow_update = allow_update
        self._prefixes = tuple((p, str(ns)) for p, ns in PREFIXES.items())
        self._pool = _WorkerPool(store, workers, self._prefixes) if store.kind != "remote" else None

    # -- queries ------------------------------------------------------------------------------------------
    def query(
        self,
        text: str | Operation,
        *,
        accept: str | None = None,
        format: str | None = None,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        base_iri: str | None = None,
        timeout: float | None = None,
    ) -> SparqlResult:
        """Run a query and serialise its result in ``format`` (a name) or the best for ``accept``.

        Raises :class:`QueryRefused` for an update or SERVICE, :class:`QueryTimeout` past the deadline and
        :class:`SparqlError` (``malformed_query``, with line and column) for bad syntax.
        """
        operation = text if isinstance(text, Operation) else parse_operation(text)
        if operation.is_update:
            raise QueryRefused("update_refused", "this is an update; send it as an update, not a query")
        kind = operation.result_kind
        fmt = format_named(format, kind) if format else negotiate(accept, kind)
        given = default_graphs is not None or named_graphs is not None
        for graph in [*(default_graphs or ()), *(named_graphs or ())]:
            if graph:
                iri_term(graph)
        job = _Job(
            text=operation.text,
            kind=kind,
            format=fmt.name,
            union=not operation.has_dataset_clause,
            default_graphs=tuple(default_graphs or ()) if given else None,
            named_graphs=tuple(named_graphs or ()) if given else None,
            base_iri=base_iri,
            row_cap=self.row_cap,
            star_order=operation.star_order,
        )
        seconds = self.timeout if timeout is None else float(timeout)
        if self._pool is None:
            body, truncated = self._remote_query(job, seconds)
        elif operation.bounded and self.row_cap <= _INLINE_ROW_CAP:
            body, truncated = self._inline_query(job)
        else:
            body, truncated = self._pooled_query(job, seconds)
        return SparqlResult(body, fmt, truncated)

    def _inline_query(self, job: _Job) -> tuple[bytes, bool]:
        try:
            with self.store.reading(self.timeout) as handle:
                assert handle is not None
                return _evaluate(handle, job, self._prefixes)
        except StoreBusy as exc:
            raise QueryTimeout("timeout", str(exc)) from exc
        except SyntaxError as exc:
            raise syntax_error(str(exc), job.text) from exc
        except (OSError, ValueError) as exc:
            raise SparqlError("store_error", f"{type(exc).__name__}: {exc}") from exc

    def _pooled_query(self, job: _Job, seconds: float) -> tuple[bytes, bool]:
        try:
            # Held until the answer is in: a write to a shared directory waits for the worker's read.
            with self.store.reading(seconds):
                return self._ask_worker(job, seconds)
        except StoreBusy as exc:
            raise QueryTimeout("timeout", str(exc)) from exc

    def _ask_worker(self, job: _Job, seconds: float) -> tuple[bytes, bool]:
        assert self._pool is not None
        worker = self._pool.acquire(time.monotonic() + seconds)
        healthy = False
        try:
            worker.conn.send(tuple(job))  # a plain tuple: the worker need not import the kg package
            if not worker.wait(seconds):
                raise QueryTimeout(
                    "timeout",
                    f"the query ran longer than {seconds:g} s and was stopped; narrow it or add a LIMIT",
                )
            status, payload, truncated = worker.conn.recv()
            healthy = status != "error"  # a worker whose store failed is replaced, not reused
        except (EOFError, OSError, BrokenPipeError) as exc:
            raise SparqlError("store_error", f"the query worker failed: {exc or 'it exited'}") from exc
        finally:
            self._pool.release(worker, healthy)
        if status == "syntax":
            raise syntax_error(payload, job.text)
        if status == "error":
            raise SparqlError("store_error", payload)
        return payload, truncated

    def _remote_query(self, job: _Job, seconds: float) -> tuple[bytes, bool]:
        params: list[tuple[str, str]] = [("query", job.text)]
        # "" (the store's own default graph) has no name over HTTP: the remote default graph serves
        params += [("default-graph-uri", g) for g in job.default_graphs or () if g]
        params += [("named-graph-uri", g) for g in job.named_graphs or ()]
        accept = "application/n-triples" if job.kind == "graph" else "application/sparql-results+json"
        body = self._post(str(self.store.location), params, accept, seconds)
        if job.kind == "graph":
            results: Any = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        else:
            results = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        return _serialize(results, job, self._prefixes)

    # -- updates ------------------------------------------------------------------------------------------
    def update(
        self,
        text: str | Operation,
        *,
        using_graphs: Sequence[str] = (),
        using_named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> None:
        """Run a SPARQL Update (the caller has authorised it); refused unless built with ``allow_update``.

        Updates run in this process and are not interrupted at the deadline: Oxigraph applies an update
        in one transaction that cannot be cancelled, and only an authorised administrator can send one.
        """
        if not self.allow_update:
            raise QueryRefused("update_refused", "updates are not allowed on this endpoint")
        operation = text if isinstance(text, Operation) else parse_operation(text, allow_update=True)
        if not operation.is_update:
            raise SparqlError("not_an_update", "this is a query; send it as a query, not an update")
        statement = with_using_clauses(operation, using_graphs, using_named_graphs)
        if self.store.kind == "remote":
            endpoint = getattr(self.store.dataset.store, "update_endpoint", None) or str(self.store.location)
            self._post(endpoint, [("update", statement)], "*/*", self.timeout, field="update")
            return
        try:
            # One writer at a time; a shared directory is opened for writing for this update only.
            with self.store.writing() as target:
                target.update(statement, base_iri=base_iri)
        except SyntaxError as exc:
            raise syntax_error(str(exc), statement) from exc
        except StoreBusy as exc:
            raise SparqlError("store_busy", f"the update was not applied: {exc}") from exc
        except (OSError, StoreError) as exc:
            raise SparqlError("store_error", f"the store refused the update: {exc}") from exc
        finally:
            if self._pool is not None:
                self._pool.invalidate()

    def write_graph(self, graph: str, triples: Iterable[ox.Triple], *, replace: bool) -> None:
        """Replace (``replace``) or add to the graph named ``graph`` (``""``: the store's default graph).

        This is the Graph Store Protocol's PUT and POST, as one SPARQL Update (one transaction).
        """
        target = "DEFAULT" if graph == "" else f"GRAPH {iri_term(graph)}"
        data = " ".join(f"{_tsv_term(t.subject)} {_tsv_term(t.predicate)} {_tsv_term(t.object)} ." for t in triples)
        block = data if graph == "" else f"{target} {{ {data} }}"
        statement = f"INSERT DATA {{ {block} }}"
        self.update(f"DROP SILENT {target} ; {statement}" if replace else statement)

    def refresh(self) -> None:
        """Make later queries see writes made to the store behind this executor's back (e.g. bulk loads)."""
        if self._pool is not None:
            self._pool.invalidate()

    def worker_pids(self) -> list[int]:
        """Return the ids of the idle worker processes (diagnostics and tests)."""
        return self._pool.pids() if self._pool is not None else []

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.close()

    # -- HTTP to a remote store ---------------------------------------------------------------------------
    @staticmethod
    def _post(endpoint: str, params: list[tuple[str, str]], accept: str, seconds: float, field: str = "query") -> bytes:
        request = urllib.request.Request(
            endpoint,
            data=urllib.parse.urlencode(params).encode(),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=seconds) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip()
            message = body.splitlines()[0] if body else exc.reason
            if exc.code == 400:  # the store's parser refused the text: explain its whole message
                raise syntax_error(body or str(exc.reason), dict(params).get(field)) from exc
            raise SparqlError("store_error", f"the SPARQL store answered {exc.code}: {message}") from exc
        except TimeoutError as exc:
            raise QueryTimeout("timeout", f"the {field} ran longer than {seconds:g} s and was abandoned") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise QueryTimeout("timeout", f"the {field} ran longer than {seconds:g} s and was abandoned") from exc
            raise SparqlError("store_error", f"cannot reach the SPARQL store: {reason}") from exc
