"""A yes/no question's condition clause ("when the lid is removable") is not what the question asks.

A quality of the thing the condition names settles the condition, not the question: "Is the kettle
quiet when the lid is removable?" is not answered "yes" because the lid is removable.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.qa import Engine
from kg.question import condition_spans

NOTE = """# Kettles

A **kettle** is a pot that boils water.

## Parts

The **lid** is removable when the kettle is cold. The **base** is heavy.
"""


@pytest.fixture(scope="module")
def kettles(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("kettles"), "kettles", NOTE)


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("Is the kettle quiet when the lid is removable?", "when the lid is removable"),
        ("Does the kettle boil water if the base is heavy?", "if the base is heavy"),
    ],
)
def test_the_parse_finds_the_condition_clause(question: str, clause: str) -> None:
    assert [question[start:end] for start, end in condition_spans(question)] == [clause]


def test_a_quality_of_what_the_condition_names_does_not_answer(kettles: KnowledgeGraph) -> None:
    # At threshold 0 every verdict the engine reads is given, however unsure: none may rest on the lid.
    engine = Engine(kettles.engine.store, embedder=kettles.engine.embedder, threshold=0.0)
    answer = engine.ask("Is the kettle quiet when the lid is removable?")
    assert [item.get("value") for item in answer.answers] != [True]


def test_a_quality_of_what_the_main_clause_names_still_answers(kettles: KnowledgeGraph) -> None:
    # The condition is the one the sentence states: the lid's quality answers.
    answer = kettles.ask("Is the lid removable when the kettle is cold?")
    assert [item.get("value") for item in answer.answers] == [True]


CELLAR = """# Cheeses

The dairy keeps a goat cheese and a blue cheese in the cellar.

When the blue cheese is left in the sun for a day, its rind is lost.
"""


@pytest.fixture(scope="module")
def cheeses(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("cheeses"), "cheeses", CELLAR)


def test_a_relation_said_only_in_the_condition_is_not_the_one_asked(cheeses: KnowledgeGraph) -> None:
    # "is left in the sun" is a fact, but the question asks about keeping the rind: never "yes" from it.
    answer = cheeses.ask("Can the blue cheese keep its rind when it is left in the sun?")
    assert [item.get("value") for item in answer.answers] != [True], answer.answer


def test_the_relation_of_the_main_clause_still_answers(cheeses: KnowledgeGraph) -> None:
    answer = cheeses.ask("Is the blue cheese left in the sun?")
    assert [item.get("value") for item in answer.answers] == [True], answer.answer
