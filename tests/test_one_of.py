""" "X is one of the Ns, ..." says X is an N, and what a clause on the Ns says is said of X.

The note below was written for these tests on a topic no development note touches (kilns).
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from test_open_extraction import built_note, kinds_of, named, relations

NOTE = """# Kilns

The **anagama** is one of the oldest kiln designs, built first in Korea. It burns wood.
The **bourry box** is one of the cleanest wood kilns, which was designed by Fred Olsen.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "kilns.md", NOTE)


def test_one_of_the_plural_noun_is_a_kind_without_its_superlative(graph: Graph):
    assert "kiln design" in kinds_of(graph, "anagama")
    assert "wood kiln" in kinds_of(graph, "bourry box")


def test_a_participle_after_one_of_the_nouns_is_said_of_the_subject(graph: Graph):
    assert relations(graph, named(graph, "anagama"), named(graph, "Korea")) == {"is built in"}


def test_a_relative_clause_after_one_of_the_nouns_is_said_of_the_subject(graph: Graph):
    assert relations(graph, named(graph, "Fred Olsen"), named(graph, "bourry box")) == {"design"}
