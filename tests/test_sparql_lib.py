"""Test kg.sparql against real Oxigraph stores: classification, refusals, deadline, row cap, formats."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from servers import running_oxigraph

from kg.sparql import (
    FORMATS,
    QueryRefused,
    QueryTimeout,
    SparqlError,
    SparqlExecutor,
    negotiate,
    parse_operation,
    with_using_clauses,
)
from kg.store import open_store

EX = "http://example.org/"
G1, G2 = URIRef(EX + "graph/1"), URIRef(EX + "graph/2")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?p ?q ?r }"


def _graph(triples: list[tuple[str, str, object]]) -> Graph:
    graph = Graph()
    for s, p, o in triples:
        graph.add((URIRef(EX + s), URIRef(EX + p), o if isinstance(o, Literal) else URIRef(EX + str(o))))
    return graph


@pytest.fixture
def store():
    """An in-memory store: 20 items in graph 1 (one says "service"), two facts in graph 2."""
    kg = open_store(None)
    items = [(f"item{i}", "rank", Literal(i)) for i in range(20)]
    items.append(("item0", "note", Literal("a public service announcement")))
    kg.replace_graphs(
        [
            (G1, _graph(items)),
            (G2, _graph([("ami", "creates", "instance"), ("ami", "label", Literal("AMI"))])),
        ]
    )
    yield kg
    kg.close()


@pytest.fixture
def executor(store):
    executor = SparqlExecutor(store, timeout=1.0, row_cap=5, allow_update=True)
    yield executor
    executor.close()


def _rows(result) -> list[dict[str, str]]:
    solutions = ox.parse_query_results(result.body, format=ox.QueryResultsFormat.JSON)
    return [{v.value: s[v].value for v in solutions.variables if s[v] is not None} for s in solutions]


# -- classification and refusals ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "form", "kind"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", "bindings"),
        (
            "PREFIX ex: <http://example.org/>\nBASE <http://example.org/>\nask { ?s ex:p ?o }",
            "ASK",
            "boolean",
        ),
        ("# a comment saying SELECT\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", "graph"),
        ("DESCRIBE <http://example.org/ami>", "DESCRIBE", "graph"),
        ("PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }", "UPDATE", "none"),
        ("DROP ALL", "UPDATE", "none"),
    ],
)
def test_parse_operation_tells_the_form(text, form, kind):
    operation = parse_operation(text, allow_update=True)
    assert (operation.form, operation.result_kind, operation.is_update) == (form, kind, form == "UPDATE")


def test_parse_operation_notices_dataset_clauses_and_relative_iris():
    assert parse_operation("SELECT * FROM <http://g> { ?s ?p ?o }").has_dataset_clause
    assert not parse_operation('SELECT * { ?s ?p "FROM <x>" }').has_dataset_clause
    assert parse_operation("SELECT * { ?s ?p <relative> }").has_relative_iris
    assert not parse_operation("SELECT * { ?s ?p <http://absolute/x> }").has_relative_iris


def test_updates_are_refused_unless_allowed():
    with pytest.raises(QueryRefused) as refused:
        parse_operation("INSERT DATA { <http://a> <http://b> <http://c> }")
    assert refused.value.code == "update_refused"


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
        "select * where { service silent <{url}> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE<{url}>{ ?s ?p ?o } }",
        "SELECT * WHERE { SERVICESILENT<{url}>{ ?s ?p ?o } }",  # Oxigraph matches keywords by prefix
        "PREFIX : <{url}> SELECT * WHERE { SERVICE:x { ?s ?p ?o } }",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ?p ex:o ;SERVICE <{url}> { ?x ?y ?z } }",
        'SELECT * WHERE { ?s ?p "x"@en.SERVICE <{url}> { ?x ?y ?z } }',
        "SELECT * WHERE { OPTIONAL { SELECT ?s { SERVICE <{url}> { ?s ?p ?o } } } }",
    ],
)
def test_every_spelling_oxigraph_would_federate_is_refused(text, listener):
    """Each query really makes Oxigraph call out, and parse_operation refuses it first."""
    query = text.replace("{url}", listener.url)
    with pytest.raises(QueryRefused) as refused:
        parse_operation(query)
    assert refused.value.code == "service_refused"
    assert refused.value.line == 1 and refused.value.column > 0
    assert listener.connections == 0
    with pytest.raises(QueryRefused):  # a variable service is refused as well (Oxigraph cannot bind one)
        parse_operation("SELECT * WHERE { VALUES ?u { <http://x> } SERVICE ?u { ?s ?p ?o } }")
    try:  # the control: raw pyoxigraph on a store matching the patterns does contact the listener
        store = ox.Store()
        for obj in (ox.NamedNode(EX + "o"), ox.Literal("x", language="en")):
            store.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), obj))
        list(store.query(query))
    except (OSError, SyntaxError, RuntimeError):
        pass  # the listener hangs up, so a call without SILENT fails: the connection is what counts
    assert listener.wait_for_connection(), f"Oxigraph did not federate {query!r}: the case proves nothing"


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ('SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), "service")) }', ["item0"]),
        ("SELECT ?s WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'SERVICE <{url}> {}')) }", []),
        ('SELECT ?s WHERE { ?s ?p """multi\nline SERVICE <{url}> { }""" }', []),
        ("SELECT ?service WHERE { ?service ?p <{url}/SERVICE> }", []),
        ("PREFIX ex: <http://example.org/> SELECT ?s WHERE { ?s ex:service ex:a.SERVICE }", []),
        ("SELECT ?s WHERE { ?s <http://example.org/label> ?o # SERVICE <{url}> { }\n}", ["ami"]),
        ("SELECT ?s WHERE { ?s <http://example.org/label> _:service }", ["ami"]),
        ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o = 'load') }", []),
    ],
)
def test_service_as_data_is_not_refused(text, subjects, executor, listener):
    """Each query only mentions SERVICE (and the listener's URL) as data: it runs, and answers as written."""
    query = text.replace("{url}", listener.url)
    result = executor.query(query)
    assert result.format.name == "json"
    assert sorted(next(iter(row.values())) for row in _rows(result)) == [EX + s for s in subjects]
    # The control: Oxigraph itself calls nothing for these queries, so not refusing them was right.
    list(ox.Store().query(query))
    assert not listener.wait_for_connection(0.2)


def test_load_is_refused_even_for_allowed_updates(executor, listener):
    for text in (f"LOAD <{listener.url}>", f"load silent <{listener.url}> INTO GRAPH <http://g>"):
        with pytest.raises(QueryRefused) as refused:
            executor.update(text)
        assert refused.value.code == "load_refused"
    executor.update(f'INSERT DATA {{ <{EX}a> <{EX}says> "LOAD <{listener.url}>" }}')
    assert listener.connections == 0


def test_syntax_errors_carry_the_parsers_line_and_column(executor):
    with pytest.raises(SparqlError) as bad:
        executor.query("SELECT * WHERE {\n  ?s ?p }")
    assert bad.value.code == "malformed_query"
    assert (bad.value.line, bad.value.column) == (2, 9)  # the "}" where the object is missing
    assert bad.value.message.startswith("error at 2:9 near '}':")
    with pytest.raises(SparqlError) as unterminated:
        parse_operation("SELECT * WHERE {\n ?s ?p 'open }")
    assert (unterminated.value.code, unterminated.value.line, unterminated.value.column) == (
        "malformed_query",
        2,
        8,
    )
    with pytest.raises(SparqlError) as empty:
        parse_operation("  # nothing but a comment\n")
    assert empty.value.code == "malformed_query"


def test_an_unknown_prefix_is_named_as_the_cause_with_its_place(executor):
    with pytest.raises(SparqlError) as bad:
        executor.query("SELECT ?s WHERE {\n  ?s a foaf:Person }")
    assert (bad.value.code, bad.value.line) == ("malformed_query", 2)
    assert "unknown prefix" in bad.value.message


def test_the_graphs_own_prefixes_need_no_declaration(executor):
    # The answers' SPARQL and the page's examples use rdfs:, kgo: ...; a query may use them as they are.
    plain = executor.query("SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?o }", format="csv")
    declared = executor.query(
        "PREFIX rdfs: <http://example.org/> SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label ?o }", format="csv"
    )
    assert plain.body.split() == [b"n", b"0"]  # the store's labels are ex:label, not rdfs:label
    assert declared.body.split() == [b"n", b"1"]  # a query's own PREFIX wins


# -- execution ------------------------------------------------------------------------------------------
def test_default_graph_is_the_union_unless_a_dataset_is_named(executor):
    query = f"SELECT ?o WHERE {{ <{EX}ami> <{EX}creates> ?o }}"
    assert _rows(executor.query(query)) == [{"o": EX + "instance"}]
    assert _rows(executor.query(query, default_graphs=[str(G1)])) == []
    assert _rows(executor.query(query, default_graphs=[str(G2)])) == [{"o": EX + "instance"}]
    named = executor.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[str(G2)], format="json")
    assert {row["g"] for row in _rows(named)} == {str(G2)}
    from_query = f"SELECT ?o FROM <{G1}> WHERE {{ <{EX}ami> <{EX}creates> ?o }}"
    assert _rows(executor.query(from_query)) == []


def test_row_cap_cuts_and_says_so(executor):
    capped = executor.query(f"SELECT ?s WHERE {{ ?s <{EX}rank> ?r }}")
    assert capped.truncated and len(_rows(capped)) == 5
    exact = executor.query(f"SELECT ?s WHERE {{ ?s <{EX}rank> ?r FILTER(?r < 5) }}")
    assert not exact.truncated and len(_rows(exact)) == 5
    graph = executor.query(f"CONSTRUCT WHERE {{ ?s <{EX}rank> ?r }}", format="ntriples")
    assert graph.truncated and len(list(ox.parse(graph.body, format=ox.RdfFormat.N_TRIPLES))) == 5


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_select_results_in_every_tabular_format(executor, name):
    result = executor.query(f"SELECT ?s ?label WHERE {{ ?s <{EX}label> ?label }}", format=name)
    assert result.format is FORMATS[name]
    if name == "csv":  # lossy by design: plain values, no term syntax
        assert list(csv.reader(io.StringIO(result.body.decode()))) == [["s", "label"], [EX + "ami", "AMI"]]
        return
    parsed = ox.parse_query_results(result.body, format=getattr(ox.QueryResultsFormat, name.upper()))
    assert [(s["s"].value, s["label"].value) for s in parsed] == [(EX + "ami", "AMI")]


@pytest.mark.parametrize("name", ["json", "xml"])
def test_ask_results(executor, name):
    fmt = getattr(ox.QueryResultsFormat, name.upper())
    assert bool(ox.parse_query_results(executor.query("ASK { ?s ?p ?o }", format=name).body, format=fmt))
    assert not bool(ox.parse_query_results(executor.query(f"ASK {{ ?s <{EX}nope> ?o }}", format=name).body, format=fmt))


@pytest.mark.parametrize(
    ("name", "rdf_format"),
    [("turtle", "TURTLE"), ("ntriples", "N_TRIPLES"), ("jsonld", "JSON_LD"), ("rdfxml", "RDF_XML")],
)
def test_construct_and_describe_in_every_graph_format(executor, name, rdf_format):
    expected = {(EX + "ami", EX + "creates", EX + "instance"), (EX + "ami", EX + "label", "AMI")}
    for query in (f"CONSTRUCT WHERE {{ <{EX}ami> ?p ?o }}", f"DESCRIBE <{EX}ami>"):
        result = executor.query(query, format=name)
        triples = ox.parse(result.body, format=getattr(ox.RdfFormat, rdf_format))
        assert {(t.subject.value, t.predicate.value, t.object.value) for t in triples} == expected


def test_turtle_declares_only_the_prefixes_it_uses(executor):
    executor.update('INSERT DATA { <https://kgqa.dev/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" }')
    body = executor.query("CONSTRUCT WHERE { <https://kgqa.dev/id/x> ?p ?o }", format="turtle").body.decode()
    assert "@prefix kg: <https://kgqa.dev/id/>" in body and "@prefix rdfs:" in body
    assert "@prefix skos:" not in body


@pytest.mark.parametrize(
    ("accept", "kind", "name"),
    [
        (None, "bindings", "json"),
        ("application/sparql-results+xml", "bindings", "xml"),
        ("text/csv;q=0.5, text/tab-separated-values", "bindings", "tsv"),
        ("application/json", "boolean", "json"),
        ("text/html, application/xml;q=0.9, */*;q=0.8", "bindings", "xml"),
        ("*/*", "graph", "turtle"),
        ("application/n-triples", "graph", "ntriples"),
        ("application/ld+json, text/turtle;q=0.1", "graph", "jsonld"),
        ("application/rdf+xml", "graph", "rdfxml"),
        ("image/png", "graph", "turtle"),
        ("text/csv;q=0, application/sparql-results+xml;q=0.1", "bindings", "xml"),
        ("application/sparql-results+json", "graph", "turtle"),
    ],
)
def test_negotiate(accept, kind, name):
    assert negotiate(accept, kind).name == name


def test_format_must_suit_the_result(executor):
    with pytest.raises(SparqlError) as bad:
        executor.query("ASK {}", format="turtle")
    assert bad.value.code == "bad_format"


def test_bounded_queries_are_recognised():
    bounded = [
        f"SELECT ?x WHERE {{ ?x <{EX}p> <{EX}o> }}",
        f"PREFIX ex: <{EX}> SELECT * {{ ?s ex:p ?o . }} LIMIT 10",
        f'SELECT ?x {{ ?x <{EX}p> "v"@en }}',
        f"ASK {{ <{EX}a> a ?t }}",
    ]
    unbounded = [
        "SELECT ?x { ?x ?x ?o }",
        "SELECT DISTINCT ?p { ?s ?p ?o }",
        f"SELECT ?x {{ ?x <{EX}p> ?o . ?o <{EX}p> ?z }}",
        f"SELECT ?x {{ ?x <{EX}p>* ?o }}",
        f"SELECT ?x {{ ?x <{EX}p> ?o }} ORDER BY ?x",
        f"SELECT ?x {{ ?x <{EX}p> ?o FILTER(?o > 1) }}",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
        f"SELECT ?x {{ ?x <{EX}p> ?o }} OFFSET 100000",
        f"SELECT ?x {{ ?x <{EX}p> ?o }} VALUES ?x {{ <{EX}a> }}",
        "CONSTRUCT WHERE { ?s ?p ?o }",
    ]
    assert all(parse_operation(q).bounded for q in bounded)
    assert not any(parse_operation(q).bounded for q in unbounded)


def test_a_runaway_query_is_stopped_at_the_deadline(executor):
    executor.query(f"SELECT ?s WHERE {{ ?s <{EX}rank> ?r FILTER(?r > 1) }}")  # start a worker
    (pid,) = executor.worker_pids()
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as timeout:
        executor.query(RUNAWAY)
    assert 0.9 < time.monotonic() - started < 3
    assert timeout.value.code == "timeout" and "1 s" in timeout.value.message
    with pytest.raises(ProcessLookupError):  # the worker that ran it is gone: the work stopped
        os.kill(pid, 0)
    assert _rows(executor.query(f"SELECT ?s WHERE {{ ?s <{EX}label> ?l FILTER(?l != '') }}"))


def test_other_queries_are_answered_while_one_runs_away(executor):
    failures: list[BaseException] = []

    def run_away() -> None:
        try:
            executor.query(RUNAWAY)
        except QueryTimeout:
            return
        failures.append(AssertionError("the runaway query finished"))

    thread = threading.Thread(target=run_away)
    thread.start()
    time.sleep(0.2)
    for _ in range(5):
        assert _rows(executor.query(f"SELECT ?o WHERE {{ <{EX}ami> <{EX}creates> ?o FILTER(isIRI(?o)) }}"))
    # Answered while the runaway still ran (its deadline is 1 s), not after it: nothing waited for it.
    assert thread.is_alive()
    thread.join()
    assert not failures


def test_updates_need_permission_and_are_seen_by_later_queries(store, executor):
    read_only = SparqlExecutor(store)
    with pytest.raises(QueryRefused):
        read_only.update(f"INSERT DATA {{ <{EX}a> <{EX}b> <{EX}c> }}")
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}b> ?o }}"  # not bounded: runs in a worker
    assert _rows(executor.query(count)) == [{"n": "0"}]
    executor.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <{EX}a> <{EX}b> <{EX}c> }} }}")
    assert _rows(executor.query(count)) == [{"n": "1"}]
    with pytest.raises(SparqlError) as not_update:
        executor.update("SELECT * { ?s ?p ?o }")
    assert not_update.value.code == "not_an_update"
    with pytest.raises(QueryRefused):
        executor.query(f"INSERT DATA {{ <{EX}a> <{EX}b> <{EX}c> }}")


def test_write_graph_replaces_or_adds_in_one_update(executor):
    tricky = ox.Literal('say "SERVICE <http://x> {}"\n\tand LOAD', language="en")
    triples = [
        ox.Triple(ox.NamedNode(EX + "w"), ox.NamedNode(EX + "says"), tricky),
        ox.Triple(ox.BlankNode(), ox.NamedNode(EX + "about"), ox.NamedNode(EX + "w")),
    ]
    executor.write_graph(EX + "written", triples, replace=True)
    executor.write_graph(EX + "written", triples[:1], replace=False)  # the same triple again: no change
    body = executor.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{EX}written> {{ ?s ?p ?o }} }}", format="ntriples")
    written = list(ox.parse(body.body, format=ox.RdfFormat.N_TRIPLES))
    assert len(written) == 2 and tricky in {t.object for t in written}
    executor.write_graph(EX + "written", triples[1:], replace=True)
    assert _rows(executor.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}written> {{ ?s ?p ?o }} }}")) == [
        {"n": "1"}
    ]
    executor.write_graph("", triples[:1], replace=False)  # the store's own default graph
    own = executor.query("SELECT ?o WHERE { ?s ?p ?o }", default_graphs=[""], named_graphs=[])
    assert [row["o"] for row in _rows(own)] == [tricky.value]


def test_triple_terms_pass_the_row_cap(executor):
    result = executor.query(
        f"SELECT ?t WHERE {{ BIND(<<( <{EX}a> <{EX}b> <<( <{EX}c> <{EX}d> 'x' )>> )>> AS ?t) }}",
        format="json",
    )
    (binding,) = json.loads(result.body)["results"]["bindings"]
    assert binding["t"]["type"] == "triple"
    assert binding["t"]["value"]["object"]["value"]["object"] == {"type": "literal", "value": "x"}


def test_using_parameters_become_using_clauses():
    update = parse_operation(
        "PREFIX ex: <http://e/> CLEAR ALL ; INSERT DATA { ex:a ex:b ex:c } ;\n"
        "INSERT { GRAPH ex:t { ?s a ex:T } } WHERE { ?s a ex:D } ; DELETE WHERE { ?s ?p ?o }",
        allow_update=True,
    )
    text = with_using_clauses(update, ["http://e/g1"], ["http://e/g2"])
    assert "} USING <http://e/g1> USING NAMED <http://e/g2> WHERE { ?s a ex:D }" in text
    assert text.count("USING") == 2
    store = ox.Store()
    store.update(text)  # still valid SPARQL
    conflict = parse_operation("WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", allow_update=True)
    with pytest.raises(SparqlError) as bad:
        with_using_clauses(conflict, ["http://e/g1"], [])
    assert bad.value.code == "dataset_conflict"


def test_directory_store_workers_see_updates_and_writes_by_other_processes(tmp_path: Path):
    directory = tmp_path / "store"
    writer = open_store(directory)
    writer.replace_graph(G1, _graph([("a", "p", "b")]))
    writer.close()
    del writer
    store = open_store(directory, read_only=True)
    executor = SparqlExecutor(store, timeout=5)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?o)) }"
    try:
        assert _rows(executor.query(count)) == [{"n": "1"}]
        script = (
            "import pyoxigraph as ox, sys; s = ox.Store(sys.argv[1]); n = ox.NamedNode; "
            "s.add(ox.Quad(n('http://x/a'), n('http://x/p'), n('http://x/b'), n('http://x/g'))); s.flush()"
        )
        subprocess.run([sys.executable, "-c", script, str(directory)], check=True, timeout=60)
        time.sleep(1.1)  # the directory is checked at most once a second
        assert _rows(executor.query(count)) == [{"n": "2"}]
        assert _rows(executor.query("SELECT ?s WHERE { ?s <http://x/p> ?o }")) == [{"s": "http://x/a"}]
    finally:
        executor.close()


def test_remote_store_is_queried_with_the_deadline_as_timeout(tmp_path: Path):
    with running_oxigraph(tmp_path / "ox", tmp_path / "oxigraph.log") as base:
        endpoint = f"{base}/query"
        store = open_store(endpoint=endpoint)
        executor = SparqlExecutor(store, timeout=1.0, row_cap=3, allow_update=True)
        executor.update(
            "INSERT DATA { GRAPH <http://g> { " + " ".join(f"<{EX}s{i}> <{EX}p> {i} ." for i in range(40)) + " } }"
        )
        capped = executor.query(f"SELECT ?s WHERE {{ ?s <{EX}p> ?o }}", format="csv")
        assert capped.truncated and capped.body.count(b"\r\n") == 4  # the header and three rows
        assert _rows(executor.query(f"SELECT ?s WHERE {{ ?s <{EX}p> 7 }}")) == [{"s": EX + "s7"}]
        assert b"s7" in executor.query(f"DESCRIBE <{EX}s7>", format="ntriples").body
        with pytest.raises(SparqlError) as bad:
            executor.query("SELECT * WHERE { ?s ?p }")
        assert bad.value.code == "malformed_query"
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            executor.query(RUNAWAY)
        assert time.monotonic() - started < 3
