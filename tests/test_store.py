"""Round-trip built graphs through every store backend: in memory, a directory, a real SPARQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.build import BuildError, build, collect, store_stats
from kg.namespaces import GRAPH
from kg.store import KGStore, open_store

EX = "http://example.org/"
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
FILMS = f"""@prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:kismet a ex:Film ; rdfs:label "Kismet", "Kismet"@de ; ex:year 1944 ; ex:directedBy ex:dieterle .
ex:dieterle a ex:Person ; rdfs:label "William Dieterle" ; ex:note [ rdfs:label "a blank node" ] .
"""


def plain(term):
    """Drop the explicit xsd:string stores put on simple literals, as rdflib's parsers leave it off."""
    if isinstance(term, Literal) and term.datatype == XSD_STRING:
        return Literal(str(term))
    return term


def read_graph(store: KGStore, name: URIRef) -> Graph:
    """Read one named graph back with SELECT (the remote store cannot CONSTRUCT through rdflib)."""
    graph = Graph()
    for s, p, o in store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"):
        graph.add((s, p, plain(o)))
    return graph


def assert_holds_exactly(store: KGStore, graphs: dict[URIRef, Graph]) -> None:
    """The store holds these graphs, each isomorphic to what was built, and no other."""
    assert set(store.graph_names()) == set(graphs)
    for name, graph in graphs.items():
        assert isomorphic(read_graph(store, name), graph), name


@pytest.fixture
def films(tmp_path: Path) -> Path:
    path = tmp_path / "films.ttl"
    path.write_text(FILMS, encoding="utf-8")
    return path


def who_directed(store: KGStore, title: str) -> set[str]:
    # The title enters as a bound value, never pasted into the query text.
    rows = store.query(
        """SELECT ?title ?name WHERE { ?film rdfs:label ?title ; <http://example.org/directedBy> ?d .
                                ?d rdfs:label ?name }""",
        {"title": Literal(title)},
    )
    return {str(row[1]) for row in rows}


def test_memory_round_trip(films: Path):
    graphs = collect([], [films]).graphs
    store = open_store(None)
    store.replace_graphs(graphs.items())

    assert_holds_exactly(store, graphs)
    assert who_directed(store, "Kismet") == {"William Dieterle"}


def test_directory_round_trip_survives_reopening(tmp_path: Path, films: Path):
    summary = build([], [films], store_path=tmp_path / "store")

    store = open_store(tmp_path / "store", read_only=True)
    assert_holds_exactly(store, collect([], [films]).graphs)
    assert who_directed(store, "Kismet") == {"William Dieterle"}
    assert store.triple_count() == summary.triples


def test_remote_round_trip_on_a_real_oxigraph_server(oxigraph_server: str, films: Path):
    endpoint = f"{oxigraph_server}/query"
    summary = build([], [films], endpoint=endpoint)

    store = open_store(endpoint=endpoint)
    assert_holds_exactly(store, collect([], [films]).graphs)
    assert who_directed(store, "Kismet") == {"William Dieterle"}
    stats = store_stats(store)
    assert (summary.triples, summary.concepts, summary.graphs) == (
        stats.triples,
        stats.concepts,
        len(stats.graphs),
    )


def test_remote_rebuild_drops_our_stale_graphs_and_keeps_foreign_ones(
    oxigraph_server: str, films: Path, tmp_path: Path
):
    endpoint = f"{oxigraph_server}/query"
    build([], [films], endpoint=endpoint)
    store = open_store(endpoint=endpoint)
    store.update(f"INSERT DATA {{ GRAPH <{EX}foreign> {{ <{EX}a> <{EX}p> <{EX}b> }} }}")
    other = tmp_path / "other.nt"
    other.write_text(f"<{EX}x> <{EX}p> <{EX}y> .\n", encoding="utf-8")

    build([], [other], endpoint=endpoint)

    names = set(store.graph_names())
    assert GRAPH["file/other.nt"] in names
    assert GRAPH["file/films.ttl"] not in names
    assert URIRef(EX + "foreign") in names
    assert not any("#staging" in name for name in names)
    store.update(f"DROP GRAPH <{EX}foreign>")


def test_failed_remote_build_leaves_the_endpoint_untouched(oxigraph_server: str, films: Path, tmp_path: Path):
    endpoint = f"{oxigraph_server}/query"
    build([], [films], endpoint=endpoint)
    store = open_store(endpoint=endpoint)
    query = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = {tuple(row) for row in store.query(query)}
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b .\n", encoding="utf-8")

    with pytest.raises(BuildError, match=r"broken\.ttl, line 2: invalid Turtle"):
        build([], [broken], endpoint=endpoint)

    assert {tuple(row) for row in store.query(query)} == before


def test_a_remote_load_in_many_requests_keeps_each_blank_node_one_node(oxigraph_server: str, monkeypatch):
    # A blank node label means one node only within one INSERT DATA request; chunks of 2 triples would
    # otherwise split "the note" into as many nodes as requests.
    from kg import store as store_module

    original = store_module._replace_remote_graph
    monkeypatch.setattr(store_module, "_replace_remote_graph", lambda s, n, g, chunk=2: original(s, n, g, chunk))
    graph = Graph().parse(
        data=f"""@prefix ex: <{EX}> .
        ex:a ex:p 1 ; ex:q 2 ; ex:r 3 .
        ex:b ex:note [ ex:says "one" ; ex:also "two" ; ex:and "three" ] .""",
        format="turtle",
    )
    name = URIRef(EX + "graph/blank")
    store = open_store(endpoint=f"{oxigraph_server}/query")
    store.replace_graphs([(name, graph)])

    notes = store.query(f"SELECT DISTINCT ?n WHERE {{ GRAPH <{name}> {{ ?n <{EX}says> ?x ; <{EX}also> ?y }} }}")
    assert len(list(notes)) == 1
    assert isomorphic(read_graph(store, name), graph)


def test_a_remote_store_answers_construct_as_well_as_select(oxigraph_server: str, films: Path):
    endpoint = f"{oxigraph_server}/query"
    build([], [films], endpoint=endpoint)
    store = open_store(endpoint=endpoint)

    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?s = <{EX}kismet>) }}")

    assert (URIRef(EX + "kismet"), URIRef(EX + "directedBy"), URIRef(EX + "dieterle")) in result.graph
