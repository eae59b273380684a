"""A kind named at the start of a sentence is the kind, and a topic heading types nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.build import collect
from kg.namespaces import KG

NOTE = """# Harbour boats

## Work in the harbour

Tugboats pull barges.

**Kestrel** is a tugboat. Kestrel pulls ferries.

**Osprey** is a tugboat that was built in Leith.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path: Path = tmp_path_factory.mktemp("harbour") / "harbour.md"
    path.write_text(NOTE, encoding="utf-8")
    union = Graph()
    for g in collect([path], []).graphs.values():
        union += g
    return union


def _objects(graph: Graph, subject: URIRef, predicate_label: str) -> set[str]:
    return {
        str(graph.value(o, RDFS.label))
        for p, o in graph.predicate_objects(subject)
        if str(graph.value(p, RDFS.label)) == predicate_label
    }


def test_a_plural_opening_a_sentence_names_the_kind_not_a_thing_of_that_name(graph: Graph):
    assert (KG["tugboats"], None, None) not in graph
    assert _objects(graph, KG["tugboat"], "pull") == {"barge"}


def test_members_of_the_kind_inherit_what_the_sentence_says_of_it(graph: Graph):
    assert _objects(graph, KG["osprey"], "pull") == {"barge"}
    assert _objects(graph, KG["kestrel"], "pull") == {"ferry"}


def test_a_heading_that_is_no_single_noun_phrase_types_nothing(graph: Graph):
    kinds = {str(graph.value(t, RDFS.label)) for t in graph.objects(KG["osprey"], RDF.type)}
    assert "Work in the harbour" not in kinds
    assert "tugboat" in kinds
