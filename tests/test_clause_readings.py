"""Clause shapes that notes write often and the open reader must read right: each on a small note of its own.

Every test builds one short Markdown note (a harbour, which no ontology covers) with the real parser
and the bundled ontology, and compares the facts it gives, as (subject, predicate, object) labels
(a quality's object is its words), with what the note says.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from test_note_readings import label
from test_note_readings import predicates as between

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


def test_of_after_a_verb_is_its_object_and_keeps_its_direction(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Pier\n\nA pier is composed of planks.\n\nThe harbour wall is made of granite.\n\n"
        "The lighthouse stands independently of the pier.\n",
    )

    assert between(found, "pier", "plank") == {"is composed of"}
    # "made of" is what the wall consists of: never the ontology's "made" (creates) or "made from".
    assert between(found, "harbour wall", "granite") == {"is made of"}
    assert not {p for s, p, o in found if s == "granite"}
    # An "of" after an adverb is the adverb's ("independently of"), no participant of the verb.
    assert not {p for s, p, o in found if s == "lighthouse" and p.endswith(" of")}


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


def test_a_quality_is_never_given_to_a_name_outside_the_clauses_subject(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Sheds\n\nThe crane lifts crates.\n\n"
        "- The broker keeps each parcel until it is collected.\n- Store a pallet in a shed that is 20% warmer\n",
    )

    # Read by word positions, "it" took the last name the text gave ("crate"), and the number before
    # a comparative became a quality of its own.
    assert not {s for s, _, o in found if o == "collected"}
    assert not {s for s, _, o in found if o == "20"}


def test_what_is_used_to_do_something_does_it(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Lifting\n\nWinches are used for lifting cargo.\n\n"
        "The crane, which is used to lift crates, stands on the quay.\n\n"
        "A hoist is a machine that is used to raise engines.\n\n"
        "Build a pallet from planks, which can be used to stack sacks.\n",
    )

    assert between(found, "winch", "cargo") == {"lift"}
    assert between(found, "crane", "crate") == {"lift"}
    assert between(found, "hoist", "engine") == {"raise"}
    # After a preposition's object either noun may be what is used: the parser's nearer one ("planks")
    # is no safe reading, so the clause gives no fact of either.
    assert not {s for s, _, o in found if o == "sack"}


def test_a_bullet_that_is_only_a_purpose_is_said_of_its_heading(tmp_path: Path, ontology: Graph):
    found = facts(
        tmp_path,
        ontology,
        "# Harbour\n\n## Bollard\n\n- Used to moor ships\n- Designed to carry heavy loads\n",
    )

    assert between(found, "bollard", "ship") == {"moor"}
    assert between(found, "bollard", "heavy load") == {"carry"}
