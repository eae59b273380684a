"""A name that only modifies a noun of the question ("Acme Depot ledgers") is not what the question is about.

"What holds the depot's ledgers?" asks about ledgers; a fact about the depot itself ("timber is stored
in the depot") answers "what is held in the depot", another question. Neither the word paths nor the
whole question's meaning may answer it with the depot's own facts unless the noun is accounted for.
The note is invented for these tests.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.question import modified_noun

NOTE = """# Depot

Acme Depot is a warehouse by the river.

Timber is stored in Acme Depot.

Acme Depot runs on solar power.
"""


@pytest.fixture(scope="module")
def depot(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("depot"), "depot", NOTE)


@pytest.mark.parametrize("question", ["What holds Acme Depot ledgers?", "What holds the Acme Depot ledgers?"])
def test_a_fact_about_the_modifier_does_not_answer_for_the_noun_it_modifies(
    depot: KnowledgeGraph, question: str
) -> None:
    answer = depot.ask(question)
    assert not any(a.get("label") == "timber" for a in answer.answers), answer.answer


def test_the_name_itself_is_still_asked_about(depot: KnowledgeGraph) -> None:
    answer = depot.ask("What is kept in Acme Depot?")
    assert [a["label"] for a in answer.answers] == ["timber"]


@pytest.mark.parametrize(
    ("question", "name", "noun"),
    [("What holds Acme objects?", "Acme", "objects"), ("Who paints Acme's boats?", "Acme", "boats"),
     ("Who paints Acme?", "Acme", None), ("What does the Acme boat carry?", "Acme boat", None),
     ("Who owns the Acme boat?", "Acme", None), ("Who owns Acme's boat?", "Acme", "boat")],
)  # fmt: skip
def test_the_modified_noun_is_read_from_the_parse(question: str, name: str, noun: str | None) -> None:
    start = question.index(name)
    assert modified_noun(question, (start, start + len(name))) == noun
