"""Which fact answers a relation question when the question's words and the relation's name part ways.

A note of our own about lamps: one fact ("the sensor watches the lamp") read from a sentence that
says more than the relation's name ("the lamp that is switched on is watched by ...").
"""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

LAMPS = """# Lamps

A **lamp** is a device that gives light.
A **dimmer** is a knob that changes the brightness of a lamp.

## Watching

The lamp that is switched on is watched by the sensor.
"""


@pytest.fixture(scope="module")
def lamps(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    note = tmp_path_factory.mktemp("lamps") / "lamps.md"
    note.write_text(LAMPS, encoding="utf-8")
    return KnowledgeGraph.open(docs=[note], cache_dir=tmp_path_factory.mktemp("lamp-vectors"))


def labels(answer) -> list[str]:
    return [item.get("label", item.get("value")) for item in answer.to_dict()["answers"]]


def test_words_the_facts_own_sentence_says_count_for_the_answer(lamps: KnowledgeGraph):
    # "switched on" is in no relation's name, but the sentence the fact came from says it.
    answer = lamps.ask("What watches the lamp you have switched on?")

    assert answer.kind == "relation"
    assert labels(answer) == ["sensor"]
    assert answer.confidence >= lamps.engine.threshold


def test_words_no_sentence_of_the_fact_says_still_lower_the_confidence(lamps: KnowledgeGraph):
    # The same fact, asked with a condition its sentence never states: not sure enough to give as a fact.
    answer = lamps.ask("What watches the lamp you have painted yellow?")

    assert answer.kind != "relation" or answer.confidence < lamps.engine.threshold
