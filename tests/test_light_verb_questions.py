"""In "which N does X use?", the asked noun names the relation; the light verb only frames the question.

A note of our own with a property table ("range" per lamp) and a "uses" sentence. "Which range does the
Aldis lamp use?" asks for the lamp's range; before, the verb "use" chose the relation "uses" and the
engine answered "trigger" at 0.97. With no asked noun, "use" still names its relation. Real parser and
model.
"""

from __future__ import annotations

import pytest
from note_graph import label_set, note_graph

pytestmark = pytest.mark.slow

NOTE = """# Signal lamps

A **signal lamp** is a lamp that a ship uses to send messages at night.

## Lamps compared

| | Aldis lamp | Morse lantern |
| --- | --- | --- |
| wicks | 1 | 2 |
| range | 10 miles | 4 miles |

The Aldis lamp uses a trigger to open its shutter.

The Morse lantern uses oil and a brass hood.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("lamps"), "lamps", NOTE)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which range does the Aldis lamp use?", {"10 miles"}),
        ("What range does the Morse lantern use?", {"4 miles"}),
    ],
)
def test_a_relation_the_asked_noun_names_answers_a_question_framed_by_a_light_verb(graph, question, expected):
    answer = graph.ask(question)

    assert label_set(answer) == expected, answer.answer
    assert "trigger" not in answer.answer


def test_with_no_asked_noun_the_light_verb_still_names_its_relation(graph):
    answer = graph.ask("What does the Aldis lamp use?")

    assert label_set(answer) == {"trigger"}, answer.answer
