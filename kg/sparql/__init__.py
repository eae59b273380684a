"""Run SPARQL safely: classify the operation, refuse what a public endpoint must not do, stop at a deadline.

One entry point serves the HTTP endpoint, the CLI and the MCP tool:

- :func:`parse_operation` lexes the text (no evaluation) to tell a query from an update and refuses
  ``SERVICE`` and ``LOAD`` before anything runs. The lexer follows the SPARQL grammar's terminals, so a
  string, IRI or comment that merely *contains* "service" is fine, while every spelling Oxigraph would
  execute (``service``, ``SERVICE:x``, ``SERVICESILENT``…) is caught.
- :class:`SparqlExecutor` runs queries within a deadline and a row cap and serialises the results. An
  embedded (Oxigraph) store is queried in worker processes: pyoxigraph cannot be interrupted, so on the
  deadline the worker is killed, which really stops the work, and a fresh one takes its place. A remote
  store is queried over HTTP with the deadline as the request timeout.
- :func:`negotiate` picks a result format from an ``Accept`` header.

The modules, each importable on its own (everything is re-exported here):

- :mod:`kg.sparql.operations`: the errors, the lexer and the classification of operations;
- :mod:`kg.sparql.diagnostics`: syntax errors explained in words (where, near what, a short hint);
- :mod:`kg.sparql.formats`: the result formats and content negotiation;
- :mod:`kg.sparql.evaluation`: running a job on a store and serialising the result (the worker's side);
- :mod:`kg.sparql.workers`: the worker processes and their pool (the parent's side);
- :mod:`kg.sparql.executor`: :class:`SparqlExecutor`, which joins them.

This package imports neither rdflib nor Flask, so worker processes start fast (they load only
``kg/sparql/evaluation.py``, which imports nothing but the standard library and pyoxigraph).
"""

# The private names are re-exported too: they were importable from kg.sparql when it was one module.
# ruff: noqa: F401

from kg.sparql.evaluation import (
    _OX_RDF,
    _OX_RESULTS,
    _evaluate,
    _exit_with_parent,
    _graph,
    _Job,
    _serialize,
    _tsv_term,
    _worker_main,
)
from kg.sparql.executor import _INLINE_ROW_CAP, DEFAULT_ROW_CAP, DEFAULT_TIMEOUT, SparqlExecutor, SparqlResult
from kg.sparql.formats import _DEFAULT_FORMAT, _TABULAR, FORMATS, ResultFormat, format_named, negotiate
from kg.sparql.operations import (
    _ABSOLUTE_IRI,
    _FORBIDDEN,
    _NAME_MID,
    _TOKEN,
    QUERY_FORMS,
    UPDATE_FORMS,
    Operation,
    QueryRefused,
    QueryTimeout,
    SparqlError,
    _classify,
    _is_bounded,
    _syntax_error,
    _tokens,
    iri_term,
    parse_operation,
    star_order,
    syntax_error,
    with_using_clauses,
)
from kg.sparql.workers import _BOOTSTRAP, _START_SECONDS, _directory_fingerprint, _Worker, _WorkerPool

__all__ = [
    "DEFAULT_ROW_CAP",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "Operation",
    "QueryRefused",
    "QueryTimeout",
    "ResultFormat",
    "SparqlError",
    "SparqlExecutor",
    "SparqlResult",
    "format_named",
    "iri_term",
    "negotiate",
    "parse_operation",
    "star_order",
    "syntax_error",
    "with_using_clauses",
]
