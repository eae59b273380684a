"""A heading that is one lowercase term the dictionary does not know names what its bullets describe.

Terse notes head a section with a command's or a tool's name in lowercase ("## graftkit") and leave
the name out of the bullets under it. Such a heading is the bullets' subject, as a capitalised coined
name is: its first noun-phrase bullet says what it is. A heading that is an English word stays a label.
The note is invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

NOTE = """# Orchard tools

- every tool has a handle and a blade

## graftkit

- command-line planner for grafting fruit trees
- runs on any laptop

## pruning

- cuts made in late winter
"""


@pytest.fixture(scope="module")
def orchard(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("orchard"), "orchard", NOTE)


def definitions(graph: KnowledgeGraph) -> dict[str, str]:
    rows = graph.engine.store.query("SELECT ?l ?d WHERE { ?c skos:definition ?d ; rdfs:label ?l }")
    return {str(label): str(text) for label, text in rows}


def test_the_first_bullet_under_a_lowercase_term_heading_defines_the_term(orchard: KnowledgeGraph) -> None:
    assert definitions(orchard).get("graftkit") == "command-line planner for grafting fruit trees"
    answer = orchard.ask("What is graftkit?")
    assert answer.kind == "definition"
    assert "planner" in answer.answer
    assert answer.confidence >= orchard.engine.threshold


def test_the_bullets_under_it_are_said_of_the_term_not_of_a_noun_before(orchard: KnowledgeGraph) -> None:
    labels = {str(label) for (label,) in orchard.engine.store.query(
        "SELECT ?l WHERE { ?s rdfs:label ?l ; ?p ?o . ?o rdfs:label 'laptop' }")}  # fmt: skip
    assert labels == {"graftkit"}
    assert "planner for grafting fruit trees" not in " ".join(
        text for label, text in definitions(orchard).items() if label != "graftkit"
    )


def test_a_heading_that_is_an_english_word_stays_a_label(orchard: KnowledgeGraph) -> None:
    assert "pruning" not in definitions(orchard)


LABELLED = """# Garden shed

- every tool hangs on the wall

## misc

- kept dry in winter
- cleaned every spring
"""


def test_a_heading_whose_first_item_says_no_kind_of_thing_is_no_subject(tmp_path: Path) -> None:
    # "misc" is a word no dictionary here knows, but its first item says nothing of what it is.
    shed = note_graph(tmp_path, "shed", LABELLED)
    facts = shed.engine.store.query("SELECT ?p ?o WHERE { ?s rdfs:label 'misc' ; ?p ?o . ?o rdfs:label ?l }")
    assert [(str(p), str(o)) for p, o in facts if "ontology#Concept" not in str(o)] == []
