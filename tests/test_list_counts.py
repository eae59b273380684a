"""A list's kind from the count that introduces it, when a number inside a name comes first, and counts in
words that name nothing ("four binary rounding modes" is no concept of its own)."""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

NOTE = """# Bakery Oven

## Modes

The Vulcan 9000 offers three baking steam modes:

- dry bake
- light steam
- full steam
"""


@pytest.fixture(scope="module")
def oven(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("oven"), "oven", NOTE)


def labels(graph: KnowledgeGraph, question: str) -> set[str]:
    return {a.get("label") for a in graph.ask(question).answers}


def test_the_count_after_a_number_in_a_name_gives_the_lists_kind(oven: KnowledgeGraph):
    # "9000" is part of the name; "three" counts the modes.
    assert labels(oven, "What are the baking steam modes?") == {"dry bake", "light steam", "full steam"}


def test_a_count_in_words_is_no_part_of_a_concepts_name(oven: KnowledgeGraph):
    rows = oven.query("SELECT ?l WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    names = {str(row[0]) for row in rows}
    assert "baking steam mode" in names
    assert not any(name.startswith(("three ", "offers ")) for name in names), sorted(names)
