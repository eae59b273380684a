"""Clause shapes that notes write often and the open reader must read right: each on a small note of its own.

Every test builds one short Markdown note (a harbour, which no ontology covers) with the real parser
and the bundled ontology, and compares the facts it gives, as (subject, predicate, object) labels
(a quality's object is its words), with what the note says.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.ingest.pipeline import extract_document
from kg.namespaces import data_dir


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data_dir() / "ontology.ttl")


def facts(tmp_path: Path, ontology: Graph, text: str) -> set[tuple[str, str, str]]:
    """Read ``text`` as a note alone and return its facts by label, qualities by their words."""
    graph = extract_document(tmp_path / "harbour.md", text, ontology) + ontology
    out = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = (graph.value(st, part) for part in (RDF.subject, RDF.predicate, RDF.object))
        if isinstance(o, URIRef):
            out.add((label(graph, s), label(graph, p), label(graph, o)))
        elif isinstance(o, Literal):
            out.add((label(graph, s), label(graph, p), str(o).lower()))
    return out


def label(graph: Graph, node) -> str:
    if node == RDF.type:
        return "is a"
    return str(graph.value(node, RDFS.label) or node).lower()


def between(found: set[tuple[str, str, str]], subject: str, obj: str) -> set[str]:
    """Return the predicates that link ``subject`` to ``obj``."""
    return {p for s, p, o in found if s == subject and o == obj}


def test_of_after_a_verb_is_its_object_and_keeps_its_direction(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Pier\n\nA pier is composed of planks.\n\nThe harbour wall is made of granite.\n",
    )

    assert between(found, "pier", "plank") == {"is composed of"}
    # "made of" is what the wall consists of: never the ontology's "made" (creates) or "made from".
    assert between(found, "harbour wall", "granite") == {"is made of"}
    assert not {p for s, p, o in found if s == "granite"}


def test_x_is_the_n_of_y_relates_x_to_y_by_the_noun(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Walls\n\nThe breakwater is the outer wall of the harbour.\n\n"
        "A slipway is another ramp of the boatyard.\n",
    )

    assert between(found, "breakwater", "harbour") == {"is outer wall of"}
    assert between(found, "slipway", "boatyard") == {"is ramp of"}


def test_a_kind_of_y_is_a_y(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, "# Harbour\n\n## Boats\n\nA coracle is a kind of boat.\n")

    assert ("coracle", "is a", "boat") in found
    assert not any(o == "kind" for _, _, o in found)


def test_a_participle_after_the_complement_says_what_the_subject_is_for(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Equipment\n\nA bollard is a post used for mooring.\n\n"
        "A dredger is a ship designed to remove silt.\n",
    )

    assert between(found, "bollard", "mooring") == {"is used for"}
    assert between(found, "dredger", "silt") == {"remove"}
    assert ("bollard", "is a", "post") in found  # the copula is read as before


def test_it_after_a_joined_verb_is_the_first_verbs_object(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, "# Harbour\n\n## Tug\n\nA tug tows the barge and then pushes it.\n")

    assert between(found, "tug", "barge") == {"tow", "push"}
    assert not {p for s, p, o in found if s == "tug" and o == "tug"}


def test_a_plural_subject_before_a_modal_is_no_verb(tmp_path: Path, ontology: Graph):
    found = facts(tmp_path, ontology, "# Harbour\n\n## Tugboats\n\nBarges can be pulled by tugboats.\n")

    assert ("tugboat", "pull", "barge") in found
    assert not any("it " in s or "it " in o for s, _, o in found)  # no "It barges can be pulled"


def test_a_quality_is_the_clause_subjects_not_the_nearest_names(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Quay\n\nThe crane lifts crates.\n\nThe quay, which the crane serves, is long.\n",
    )

    # Read by word positions, the name nearest the copula ("crane") took the quality.
    assert {s for s, _, o in found if o == "long"} == {"quay"}
