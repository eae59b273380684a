"""A possessive names its owner: "the Acme kiln's burners" mentions the Acme kiln, and "the kiln's serial
number" the concept a note calls "the serial number of the kiln". Real parser and model, a note of our own."""

from __future__ import annotations

import pytest
from note_graph import answer_labels, note_graph

from kg.text import tokenize

pytestmark = pytest.mark.slow

NOTE = """# Kilns

## Acme kiln

The **Acme kiln** is a gas kiln that fires stoneware.

The **serial number of the kiln** is stamped on its door.

The **Let's Glaze** club rents the Acme kiln.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("possessive"), "kilns", NOTE)


def _links(graph, question: str) -> list[tuple[str, str]]:
    return [(link.text, str(link.best[0]).rsplit("/", 1)[-1]) for link in graph.engine.linker.link(tokenize(question))]


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_possessive_name_links_to_its_owner(graph, mark: str):
    assert ("Acme kiln", "acme-kiln") in _links(graph, f"What does the Acme kiln{mark}s burner fire?")


def test_an_owner_before_its_noun_names_the_noun_of_the_owner(graph):
    question = "Where is the kiln's serial number stamped?"
    assert [iri for _, iri in _links(graph, question)] == ["serial-number-of-kiln"]
    assert answer_labels(graph.ask(question)) == ["door"]


def test_a_name_that_holds_an_apostrophe_still_links_whole(graph):
    assert ("Let's Glaze", "let-s-glaze") in _links(graph, "Which kiln does Let's Glaze rent?")
