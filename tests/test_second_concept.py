"""A second concept the question names must touch the answer, or the answer does not explain the question.

"What does the Shop call a cart?" asks for the Shop's term whose row of the terms table describes a
cart, not for every term the Shop uses; a row's terms are tied to the thing its head cell names when the
table is read, and the second concept then keeps the one term tied to it. The note is invented for these tests.
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


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("stores"), "stores", STORES)


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
