"""Which fact answers a relation question when the question's words and the relation's name part ways.

Notes of our own: about lamps, one fact ("the sensor watches the lamp") read from a sentence that
says more than the relation's name ("the lamp that is switched on is watched by ..."); about a stable,
a relation that holds both ways round a topic ("the stable hosts the horse", "the horse hosts the flea").
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels as labels

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

LAMPS = """# Lamps

A **lamp** is a device that gives light.
A **dimmer** is a knob that changes the brightness of a lamp.

## Watching

The lamp that is switched on is watched by the sensor.
"""
BARNYARD = """# Barnyard

A **stable** is a building for animals.
A **horse** is a large animal.
A **flea** is a small insect.
A **meadow** is a field of grass.

The stable hosts the horse.
The horse hosts the flea.
"""


@pytest.fixture(scope="module")
def lamps(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    note = tmp_path_factory.mktemp("lamps") / "lamps.md"
    note.write_text(LAMPS, encoding="utf-8")
    graph = KnowledgeGraph.open(docs=[note], cache_dir=tmp_path_factory.mktemp("lamp-vectors"))
    # These tests are about which fact a question reads, not about calibration: one line for every answer
    # (kg.qa.TEXT_ANSWER_THRESHOLD, the higher line for relation answers read out of text, is tested in
    # tests/test_answer_lines.py).
    graph.engine.text_threshold = graph.engine.threshold
    return graph


@pytest.fixture(scope="module")
def barnyard(lamps: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    note = tmp_path_factory.mktemp("barnyard") / "barnyard.md"
    note.write_text(BARNYARD, encoding="utf-8")
    return KnowledgeGraph.open(
        docs=[note], embedder=lamps.engine.embedder, cache_dir=tmp_path_factory.mktemp("barnyard-vectors")
    )


def test_words_the_facts_own_sentence_says_count_for_the_answer(lamps: KnowledgeGraph):
    # "switched on" is in no relation's name, but the sentence the fact came from says it.
    answer = lamps.ask("What watches the lamp you have switched on?")

    assert answer.kind == "relation"
    assert labels(answer) == ["sensor"]
    assert answer.confidence >= lamps.engine.threshold


def test_words_no_sentence_of_the_fact_says_count_less(lamps: KnowledgeGraph):
    # The same fact, asked with a condition its sentence never states: less sure than the one it states.
    stated = lamps.ask("What watches the lamp you have switched on?")
    unstated = lamps.ask("What watches the lamp you have painted yellow?")

    assert labels(unstated) in ([], ["sensor"])
    assert unstated.confidence < stated.confidence


@pytest.mark.parametrize(
    "question",
    [
        # "hosts" stands between the wh-word and the topic: the question's verb, not an asked-for "host".
        "What hosts the horse?",
        # An opening "In X," sets the scene: a fact that does not name the meadow still answers.
        "In the meadow, what hosts the horse?",
    ],
)
def test_a_verb_after_the_wh_word_keeps_the_topic_its_object(barnyard: KnowledgeGraph, question: str):
    answer = barnyard.ask(question)

    assert labels(answer) == ["stable"]
    assert answer.confidence >= barnyard.engine.threshold


def test_a_mention_inside_the_question_still_constrains_the_answers(barnyard: KnowledgeGraph):
    # The meadow is no setting here: nothing the horse's host relations reach is tied to it.
    answer = barnyard.ask("What hosts the horse in the meadow?")

    assert answer.kind != "relation"
