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

This module imports neither rdflib nor Flask, so worker processes start fast.
"""

from __future__ import annotations

import functools
import itertools
import json
import multiprocessing
import os
import re
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

import pyoxigraph as ox

if TYPE_CHECKING:
    from kg.store import KGStore

DEFAULT_TIMEOUT = 10.0
DEFAULT_ROW_CAP = 10_000
#: Bounded queries (one triple pattern) skip the worker processes only while the cap keeps them short.
_INLINE_ROW_CAP = 100_000
#: Seconds a query worker may take to start (import pyoxigraph, open the store) under a loaded machine.
_START_SECONDS = 60.0

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


# -- errors ----------------------------------------------------------------------------------------------
class SparqlError(Exception):
    """A SPARQL request failed; ``code`` is stable for programs, ``message`` is one line for people."""

    def __init__(self, code: str, message: str, *, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


class QueryRefused(SparqlError):
    """The operation is valid SPARQL but not allowed here (``SERVICE``, ``LOAD``, an update)."""


class QueryTimeout(SparqlError):
    """The deadline passed; the work was stopped (or never started because every worker was busy)."""


def _syntax_error(message: str, text: str | None = None, offset: int | None = None) -> SparqlError:
    """Build a ``malformed_query`` error, with line and column from Oxigraph's message or an offset."""
    line = column = None
    message = " ".join(message.split())
    if len(message) > 240:  # Oxigraph lists every expected character class; the start says enough
        message = message[:240] + "…"
    match = re.match(r"error at (\d+):(\d+)", message)
    if match:
        line, column = int(match[1]), int(match[2])
    elif text is not None and offset is not None:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        message = f"error at {line}:{column}: {message}"
    return SparqlError("malformed_query", message, line=line, column=column)


# -- lexing and classification ----------------------------------------------------------------------------
_NAME_MID = r"(?:[\w\-\u00B7\u0300-\u036F\u203F\u2040:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<quote>['"])
  | (?P<var>[?$]\w[\w\u00B7\u0300-\u036F\u203F\u2040]*)
  | (?P<bnode>_:\w(?:[\w\-.\u00B7\u0300-\u036F\u203F\u2040]*[\w\-\u00B7\u0300-\u036F\u203F\u2040])?)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:--[A-Za-z]+)?)
  | (?P<pname>(?:[^\W\d_](?:[\w\-.\u00B7\u0300-\u036F\u203F\u2040]*[\w\-\u00B7\u0300-\u036F\u203F\u2040])?)?
              :(?:(?:[\w:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])(?:(?:MID|\.)*MID)?)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
    """.replace("MID", _NAME_MID),
    re.VERBOSE | re.DOTALL,
)
_ABSOLUTE_IRI = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]*:")
# Oxigraph matches keywords by prefix and case-insensitively ("SERVICESILENT<…>" runs a SERVICE), so any
# bare word or prefix label *starting* with these is refused; no other SPARQL keyword starts so.
_FORBIDDEN = (
    ("SERVICE", "service_refused", "SERVICE (federated query) is not allowed on this endpoint"),
    ("LOAD", "load_refused", "LOAD is not allowed on this endpoint"),
)


@dataclass(frozen=True)
class Operation:
    """A lexed SPARQL operation: its text, its form and what the dataset rules need to know."""

    text: str
    #: ``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE`` or ``UPDATE``.
    form: str
    #: The query names its own dataset (``FROM`` / ``FROM NAMED``).
    has_dataset_clause: bool
    #: Some IRI is relative, so the base IRI (the endpoint's URL, per the protocol) matters.
    has_relative_iris: bool = False
    #: One triple pattern and nothing else (see :func:`_is_bounded`): the row cap bounds its work.
    bounded: bool = False
    #: The significant tokens as ``(kind, text, offset)``.
    tokens: tuple[tuple[str, str, int], ...] = field(default=(), repr=False, compare=False)

    @property
    def is_update(self) -> bool:
        """Tell whether this is a SPARQL Update (as opposed to a query)."""
        return self.form == "UPDATE"

    @property
    def result_kind(self) -> str:
        """Name the shape of the result: ``bindings``, ``boolean``, ``graph`` or ``none`` (updates)."""
        return {"SELECT": "bindings", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}.get(
            self.form, "none"
        )


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """Split ``text`` into significant ``(kind, value, offset)`` tokens; refuse an unterminated string."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("ws", "comment"):
            continue
        if kind == "quote":
            raise _syntax_error("unterminated string", text, match.start())
        value = match.group(kind)
        out.append((kind, value, match.start()))
        if kind in ("word", "pname"):
            label = value if kind == "word" else value.split(":", 1)[0]
            for keyword, code, message in _FORBIDDEN:
                if label.upper().startswith(keyword):
                    line = text.count("\n", 0, match.start()) + 1
                    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                    if kind == "pname":
                        message += f" (nor a prefix label starting with {keyword.lower()!r})"
                    raise QueryRefused(code, f"{message} (at {line}:{column})", line=line, column=column)
    return out


def parse_operation(text: str, *, allow_update: bool = False) -> Operation:
    """Classify ``text`` as a query form or an update, refusing SERVICE, LOAD and (unless allowed) updates.

    Only lexing happens here; the full grammar check is Oxigraph's, when the operation runs, and its
    syntax errors come back as ``SparqlError("malformed_query")`` with line and column.
    """
    operation = _classify(text) if len(text) <= 8192 else _classify.__wrapped__(text)
    if operation.is_update and not allow_update:
        raise QueryRefused("update_refused", "updates are not allowed on this endpoint")
    return operation


@functools.lru_cache(maxsize=512)  # endpoints see the same queries again and again; lexing is ~15 µs
def _classify(text: str) -> Operation:
    tokens = _tokens(text)
    index = 0
    while index < len(tokens):  # skip the prologue: BASE <iri> and PREFIX p: <iri>
        kind, value, _ = tokens[index]
        if kind == "word" and value.upper() == "BASE":
            index += 2
        elif kind == "word" and value.upper() == "PREFIX":
            index += 3
        else:
            break
    if index >= len(tokens):
        raise _syntax_error("empty operation: expected SELECT, ASK, CONSTRUCT, DESCRIBE or an update", text, len(text))
    kind, value, offset = tokens[index]
    keyword = value.upper() if kind == "word" else ""
    relative = any(k == "iri" and not _ABSOLUTE_IRI.match(v) for k, v, _ in tokens)
    if keyword in QUERY_FORMS:
        has_from = any(k == "word" and v.upper() == "FROM" for k, v, _ in tokens)
        bounded = _is_bounded(tokens[index:])
        return Operation(text, keyword, has_from, relative, bounded, tokens=tuple(tokens))
    if keyword in UPDATE_FORMS:
        return Operation(text, "UPDATE", False, relative, tokens=tuple(tokens))
    raise _syntax_error(f"expected SELECT, ASK, CONSTRUCT, DESCRIBE or an update, found {value!r}", text, offset)


def _is_bounded(tokens: Sequence[tuple[str, str, int]]) -> bool:
    """Tell whether a query is ``SELECT vars|* WHERE { s p o } [LIMIT n]`` or ``ASK { s p o }``.

    Such a query is one index scan that yields rows as it goes (no join, filter, sort, DISTINCT or
    repeated variable that could scan without yielding), so stopping after the row cap bounds its work
    and it cannot run away. These run in-process, without the worker round trip (~150 µs of CPU).
    """
    values = [v if k != "word" else v.upper() for k, v, _ in tokens]
    kinds = [k for k, _, _ in tokens]
    if values[:2] == ["SELECT", "*"]:
        pos = 2
    elif values[:1] == ["SELECT"]:
        pos = 1
        while pos < len(kinds) and kinds[pos] == "var":
            pos += 1
        if pos == 1:
            return False
    elif values[:1] == ["ASK"]:
        pos = 1
    else:
        return False
    if values[pos : pos + 1] == ["WHERE"]:
        pos += 1
    if values[pos : pos + 1] != ["{"]:
        return False
    pos, seen = pos + 1, set()
    for place in range(3):
        kind, value = kinds[pos] if pos < len(kinds) else "", values[pos] if pos < len(values) else ""
        if kind == "var" and value[1:] not in seen:
            seen.add(value[1:])
        elif (
            kind not in ("iri", "pname") and not (place == 1 and value == "A") and not (place == 2 and kind == "string")
        ):
            return False
        pos += 1
    if kinds[pos - 1] == "string":  # a literal object may carry a language tag or a datatype
        if kinds[pos : pos + 1] == ["langtag"]:
            pos += 1
        elif values[pos : pos + 2] == ["^", "^"] and kinds[pos + 2 : pos + 3] in (["iri"], ["pname"]):
            pos += 3
    if values[pos : pos + 1] == ["."]:
        pos += 1
    if values[pos : pos + 1] != ["}"]:
        return False
    pos += 1
    if values[pos : pos + 1] == ["LIMIT"]:
        pos += 1
        while pos < len(values) and values[pos].isdigit():
            pos += 1
    return pos == len(values)


def with_using_clauses(operation: Operation, using: Sequence[str], using_named: Sequence[str]) -> str:
    """Return the update text with ``USING`` clauses for the protocol's ``using-(named-)graph-uri``.

    SPARQL Protocol: these parameters set the dataset of every ``DELETE/INSERT … WHERE`` operation, and
    an operation that names its own (``USING`` or ``WITH``) together with them is an error.
    """
    if not using and not using_named:
        return operation.text
    clauses = [f"USING {_iri(g)}" for g in using] + [f"USING NAMED {_iri(g)}" for g in using_named]
    tokens = (*operation.tokens, ("other", ";", -1))
    depth, words, inserts = 0, [], []
    for position, (kind, value, offset) in enumerate(tokens):
        if kind == "other" and value in "{[(":
            depth += 1
        elif kind == "other" and value in "}])":
            depth -= 1
        elif depth == 0 and kind == "word" and value.upper() not in ("PREFIX", "BASE"):
            words.append((value.upper(), offset, position))
        elif depth == 0 and kind == "other" and value == ";":  # the end of one operation
            names = [w for w, _, _ in words]
            if "USING" in names or "WITH" in names:
                raise SparqlError(
                    "dataset_conflict", "the update names its dataset (USING/WITH) and so does the request"
                )
            # DELETE/INSERT {…} WHERE gets the clauses; INSERT DATA, DELETE DATA, DELETE WHERE cannot
            after_first = tokens[words[0][2] + 1][1].upper() if words else ""
            if names[:1] in (["INSERT"], ["DELETE"]) and after_first not in ("DATA", "WHERE") and "WHERE" in names:
                inserts.append(words[names.index("WHERE")][1])
            words = []
    text = operation.text
    for offset in reversed(inserts):
        text = text[:offset] + " ".join(clauses) + " " + text[offset:]
    return text


def _iri(value: str) -> str:
    """Return ``value`` as a SPARQL IRI term, refusing anything that is not an absolute IRI."""
    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise SparqlError("bad_request", f"not an absolute IRI: {value!r}") from exc


# -- result formats ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ResultFormat:
    """A result serialisation: its short name, the media type it is served as and what it can carry."""

    name: str
    media_type: str
    kinds: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """Return the ``Content-Type`` header value (text types say their charset)."""
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith("text/") else "")


_TABULAR = ("bindings", "boolean")
FORMATS: dict[str, ResultFormat] = {
    f.name: f
    for f in (
        ResultFormat("json", "application/sparql-results+json", _TABULAR, ("application/json",)),
        ResultFormat("xml", "application/sparql-results+xml", _TABULAR, ("application/xml", "text/xml")),
        ResultFormat("csv", "text/csv", _TABULAR),
        ResultFormat("tsv", "text/tab-separated-values", _TABULAR),
        ResultFormat("turtle", "text/turtle", ("graph",), ("application/x-turtle", "text/n3", "text/rdf+n3")),
        ResultFormat("ntriples", "application/n-triples", ("graph",), ("text/plain",)),
        ResultFormat("jsonld", "application/ld+json", ("graph",), ("application/x-json+ld", "application/json")),
        ResultFormat("rdfxml", "application/rdf+xml", ("graph",), ("application/xml", "text/xml")),
    )
}
_DEFAULT_FORMAT = {"bindings": "json", "boolean": "json", "graph": "turtle"}
_OX_RESULTS = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
_OX_RDF = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML"}


@functools.lru_cache(maxsize=256)
def negotiate(accept: str | None, kind: str) -> ResultFormat:
    """Pick the format for a result of ``kind`` from an ``Accept`` header (best q first, then order).

    When nothing acceptable matches, the kind's default (SPARQL JSON, or Turtle for graphs) is returned:
    clients that send odd Accept headers still get a useful, correctly labelled answer.
    """
    candidates = [f for f in FORMATS.values() if kind in f.kinds]
    if accept:
        ranges = []
        for position, item in enumerate(accept.split(",")):
            media, *params = (part.strip() for part in item.split(";"))
            quality = 1.0
            for param in params:
                if param.lower().startswith("q="):
                    try:
                        quality = float(param[2:])
                    except ValueError:
                        quality = 0.0
            if quality > 0 and media:
                ranges.append((-quality, media.count("*"), position, media.lower()))
        for _, _, _, media in sorted(ranges):
            for fmt in candidates:
                if media in (fmt.media_type, *fmt.aliases) or media == "*/*":
                    return FORMATS[_DEFAULT_FORMAT[kind]] if media == "*/*" else fmt
                if media.endswith("/*") and fmt.media_type.startswith(media[:-1]):
                    return fmt
    return FORMATS[_DEFAULT_FORMAT[kind]]


def format_named(name: str, kind: str) -> ResultFormat:
    """Return the format called ``name`` (``json``, ``turtle``…) for a ``kind`` result, or raise."""
    fmt = FORMATS.get(name.lower())
    if fmt is None or kind not in fmt.kinds:
        usable = ", ".join(f.name for f in FORMATS.values() if kind in f.kinds)
        raise SparqlError("bad_format", f"format {name!r} cannot carry a {kind} result; use one of {usable}")
    return fmt


@dataclass(frozen=True)
class SparqlResult:
    """A serialised query result; ``truncated`` says the row cap cut it."""

    body: bytes
    format: ResultFormat
    truncated: bool = False


# -- evaluation (runs inside a worker process for embedded stores) ----------------------------------------
class _Job(NamedTuple):
    text: str
    kind: str
    format: str
    union: bool
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    base_iri: str | None
    row_cap: int


def _graph(name: str) -> ox.NamedNode | ox.DefaultGraph:
    """Name a graph of the dataset; ``""`` is the store's own default graph (used by the Graph Store API)."""
    return ox.DefaultGraph() if name == "" else ox.NamedNode(name)


def _evaluate(store: ox.Store, job: _Job, prefixes: Sequence[tuple[str, str]]) -> tuple[bytes, bool]:
    """Run ``job`` on ``store``; return the serialised result and whether the row cap cut it."""
    options: dict[str, Any] = {"base_iri": job.base_iri}
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
        rows = list(itertools.islice(results, job.row_cap + 1))
        lines = ["\t".join(str(v) for v in variables)]
        lines += ["\t".join("" if t is None else _tsv_term(t) for t in row) for row in rows[: job.row_cap]]
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


# -- the worker pool -------------------------------------------------------------------------------------
class _Worker:
    """One query worker process and the pipe to it."""

    def __init__(self, source: ox.Store | str, generation: int, prefixes: tuple[tuple[str, str], ...]):
        self.generation = generation
        if isinstance(source, ox.Store):
            # A memory store exists only in this process: fork, and the child reads a copy-on-write snapshot.
            context = multiprocessing.get_context("fork")
            self.conn, child = context.Pipe()
            process = context.Process(target=_worker_main, args=(child, source, prefixes), daemon=True)
            process.start()
            child.close()
            self.pid, self._process, self._popen = process.pid, process, None
        else:
            self._spawn(source, prefixes)
        self._poller = select.poll()  # one poller per worker: multiprocessing's wait() costs ~30 µs a call
        self._poller.register(self.conn.fileno(), select.POLLIN)
        try:
            answered = self.wait(_START_SECONDS)
            status, message, _ = self.conn.recv() if answered else ("error", "no answer in time", None)
        except (EOFError, OSError) as exc:
            status, message = "error", f"it exited ({exc or 'no reason given'})"
        if status != "ready":
            self.stop()
            raise SparqlError("store_error", f"a query worker failed to start: {message}")

    def _spawn(self, source: str, prefixes: tuple[tuple[str, str], ...]) -> None:
        # A directory store is opened read-only by a fresh interpreter. Not multiprocessing's "spawn",
        # which would re-run the caller's __main__ (a script without a main guard would start over).
        parent, child = socket.socketpair()
        self._popen = subprocess.Popen(
            [sys.executable, "-c", _BOOTSTRAP, str(child.fileno()), source, json.dumps(prefixes), __file__],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.pid, self._process = self._popen.pid, None

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the worker's answer; tell whether one (or the worker's end) came."""
        return bool(self._poller.poll(max(0, int(seconds * 1000))))

    def alive(self) -> bool:
        """Tell whether the process still runs."""
        return self._popen.poll() is None if self._popen else self._process.is_alive()

    def stop(self) -> None:
        """Kill the process at once (a runaway query in it stops with it) and reap it."""
        if self._popen is not None:
            self._popen.kill()
            self._popen.wait(timeout=5)
        else:
            self._process.kill()
            self._process.join(timeout=5)
        self.conn.close()


# The worker loads this file alone, not the kg package (whose __init__ pulls in rdflib and numpy: half a
# second more per start); this module needs only the standard library and pyoxigraph.
_BOOTSTRAP = (
    "import importlib.util, json, sys; from multiprocessing.connection import Connection; "
    "spec = importlib.util.spec_from_file_location('kg_sparql_worker', sys.argv[4]); "
    "module = sys.modules['kg_sparql_worker'] = importlib.util.module_from_spec(spec); "
    "spec.loader.exec_module(module); "
    "module._worker_main(Connection(int(sys.argv[1])), sys.argv[2], json.loads(sys.argv[3]))"
)


class _WorkerPool:
    """Keep up to ``size`` worker processes; hand one out per query, replace the ones that overran."""

    def __init__(self, store: KGStore, size: int, prefixes: tuple[tuple[str, str], ...], refresh_interval: float = 1.0):
        self.prefixes = prefixes
        self.memory = store.location is None
        self.source: ox.Store | str = store.ox if self.memory else str(store.location)
        self.size = max(1, size)
        self.refresh_interval = refresh_interval
        self.generation = 0
        self.idle: list[_Worker] = []
        self.busy = 0
        self.pid = os.getpid()
        self.cond = threading.Condition()
        self.fingerprint: tuple = ()
        self.checked = 0.0

    def acquire(self, deadline: float) -> _Worker:
        """Return an idle worker of the current generation, starting one if the pool has room."""
        with self.cond:
            self._check_fork_and_changes()
            while True:
                while self.idle:
                    worker = self.idle.pop()
                    if worker.generation == self.generation and worker.alive():
                        self.busy += 1
                        return worker
                    worker.stop()
                if self.busy < self.size:
                    self.busy += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self.cond.wait(remaining):
                    raise QueryTimeout("timeout", "every query worker stayed busy until the deadline")
        try:
            return _Worker(self.source, self.generation, self.prefixes)
        except BaseException:
            with self.cond:
                self.busy -= 1
                self.cond.notify()
            raise

    def release(self, worker: _Worker, healthy: bool) -> None:
        """Take ``worker`` back, or stop it when it overran, failed or the data changed since it started."""
        with self.cond:
            self.busy -= 1
            if healthy and worker.generation == self.generation and os.getpid() == self.pid:
                self.idle.append(worker)
                worker = None
            self.cond.notify()
        if worker is not None:
            worker.stop()

    def invalidate(self) -> None:
        """Make every worker start afresh so the next queries see the store's latest state."""
        with self.cond:
            self.generation += 1
            stale, self.idle = self.idle, []
        for worker in stale:
            worker.stop()

    def close(self) -> None:
        """Stop every idle worker (busy ones are stopped as they come back)."""
        self.invalidate()

    def current_generation(self) -> int:
        """Return the data generation, first noticing writes made by other processes."""
        with self.cond:
            self._check_fork_and_changes()
            return self.generation

    def pids(self) -> list[int]:
        """Return the process ids of the idle workers (for tests and diagnostics)."""
        with self.cond:
            return [w.pid for w in self.idle]

    def _check_fork_and_changes(self) -> None:
        if os.getpid() != self.pid:  # we are a forked copy (e.g. gunicorn --preload): the pipes are not ours
            self.pid, self.idle, self.busy = os.getpid(), [], 0
        if self.memory:
            return
        now = time.monotonic()
        if now - self.checked < self.refresh_interval:
            return
        self.checked = now
        fingerprint = _directory_fingerprint(str(self.source))
        if fingerprint != self.fingerprint:
            if self.fingerprint:
                self.generation += 1
            self.fingerprint = fingerprint


def _directory_fingerprint(path: str) -> tuple:
    """Summarise a store directory's files so a write by another process is noticed within a second."""
    try:
        return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(path)))
    except OSError:
        return ()


# -- the executor ----------------------------------------------------------------------------------------
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
        from kg.namespaces import PREFIXES  # rdflib; kept out of the workers' imports

        self.store = store
        self.timeout = float(timeout)
        self.row_cap = int(row_cap)
        self.allow_update = allow_update
        self._prefixes = tuple((p, str(ns)) for p, ns in PREFIXES.items())
        self._pool = _WorkerPool(store, workers, self._prefixes) if store.ox is not None else None
        self._lock = threading.Lock()
        self._local: tuple[tuple[int, int], ox.Store] | None = None

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
                _iri(graph)
        job = _Job(
            text=operation.text,
            kind=kind,
            format=fmt.name,
            union=not operation.has_dataset_clause,
            default_graphs=tuple(default_graphs or ()) if given else None,
            named_graphs=tuple(named_graphs or ()) if given else None,
            base_iri=base_iri,
            row_cap=self.row_cap,
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
        assert self._pool is not None and self.store.ox is not None
        version = (os.getpid(), self._pool.current_generation())  # a forked copy opens its own handle
        local = self._local
        if self._pool.memory:
            store = self.store.ox
        elif local is not None and local[0] == version:
            store = local[1]
        else:  # a handle of our own, reopened like the workers', so both see the same data
            store = ox.Store.read_only(str(self.store.location))
            self._local = (version, store)
        try:
            return _evaluate(store, job, self._prefixes)
        except SyntaxError as exc:
            raise _syntax_error(str(exc)) from exc
        except (OSError, ValueError) as exc:
            raise SparqlError("store_error", f"{type(exc).__name__}: {exc}") from exc

    def _pooled_query(self, job: _Job, seconds: float) -> tuple[bytes, bool]:
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
            raise _syntax_error(payload)
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
        if self.store.ox is None:
            endpoint = getattr(self.store.dataset.store, "update_endpoint", None) or str(self.store.location)
            self._post(endpoint, [("update", statement)], "*/*", self.timeout, field="update")
            return
        try:
            with self._lock:
                self.store.ox.update(statement, base_iri=base_iri)
        except SyntaxError as exc:
            raise _syntax_error(str(exc)) from exc
        except OSError as exc:
            raise SparqlError("store_error", f"the store refused the update: {exc}") from exc
        finally:
            if self._pool is not None:
                self._pool.invalidate()

    def write_graph(self, graph: str, triples: Iterable[ox.Triple], *, replace: bool) -> None:
        """Replace (``replace``) or add to the graph named ``graph`` (``""``: the store's default graph).

        This is the Graph Store Protocol's PUT and POST, as one SPARQL Update (one transaction).
        """
        target = "DEFAULT" if graph == "" else f"GRAPH {_iri(graph)}"
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
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            message = detail[0] if detail else exc.reason
            if exc.code == 400:
                raise _syntax_error(str(message)) from exc
            raise SparqlError("store_error", f"the SPARQL store answered {exc.code}: {message}") from exc
        except TimeoutError as exc:
            raise QueryTimeout("timeout", f"the {field} ran longer than {seconds:g} s and was abandoned") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise QueryTimeout("timeout", f"the {field} ran longer than {seconds:g} s and was abandoned") from exc
            raise SparqlError("store_error", f"cannot reach the SPARQL store: {reason}") from exc


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
    "negotiate",
    "parse_operation",
    "with_using_clauses",
]
