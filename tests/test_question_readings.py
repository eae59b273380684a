"""A relation chosen by the kind a question asks for with no wh-word, and by the meaning of the rest.

A small graph of our own about board games, its relations aligned with the ontology's general ones
(kg/catalog.py), so each has several names, kinds of values and a description. The questions name no
relation by a word of its names; a question with no wh-word ("a few ..."), read by its parse, says
what kind of thing it asks for, and the question as a whole, compared with each name of the relations
of that kind, must not object.
"""

from __future__ import annotations

import pytest
from facts_file import write_facts
from note_graph import answer_labels as labels

from kg.api import KnowledgeGraph
from kg.question import fragment_noun, read_request
from kg.text import tokenize

pytestmark = pytest.mark.slow

ENTITY = "http://example.org/games/entity/"
RELATION = "http://example.org/games/relation/"
FACTS = [
    ("Ember Tides", "has_tags", "sailing"),
    ("Ember Tides", "has_tags", "trading"),
    ("Ember Tides", "written_by", "Ilse Marrow"),
    ("Ember Tides", "release_year", "2019"),
    ("Ember Tides", "has_genre", "Strategy"),
    ("Copper Loom", "has_tags", "weaving"),
    ("Copper Loom", "written_by", "Ilse Marrow"),
    ("Copper Loom", "release_year", "2021"),
    ("Copper Loom", "has_genre", "Puzzle"),
]


@pytest.fixture(scope="module")
def games(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    path = write_facts(tmp_path_factory.mktemp("games") / "games.nt", FACTS, ENTITY, RELATION)
    return KnowledgeGraph.open(docs=[], rdf=[path], cache_dir=tmp_path_factory.mktemp("game-vectors"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # No wh-word: the parse reads "words" as the asked noun, the kind of the relation's values; the
        # keywords are asked in a phrase none of whose words is a name of the relation.
        ("a few words describing the game Copper Loom", {"weaving"}),
        ("some words describing Ember Tides", {"sailing", "trading"}),
    ],
)
def test_asked_kind_without_wh_word_chooses_the_relation(games: KnowledgeGraph, question: str, expected: set):
    answer = games.ask(question)
    assert set(labels(answer)) == expected, answer.answer


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("a few words describing the game Copper Loom", "words"),
        ("Could you name a game by Ilse Marrow", "game"),
        ("which words describe Copper Loom", None),  # a wh-word marks the asked noun itself
        ("Is Copper Loom a puzzle", None),  # a yes/no question asks for no noun
    ],
)
def test_fragment_noun_is_read_from_the_parse(question: str, noun: str | None):
    words = [t for t in tokenize(question) if t.is_word]
    assert fragment_noun(question, words, set(), read_request(question, words)) == noun
