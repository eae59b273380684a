"""A definition question may place its concept in a setting ("What is X in Y?"): Y is no frame word."""

from __future__ import annotations

import pytest
from test_yes_no_reading import note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

NOTE = """# Looms

A **Harlow loom** weaves wool into cloth.

## Harlow parts

A **heddle** is a cord that lifts one warp thread.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "looms", NOTE)


def test_a_name_after_in_is_the_setting_of_the_concept_defined(graph: KnowledgeGraph):
    answer = graph.ask("What is a heddle in a Harlow loom?")

    assert answer.kind == "definition" and "warp thread" in answer.answer, answer.answer


def test_a_name_the_question_asks_about_stays_in_the_frame(graph: KnowledgeGraph):
    # "of" asks for something of the concept, which its definition does not say.
    assert graph.ask("What is the heddle of a Harlow loom made of?").kind != "definition"
