"""A clause that "seldom", "rarely" or "hardly" bears on states neither a fact nor its denial.

"The brass kettle seldom cools the tea" does not say that it cools the tea, nor that it never does: the
graph records no fact from it, and a yes/no question about it gets no verdict (the sentence may still be
quoted). The same clause without the adverb, said of another kettle, still answers yes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

NOTE = (
    "# Kettles\n\n"
    "The **brass kettle** is a kettle made of brass. It seldom cools the tea. It rarely whistles.\n\n"
    "The **copper kettle** is a kettle made of copper. It cools the tea. It whistles.\n"
)


@pytest.fixture(scope="module")
def kettles(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("kettles")), "kettles", NOTE)


def _facts_from(graph: KnowledgeGraph, quote: str) -> list:
    return list(graph.query('SELECT ?p WHERE { ?st rdf:predicate ?p ; kgo:quote "%s" }' % quote))


def test_a_near_negated_clause_gives_no_fact_while_the_plain_clause_does(kettles: KnowledgeGraph):
    assert _facts_from(kettles, "It seldom cools the tea.") == []
    assert _facts_from(kettles, "It rarely whistles.") == []
    assert _facts_from(kettles, "It cools the tea.") != []


@pytest.mark.parametrize("question", ["Does the brass kettle cool the tea?", "Does the brass kettle whistle?"])
def test_a_near_negated_sentence_answers_neither_yes_nor_no(kettles: KnowledgeGraph, question: str):
    answer = kettles.ask(question)

    assert answer.answers == [], answer.answer


def test_the_same_sentence_without_the_adverb_still_answers_yes(kettles: KnowledgeGraph):
    answer = kettles.ask("Does the copper kettle cool the tea?")

    assert answer.answers == [{"value": True}], answer.answer
