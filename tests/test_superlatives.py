"""Superlatives and "which N is Q": the thing a quality is stated of, found from the quality's side.

A note of our own (a bakery; no wording of any question set), written to try them. Before: "The stone
stove is the oldest stove in the bakery" and "The fastest mixer is the spiral mixer" gave no fact at all
("the N" identifies, it does not classify), so "Which stove is the oldest?" and "What is the fastest
mixer?" abstained, and "Which bread is popular?" abstained though "The rye loaf is popular" was stored:
a path starts from a concept the question names, and it names only a kind and a quality. Once the
superlative is a quality, "Is the brick stove old?" must not read "oldest" as "old", and "Which bakery
has the oldest stove?" must not answer with the question's own word "oldest". Real parser and model.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph
from rdflib import Literal
from test_open_extraction import built_note, kinds_of, named

from kg.namespaces import KGO
from kg.quality_answer import asked_quality
from kg.question import parse
from kg.text import degree, same_degree

pytestmark = pytest.mark.slow

NOTE = """# Millbrook Bakery

The brick stove is the oldest stove in the bakery.
The fastest mixer is the spiral mixer.
The rye loaf is a bread. The rye loaf is popular.
The sourdough is a bread. The sourdough is sour.
The bakers bake rolls on the brick stove.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return built_note(tmp_path_factory, "bakery.md", NOTE)


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("bakery"), "bakery", NOTE)


def labels(answer) -> list[str]:
    return [a.get("label") for a in answer.answers]


def test_a_superlative_complement_makes_the_thing_one_of_the_kind_with_the_quality(graph):
    stove = named(graph, "brick stove")

    assert "stove" in kinds_of(graph, "brick stove")
    assert Literal("oldest") in set(graph.objects(stove, KGO.hasCharacteristic))


def test_a_superlative_subject_describes_the_complement(graph):
    mixer = named(graph, "spiral mixer")

    assert "mixer" in kinds_of(graph, "spiral mixer")
    assert Literal("fastest") in set(graph.objects(mixer, KGO.hasCharacteristic))


def test_which_kind_is_the_superlative(kg):
    answer = kg.ask("Which stove is the oldest?")

    assert labels(answer) == ["brick stove"] and answer.confidence >= 0.8, answer.answer


def test_what_is_the_superlative_noun(kg):
    answer = kg.ask("What is the fastest mixer?")

    assert labels(answer) == ["spiral mixer"] and answer.confidence >= 0.8, answer.answer


def test_which_kind_has_a_plain_quality(kg):
    answer = kg.ask("Which bread is popular?")

    assert labels(answer) == ["rye loaf"] and answer.confidence >= 0.8, answer.answer


def test_a_quality_of_another_kind_answers_nothing(kg):
    answer = kg.ask("Which mixer is popular?")

    assert "rye loaf" not in labels(answer), answer.answer


def test_the_superlative_is_no_yes_for_the_plain_quality(kg):
    answer = kg.ask("Is the brick stove old?")

    assert not any(a.get("value") is True for a in answer.answers), answer.answer


def test_the_question_s_own_word_is_no_answer(kg):
    answer = kg.ask("Which bakery has the oldest stove?")

    assert "oldest" not in {str(a.get("value", a.get("label"))) for a in answer.answers}, answer.answer


@pytest.mark.parametrize(
    ("question", "quality", "kind"),
    [
        ("Which stove is the oldest?", ("oldest",), "stove"),
        ("What is the fastest mixer?", ("fastest",), "mixer"),
        ("Which bread is most popular?", ("most", "popular"), "bread"),
        ("What is sour?", ("sour",), None),
    ],
)
def test_the_question_s_quality_and_kind_are_read_from_its_parse(question, quality, kind):
    asked = asked_quality(parse(question))

    assert asked is not None and (asked.quality, asked.kind) == (quality, kind)


@pytest.mark.parametrize("question", ["What does the stove bake?", "Which bread is not popular?", "Is rye popular?"])
def test_other_questions_ask_no_quality(question):
    assert asked_quality(parse(question)) is None


def test_degrees_are_read_off_the_lexicon():
    assert [degree(w) for w in ("old", "older", "oldest", "best", "popular")] == ["", "JJR", "JJS", "JJS", ""]
    assert not same_degree("old", "oldest") and same_degree("fast", "slow")
