"""A relation stated denied ("does not carry") answers no question of what is carried, on a note of our own."""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

NOTE = """# Ferries

The **night ferry** does not carry cars. The **day ferry** carries cars and bicycles.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp("ferries")
    (folder / "ferries.md").write_text(NOTE, encoding="utf-8")
    return KnowledgeGraph.open(docs=[folder / "ferries.md"], cache_dir=folder / "vectors")


def test_a_denied_relation_is_no_path_for_a_question_that_does_not_deny(graph: KnowledgeGraph):
    # Before: "day ferry" at 0.9, through "does not carry" and back along "carry".
    answer = graph.ask("What does the night ferry carry?")

    assert answer.answers == [], answer.answer


def test_the_stated_relation_still_answers(graph: KnowledgeGraph):
    answer = graph.ask("What does the day ferry carry?")

    assert sorted(a["label"] for a in answer.to_dict()["answers"]) == ["bicycle", "car"]


def test_a_yes_no_question_finds_the_denial_of_the_relation_its_words_name(graph: KnowledgeGraph):
    # "carry" names "carry"; the note states "does not carry" of the night ferry: that is a "no".
    denied = graph.ask("Does the night ferry carry cars?")
    stated = graph.ask("Does the day ferry carry cars?")

    assert [a["value"] for a in denied.answers] == [False], denied.answer
    assert [a["value"] for a in stated.answers] == [True], stated.answer
