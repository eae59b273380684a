"""A yes/no question asked under a condition the sentence does not state gets no sure answer from the fact.

"Apprentices may use the stone oven only if the head baker is present" does not settle "Can apprentices
use the stone oven when the head baker is away?": before, the fact answered it "Yes" at 0.86. The same
condition said as the sentence says it still answers. Real parser and model, on a note of our own.
"""

from __future__ import annotations

import pytest
from note_graph import label_set, note_graph

pytestmark = pytest.mark.slow

NOTE = """# Village Bakery

The **village bakery** bakes bread, rolls and pies every morning.

## Ovens

The stone oven must not be opened during a bake.

## Staff

Apprentices may use the stone oven only if the head baker is present.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("bakery"), "bakery", NOTE)


def test_a_condition_the_sentence_does_not_state_gets_no_yes(graph):
    answer = graph.ask("Can apprentices use the stone oven when the head baker is away?")

    assert "true" not in label_set(answer), answer.answer


def test_the_condition_the_sentence_states_still_answers(graph):
    answer = graph.ask("Can apprentices use the stone oven when the head baker is present?")

    assert label_set(answer) == {"true"}, answer.answer
