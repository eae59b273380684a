"""Test /sparql end to end: a real gunicorn on loopback, real clients (SPARQLWrapper, rdflib, requests).

Three servers share one prepared store (copied): a read-only one with a 1 s deadline and a 100-row cap,
one that allows updates with an admin token, and one the W3C update tests may wipe.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.dom.minidom import Document

import pytest
import requests
import w3c
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from servers import clean_env, free_port, gunicorn_command, running, wait_until_ready
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.store import open_store

pytestmark = pytest.mark.slow

EX = Namespace("http://example.org/")
GRAPH = URIRef("https://kgqa.dev/graph/test")
TOKEN = "s3cret-token"
ROW_CAP = 100
BODY_LIMIT = 65536
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
JSON_TYPE = "application/sparql-results+json"
#: The fields a syntax error may add beside code and message.
DETAILS = ("line", "column", "near", "hint", "detail")


# -- servers --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    """A store built with kg.store: 300 ranked items, an AMI fact, and the W3C protocol tests' graphs."""
    directory = tmp_path_factory.mktemp("sparql") / "store"
    store = open_store(directory)
    graph = Graph()
    for i in range(300):
        graph.add((EX[f"item{i}"], EX.rank, Literal(i)))
    graph.add((EX.ami, EX.creates, EX.instance))
    graph.add((EX.ami, EX.label, Literal("AMI", lang="en")))
    graphs = [(GRAPH, graph)]
    for name, source in w3c.protocol_graph_data():
        graphs.append((URIRef(name), Graph().parse(source, format="nt")))
    store.replace_graphs(graphs)
    store.close()
    return directory


@dataclass
class Server:
    """A gunicorn serving ``service.wsgi:app`` on loopback: its ``/sparql`` URL and its process."""

    url: str
    process: subprocess.Popen

    def query_worker_pids(self) -> list[int]:
        """Return the pids of the query worker processes under this server."""
        return [pid for pid in _descendants(self.process.pid) if b"_worker_main" in _cmdline(pid)]


def _serve(store_dir: Path, tmp_path_factory, name: str, env: dict[str, str], workers: int) -> Iterator[Server]:
    """Serve a copy of ``store_dir`` with ``workers`` gthread workers until the module's tests are done."""
    directory = tmp_path_factory.mktemp(name) / "store"
    shutil.copytree(store_dir, directory)
    bind = f"127.0.0.1:{free_port()}"
    # The QA engine loads while a worker boots (eager), so it competes with no timed test later.
    environ = clean_env({"KG_ENGINE_LOAD": "eager", "KG_STORE": str(directory), **env})
    command = gunicorn_command(bind, workers, "--worker-class", "gthread", "--threads", "4")
    with running(command, directory.parent / "gunicorn.log", environ) as server:
        # No engine for this store is fine: a worker saying its engine failed ends the wait 5 s later.
        wait_until_ready(f"http://{bind}", server, workers, seconds=240, failed_grace=5)
        yield Server(f"http://{bind}/sparql", server.process)


@pytest.fixture(scope="module")
def readonly(store_dir, tmp_path_factory) -> Iterator[Server]:
    env = {"KG_QUERY_TIMEOUT": "1", "KG_ROW_CAP": str(ROW_CAP), "KG_MAX_CONTENT_LENGTH": str(BODY_LIMIT)}
    yield from _serve(store_dir, tmp_path_factory, "readonly", env, workers=2)


@pytest.fixture(scope="module")
def writable(store_dir, tmp_path_factory) -> Iterator[Server]:
    # A writer holds the store's lock, so an update-enabled embedded store is served by one process.
    env = {"KG_ALLOW_UPDATE": "true", "KG_ADMIN_TOKEN": TOKEN}
    yield from _serve(store_dir, tmp_path_factory, "writable", env, workers=1)


@pytest.fixture(scope="module")
def w3c_writable(store_dir, tmp_path_factory) -> Iterator[Server]:
    env = {"KG_ALLOW_UPDATE": "true", "KG_ADMIN_TOKEN": TOKEN}
    yield from _serve(store_dir, tmp_path_factory, "w3c", env, workers=1)


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _error(response: requests.Response, status: int, code: str) -> str:
    """Assert the JSON error shape, status and code; return the message."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]) <= {"code", "message", *DETAILS}
    assert body["error"]["code"] == code
    return body["error"]["message"]


# -- real clients ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("method", "request_method"), [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_select_json(readonly, method, request_method):
    client = SPARQLWrapper(readonly.url)
    client.setMethod(method)
    client.setRequestMethod(request_method)
    client.setQuery(f"SELECT ?o ?label WHERE {{ <{EX.ami}> <{EX.creates}> ?o ; <{EX.label}> ?label }}")
    client.setReturnFormat(JSON)
    result = client.queryAndConvert()
    assert result["head"]["vars"] == ["o", "label"]
    assert result["results"]["bindings"] == [
        {
            "o": {"type": "uri", "value": str(EX.instance)},
            "label": {"type": "literal", "value": "AMI", "xml:lang": "en"},
        }
    ]


def test_sparqlwrapper_select_xml_csv_tsv(readonly):
    query = f"SELECT ?o WHERE {{ <{EX.ami}> <{EX.creates}> ?o }}"
    client = SPARQLWrapper(readonly.url, returnFormat=XML)
    client.setQuery(query)
    document = client.queryAndConvert()
    assert isinstance(document, Document)
    assert [u.firstChild.data for u in document.getElementsByTagName("uri")] == [str(EX.instance)]
    client.setReturnFormat(CSV)
    assert list(csv.reader(io.StringIO(client.queryAndConvert().decode()))) == [["o"], [str(EX.instance)]]
    client.setReturnFormat(TSV)
    assert client.queryAndConvert().decode().splitlines() == ["?o", f"<{EX.instance}>"]


def test_sparqlwrapper_ask(readonly):
    client = SPARQLWrapper(readonly.url, returnFormat=JSON)
    client.setQuery(f"ASK {{ <{EX.ami}> <{EX.creates}> <{EX.instance}> }}")
    assert client.queryAndConvert()["boolean"] is True
    client.setReturnFormat(XML)
    client.setQuery(f"ASK {{ <{EX.ami}> <{EX.creates}> <{EX.nothing}> }}")
    assert client.queryAndConvert().getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
@pytest.mark.parametrize("return_format", [TURTLE, N3, RDFXML, JSONLD])
def test_sparqlwrapper_graph_results(readonly, form, return_format):
    query = f"CONSTRUCT WHERE {{ <{EX.ami}> ?p ?o }}" if form == "CONSTRUCT" else f"DESCRIBE <{EX.ami}>"
    client = SPARQLWrapper(readonly.url, returnFormat=return_format)
    client.setQuery(query)
    result = client.queryAndConvert()
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format="turtle")
    assert set(graph) == {(EX.ami, EX.creates, EX.instance), (EX.ami, EX.label, Literal("AMI", lang="en"))}


@pytest.mark.parametrize("return_format", ["json", "xml"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_rdflib_sparqlstore(readonly, return_format, method):
    store = SPARQLStore(readonly.url, returnFormat=return_format, method=method)
    dataset = Dataset(store=store, default_union=True)  # as kg.store opens a remote store
    rows = list(dataset.query(f"SELECT ?o WHERE {{ <{EX.ami}> <{EX.creates}> ?o }}"))
    assert [row.o for row in rows] == [EX.instance]
    assert dataset.query(f"ASK {{ <{EX.ami}> ?p ?o }}").askAnswer is True
    assert set(dataset.triples((EX.ami, EX.creates, None))) == {(EX.ami, EX.creates, EX.instance)}
    constructed = dataset.query(f"CONSTRUCT WHERE {{ <{EX.ami}> <{EX.creates}> ?o }}").graph
    assert set(constructed) == {(EX.ami, EX.creates, EX.instance)}


def test_sparqlwrapper_reports_malformed_queries(readonly):
    client = SPARQLWrapper(readonly.url, returnFormat=JSON)
    client.setQuery("SELECT * WHERE {\n  ?s ?p }")
    with pytest.raises(QueryBadFormed) as bad:
        client.query()
    assert "malformed_query" in str(bad.value) and "error at 2:" in str(bad.value)


# -- protocol forms and content types -------------------------------------------------------------------
ACCEPTS = [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv; charset=utf-8"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
]


@pytest.mark.parametrize(("accept", "content_type"), ACCEPTS)
@pytest.mark.parametrize("form", ["get", "post-form", "post-direct"])
def test_every_protocol_form_and_tabular_type(readonly, form, accept, content_type):
    query = f"SELECT ?o WHERE {{ <{EX.ami}> <{EX.creates}> ?o }}"
    headers = {"Accept": accept}
    if form == "get":
        response = requests.get(readonly.url, params={"query": query}, headers=headers, timeout=10)
    elif form == "post-form":
        response = requests.post(readonly.url, data={"query": query}, headers=headers, timeout=10)
    else:
        headers["Content-Type"] = "application/sparql-query"
        response = requests.post(readonly.url, data=query.encode(), headers=headers, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == content_type
    assert response.headers["X-KG-Truncated"] == "false"
    assert str(EX.instance) in response.text


@pytest.mark.parametrize(
    ("accept", "content_type", "rdf_format"),
    [
        ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_graph_content_types(readonly, accept, content_type, rdf_format):
    response = requests.get(
        readonly.url, params={"query": f"DESCRIBE <{EX.ami}>"}, headers={"Accept": accept}, timeout=10
    )
    assert response.status_code == 200 and response.headers["Content-Type"] == content_type
    graph = Graph().parse(data=response.content, format=rdf_format)
    assert (EX.ami, EX.label, Literal("AMI", lang="en")) in graph and len(graph) == 2


def test_dataset_parameters(readonly):
    query = f"ASK {{ <{EX.ami}> <{EX.creates}> ?o }}"
    other = "http://kasei.us/2009/09/sparql/data/data1.rdf"

    def ask(**params) -> bool:
        response = requests.get(readonly.url, params={"query": query, **params}, headers={"Accept": JSON_TYPE})
        assert response.status_code == 200, response.text
        return response.json()["boolean"]

    assert ask() is True  # the default graph is the union of the named graphs
    assert ask(**{"default-graph-uri": str(GRAPH)}) is True
    assert ask(**{"default-graph-uri": other}) is False
    assert ask(**{"named-graph-uri": str(GRAPH)}) is False  # named only: the default graph is empty
    _error(
        requests.get(readonly.url, params={"query": query, "default-graph-uri": "not an iri"}),
        400,
        "bad_request",
    )


def test_format_parameter_is_a_hint(readonly):
    def content_type(query: str, fmt: str) -> str:
        response = requests.get(readonly.url, params={"query": query, "format": fmt}, headers={"Accept": "*/*"})
        assert response.status_code == 200, response.text
        return response.headers["Content-Type"].split(";")[0]

    assert content_type("SELECT * { ?s ?p ?o } LIMIT 1", "csv") == "text/csv"
    assert (
        content_type("SELECT * { ?s ?p ?o } LIMIT 1", "application/sparql-results+xml")
        == "application/sparql-results+xml"
    )
    assert content_type(f"DESCRIBE <{EX.ami}>", "json-ld") == "application/ld+json"
    assert content_type("ASK {}", "turtle") == "application/sparql-results+json"  # cannot carry it: ignored


def test_row_cap_is_announced_in_a_header(readonly):
    bounded = requests.get(readonly.url, params={"query": f"SELECT ?s WHERE {{ ?s <{EX.rank}> ?r }}"})
    assert bounded.headers["X-KG-Truncated"] == "true" and bounded.headers["X-KG-Row-Cap"] == str(ROW_CAP)
    assert len(bounded.json()["results"]["bindings"]) == ROW_CAP
    pooled = requests.get(
        readonly.url,
        params={"query": f"CONSTRUCT {{ ?s <{EX.rank}> ?r }} WHERE {{ ?s <{EX.rank}> ?r FILTER(?r >= 0) }}"},
        headers={"Accept": "application/n-triples"},
    )
    assert pooled.headers["X-KG-Truncated"] == "true" and len(pooled.text.splitlines()) == ROW_CAP
    small = requests.get(readonly.url, params={"query": f"SELECT ?s WHERE {{ ?s <{EX.rank}> 7 }}"})
    assert small.headers["X-KG-Truncated"] == "false" and len(small.json()["results"]["bindings"]) == 1


def test_service_description(readonly, writable):
    for server, updates in ((readonly, False), (writable, True)):
        response = requests.get(server.url, headers={"Accept": "text/turtle"}, timeout=10)
        assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/turtle")
        sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
        graph = Graph().parse(data=response.text, format="turtle")
        (service,) = graph.subjects(RDF.type, sd.Service)
        assert graph.value(service, sd.endpoint) == URIRef(server.url)
        languages = set(graph.objects(service, sd.supportedLanguage))
        assert (sd.SPARQL11Update in languages) is updates and sd.SPARQL11Query in languages
        assert (service, sd.feature, sd.UnionDefaultGraph) in graph


# -- safety ---------------------------------------------------------------------------------------------
def test_updates_are_refused_on_a_read_only_server(readonly):
    update = f"INSERT DATA {{ <{EX.a}> <{EX.b}> <{EX.c}> }}"
    for headers in ({}, AUTH):
        direct = requests.post(
            readonly.url, data=update, headers={"Content-Type": "application/sparql-update", **headers}
        )
        _error(direct, 403, "updates_disabled")
        _error(requests.post(readonly.url, data={"update": update}, headers=headers), 403, "updates_disabled")
    graph = f"{readonly.url}/graph?graph={EX.g}"
    for method in ("put", "post", "delete"):
        _error(
            requests.request(
                method, graph, data=f"<{EX.a}> <{EX.b}> <{EX.c}> .", headers={"Content-Type": "text/turtle", **AUTH}
            ),
            403,
            "updates_disabled",
        )
    # Every write above carries this triple, so any that got through shows here.
    ask = requests.get(readonly.url, params={"query": f"ASK {{ <{EX.a}> ?p ?o }}"}, headers={"Accept": JSON_TYPE})
    assert ask.json()["boolean"] is False


def test_updates_need_the_token_and_then_work(writable):
    update = f"INSERT DATA {{ GRAPH <{EX.g}> {{ <{EX.a}> <{EX.b}> <{EX.c}> }} }}"
    headers = {"Content-Type": "application/sparql-update"}
    _error(requests.post(writable.url, data=update, headers=headers), 403, "forbidden")
    wrong = {"Authorization": "Bearer nope", **headers}
    _error(requests.post(writable.url, data=update, headers=wrong), 403, "forbidden")
    basic = {"Authorization": f"Basic {TOKEN}", **headers}
    _error(requests.post(writable.url, data=update, headers=basic), 403, "forbidden")
    check = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{EX.a}> <{EX.b}> ?o FILTER(isIRI(?o)) }}"  # runs in a worker

    def count() -> str:
        response = requests.get(writable.url, params={"query": check}, headers={"Accept": JSON_TYPE})
        return response.json()["results"]["bindings"][0]["n"]["value"]

    assert count() == "0"
    assert requests.post(writable.url, data=update, headers={**AUTH, **headers}).status_code == 204
    assert count() == "1"
    # rdflib's update store (form POST) with the token
    store = SPARQLUpdateStore(query_endpoint=writable.url, update_endpoint=writable.url, headers=AUTH)
    store.update(f"INSERT DATA {{ GRAPH <{EX.g}> {{ <{EX.a}> <{EX.b}> <{EX.d}> }} }}")
    assert count() == "2"
    # SPARQLWrapper with the token
    client = SPARQLWrapper(writable.url)
    client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    client.setMethod(POST)
    client.setQuery(f"DELETE DATA {{ GRAPH <{EX.g}> {{ <{EX.a}> <{EX.b}> <{EX.c}> }} }}")
    client.query()
    assert count() == "1"
    _error(requests.post(writable.url, data="INSERT DATA {", headers={**AUTH, **headers}), 400, "malformed_query")


def test_graph_store_protocol(writable):
    graph = f"{writable.url}/graph"
    target = {"graph": str(EX.gsp)}
    turtle = f"<{EX.x}> <{EX.y}> <{EX.z}> ."
    _error(requests.get(graph, params=target), 404, "not_found")
    _error(
        requests.put(graph, params=target, data=turtle, headers={"Content-Type": "text/turtle"}),
        403,
        "forbidden",
    )
    put = requests.put(graph, params=target, data=turtle, headers={"Content-Type": "text/turtle", **AUTH})
    assert put.status_code == 201
    got = requests.get(graph, params=target, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and got.text.strip() == f"<{EX.x}> <{EX.y}> <{EX.z}> ."
    more = f'<{EX.x}> <{EX.label}> "x" .'
    headers = {"Content-Type": "application/n-triples", **AUTH}
    assert requests.post(graph, params=target, data=more, headers=headers).status_code == 204
    assert len(Graph().parse(data=requests.get(graph, params=target).text, format="turtle")) == 2
    assert requests.put(graph, params=target, data=more, headers=headers).status_code == 204  # replaces
    assert len(Graph().parse(data=requests.get(graph, params=target).text, format="turtle")) == 1
    _error(requests.put(graph, params=target, data="<x> <y>", headers=headers), 400, "malformed_rdf")
    _error(
        requests.put(graph, params=target, data="{}", headers={"Content-Type": "image/png", **AUTH}),
        415,
        "unsupported_media_type",
    )
    assert requests.delete(graph, params=target, headers=AUTH).status_code == 204
    _error(requests.delete(graph, params=target, headers=AUTH), 404, "not_found")
    _error(requests.get(graph), 400, "bad_request")
    default = requests.put(graph + "?default", data=turtle, headers={"Content-Type": "text/turtle", **AUTH})
    assert default.status_code == 204
    assert requests.get(graph + "?default", headers={"Accept": "application/n-triples"}).text.strip() == turtle


def test_service_and_load_are_refused_without_any_outbound_request(readonly, writable, listener):
    for query in (
        f"SELECT * WHERE {{ ?s ?p ?o SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
        f"PREFIX : <{listener.url}#> SELECT * WHERE {{ ?s ?p ?o SERVICE:x {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o SERVICESILENT<{listener.url}>{{ ?s ?p ?o }} }}",
    ):
        message = _error(requests.get(readonly.url, params={"query": query}), 400, "service_refused")
        assert "SERVICE" in message
    updates = (
        f"LOAD <{listener.url}>",
        f"INSERT {{ <{EX.a}> <{EX.b}> ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
    )
    for update, code in zip(updates, ("load_refused", "service_refused"), strict=True):
        response = requests.post(
            writable.url, data=update, headers={"Content-Type": "application/sparql-update", **AUTH}
        )
        _error(response, 400, code)
    harmless = 'SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), "SERVICE <x> {}")) }'
    assert requests.get(readonly.url, params={"query": harmless}).status_code == 200
    time.sleep(0.5)
    assert listener.connections == 0


def test_a_runaway_query_is_stopped_while_others_are_served(readonly):
    outcome: dict[str, object] = {}
    served: list[tuple[float, int]] = []
    cpu_seen: dict[int, float] = {}  # the most CPU time each query worker was seen to have used

    def run_away() -> None:
        started = time.monotonic()
        response = requests.post(readonly.url, data={"query": RUNAWAY}, timeout=60)
        outcome.update(status=response.status_code, body=response.json(), seconds=time.monotonic() - started)
        outcome["finished"] = time.monotonic()

    thread = threading.Thread(target=run_away)
    thread.start()
    while thread.is_alive():  # a second client keeps asking meanwhile, through both execution paths
        for query in (
            f"SELECT ?o WHERE {{ <{EX.ami}> <{EX.creates}> ?o }}",
            f"SELECT ?o WHERE {{ <{EX.ami}> ?p ?o FILTER(isIRI(?o)) }}",
        ):
            response = requests.get(readonly.url, params={"query": query}, headers={"Accept": JSON_TYPE}, timeout=30)
            served.append((time.monotonic(), response.status_code))
            assert response.json()["results"]["bindings"] == [{"o": {"type": "uri", "value": str(EX.instance)}}]
        for pid in readonly.query_worker_pids():
            cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), _cpu_seconds([pid]))
        time.sleep(0.05)
    thread.join()
    assert outcome["status"] == 503
    assert outcome["body"]["error"]["code"] == "timeout"
    assert "1 s" in outcome["body"]["error"]["message"]
    assert 0.9 < outcome["seconds"] < 10
    answered_during = [status for at, status in served if at < outcome["finished"]]
    assert len(answered_during) >= 4 and set(answered_during) == {200}
    # the work stopped: the worker that burnt the CPU is gone, and no other burns any
    # The one that burnt the CPU: on a busy machine it may get well under its second, but far more
    # than a worker answering the small queries does.
    runaway_pid = max(cpu_seen, key=cpu_seen.__getitem__)
    assert cpu_seen[runaway_pid] > 0.1
    assert all(cpu_seen[runaway_pid] > 2 * seconds for pid, seconds in cpu_seen.items() if pid != runaway_pid)
    time.sleep(0.2)
    assert runaway_pid not in _descendants(readonly.process.pid)
    pids = readonly.query_worker_pids()
    before = _cpu_seconds(pids)
    time.sleep(1.5)
    assert _cpu_seconds(pids) - before < 0.2


def test_malformed_and_oversized_requests(readonly):
    message = _error(
        requests.get(readonly.url, params={"query": "SELECT * WHERE {\n  ?s ?p }"}), 400, "malformed_query"
    )
    assert message.startswith("error at 2:")
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * BODY_LIMIT
    _error(
        requests.post(readonly.url, data=big, headers={"Content-Type": "application/sparql-query"}),
        413,
        "too_large",
    )
    _error(requests.post(readonly.url, data={"query": big}), 413, "too_large")
    _error(
        requests.post(readonly.url, data="ASK {}", headers={"Content-Type": "text/plain"}),
        415,
        "unsupported_media_type",
    )
    utf16 = "ASK {}".encode("utf-16")
    _error(
        requests.post(readonly.url, data=utf16, headers={"Content-Type": "application/sparql-query; charset=UTF-16"}),
        415,
        "unsupported_media_type",
    )
    _error(
        requests.post(readonly.url, data=b"ASK {\xff}", headers={"Content-Type": "application/sparql-query"}),
        400,
        "bad_request",
    )
    _error(requests.get(readonly.url, params=[("query", "ASK {}"), ("query", "ASK {}")]), 400, "bad_request")
    _error(requests.get(readonly.url, params={"update": "CLEAR ALL"}), 400, "bad_request")
    _error(requests.get(readonly.url, params={"query": "CLEAR ALL"}), 400, "not_a_query")
    _error(requests.put(readonly.url, data="x"), 405, "method_not_allowed")
    _error(requests.get(readonly.url + "/nothing"), 404, "not_found")


def test_error_handlers_answer_json_on_api_paths_only():
    """service.errors on a bare Flask app: the one JSON error shape for API paths, HTML elsewhere."""
    from flask import Flask

    from service.errors import register_error_handlers

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 10
    register_error_handlers(app)

    @app.post("/api/boom")
    def boom():
        raise RuntimeError("secret detail")

    @app.post("/page")
    def page():
        raise RuntimeError("secret detail")

    @app.post("/api/echo")
    def echo():
        from flask import request

        return request.get_data()

    client = app.test_client()
    response = client.post("/api/boom")
    assert response.status_code == 500
    assert response.json == {"error": {"code": "internal_error", "message": response.json["error"]["message"]}}
    assert "secret" not in response.text
    assert client.post("/page").content_type.startswith("text/html")
    assert client.get("/api/nothing").json["error"]["code"] == "not_found"
    assert client.get("/elsewhere").content_type.startswith("text/html")
    not_allowed = client.get("/api/boom")
    assert not_allowed.json["error"]["code"] == "method_not_allowed" and "POST" in not_allowed.headers["Allow"]
    too_large = client.post("/api/echo", data=b"x" * 11)
    assert too_large.status_code == 413 and too_large.json["error"]["code"] == "too_large"


# -- the W3C SPARQL 1.1 Protocol tests ------------------------------------------------------------------
# The store every server here serves holds the suite's graphs, so without the suite nothing here runs: an
# error at collection says so, where a skip of the W3C tests alone would pass the rest quietly without them.
W3C_TESTS = w3c.protocol_tests(required=True)


@pytest.mark.parametrize(("name", "steps"), W3C_TESTS, ids=[name for name, _ in W3C_TESTS])
def test_w3c_protocol(name, steps, readonly, w3c_writable):
    """Run the manifest's requests in order; updates go, with the admin token, to a server allowed them."""
    is_update = w3c.is_update(steps)
    server = w3c_writable if is_update else readonly
    w3c.run_steps(name, steps, server.url.rsplit("/sparql", 1)[0], AUTH if is_update else {})


# -- helpers --------------------------------------------------------------------------------------------
def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")
