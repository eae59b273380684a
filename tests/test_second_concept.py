"""A second concept the question names must touch the answer, or the answer does not explain the question.

"What does the Shop call a cart?" asks for the Shop's term whose row of the terms table describes a
cart, not for every term the Shop uses; a row's terms are tied to the thing its head cell names when the
table is read. A concept the answer never touches ("in the harbour") is a part of the question no fact
accounts for. The notes are invented for these tests.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

STORES = """# Stores

A **cart** carries goods around a store. A **van** moves goods between sites.
The **Shop** and the **Depot** both keep carts and vans.

| Term              | Shop     | Depot     |
| ----------------- | -------- | --------- |
| Shop Cart         | basket   | trolley   |
| A van with a lift | lifter   | hoist van |
"""

BOATS = """# Boats

A **harbour** is a sheltered place where boats moor.
The **Tern** is a racing dinghy. The Tern carries a spinnaker and a jib.
The Tern is kept in the harbour.
"""


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("stores"), "stores", STORES)


@pytest.fixture(scope="module")
def boats(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("boats"), "boats", BOATS)


def labels(answer) -> list[str]:
    return [str(a.get("label", a.get("value"))) for a in answer.answers]


@pytest.mark.parametrize(
    ("question", "expected"),
    [("What does the Shop call a cart?", ["basket"]), ("What does the Depot call a van?", ["hoist van"])],
)
def test_the_term_is_the_one_whose_row_describes_the_named_thing(
    stores: KnowledgeGraph, question: str, expected: list[str]
) -> None:
    answer = stores.ask(question)
    assert labels(answer) == expected


def test_a_concept_no_answer_touches_keeps_the_answer_below_the_line(boats: KnowledgeGraph) -> None:
    # The Tern carries a spinnaker and a jib, but nothing ties them to the harbour.
    assert labels(boats.ask("What does the Tern carry?")) == ["jib", "spinnaker"]
    answer = boats.ask("What does the Tern carry in the harbour?")
    assert answer.kind != "relation" or answer.confidence < boats.engine.text_threshold
