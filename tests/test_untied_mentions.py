"""A question that names a concept none of its answers touches is not answered as sure.

"What does the guild call a ship?" narrows the guild's terms to the one for ships; when the graph cannot
tell which term that is (the ship is tied to the guild, not to any term), listing every term at full
confidence would be a confident wrong answer. The note is invented for these tests.
"""

from __future__ import annotations

import pytest
from note_graph import label_set as labels
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.qa import ANSWER_THRESHOLD

NOTE = """# Guild words

The **Rope Guild** repairs ships in the harbour. The **Sail Guild** repairs ships at sea.

| Term                     | Rope Guild | Sail Guild |
| ------------------------ | ---------- | ---------- |
| The front part of a ship | bowsprit   | prow       |
| Ship's Rope              | line       | sheet      |
"""


@pytest.fixture(scope="module")
def guilds(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("guilds"), "guilds", NOTE)


def test_a_mention_tied_to_the_topic_but_to_no_answer_is_not_answered_as_sure(guilds: KnowledgeGraph) -> None:
    answer = guilds.ask("What does the Rope Guild call a ship?")
    assert not (answer.confidence >= ANSWER_THRESHOLD and {"bowsprit", "line"} <= labels(answer))


def test_the_same_relation_without_the_narrowing_mention_still_answers(guilds: KnowledgeGraph) -> None:
    answer = guilds.ask("What terms does the Rope Guild use?")
    assert labels(answer) == {"bowsprit", "line"}
    assert answer.confidence >= ANSWER_THRESHOLD


def test_a_mention_the_answer_is_tied_to_keeps_its_confidence(guilds: KnowledgeGraph) -> None:
    answer = guilds.ask("What does the Rope Guild repair?")
    assert labels(answer) == {"ship"}
    assert answer.confidence >= ANSWER_THRESHOLD
