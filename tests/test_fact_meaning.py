"""A question that says a fact's verb in other words gets the fact; one whose verb means something else does not.

A note of our own about kites: the verbs the extractor mints from it ("is fastened to", "is sold at")
have no description, so only the facts' own sentences can tell which one a question means
(kg/fact_meaning.py).
"""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

KITES = """# Kites

A **kite** is a light frame covered with cloth that flies in the wind.
A **post** is a wooden pole.
A **festival** is a public celebration.
A **workshop** is a room where things are made.

The kite is fastened to the post when the wind rises.
The kite is sold at the festival.
The kite is built in the workshop.
"""


@pytest.fixture(scope="module")
def kites(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    note = tmp_path_factory.mktemp("kites") / "kites.md"
    note.write_text(KITES, encoding="utf-8")
    return KnowledgeGraph.open(docs=[note], cache_dir=tmp_path_factory.mktemp("kite-vectors"))


def labels(answer) -> list[str]:
    return [item.get("label", item.get("value")) for item in answer.to_dict()["answers"]]


def test_a_verb_said_in_other_words_finds_the_fact(kites: KnowledgeGraph):
    # "put together" is no word of "is built in", and no word alone means it; the sentence does.
    answer = kites.ask("Where is the kite put together?")

    assert answer.kind == "relation"
    assert labels(answer) == ["workshop"]
    # Chosen by meaning, not by words: at the line for answers read from text, below word matches.
    assert kites.engine.text_threshold <= answer.confidence <= 0.9


@pytest.mark.parametrize("question", ["What is the kite painted with?", "What is the kite eaten by?"])
def test_a_verb_that_means_something_else_abstains(kites: KnowledgeGraph, question: str):
    answer = kites.ask(question)

    assert answer.kind != "relation"
    assert labels(answer) == []
