"""A question that says a stored relation in other words: its verb phrase chooses the relation by meaning.

A note of our own about an observatory: "is run by" and "was developed at" are the relations the
extractor reads; the questions say "operates" and "built at". A verb phrase that means none of the
topic's relations ("who repairs ...") leaves the question unanswered.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels as labels
from note_graph import note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

OBSERVATORY = """# Observatory

An **observatory** is a building for watching the sky.
A **telescope** is an instrument that gathers faint light.

The Kestrel Observatory is run by the Tern Valley Astronomy Club.
The Kestrel Telescope was developed at the Harbour Institute.
The Kestrel Telescope is mounted in the Kestrel Observatory.
The Kestrel Lodge is built on Gull Hill.
"""


@pytest.fixture(scope="module")
def observatory(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("observatory"), "observatory", OBSERVATORY)


def test_a_verb_the_relation_means_answers(observatory: KnowledgeGraph) -> None:
    answer = observatory.ask("Who operates the Kestrel Observatory?")
    assert labels(answer)[:1] == ["Tern Valley Astronomy Club"]
    # Below a name the question says word for word.
    assert answer.confidence < 0.97


def test_a_fronted_preposition_and_a_passive_verb(observatory: KnowledgeGraph) -> None:
    answer = observatory.ask("At which institute was the Kestrel Telescope built?")
    assert labels(answer)[:1] == ["Harbour Institute"]


def test_a_verb_no_relation_means_abstains(observatory: KnowledgeGraph) -> None:
    assert labels(observatory.ask("Who repairs the Kestrel Observatory?")) == []
    assert labels(observatory.ask("Who photographed the Kestrel Telescope?")) == []


@pytest.mark.parametrize("question", ["Who built the Kestrel Lodge?", "Who designed the Kestrel Lodge?"])
def test_a_relation_that_places_its_answer_after_a_preposition_is_no_doer(
    observatory: KnowledgeGraph, question: str
) -> None:
    # "is built on" a hill says where the lodge stands: no fact of it answers who built the lodge.
    answer = observatory.ask(question)
    # Nor does the sentence read out: it says no doer of the building ("is built on"), only where.
    assert "Gull Hill" not in labels(answer), answer.answer
