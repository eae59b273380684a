"""A question a request or a statement wraps ("Do you know which port the mill uses?") is that question.

Read by the parse (``kg.question.embedded_question``): the words before the wh-word name no thing and the
wh-clause hangs from them. Real parser and model, on a note of our own.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels, note_graph

from kg.question import embedded_question

pytestmark = pytest.mark.slow

NOTE = """# Weaving

## Looms

A **treadle** is a foot pedal that lifts a set of warp threads.

The **floor loom** weaves wool blankets.
"""


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Do you know which blankets the floor loom weaves?", "which blankets the floor loom weaves?"),
        ("Tell me who repaired the loom.", "who repaired the loom."),
        # The copula ends the wrapped clause; asked directly it follows the wh-word.
        ("I'd like to know what a treadle is.", "what is a treadle?"),
        ("Can you tell me what treadles are?", "what are treadles?"),
    ],
)
def test_the_wrapped_question_is_read_out(text: str, question: str):
    assert embedded_question(text) == question


@pytest.mark.parametrize(
    "text",
    [
        "What is a treadle?",  # a question already
        "Name the looms that weave wool.",  # words before the wh-word name things
        "Heddle: what is it?",  # a question of its own after a heading-like word
        "Do you know whether the loom weaves wool?",  # a yes/no clause, no wh-word
    ],
)
def test_nothing_is_read_out_where_no_question_is_wrapped(text: str):
    assert embedded_question(text) is None


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("weaving"), "weaving", NOTE)


def test_a_wrapped_question_is_answered_as_asked_directly(graph):
    wrapped = graph.ask("I'd like to know what a treadle is.")
    direct = graph.ask("What is a treadle?")

    assert wrapped.kind == direct.kind == "definition"
    assert wrapped.answer == direct.answer
    assert wrapped.question == "I'd like to know what a treadle is."  # the question as asked


def test_a_wrapped_relation_question_is_answered(graph):
    answer = graph.ask("Do you know what the floor loom weaves?")

    assert answer_labels(answer) == answer_labels(graph.ask("What does the floor loom weave?")) != []
