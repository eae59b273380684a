"""Serve the SPARQL 1.1 Protocol at ``/sparql`` and the Graph Store Protocol at ``/sparql/graph``.

Queries: ``GET ?query=``, ``POST`` form (``query=``) or ``POST application/sparql-query``, with
``default-graph-uri`` / ``named-graph-uri``; the result format follows ``Accept`` (or ``?format=json``,
``xml``, ``csv``, ``tsv``, ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``). ``GET /sparql`` without a query
answers the service description (Turtle).

Safe by default:

- updates (``POST application/sparql-update`` or form ``update=``) and Graph Store writes answer 403
  unless ``ALLOW_UPDATE`` is true *and* the request carries ``Authorization: Bearer <ADMIN_TOKEN>``;
- ``SERVICE`` and ``LOAD`` answer 400 before anything runs, so the server never makes a request out;
- a query past ``QUERY_TIMEOUT`` seconds is stopped and answers 503;
- a result longer than ``ROW_CAP`` rows (or triples) is cut there and says so in the response header
  ``X-KG-Truncated: true`` (``false`` otherwise), with the cap in ``X-KG-Row-Cap``;
- a body over ``MAX_CONTENT_LENGTH`` answers 413; a malformed query 400 whose error also carries ``line``,
  ``column``, ``near`` (the text there), ``hint`` and ``detail`` (the parser's own message).

``SELECT *`` columns come in the order their variables first appear in the query (``?s ?p ?o``), in every
result format.

The blueprint finds its collaborators in ``current_app.extensions["kg"]`` (see :class:`KGServices`).
"""

from __future__ import annotations

import hmac
from typing import Protocol

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, request
from werkzeug.datastructures import MultiDict

from kg.sparql import (
    FORMATS,
    SparqlError,
    SparqlExecutor,
    SparqlResult,
    format_named,
    iri_term,
    negotiate,
    parse_operation,
)
from kg.store import KGStore
from service.errors import error_response

bp = Blueprint("sparql", __name__)

_STATUS = {
    "malformed_query": 400,
    "service_refused": 400,
    "load_refused": 400,
    "dataset_conflict": 400,
    "bad_request": 400,
    "bad_format": 400,
    "not_a_query": 400,
    "not_an_update": 400,
    "update_refused": 403,
    "timeout": 503,
    "store_busy": 503,
    "store_error": 502,
}


class KGServices(Protocol):
    """What this blueprint needs from ``current_app.extensions["kg"]``."""

    #: The graph.
    store: KGStore
    #: The one executor of this process (it owns the query worker processes).
    sparql: SparqlExecutor


def _services() -> KGServices:
    return current_app.extensions["kg"]


# -- the protocol endpoint -------------------------------------------------------------------------------
@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer a SPARQL query or update in any of the protocol's forms, or describe the service."""
    if request.method == "GET":
        if "update" in request.args:
            return error_response(400, "bad_request", "updates must be sent with POST, not GET")
        if "query" not in request.args:
            return _service_description()
        return _run_query(_single(request.args, "query"), request.args)
    mimetype = request.mimetype
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        return error_response(415, "unsupported_media_type", f"the body must be UTF-8, not {charset}")
    if mimetype == "application/x-www-form-urlencoded":
        form = request.form
        params = MultiDict([*request.args.items(multi=True), *form.items(multi=True)])
        if ("query" in form) == ("update" in form):
            return error_response(400, "bad_request", "send exactly one of the form fields 'query' or 'update'")
        if "query" in form:
            return _run_query(_single(form, "query"), params)
        return _run_update(_single(form, "update"), params)
    if mimetype == "application/sparql-query":
        return _run_query(_body_text(), request.args)
    if mimetype == "application/sparql-update":
        return _run_update(_body_text(), request.args)
    return error_response(
        415,
        "unsupported_media_type",
        "POST a query as application/sparql-query or application/x-www-form-urlencoded (query=…), "
        "an update as application/sparql-update or a form with update=…",
    )


def _run_query(text: str | Response, params: MultiDict) -> Response:
    if isinstance(text, Response):
        return text
    services = _services()
    try:
        operation = parse_operation(text, allow_update=True)
        if operation.is_update:
            raise SparqlError("not_a_query", "this is an update: POST it as application/sparql-update or update=")
        defaults = _iris(params, "default-graph-uri")
        named = _iris(params, "named-graph-uri")
        given = bool(defaults or named)
        result = services.sparql.query(
            operation,
            accept=request.headers.get("Accept"),
            format=_format_hint(params.get("format"), operation.result_kind),
            default_graphs=defaults if given else None,
            named_graphs=named if given else None,
            # the protocol makes the endpoint the base IRI; computing it costs ~20 µs, so only when used
            base_iri=request.base_url if operation.has_relative_iris else None,
        )
    except SparqlError as exc:
        return _sparql_error(exc)
    return _result_response(result)


def _run_update(text: str | Response, params: MultiDict) -> Response:
    refusal = _refuse_unauthorised()
    if refusal is not None:
        return refusal
    if isinstance(text, Response):
        return text
    try:
        _services().sparql.update(
            text,
            using_graphs=_iris(params, "using-graph-uri"),
            using_named_graphs=_iris(params, "using-named-graph-uri"),
            base_iri=request.base_url,
        )
    except SparqlError as exc:
        return _sparql_error(exc)
    return Response(status=204)


# -- the graph store protocol ----------------------------------------------------------------------------
@bp.route("/sparql/graph", methods=["GET", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    """Read (GET) or, with the admin token, replace (PUT), merge into (POST) or drop (DELETE) one graph.

    ``?graph=<iri>`` names a graph; ``?default`` is the store's own default graph (queries on ``/sparql``
    see the union of all graphs as their default graph, this one included).
    """
    graphs = request.args.getlist("graph")
    if ("default" in request.args) == bool(graphs) or len(graphs) > 1:
        return error_response(400, "bad_request", "name exactly one graph: ?graph=<iri> or ?default")
    reading = request.method in ("GET", "HEAD")  # Flask answers HEAD with the GET handler, minus the body
    if not reading:
        refusal = _refuse_unauthorised()
        if refusal is not None:
            return refusal
    executor = _services().sparql
    target = "" if not graphs else graphs[0]
    try:
        term = "DEFAULT" if target == "" else iri_term(target)
        exists = target == "" or _graph_exists(executor, term)
        if reading:
            if not exists:
                return error_response(404, "not_found", f"no graph {term} in the store")
            pattern = "?s ?p ?o" if target == "" else f"GRAPH {term} {{ ?s ?p ?o }}"
            result = executor.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}",
                accept=request.headers.get("Accept"),
                default_graphs=[""] if target == "" else None,
                named_graphs=[] if target == "" else None,
            )
            return _result_response(result)
        if request.method == "DELETE":
            if target and not exists:
                return error_response(404, "not_found", f"no graph {term} in the store")
            executor.update(f"DROP SILENT {'DEFAULT' if target == '' else 'GRAPH ' + term}")
            return Response(status=204)
        triples = _parse_graph_body(target or request.base_url)
        if isinstance(triples, Response):
            return triples
        executor.write_graph(target, triples, replace=request.method == "PUT")
    except SparqlError as exc:
        return _sparql_error(exc)
    return Response(status=204 if exists else 201)


def _graph_exists(executor: SparqlExecutor, term: str) -> bool:
    result = executor.query(f"ASK {{ GRAPH {term} {{ ?s ?p ?o }} }}", format="json")
    return b"true" in result.body


def _parse_graph_body(base_iri: str) -> list[ox.Triple] | Response:
    """Parse the request's RDF: one graph, or several as the files of a ``multipart/form-data`` body."""
    if request.mimetype == "multipart/form-data":
        parts = [(part.mimetype, part.read()) for part in request.files.values()]
        if not parts:
            return error_response(400, "bad_request", "the multipart body carries no file")
    else:
        parts = [(request.mimetype or "", request.get_data())]
    triples: list[ox.Triple] = []
    for media_type, data in parts:
        rdf_format = ox.RdfFormat.from_media_type(media_type)
        if rdf_format is None or rdf_format.supports_datasets:
            return error_response(
                415,
                "unsupported_media_type",
                "send the graph as text/turtle, application/n-triples, application/rdf+xml, application/ld+json"
                " (or several, as the files of a multipart/form-data body)",
            )
        try:
            triples += ox.parse(data, format=rdf_format, base_iri=base_iri)
        except SyntaxError as exc:
            return error_response(400, "malformed_rdf", f"cannot parse the body as {rdf_format.name}: {exc}")
    return triples


#: ``?format=`` values (as SPARQLWrapper and browsers send them) and the formats they name.
_FORMAT_NAMES = {
    **{name: name for name in FORMATS},
    "ttl": "turtle",
    "n3": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "json-ld": "jsonld",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
}


def _format_hint(value: str | None, kind: str) -> str | None:
    """Read ``?format=`` as a hint: a name or media type that suits the result wins over ``Accept``.

    SPARQLWrapper sends its return format this way whatever the query form, so one that cannot carry
    the result (``format=json`` on a CONSTRUCT) is ignored rather than refused.
    """
    if not value:
        return None
    name = negotiate(value, kind).name if "/" in value else _FORMAT_NAMES.get(value.lower())
    return name if name and kind in FORMATS[name].kinds else None


# -- helpers ---------------------------------------------------------------------------------------------
def _single(params: MultiDict, name: str) -> str | Response:
    values = params.getlist(name)
    if len(values) != 1:
        return error_response(400, "bad_request", f"send exactly one '{name}' parameter, not {len(values)}")
    return values[0]


def _body_text() -> str | Response:
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError:
        return error_response(400, "bad_request", "the body is not valid UTF-8")


def _iris(params: MultiDict, name: str) -> list[str]:
    values = params.getlist(name)
    for value in values:
        iri_term(value)
    return values


def _refuse_unauthorised() -> Response | None:
    """Return a 403 unless updates are allowed and the request carries the admin token."""
    config = current_app.config
    if not config.get("ALLOW_UPDATE"):
        return error_response(403, "updates_disabled", "this endpoint is read-only: updates are not allowed")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    expected = config.get("ADMIN_TOKEN")
    if scheme.lower() != "bearer" or not given.strip() or expected in (None, ""):
        return error_response(403, "forbidden", "updates need the admin token: Authorization: Bearer <token>")
    if not hmac.compare_digest(given.strip().encode(), str(expected).encode()):
        return error_response(403, "forbidden", "the admin token is wrong")
    return None


def _result_response(result: SparqlResult) -> Response:
    headers = {"X-KG-Truncated": "true" if result.truncated else "false", "Vary": "Accept"}
    if result.truncated:
        headers["X-KG-Row-Cap"] = str(_services().sparql.row_cap)
    return Response(result.body, content_type=result.format.content_type, headers=headers)


def _sparql_error(exc: SparqlError) -> Response:
    status = _STATUS.get(exc.code, 400)
    if exc.code == "store_error" and _services().store.kind != "remote":
        status = 500  # our own worker failed, not an upstream store
    # a syntax error says where and near what, with a hint, and keeps the parser's own message (detail)
    return error_response(status, exc.code, exc.message, fields=exc.fields())


def _service_description() -> Response:
    """Describe the endpoint in the SPARQL 1.1 Service Description vocabulary."""
    sd = "http://www.w3.org/ns/sparql-service-description#"
    formats = "http://www.w3.org/ns/formats/"
    services = _services()
    node = ox.BlankNode()
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def triple(predicate: str, obj: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.Triple:
        return ox.Triple(node, ox.NamedNode(predicate), obj)

    try:
        endpoint_iri = ox.NamedNode(request.base_url)
    except ValueError:
        endpoint_iri = ox.NamedNode("http://localhost/sparql")
    triples = [
        ox.Triple(node, rdf_type, ox.NamedNode(sd + "Service")),
        triple(sd + "endpoint", endpoint_iri),
        triple(sd + "supportedLanguage", ox.NamedNode(sd + "SPARQL11Query")),
        triple(sd + "feature", ox.NamedNode(sd + "UnionDefaultGraph")),
        triple(sd + "defaultEntailmentRegime", ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        triple(
            "http://www.w3.org/2000/01/rdf-schema#comment",
            ox.Literal(
                f"Knowledge-graph SPARQL endpoint. Queries stop after {services.sparql.timeout:g} s (503); "
                f"results are cut at {services.sparql.row_cap} rows (header X-KG-Truncated: true); "
                "SERVICE and LOAD are refused."
            ),
        ),
    ]
    if current_app.config.get("ALLOW_UPDATE"):
        triples.append(triple(sd + "supportedLanguage", ox.NamedNode(sd + "SPARQL11Update")))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV"):
        triples.append(triple(sd + "resultFormat", ox.NamedNode(formats + name)))
    for name in ("Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        triples.append(triple(sd + "resultFormat", ox.NamedNode(formats + name)))
    try:
        fmt = format_named(request.args["format"], "graph") if "format" in request.args else None
    except SparqlError as exc:
        return _sparql_error(exc)
    fmt = fmt or negotiate(request.headers.get("Accept"), "graph")
    rdf_format = getattr(
        ox.RdfFormat,
        {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "jsonld": "JSON_LD"}.get(fmt.name, "RDF_XML"),
    )
    prefixes = {"sd": sd, "fmt": formats} if fmt.name == "turtle" else None
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
    return Response(body, content_type=fmt.content_type, headers={"Vary": "Accept"})


@bp.after_request
def _cors(response: Response) -> Response:
    """Let browser tools on other origins (YASGUI) query; the token, not the origin, guards updates."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept, Authorization"
    response.headers["Access-Control-Expose-Headers"] = "X-KG-Truncated, X-KG-Row-Cap"
    return response
