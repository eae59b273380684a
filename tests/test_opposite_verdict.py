"""A yes/no question may be answered by a sentence that says its word's WordNet antonym, the other way round.

"Is the sourness of the rye starter kept when it is frozen?" is answered by "When the rye starter is
frozen, its sourness is not lost": "keep" and "lose" are WordNet antonyms (kg/opposites.py), so a "not"
on "lost" says yes, and "its strength is lost" says no. Before, the sentence lacked the asked word and
was only quoted (or not chosen), and the question's passive verb ("Is ... kept when ...?", which the
parser hangs off the auxiliary) was not read as its main verb, so the "when" clause decided. A modal
question ("Can ... keep ...?") is not answered so: losing is no proof that keeping cannot be. The note is
our own wording.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.question import main_verb
from kg.sentence_answer import _flips

NOTE = """# Bakery starters

The bakery keeps a sourdough starter, a wheat starter and a rye starter in the cellar.

A sourdough starter is fed with flour and water every morning.

When the rye starter is frozen, its sourness is not lost.

When the wheat starter is chilled for a month, its strength is lost.
"""


def test_a_passive_questions_participle_is_its_main_verb():
    assert main_verb("Is the sourness of the rye starter kept when it is frozen?") == "kept"
    assert main_verb("Are the loaves sliced before they are sold?") == "sliced"
    assert main_verb("Is the oven hot?") is None  # no verb: nothing to read


def test_only_a_question_without_a_modal_is_answered_by_an_antonym():
    assert _flips(["is", "the", "sourness", "kept"])
    assert _flips(["does", "the", "starter", "keep", "its", "sourness"])
    assert not _flips(["can", "the", "starter", "keep", "its", "sourness"])
    assert not _flips(["must", "the", "starter", "keep", "its", "sourness"])
    assert not _flips(["does", "the", "starter", "have", "to", "keep", "its", "sourness"])


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("bakery"), "bakery", NOTE)


def values(answer) -> list:
    return [a.get("value") for a in answer.answers]


@pytest.mark.slow
@pytest.mark.parametrize(
    "question, expected, said",
    [
        ("Is the sourness of the rye starter kept when it is frozen?", True, "its sourness is not lost"),
        ("Is the strength of the wheat starter kept when it is chilled?", False, "its strength is lost"),
        ("Does the wheat starter keep its strength when it is chilled?", False, "its strength is lost"),
    ],
)
def test_a_sentence_that_says_the_antonym_answers_the_other_way(graph, question, expected, said):
    answer = graph.ask(question)

    assert answer.kind == "sentence"
    assert values(answer) == [expected]
    assert said in answer.sources[0]["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "Is the sourness of the rye starter kept when it is baked?",  # a condition the sentence does not give
        "Is the colour of the rye starter kept when it is frozen?",  # a quality the sentence does not name
        "Can the wheat starter keep its strength when it is chilled?",  # a modal
    ],
)
def test_a_sentence_that_says_something_else_gives_no_verdict(graph, question):
    assert values(graph.ask(question)) == []
