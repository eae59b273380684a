"""Two abstention lines: relation answers read out of text need 0.9, every other answer 0.8.

A relation path's confidence is a fit of its words to the question, tuned on the development notes; on
notes the engine was never developed on its 0.8-0.9 band was mostly wrong (bench/RESULTS.md, session 10),
so such an answer that cites source sentences must reach ``TEXT_ANSWER_THRESHOLD``. Facts given as RDF
(no sources), definitions, acronyms, yes/no and choices keep ``ANSWER_THRESHOLD``.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.answer import Answer
from kg.api import KnowledgeGraph
from kg.qa import ANSWER_THRESHOLD, TEXT_ANSWER_THRESHOLD, Engine

NOTE = """# Kettles

A **kettle** is a pot that boils water.
"""
SOURCE = [{"doc": "kettles.md", "section": "Kettles", "text": "A kettle is a pot that boils water."}]
ITEM = [{"value": "water"}]


@pytest.fixture(scope="module")
def kettles(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("kettles"), "kettles", NOTE)


def between() -> float:
    """A confidence above the plain line and below the line for relation answers read out of text."""
    assert ANSWER_THRESHOLD < TEXT_ANSWER_THRESHOLD
    return (ANSWER_THRESHOLD + TEXT_ANSWER_THRESHOLD) / 2


def test_a_relation_answer_read_out_of_text_needs_the_higher_line(kettles: KnowledgeGraph) -> None:
    answer = Answer("q", "a", ITEM, between(), sources=SOURCE, kind="relation")
    assert not kettles.engine._sure(answer)
    answer.confidence = TEXT_ANSWER_THRESHOLD
    assert kettles.engine._sure(answer)


def test_a_relation_answer_over_facts_given_as_rdf_keeps_the_plain_line(kettles: KnowledgeGraph) -> None:
    assert kettles.engine._sure(Answer("q", "a", ITEM, between(), sources=[], kind="relation"))


@pytest.mark.parametrize("kind", ["definition", "acronym", "boolean", "choice"])
def test_answers_read_by_direct_rules_keep_the_plain_line(kettles: KnowledgeGraph, kind: str) -> None:
    assert kettles.engine._sure(Answer("q", "a", ITEM, between(), sources=SOURCE, kind=kind))


def test_a_threshold_given_to_the_engine_is_the_line_for_every_answer(kettles: KnowledgeGraph) -> None:
    engine = Engine(kettles.engine.store, embedder=kettles.engine.embedder, threshold=0.5)
    assert engine._sure(Answer("q", "a", ITEM, 0.6, sources=SOURCE, kind="relation"))
    assert not engine._sure(Answer("q", "a", ITEM, 0.4, sources=SOURCE, kind="relation"))


def test_the_defining_sentence_still_answers_what_a_thing_is(kettles: KnowledgeGraph) -> None:
    answer = kettles.ask("What is a kettle?")
    assert answer.kind == "definition" and answer.answers
