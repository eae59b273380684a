"""A question asking for a property a table states puts a verb around the property's name: the row has none.

"Which hull material does the Tern use?" asks for the "hull material" row of a property table; the row
never says "use", so that verb must neither support nor count against the answer. A verb that names
another relation the thing has still asks for that relation. The note is invented for these tests.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

NOTE = """# Sailing dinghies

The **Tern** is a racing dinghy for two sailors. The **Puffin** is a training dinghy for one sailor.
The Tern carries a spinnaker.

## Tern vs Puffin

| Property          | Tern              | Puffin               |
| ----------------- | ----------------- | -------------------- |
| hull material     | carbon fibre      | polyethylene         |
| crew size         | two               | one                  |
| capsize recovery  | fast              | slow                 |
| sail plan         | sloop             | catboat              |
"""


@pytest.fixture(scope="module")
def dinghies(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("dinghies"), "dinghies", NOTE)


def values(answer) -> list[str]:
    return [str(a.get("label", a.get("value"))) for a in answer.answers]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which hull material does the Tern use?", "carbon fibre"),
        ("What sail plan does the Puffin have?", "catboat"),
        ("What crew size does the Puffin take?", "one"),
        ("How is capsize recovery done in the Puffin?", "slow"),
    ],
)
def test_a_verb_around_a_table_property_named_whole_does_not_cost_the_answer(
    dinghies: KnowledgeGraph, question: str, expected: str
) -> None:
    answer = dinghies.ask(question)
    assert answer.kind == "relation"
    assert values(answer) == [expected]
    assert answer.confidence >= dinghies.engine.text_threshold


def test_a_verb_naming_another_relation_of_the_thing_still_counts(dinghies: KnowledgeGraph) -> None:
    # The Tern "carries" a spinnaker: "carry" asks for that relation, not for the hull material row.
    answer = dinghies.ask("Which hull material does the Tern carry?")
    assert answer.kind != "relation" or answer.confidence < dinghies.engine.text_threshold


def test_a_property_named_in_part_only_stays_below_the_line(dinghies: KnowledgeGraph) -> None:
    # "material" alone does not name the "hull material" row: the verb still counts against it.
    answer = dinghies.ask("Which material does the Tern's mast use?")
    assert answer.kind != "relation" or answer.confidence < dinghies.engine.text_threshold
