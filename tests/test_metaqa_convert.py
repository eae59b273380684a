"""Convert MetaQA's kb.txt to RDF mechanically: one node per name, labels from names, nothing invented."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kg.build import build
from kg.rdfio import file_graph_name, load_rdf
from kg.store import open_store

BENCH = Path(__file__).resolve().parent.parent / "bench" / "metaqa_to_rdf.py"
ENTITY = "https://kgqa.dev/metaqa/entity/"
RELATION = "https://kgqa.dev/metaqa/relation/"

# Duplicate lines, a name used as subject and object, spaces, accents, and characters that mean
# something in IRIs (/ ? # %) or in Turtle (quotes, dots).
SAMPLE = """\
Kismet|directed_by|William Dieterle
Kismet|starred_actors|Marlene Dietrich
Kismet|directed_by|William Dieterle

The Bride Wore Black|written_by|François Truffaut
Who's Afraid of Virginia Woolf?|release_year|1966
50/50|has_tags|100% "true" story #1.
Marlene Dietrich|starred_actors|Kismet
"""


def load_converter():
    spec = importlib.util.spec_from_file_location("metaqa_to_rdf", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


convert = load_converter()


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    path = tmp_path / "kb.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def node(name: str) -> URIRef:
    return URIRef(convert.entity_iri(name))


def expected() -> Graph:
    """The graph the sample must become, written out by hand."""
    graph = Graph()
    facts = [
        ("Kismet", "directed_by", "William Dieterle"),
        ("Kismet", "starred_actors", "Marlene Dietrich"),
        ("The Bride Wore Black", "written_by", "François Truffaut"),
        ("Who's Afraid of Virginia Woolf?", "release_year", "1966"),
        ("50/50", "has_tags", '100% "true" story #1.'),
        ("Marlene Dietrich", "starred_actors", "Kismet"),
    ]
    for s, r, o in facts:
        graph.add((node(s), URIRef(RELATION + r), node(o)))
        graph.add((node(s), RDFS.label, Literal(s)))
        graph.add((node(o), RDFS.label, Literal(o)))
    for relation, label in [
        ("directed_by", "directed by"),
        ("starred_actors", "starred actors"),
        ("written_by", "written by"),
        ("release_year", "release year"),
        ("has_tags", "has tags"),
    ]:
        graph.add((URIRef(RELATION + relation), RDFS.label, Literal(label)))
    return graph


@pytest.mark.parametrize(("suffix", "rdf_format"), [(".nt", "nt"), (".ttl", "turtle")])
def test_sample_converts_to_exactly_the_expected_graph(kb: Path, tmp_path: Path, suffix: str, rdf_format: str):
    output = tmp_path / f"kb{suffix}"
    assert convert.main([str(kb), str(output)]) == 0
    assert isomorphic(Graph().parse(output, format=rdf_format), expected())


def test_iris_are_url_safe_deterministic_and_one_per_name():
    assert convert.entity_iri("50/50") == ENTITY + "50%2F50"
    assert convert.entity_iri("Who's Afraid?") == ENTITY + "Who%27s%20Afraid%3F"
    assert convert.entity_iri("François") == ENTITY + "Fran%C3%A7ois"
    # Names that differ only in case or accents stay different nodes; a name is one node.
    assert convert.entity_iri("François Truffaut") != convert.entity_iri("françois truffaut")
    assert convert.relation_iri("has_tags") == RELATION + "has_tags"
    assert convert.relation_label("starred_actors") == "starred actors"


def test_nothing_but_facts_and_labels(kb: Path):
    predicates = {t.predicate.value for t in convert.convert(kb)}
    assert predicates == {
        RDFS.label.toPython(),
        *(RELATION + r for r in ("directed_by", "starred_actors", "written_by", "release_year", "has_tags")),
    }


def test_malformed_line_is_named(tmp_path: Path):
    path = tmp_path / "kb.txt"
    path.write_text("a|b|c\nonly|two\n", encoding="utf-8")
    with pytest.raises(convert.ConvertError, match=r"kb\.txt:2: expected 'subject\|relation\|object'"):
        convert.convert(path)
    path.write_bytes(b"a|b|c\ncaf\xe9|b|c\n")
    with pytest.raises(convert.ConvertError, match=r"kb\.txt:2: not UTF-8 text"):
        convert.convert(path)


def test_script_reports_errors_in_one_line(kb: Path, tmp_path: Path):
    ok = subprocess.run([sys.executable, str(BENCH), str(kb), str(tmp_path / "out.nt")], capture_output=True, text=True)
    assert ok.returncode == 0
    assert ok.stdout.startswith(f"wrote {len(expected())} triples to ")

    bad = subprocess.run(
        [sys.executable, str(BENCH), str(kb), str(tmp_path / "out.csv")], capture_output=True, text=True
    )
    assert bad.returncode == 1
    assert bad.stderr == f"error: {tmp_path / 'out.csv'}: unknown output format; use one of .nt, .ttl\n"


def test_converted_graph_builds_and_answers(kb: Path, tmp_path: Path):
    output = tmp_path / "metaqa.nt"
    convert.main([str(kb), str(output)])
    build([], [output], store_path=tmp_path / "store")

    store = open_store(tmp_path / "store", read_only=True)
    rows = store.query(
        """SELECT ?name WHERE { ?film rdfs:label "Kismet" ; ?directed ?person . ?person rdfs:label ?name .
                                ?directed rdfs:label "directed by" }"""
    )
    assert {str(row[0]) for row in rows} == {"William Dieterle"}


@pytest.mark.slow
def test_full_metaqa_kb_converts_and_loads(tmp_path: Path):
    kb = Path(__file__).resolve().parents[2] / "shared" / "metaqa" / "kb.txt"
    lines = {tuple(line.split("|")) for line in kb.read_text(encoding="utf-8").splitlines() if line}
    names = {name for s, _, o in lines for name in (s, o)}
    relations = {r for _, r, _ in lines}
    output = tmp_path / "metaqa.nt"

    assert convert.main([str(kb), str(output)]) == 0
    graphs = load_rdf(output)

    # How fast is a figure for bench/, not an assertion: here, only that the whole KB converts and loads.
    assert len(graphs[file_graph_name(output)]) == len(lines) + len(names) + len(relations)
