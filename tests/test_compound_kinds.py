"""A class named by a compound is a kind of the concept its head names ("glazing kiln" under "kiln").

The build hangs any class (a heading's category, a curated class, a type a sentence gives) under the
concept of the notes that the end of its name names, with the rule "kind named by its head"; a name
that may open with a verb ("change owner") is what something does, and hangs under nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

NOTE = (
    "# Workshop\n\n"
    "A kiln is an oven that hardens pottery.\n\n"
    "**Ember** is a glazing kiln. **Cinder** is a drying rack.\n\n"
    "Ember heats the tiles. Cinder heats the tiles.\n\n"
    "**Rekey** is a change lock: it swaps the lock of a door. A lock is a device that keeps a door shut.\n"
)


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("workshop")), "workshop", NOTE)


def _parents(graph: KnowledgeGraph, name: str) -> set[str]:
    rows = graph.query(
        'SELECT ?pl WHERE { ?c rdfs:label "%s" ; rdfs:subClassOf ?p . ?p rdfs:label ?pl . '
        '?st rdf:subject ?c ; rdf:predicate rdfs:subClassOf ; rdf:object ?p ; kgo:rule "kind named by its head" }'
        % name
    )
    return {str(row[0]) for row in rows}


def test_a_compound_class_hangs_under_the_concept_its_head_names(workshop: KnowledgeGraph):
    assert _parents(workshop, "glazing kiln") == {"kiln"}


def test_a_name_that_may_open_with_a_verb_hangs_under_nothing(workshop: KnowledgeGraph):
    assert _parents(workshop, "change lock") == set()


def test_the_members_of_a_compound_kind_are_members_of_its_head_in_sparql(workshop: KnowledgeGraph):
    rows = workshop.query(
        'SELECT ?xl WHERE { ?k rdfs:label "kiln" . ?x rdf:type/rdfs:subClassOf* ?k ; rdfs:label ?xl }'
    )

    assert {str(row[0]) for row in rows} == {"Ember"}  # a drying rack is no kiln


def _labelled(graph, node, name: str, *types) -> None:
    from rdflib import Literal
    from rdflib.namespace import RDF, RDFS

    graph.add((node, RDFS.label, Literal(name)))
    for kind in types:
        graph.add((node, RDF.type, kind))


def test_a_compound_class_never_hangs_under_a_relation_named_by_its_head():
    """A table column may mint a property named by the head noun ("kiln"); the class hangs under the concept."""
    from rdflib import Graph
    from rdflib.namespace import OWL

    from kg.ingest.infer import _compound_kinds
    from kg.namespaces import KG, KGO

    union = Graph()
    _labelled(union, KG["rel/kiln"], "kiln", OWL.ObjectProperty)  # met first: it used to win
    _labelled(union, KG["kiln"], "kiln", KGO.Concept)
    _labelled(union, KG["glazing-kiln"], "glazing kiln", OWL.Class)
    found = _compound_kinds(union, {KG["glazing-kiln"]})
    assert [(cls, parent) for cls, parent, _ in found] == [(KG["glazing-kiln"], KG["kiln"])]


def test_a_compound_class_whose_head_names_only_a_relation_hangs_under_nothing():
    from rdflib import Graph
    from rdflib.namespace import OWL

    from kg.ingest.infer import _compound_kinds
    from kg.namespaces import KG

    union = Graph()
    _labelled(union, KG["rel/kiln"], "kiln", OWL.DatatypeProperty)
    _labelled(union, KG["glazing-kiln"], "glazing kiln", OWL.Class)
    assert _compound_kinds(union, {KG["glazing-kiln"]}) == []
