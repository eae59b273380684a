"""The class a "which" question's noun names decides its answers' kind, also when it is the only concept named.

"Which shed are kilns put in?" asks for a shed: the kilns' members answer nothing. "Which kilns fire
pots?" names one concept, the class asked for: what kilns fire (clay) answers another question. Real
parser and model, on a note of our own.
"""

from __future__ import annotations

import pytest
from note_graph import label_set, note_graph

pytestmark = pytest.mark.slow

NOTE = """# Pottery workshop

## Kilns

A **kiln** is an insulated chamber that fires clay at high temperatures.

By default, new kilns are installed in a room called the north shed.

The **glaze kiln** is a kiln that fires pots a second time after the glaze is applied.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("kilns"), "kilns", NOTE)


def test_a_plural_class_that_is_not_the_asked_noun_asks_for_no_members(graph):
    answer = graph.ask("Which shed are kilns put in by default?")

    assert answer.kind != "list"
    assert "glaze kiln" not in label_set(answer)


def test_the_members_are_still_listed_when_the_class_is_the_asked_noun(graph):
    answer = graph.ask("Which kilns are there?")

    assert answer.kind == "list"
    assert "glaze kiln" in label_set(answer)


def test_a_relation_of_the_asked_class_itself_is_no_answer_to_which_of_its_members(graph):
    answer = graph.ask("Which kilns fire pots?")

    assert "clay" not in label_set(answer), answer.answer


def test_the_kind_a_sentence_gives_a_named_answer_is_no_answer_beside_it(graph):
    # "in a room called the north shed": the north shed is the answer, "room" what it is.
    answer = graph.ask("Where do new kilns get installed by default?")

    assert label_set(answer) == {"north shed"}, answer.answer
