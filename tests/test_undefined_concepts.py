"""Asked what X is, for an X the notes use but never define: what they say of X, quoted and cited, is the reply.

It is context, not an answer (``answers`` stays empty): the sentences say what X does, not what it is.

Real parser and model, on a note of our own.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.about import UNDEFINED_CONFIDENCE
from kg.qa import ANSWER_THRESHOLD

pytestmark = pytest.mark.slow

USED = "A pug mill is used to mix clay and remove air from it."
NOTE = f"""# Pottery studio

## Clay

A **kiln** is an insulated chamber that fires clay at high temperatures.

{USED}

The studio keeps the **pug mill** beside the **potting wheel**.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("studio"), "studio", NOTE)


def test_an_undefined_concept_is_met_with_what_the_notes_say_of_it(graph):
    answer = graph.ask("What is a pug mill?")

    assert answer.kind == "about"
    assert answer.answer.startswith("The notes do not say what pug mill is")
    assert f'"{USED}"' in answer.answer
    assert USED in [source["text"] for source in answer.sources]
    assert answer.answers == []  # no client takes the quotes for what a pug mill is
    assert answer.confidence == UNDEFINED_CONFIDENCE < ANSWER_THRESHOLD
    assert "pug mill" in [topic["label"] for topic in answer.topics]


def test_a_defined_concept_keeps_its_definition(graph):
    answer = graph.ask("What is a kiln?")

    assert answer.kind == "definition"
    assert "insulated chamber" in answer.answer


def test_a_question_that_asks_more_than_what_it_is_is_not_answered_so(graph):
    answer = graph.ask("What is the price of a pug mill?")

    assert answer.kind != "about"
