"""Classifiers ("which *sorts* of X", "what *types* of X") ask for kinds of X; they name no relation.

A note of our own, real parser and model: "sorts" is also a verb of the note ("the foreman sorts the
ropes"), which must not make "Which sorts of rope ..." ask who sorts; a list introduced with "kinds"
answers a question that says "types"; a bulleted kind ("climbing ropes") is typed by the kind the list
counts, and the kind is never typed by itself.
"""

from __future__ import annotations

import pytest
from note_graph import label_set, note_graph
from rdflib import RDF, URIRef

pytestmark = pytest.mark.slow

NOTE = """# Rope works

The rope works is a small mill beside the harbour.

## Ropes

The rope works makes three kinds of rope:

- mooring ropes
- towing ropes
- climbing ropes

A towing rope is thicker than a mooring rope.

Climbing ropes are dyed red so that they are seen from afar.

## Sorting

Each evening the foreman sorts the ropes that were made that day.
"""

KINDS = {"mooring rope", "towing rope", "climbing rope"}
ID = "https://kgqa.dev/id/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("ropes"), "ropes", NOTE)


def test_a_classifier_that_spells_a_verb_of_the_note_names_no_relation(graph):
    answer = graph.ask("Which sorts of rope does the rope works make?")

    assert "foreman" not in label_set(answer), answer.answer
    assert label_set(answer) == KINDS, answer.answer


def test_a_list_said_with_one_classifier_answers_a_question_with_another(graph):
    answer = graph.ask("What types of rope does the rope works make?")

    assert label_set(answer) == KINDS, answer.answer
    assert any("three kinds of rope" in source["text"] for source in answer.sources)


def test_a_bulleted_kind_is_typed_by_the_kind_the_list_counts_and_never_by_itself(graph):
    store = graph.engine.store

    assert store.contains((URIRef(ID + "climbing-rope"), RDF.type, URIRef(ID + "rope")))
    assert not store.contains((URIRef(ID + "rope"), RDF.type, URIRef(ID + "rope")))
