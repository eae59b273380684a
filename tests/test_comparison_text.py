"""A comparison's answer quotes the sentence it was read from (which may say why), never a comparative
made up beside it ("more better")."""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

NOTE = """# Kilns

## Firing

The **north kiln** is better for glazes than the **south kiln** because its walls hold heat longer.
"""


@pytest.fixture(scope="module")
def kilns(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("kilns"), "kilns", NOTE)


@pytest.mark.parametrize(
    "question",
    ["Which is better, the north kiln or the south kiln?", "Is the north kiln or the south kiln better for glazes?"],
)
def test_a_comparison_quotes_its_sentence_and_says_its_comparative_as_written(kilns: KnowledgeGraph, question):
    answer = kilns.ask(question)
    assert [a.get("label") for a in answer.answers] == ["north kiln"], answer.answer
    assert "because its walls hold heat longer" in answer.answer
    assert "more better" not in answer.answer
