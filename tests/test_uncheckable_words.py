"""Words no answer can fail do not lower a relation answer's confidence (``Engine._confidence``).

A reflexive pronoun ("for itself") points back at the topic, a generic noun after a classifier ("what
kind of thing") stands for anything, and a word that narrows an asked-for noun the graph has no kind for
("which *glaze* recipes", when nothing says what a recipe is) narrows a type nothing can check: each was
counted as a content word the answer leaves unaccounted for, which took a fully explained answer from
0.97 to 0.81, under the line for answers read out of text. A word the answer really leaves unsaid still
costs. The note is invented for these tests.
"""

from __future__ import annotations

import pytest
from note_graph import label_set as labels
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.qa import TEXT_ANSWER_THRESHOLD

NOTE = """# Kilns

A **kiln** is a chamber that fires clay. Because its walls hold heat, the kiln creates its own steady climate.

A **green thing** is a pot that has not been fired yet.

A **mould** is a hollow form that gives wet clay its shape. You can make a mould from a finished bowl, too.

Potters use three kinds of firing method:

- raku firing
- pit firing
- saggar firing

The **Ash Guild** is a guild of potters in the hill towns. The Ash Guild teaches celadon, tenmoku and shino.
"""


@pytest.fixture(scope="module")
def kilns(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("kilns"), "kilns", NOTE)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What does a kiln create for itself?", {"own steady climate"}),
        ("What kind of thing is pit firing?", {"firing method"}),
        ("Which glaze recipes does the Ash Guild teach?", {"celadon", "tenmoku", "shino"}),
    ],
)
def test_a_word_no_answer_can_fail_leaves_the_answer_sure(kilns: KnowledgeGraph, question, expected) -> None:
    answer = kilns.ask(question)
    assert answer.kind == "relation"
    assert labels(answer) == expected
    assert answer.confidence >= TEXT_ANSWER_THRESHOLD


def test_a_word_the_answer_leaves_unsaid_still_costs(kilns: KnowledgeGraph) -> None:
    engine = kilns.engine
    saved = engine.threshold, engine.text_threshold
    engine.threshold = engine.text_threshold = 0.0  # see the answer's own confidence
    try:
        answer = kilns.ask("Which glaze recipes does the Ash Guild teach in winter?")
    finally:
        engine.threshold, engine.text_threshold = saved
    assert labels(answer) == {"celadon", "tenmoku", "shino"}
    assert answer.confidence < TEXT_ANSWER_THRESHOLD
