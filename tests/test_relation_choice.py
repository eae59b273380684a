"""Which relation a question asks for, when its words and its names do not simply point at one.

Two small graphs of our own: films with a few relations (all described through the ontology they
align with) beside a boat whose relations no film has, and a note with a property table whose row
names ("steel grade") hold a word that is also a concept ("steel").
"""

from __future__ import annotations

import pytest
from facts_file import write_facts
from note_graph import answer_labels as labels

from kg.api import KnowledgeGraph
from kg.paths import first_steps

pytestmark = pytest.mark.slow

ENTITY = "http://example.org/films/entity/"
RELATION = "http://example.org/films/relation/"
FACTS = [
    ("The Glass Harbor", "directed_by", "Mira Castellanos"),
    ("The Glass Harbor", "starred_actors", "Tom Reyes"),
    ("The Glass Harbor", "has_genre", "Drama"),
    ("Night Orchard", "directed_by", "Mira Castellanos"),
    ("Night Orchard", "starred_actors", "Anna Ivers"),
    ("Night Orchard", "has_genre", "Thriller"),
    ("Paper Comets", "directed_by", "Jonas Whitfield"),
    ("Paper Comets", "written_by", "Lena Okafor"),
    # A tag spelt as an ordinary word that also says a relation ("director").
    ("Paper Comets", "has_tags", "director"),
    # A boat: "steered by" and "crafted by" are relations no film, nor anything a film's relations reach, has.
    ("Vega", "steered_by", "Ora Lind"),
    ("Vega", "crafted_by", "Dale Moor"),
]
KETTLES = """# Kettles

A **kettle** is a pot that boils water.
**Steel** is a strong alloy of iron and carbon.

## Models

The Brightwell and the Copperline are kettles made of steel.

| Property | Brightwell | Copperline |
| --- | --- | --- |
| steel grade | ferritic | austenitic |
| boil time | four minutes | three minutes |
"""


@pytest.fixture(scope="module")
def films(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    path = write_facts(tmp_path_factory.mktemp("films") / "films.nt", FACTS, ENTITY, RELATION)
    return KnowledgeGraph.open(docs=[], rdf=[path], cache_dir=tmp_path_factory.mktemp("film-vectors"))


@pytest.fixture(scope="module")
def kettles(films: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    note = tmp_path_factory.mktemp("kettles") / "kettles.md"
    note.write_text(KETTLES, encoding="utf-8")
    graph = KnowledgeGraph.open(
        docs=[note], embedder=films.engine.embedder, cache_dir=tmp_path_factory.mktemp("kettle-vectors")
    )
    # These tests are about which fact a question reads, not about calibration: one line for every answer
    # (kg.qa.TEXT_ANSWER_THRESHOLD, the higher line for relation answers read out of text, is tested in
    # tests/test_answer_lines.py).
    graph.engine.text_threshold = graph.engine.threshold
    return graph


@pytest.mark.parametrize(
    "question",
    [
        # "steered" names only the boat's relation: here it is an ordinary word, and the whole question
        # means the film's director.
        "who steered the making of Night Orchard",
        "who was Night Orchard crafted by",
    ],
)
def test_a_word_naming_only_a_relation_nothing_like_the_topic_has_leaves_the_choice_to_meaning(
    films: KnowledgeGraph, question: str
):
    answer = films.ask(question)

    assert labels(answer) == ["Mira Castellanos"]
    assert answer.confidence >= films.engine.threshold


@pytest.mark.parametrize(
    "question",
    ["Mira Castellanos was the Director of which films", "Which Films Was Mira Castellanos The Director Of"],
)
def test_a_capital_the_tags_own_name_lacks_does_not_make_an_ordinary_word_a_name(films: KnowledgeGraph, question: str):
    # The tag is spelt "director": a capital D is the writer's (title case), not the tag's, so the word
    # still asks for the relation, as "the director of which films" does.
    answer = films.ask(question)

    assert sorted(labels(answer)) == ["Night Orchard", "The Glass Harbor"]
    assert answer.confidence >= films.engine.threshold


def test_a_word_naming_a_relation_things_like_the_topic_have_keeps_the_choice(films: KnowledgeGraph):
    # Another film has a writer: Night Orchard lacks that fact, and no other relation answers for it.
    engine = films.engine
    reading = engine._read("Who is the screenwriter of Night Orchard", None)
    view = engine._view(reading, reading.links[0])
    steps = first_steps(engine.store, engine.catalog, reading.links[0].best[0])

    assert engine._named_here(view, steps)
    assert films.ask("Who is the screenwriter of Night Orchard").answers == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "steel" names a concept, but with "grade" it spells the row "steel grade" the Copperline has.
        ("What grade of steel does the Copperline have?", ["austenitic"]),
        ("Which steel grade does the Brightwell have?", ["ferritic"]),
        # ... and after "what is the", the phrase up to "of" says what is asked for.
        ("What is the steel grade of the Copperline?", ["austenitic"]),
    ],
)
def test_a_concept_named_inside_the_asked_for_phrase_may_be_part_of_a_relations_name(
    kettles: KnowledgeGraph, question: str, expected: list[str]
):
    answer = kettles.ask(question)

    assert labels(answer) == expected
    assert answer.confidence >= kettles.engine.threshold


def test_a_concept_outside_the_asked_for_phrase_stays_a_concept(kettles: KnowledgeGraph):
    engine = kettles.engine
    reading = engine._read("What does the Copperline share with steel?", None)
    topic = next(link for link in reading.links if link.text == "Copperline")

    assert engine._in_relation_names(reading, topic) == []
