"""Evaluate a query job on a pyoxigraph store and serialise its result; the worker process's main loop.

This runs in the query worker processes (and in-process for bounded queries and remote stores). A worker
started for a directory store loads this file alone (see ``_BOOTSTRAP`` in :mod:`kg.sparql.workers`), not
the kg package, so it must import only the standard library and pyoxigraph: nothing from ``kg``.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Sequence
from typing import Any, NamedTuple

import pyoxigraph as ox

# pyoxigraph's names for the formats of :data:`kg.sparql.formats.FORMATS`, by the formats' short names.
_OX_RESULTS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
_OX_RDF = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML"}


class _Job(NamedTuple):
    text: str
    kind: str
    format: str
    union: bool
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    base_iri: str | None
    row_cap: int
    #: For ``SELECT *``: the variables in the query's order (Oxigraph sorts them by name); else empty.
    star_order: tuple[str, ...] = ()


def _graph(name: str) -> ox.NamedNode | ox.DefaultGraph:
    """Name a graph of the dataset; ``""`` is the store's own default graph (used by the Graph Store API)."""
    return ox.DefaultGraph() if name == "" else ox.NamedNode(name)


def _evaluate(store: ox.Store, job: _Job, prefixes: Sequence[tuple[str, str]]) -> tuple[bytes, bool]:
    """Run ``job`` on ``store``; return the serialised result and whether the row cap cut it."""
    # The graph's own prefixes (rdf, rdfs, skos, kg, kgo, ...) are declared for every query, as the
    # answers' SPARQL and the examples use them; a query's own PREFIX lines still win.
    options: dict[str, Any] = {"base_iri": job.base_iri, "prefixes": dict(prefixes)}
    if job.default_graphs is not None or job.named_graphs is not None:
        options["default_graph"] = [_graph(g) for g in job.default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs or ()]
    elif job.union:
        options["use_default_graph_as_union"] = True
    return _serialize(store.query(job.text, **options), job, prefixes)


def _serialize(results: Any, job: _Job, prefixes: Sequence[tuple[str, str]]) -> tuple[bytes, bool]:
    """Serialise query results natively, keeping at most ``job.row_cap`` rows or triples."""
    if isinstance(results, ox.QueryBoolean):
        return results.serialize(format=getattr(ox.QueryResultsFormat, _OX_RESULTS[job.format])), False
    if isinstance(results, ox.QuerySolutions):
        # The rows pass through TSV, whose cells are exactly the terms' N-Triples forms, so pyoxigraph's
        # own serialisers still write every format after the cap (measured: ~1 µs a row).
        variables = results.variables
        columns = _column_order([v.value for v in variables], job.star_order)
        rows = list(itertools.islice(results, job.row_cap + 1))
        lines = ["\t".join(str(variables[i]) for i in columns)]
        lines += [
            "\t".join("" if row[i] is None else _tsv_term(row[i]) for i in columns) for row in rows[: job.row_cap]
        ]
        capped = ox.parse_query_results(("\n".join(lines) + "\n").encode(), format=ox.QueryResultsFormat.TSV)
        body = capped.serialize(format=getattr(ox.QueryResultsFormat, _OX_RESULTS[job.format]))
        return body, len(rows) > job.row_cap
    triples = list(itertools.islice(results, job.row_cap + 1))
    rdf_format = getattr(ox.RdfFormat, _OX_RDF[job.format])
    body = ox.serialize(triples[: job.row_cap], format=rdf_format)
    if job.format == "turtle":  # declare only the project prefixes the triples use
        used = {p: ns for p, ns in prefixes if f"<{ns}".encode() in body}
        if used:
            body = ox.serialize(triples[: job.row_cap], format=rdf_format, prefixes=used)
    return body, len(triples) > job.row_cap


def _column_order(names: Sequence[str], order: Sequence[str]) -> list[int]:
    """Return the column indexes of ``names`` sorted by ``order`` (names it lacks keep their place at the end)."""
    if not order:
        return list(range(len(names)))
    rank = {name: place for place, name in enumerate(order)}
    return sorted(range(len(names)), key=lambda i: (rank.get(names[i], len(rank)), i))


def _tsv_term(term: Any) -> str:
    """Write a term as a TSV cell: its N-Triples form, with triple terms as ``<<( s p o )>>``."""
    if isinstance(term, ox.Triple):
        return f"<<( {_tsv_term(term.subject)} {_tsv_term(term.predicate)} {_tsv_term(term.object)} )>>"
    return str(term)


def _worker_main(conn: Any, source: ox.Store | str, prefixes: Sequence[tuple[str, str]]) -> None:
    """Answer jobs from ``conn`` on the store until the pipe closes (the worker-process loop)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the parent, which kills us
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    try:
        store = source if isinstance(source, ox.Store) else ox.Store.read_only(source)
    except Exception as exc:
        conn.send(("error", f"cannot open the store: {type(exc).__name__}: {exc}", None))
        return
    conn.send(("ready", None, None))  # start-up time must not count against the first query's deadline
    while True:
        try:
            job = _Job(*conn.recv())
        except (EOFError, OSError):
            return
        try:
            body, truncated = _evaluate(store, job, prefixes)
            reply: tuple[str, Any, Any] = ("ok", body, truncated)
        except SyntaxError as exc:
            reply = ("syntax", str(exc), None)
        except Exception as exc:  # reported to the parent, which raises it as a SparqlError
            reply = ("error", f"{type(exc).__name__}: {exc}", None)
        conn.send(reply)


def _exit_with_parent(parent: int) -> None:
    """End this worker when its parent is gone, even mid-query (pyoxigraph releases the GIL meanwhile)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
