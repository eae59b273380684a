"""Roles the parse leaves implicit, read by grammar: the doer of an infinitive of purpose, and the wh-word's
role in a question whose subject the parser reads twice."""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.question import wh_phrase

NOTE = """# Saw Mill

## Water

The **miller** opens the sluice gate to flood the **wheel pit**.
"""


@pytest.fixture(scope="module")
def mill(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("mill"), "mill", NOTE)


@pytest.mark.slow
def test_the_doer_of_an_infinitive_of_purpose_is_its_head_verbs_subject(mill: KnowledgeGraph):
    # "opens the sluice gate to flood the wheel pit": whoever opens it floods the pit.
    answer = mill.ask("Who floods the wheel pit?")
    assert [a.get("label") for a in answer.answers] == ["miller"], answer.answer


def test_a_wh_word_before_do_and_a_subject_is_the_object():
    # The small model parses "What" and "caching" both as subjects of "reduce".
    assert wh_phrase("What does caching reduce?") == (["what"], "object")
    assert wh_phrase("What reduces latency?") == (["what"], "subject")
    assert wh_phrase("Who does the miller pay?") == (["who"], "object")
