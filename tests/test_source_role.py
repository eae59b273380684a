"""A question's "from" asks for a source: a fact that names the answer as the doer answers another question.

"The kiln produces bricks" says what makes bricks; the ontology's inverse reads it as "a brick is made
from the kiln" as well, but "which thing can you make a brick from?" asks for the material the note says
bricks are made from. The note is invented for these tests.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

NOTE = """# Brickworks

A **brick** is a block of fired clay. **Clay** is dug from the pit.
The **kiln** produces bricks. You can make a brick from clay.
"""


@pytest.fixture(scope="module")
def brickworks(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("brickworks"), "brickworks", NOTE)


@pytest.mark.parametrize(
    "question",
    ["Which thing can you make a brick from?", "What is a brick made from?", "From which thing can a brick be made?"],
)
def test_the_source_is_what_the_note_says_things_are_made_from(brickworks: KnowledgeGraph, question: str) -> None:
    answer = brickworks.ask(question)
    labels = [str(a.get("label", a.get("value"))).lower() for a in answer.answers]
    assert "kiln" not in labels
