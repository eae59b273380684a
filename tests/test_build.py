"""Build the graph aside and swap it in; on bad input fail in one line and leave the old store as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.build import (
    FIGURES_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    BuildError,
    _write_directory,
    build,
    collect,
    document_paths,
    store_stats,
)
from kg.namespaces import GRAPH, data_dir
from kg.store import open_store

EX = "http://example.org/"
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
DOC = """\
# Storage

## Block storage

An **Amazon Elastic Block Store** (EBS) volume is block storage for an instance.

Volumes are placed in an Availability Zone.
"""
SENTENCES = {
    "An Amazon Elastic Block Store (EBS) volume is block storage for an instance.",
    "Volumes are placed in an Availability Zone.",
}


def quads(store_dir: Path) -> set[tuple]:
    """Every quad of a directory store, read through a read-only handle (no lock, nothing to close)."""
    store = open_store(store_dir, read_only=True)
    return {tuple(row) for row in store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")}


def graph_of(store_dir: Path, name: URIRef) -> Graph:
    """Read one named graph back from a directory store as an rdflib graph."""
    store = open_store(store_dir, read_only=True)
    graph = Graph()
    for s, p, o in store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"):
        graph.add((s, p, plain(o)))
    return graph


def plain(term):
    """Drop the explicit xsd:string Oxigraph puts on simple literals, as rdflib's parsers leave it off."""
    if isinstance(term, Literal) and term.datatype == XSD_STRING:
        return Literal(str(term))
    return term


def siblings(store_dir: Path) -> list[str]:
    """Names beside the store: a build must leave no staging or old copies behind."""
    return sorted(p.name for p in store_dir.parent.iterdir() if p.name != store_dir.name)


@pytest.fixture
def rdf_file(tmp_path: Path) -> Path:
    path = tmp_path / "input" / "films.ttl"
    path.parent.mkdir()
    path.write_text(
        f"""@prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:kismet a ex:Film ; rdfs:label "Kismet" ; ex:directedBy ex:dieterle .
ex:dieterle a ex:Person ; rdfs:label "William Dieterle" .
ex:Film a rdfs:Class .
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def built(tmp_path: Path, rdf_file: Path) -> Path:
    """Build a store from the bundled ontology and one RDF file: what bad builds must keep."""
    store_dir = tmp_path / "var" / "store"
    build([], [rdf_file], store_path=store_dir)
    return store_dir


def test_build_loads_bundled_data_and_rdf_files(tmp_path: Path, rdf_file: Path):
    store_dir = tmp_path / "store"
    summary = build([], [rdf_file], store_path=store_dir)

    store = open_store(store_dir, read_only=True)
    names = set(store.graph_names())
    assert {ONTOLOGY_GRAPH, GRAPH["file/films.ttl"]} <= names
    assert FIGURES_GRAPH not in names  # the figures of compute.md come only with compute.md
    assert summary.documents == 0
    assert summary.graphs == len(names)
    assert summary.triples == store.triple_count() > 0
    assert isomorphic(graph_of(store_dir, GRAPH["file/films.ttl"]), Graph().parse(rdf_file))
    # ex:kismet and ex:dieterle are concepts; ex:Film is a class, not a concept.
    without = build([], [], store_path=tmp_path / "plain")
    assert summary.concepts == without.concepts + 2
    assert summary.seconds > 0


def test_bundled_build_has_the_compute_document_with_provenance(tmp_path: Path):
    summary = build(None, [], store_path=tmp_path / "store")

    assert summary.documents == len(list((data_dir() / "docs").glob("*.md")))
    store = open_store(tmp_path / "store", read_only=True)
    assert GRAPH["doc/compute.md"] in store.graph_names()
    assert INFERRED_GRAPH in store.graph_names()
    # The done-when question of the issue: what does an AMI create, and which sentence says so.
    rows = store.query(
        """SELECT ?label ?quote WHERE {
             ?ami skos:altLabel|rdfs:label "AMI" .
             ?st rdf:subject ?ami ; rdf:predicate kgo:creates ; rdf:object ?x ; kgo:quote ?quote .
             ?x rdfs:label ?label }"""
    )
    assert ("EC2 instance", "An image creates an instance.") in {(str(a), str(b)) for a, b in rows}


def test_document_is_extracted_with_its_sentences(tmp_path: Path):
    doc = tmp_path / "docs" / "storage.md"
    doc.parent.mkdir()
    doc.write_text(DOC, encoding="utf-8")

    summary = build([doc], [], store_path=tmp_path / "store")

    assert summary.documents == 1
    store = open_store(tmp_path / "store", read_only=True)
    assert store_stats(store).documents == 1
    quotes = {
        str(row[0])
        for row in store.query("SELECT ?q WHERE { GRAPH <https://kgqa.dev/graph/doc/storage.md> { ?st kgo:quote ?q } }")
    }
    assert quotes & SENTENCES, quotes


def test_directory_of_docs_means_its_markdown_files(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "b.md").write_text(DOC, encoding="utf-8")
    (folder / "a.md").write_text(DOC.replace("Storage", "Disks"), encoding="utf-8")
    (folder / "notes.txt").write_text("not markdown", encoding="utf-8")

    assert document_paths([folder, folder / "a.md"]) == [folder / "a.md", folder / "b.md"]
    assert document_paths(None) == sorted((data_dir() / "docs").glob("*.md"))
    collected = collect([folder], [])
    assert {GRAPH["doc/a.md"], GRAPH["doc/b.md"]} <= set(collected.graphs)


def test_rebuild_replaces_the_whole_store_and_leaves_nothing_beside_it(built: Path, tmp_path: Path):
    other = tmp_path / "other.nt"
    other.write_text(f"<{EX}x> <{EX}p> <{EX}y> .\n", encoding="utf-8")

    build([], [other], store_path=built)

    names = set(open_store(built, read_only=True).graph_names())
    assert GRAPH["file/other.nt"] in names
    assert GRAPH["file/films.ttl"] not in names
    assert siblings(built) == []


def test_rdf_graphs_of_the_same_name_are_merged(tmp_path: Path):
    one, two = tmp_path / "one.trig", tmp_path / "two.trig"
    one.write_text(f"<{EX}g> {{ <{EX}a> <{EX}p> <{EX}b> . }}\n", encoding="utf-8")
    two.write_text(f"<{EX}g> {{ <{EX}c> <{EX}p> <{EX}d> . }}\n", encoding="utf-8")
    assert len(collect([], [one, two]).graphs[URIRef(EX + "g")]) == 2


def test_build_needs_exactly_one_target(rdf_file: Path):
    with pytest.raises(BuildError, match="exactly one"):
        build([], [rdf_file])


# -- bad input: one line, and the existing store untouched -----------------------------------------
def bad_document(tmp_path: Path, kind: str) -> tuple[list[Path], list[Path], str]:
    """Make one kind of bad input; return (docs, rdf_files, expected message)."""
    bad = tmp_path / "bad"
    bad.mkdir()
    if kind == "empty document":
        path = bad / "empty.md"
        path.write_text("", encoding="utf-8")
        return [path], [], f"{path}: document is empty"
    if kind == "blank document":
        path = bad / "blank.md"
        path.write_text("\n   \n\t\n", encoding="utf-8")
        return [path], [], f"{path}: document is empty"
    if kind == "markup-only document":
        path = bad / "rule.md"
        path.write_text("#\n\n---\n", encoding="utf-8")
        return [path], [], f"{path}: document is empty"
    if kind == "non-UTF-8 document":
        path = bad / "latin1.md"
        path.write_bytes("# Caf\xe9\n".encode("latin-1"))
        return [path], [], f"{path}, line 1: not UTF-8 text (byte 0xe9 at offset 5)"
    if kind == "unreadable document":
        (bad / "folder.md").mkdir()  # picked by *.md, but cannot be read as a file (root reads anything)
        return [bad], [], f"{bad / 'folder.md'}: cannot read: Is a directory"
    if kind == "missing document":
        return [bad / "nope.md"], [], f"{bad / 'nope.md'}: no such file or directory"
    if kind == "directory without documents":
        return [bad], [], f"{bad}: no Markdown (*.md) files in this directory"
    if kind == "two documents, one graph":
        (bad / "one").mkdir()
        (bad / "two").mkdir()
        (bad / "one" / "x.md").write_text(DOC, encoding="utf-8")
        (bad / "two" / "x.md").write_text(DOC, encoding="utf-8")
        return (
            [bad / "one" / "x.md", bad / "two" / "x.md"],
            [],
            f"{bad / 'two' / 'x.md'}: same graph name <{GRAPH['doc/x.md']}> as {bad / 'one' / 'x.md'}; "
            "rename one of them",
        )
    if kind == "malformed Turtle":
        path = bad / "broken.ttl"
        path.write_text(f"<{EX}a> <{EX}p> <{EX}b> .\n<{EX}a> <{EX}p> .\n", encoding="utf-8")
        return [], [path], f"{path}, line 2: invalid Turtle: "
    if kind == "unknown format":
        path = bad / "data.csv"
        path.write_text("a,b,c\n", encoding="utf-8")
        return [], [path], f"{path}: cannot tell the RDF format from the extension '.csv'; supported: turtle"
    if kind == "missing RDF file":
        return [], [bad / "none.nt"], f"{bad / 'none.nt'}: no such file"
    raise AssertionError(kind)


BAD_INPUTS = [
    "empty document",
    "blank document",
    "markup-only document",
    "non-UTF-8 document",
    "unreadable document",
    "missing document",
    "directory without documents",
    "two documents, one graph",
    "malformed Turtle",
    "unknown format",
    "missing RDF file",
]


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_fails_in_one_line_and_keeps_the_store(built: Path, tmp_path: Path, kind: str):
    before = quads(built)
    docs, rdf_files, expected = bad_document(tmp_path, kind)

    with pytest.raises(BuildError) as caught:
        build(docs, rdf_files, store_path=built)

    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(expected), message
    assert quads(built) == before
    assert siblings(built) == []


def test_refuses_to_replace_a_directory_that_is_not_a_store(tmp_path: Path, rdf_file: Path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work", encoding="utf-8")

    with pytest.raises(BuildError, match="not an Oxigraph store; refusing to replace"):
        build([], [rdf_file], store_path=precious)

    assert (precious / "thesis.tex").read_text(encoding="utf-8") == "years of work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input", "precious"]


def test_refuses_a_file_as_store(tmp_path: Path, rdf_file: Path):
    target = tmp_path / "store"
    target.write_text("a file", encoding="utf-8")
    with pytest.raises(BuildError, match="exists and is not a store directory"):
        build([], [rdf_file], store_path=target)
    assert target.read_text(encoding="utf-8") == "a file"


def test_broken_bundled_data_is_an_error_that_keeps_the_store(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    before = quads(built)
    broken = tmp_path / "data"
    (broken / "docs").mkdir(parents=True)
    (broken / "ontology.ttl").write_text("@prefix : <http://x/> .\n:a :b .\n", encoding="utf-8")
    (broken / "figures.ttl").write_text("", encoding="utf-8")
    monkeypatch.setenv("KG_DATA_DIR", str(broken))

    with pytest.raises(BuildError) as caught:
        build([], [], store_path=built)

    assert str(caught.value).startswith(f"bundled data: {broken / 'ontology.ttl'}, line 2: invalid Turtle:")
    assert quads(built) == before


def test_unreachable_endpoint_is_an_error_before_any_parsing(tmp_path: Path):
    never_parsed = tmp_path / "broken.ttl"
    never_parsed.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build([], [never_parsed], endpoint="http://127.0.0.1:9/query")
    assert str(caught.value).startswith("cannot reach the SPARQL endpoint http://127.0.0.1:9/query:")


def test_failure_while_writing_keeps_the_old_store(built: Path):
    # Public input cannot carry an invalid IRI (the parsers check), so hand the writer one directly: it
    # fails after the staging store exists, which is the case the swap protects against.
    before = quads(built)
    bad = Graph()
    bad.add((URIRef("http://example.org/a b"), URIRef(EX + "p"), URIRef(EX + "o")))

    with pytest.raises(BuildError) as caught:
        _write_directory(built, {GRAPH["bad"]: bad})

    assert str(caught.value) == f"{built}: writing the store failed: Invalid IRI code point ' '"
    assert quads(built) == before
    assert siblings(built) == []


def test_parent_that_cannot_hold_a_store_is_an_error(tmp_path: Path, rdf_file: Path):
    target = rdf_file / "store"  # the parent is a file
    with pytest.raises(BuildError) as caught:
        build([], [rdf_file], store_path=target)
    assert str(caught.value).startswith(f"{target}: cannot create the store beside it:")
    assert rdf_file.is_file()


def test_refuses_a_store_another_process_has_open_for_writing(built: Path, rdf_file: Path):
    # Such a process keeps writing files by path: after a swap it would corrupt the new store.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_STORE, str(built)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "open\n"
        with pytest.raises(BuildError) as caught:
            build([], [rdf_file], store_path=built)
        assert str(caught.value) == (
            f"{built}: the store is open for writing by process {holder.pid}; close it first, then build"
        )
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0
    build([], [rdf_file], store_path=built)  # once it is closed, building works and the store reads back
    assert GRAPH["file/films.ttl"] in open_store(built, read_only=True).graph_names()


HOLD_STORE = """
import sys
from kg.store import open_store
store = open_store(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
store.close()
"""


def test_refuses_a_store_this_process_has_open_for_writing(built: Path, rdf_file: Path):
    store = open_store(built)
    try:
        with pytest.raises(BuildError, match="open for writing by this process"):
            build([], [rdf_file], store_path=built)
    finally:
        store.close()
        del store


def test_readers_do_not_block_a_build(built: Path, rdf_file: Path):
    reader = open_store(built, read_only=True)
    count = reader.triple_count()
    build([], [rdf_file], store_path=built)
    assert open_store(built, read_only=True).triple_count() == count > 0
