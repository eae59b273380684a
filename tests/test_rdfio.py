"""Load RDF of every supported syntax into the same graphs rdflib's own parsers see, or fail in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic

from kg.namespaces import GRAPH
from kg.rdfio import RDFLoadError, file_graph_name, load_graph, load_rdf, resolve_format, to_quads

EX = "http://example.org/"

# Every kind of term: IRIs, a blank node, plain, language-tagged and typed literals, a quote inside a string.
TURTLE = """\
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

ex:ami rdfs:label "AMI", "image"@en ;
    ex:creates ex:instance ;
    ex:size "8"^^xsd:integer ;
    ex:note "says \\"hi\\"" ;
    ex:part [ rdfs:label "root volume" ] .
"""


def expected_graph() -> Graph:
    """Parse the sample with rdflib's own Turtle parser: an independent reference."""
    return Graph().parse(data=TURTLE, format="turtle")


@pytest.mark.parametrize(
    ("suffix", "rdflib_format"),
    [(".ttl", "turtle"), (".nt", "nt"), (".rdf", "xml"), (".owl", "xml"), (".jsonld", "json-ld")],
)
def test_triple_formats_load_the_same_graph_as_rdflib(tmp_path: Path, suffix: str, rdflib_format: str):
    path = tmp_path / f"sample{suffix}"
    path.write_text(expected_graph().serialize(format=rdflib_format), encoding="utf-8")

    graphs = load_rdf(path)

    assert list(graphs) == [GRAPH[f"file/sample{suffix}"]]
    assert isomorphic(graphs[GRAPH[f"file/sample{suffix}"]], expected_graph())


def test_plain_strings_stay_plain_literals(tmp_path: Path):
    # rdflib's parsers give Literal("x") with no datatype; a stray xsd:string would break equality.
    path = tmp_path / "a.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    graph = load_graph(path)
    labels = set(graph.objects(URIRef(EX + "ami"), URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    assert labels == {Literal("AMI"), Literal("image", lang="en")}
    assert Literal("8", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")) in set(graph.objects())


def test_trig_keeps_its_named_graphs_and_puts_default_triples_in_the_file_graph(tmp_path: Path):
    path = tmp_path / "data.trig"
    path.write_text(
        """\
@prefix ex: <http://example.org/> .
ex:a ex:p ex:b .
ex:g1 { ex:a ex:p ex:c . ex:c ex:p "x" . }
GRAPH ex:g2 { ex:d ex:p ex:e . }
""",
        encoding="utf-8",
    )
    graphs = load_rdf(path)

    assert set(graphs) == {URIRef(EX + "g1"), URIRef(EX + "g2"), GRAPH["file/data.trig"]}
    assert set(graphs[GRAPH["file/data.trig"]]) == {(URIRef(EX + "a"), URIRef(EX + "p"), URIRef(EX + "b"))}
    assert len(graphs[URIRef(EX + "g1")]) == 2
    assert set(graphs[URIRef(EX + "g2")]) == {(URIRef(EX + "d"), URIRef(EX + "p"), URIRef(EX + "e"))}


def test_nquads_match_rdflib_dataset(tmp_path: Path):
    text = (
        f'<{EX}a> <{EX}p> "one" <{EX}g1> .\n'
        f"<{EX}a> <{EX}p> <{EX}b> <{EX}g2> .\n"
        f"<{EX}a> <{EX}p> _:x <{EX}g2> .\n"
        f"<{EX}z> <{EX}p> <{EX}b> .\n"
    )
    path = tmp_path / "data.nq"
    path.write_text(text, encoding="utf-8")
    reference = Dataset()
    reference.parse(data=text, format="nquads")

    graphs = load_rdf(path)

    assert set(graphs) == {URIRef(EX + "g1"), URIRef(EX + "g2"), GRAPH["file/data.nq"]}
    for name in (URIRef(EX + "g1"), URIRef(EX + "g2")):
        assert isomorphic(graphs[name], reference.graph(name))


def test_explicit_format_beats_the_extension(tmp_path: Path):
    path = tmp_path / "export.txt"
    path.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n", encoding="utf-8")
    assert len(load_rdf(path, format="nt")[file_graph_name(path)]) == 1
    assert len(load_rdf(path, format="N-Triples")[file_graph_name(path)]) == 1
    assert resolve_format(path, "ttl") == "turtle"
    assert resolve_format(Path("x.JSONLD")) == "jsonld"


def test_file_graph_name_is_a_valid_iri_for_any_file_name():
    assert file_graph_name(Path("/data/my movies.nt")) == URIRef("https://kgqa.dev/graph/file/my%20movies.nt")


def test_blank_nodes_of_different_files_stay_different(tmp_path: Path):
    for name in ("one.ttl", "two.ttl"):
        (tmp_path / name).write_text(f"_:b1 <{EX}p> <{EX}{name}> .\n", encoding="utf-8")
    subjects = {s for name in ("one.ttl", "two.ttl") for s in load_graph(tmp_path / name).subjects()}
    assert len(subjects) == 2
    assert all(isinstance(s, BNode) for s in subjects)


def test_load_graph_merges_named_graphs(tmp_path: Path):
    path = tmp_path / "data.trig"
    path.write_text(f"<{EX}a> <{EX}p> <{EX}b> . <{EX}g> {{ <{EX}c> <{EX}p> <{EX}d> . }}\n", encoding="utf-8")
    assert len(load_graph(path)) == 2


def test_to_quads_round_trips_through_oxigraph(tmp_path: Path):
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(to_quads({URIRef(EX + "g"): expected_graph()}))
    nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(EX + "g")).decode()
    assert to_isomorphic(Graph().parse(data=nt, format="nt")) == to_isomorphic(expected_graph())


# -- errors -----------------------------------------------------------------------------------------
def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_error(path: Path, format: str | None = None) -> str:
    with pytest.raises(RDFLoadError) as caught:
        load_rdf(path, format)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_malformed_turtle_names_file_and_line(tmp_path: Path):
    path = write(
        tmp_path,
        "bad.ttl",
        "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\n\nex:a ex:p ex:c ex:d .\n",
    )
    assert load_error(path) == f"{path}, line 4: invalid Turtle: A dot is expected at the end of statements"


def test_undeclared_prefix_names_the_line(tmp_path: Path):
    path = write(tmp_path, "bad.ttl", "\n\nex:a ex:p ex:b .\n")
    assert load_error(path).startswith(f"{path}, line 3: invalid Turtle: The prefix ex: has not been declared")


def test_malformed_ntriples_names_the_line(tmp_path: Path):
    path = write(tmp_path, "bad.nt", f"<{EX}a> <{EX}p> <{EX}b> .\n<{EX}a> <{EX}p> .\n")
    assert load_error(path).startswith(f"{path}, line 2: invalid N-Triples:")


def test_malformed_rdfxml_names_the_line(tmp_path: Path):
    path = write(
        tmp_path,
        "bad.rdf",
        "<?xml version='1.0'?>\n<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n"
        "<rdf:Description rdf:about='http://example.org/a'>\n</rdf:RDF>\n",
    )
    assert load_error(path).startswith(f"{path}, line 4: invalid RDF/XML:")


def test_malformed_jsonld_names_the_line(tmp_path: Path):
    path = write(tmp_path, "bad.jsonld", '{"@id": "http://example.org/a",\n "http://example.org/p": ')
    assert load_error(path).startswith(f"{path}, line 2: invalid JSON-LD:")


def test_non_utf8_names_the_line_and_byte(tmp_path: Path):
    data = f'<{EX}a> <{EX}p> <{EX}b> .\n<{EX}a> <{EX}p> "caf\xe9" .\n'.encode("latin-1")
    path = write(tmp_path, "latin1.ttl", data)
    offset = data.index(b"\xe9")
    assert load_error(path) == f"{path}, line 2: not UTF-8 text (byte 0xe9 at offset {offset})"


def test_unknown_extension_lists_the_supported_formats(tmp_path: Path):
    path = write(tmp_path, "data.csv", "a,b,c\n")
    message = load_error(path)
    assert "cannot tell the RDF format from the extension '.csv'" in message
    for name in (
        "turtle (.ttl",
        "ntriples (.nt",
        "nquads (.nq",
        "trig (.trig)",
        "rdfxml (.rdf",
        "jsonld (.jsonld",
    ):
        assert name in message


def test_unknown_explicit_format_lists_the_supported_formats(tmp_path: Path):
    path = write(tmp_path, "data.ttl", f"<{EX}a> <{EX}p> <{EX}b> .\n")
    message = load_error(path, format="n3")
    assert "unknown RDF format 'n3'; supported: turtle" in message


def test_missing_file_and_directory_and_empty_file(tmp_path: Path):
    assert load_error(tmp_path / "absent.ttl") == f"{tmp_path / 'absent.ttl'}: no such file"
    folder = tmp_path / "folder.ttl"
    folder.mkdir()
    assert load_error(folder) == f"{folder}: is a directory, not an RDF file"
    empty = write(tmp_path, "empty.ttl", "# nothing but a comment\n")
    assert load_error(empty) == f"{empty}: contains no triples"


def test_load_error_is_a_value_error():
    assert issubclass(RDFLoadError, ValueError)
