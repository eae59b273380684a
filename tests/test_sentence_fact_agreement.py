"""A quoted sentence whose own words cannot be read takes its answer from the facts read out of it.

When a path's answer falls below the engine's line and the sentence chosen by meaning is the one sentence
that path's facts came from, two readings made apart agree: the answer is given, quoted and cited, at the
sentence's confidence. Real parser and model, on a note of our own.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.qa import ANSWER_THRESHOLD
from kg.sentence_answer import SentenceAnswerer, _stated_only_in

pytestmark = pytest.mark.slow

NOTE = """# Pottery workshop

## Kilns

A **kiln** is an insulated chamber that fires clay at high temperatures.

By default, new kilns are installed in a room called the north shed.

## Wood kiln

- burns oak logs from the local sawmill
- reaches its peak heat after two days
"""
SENTENCE = "burns oak logs from the local sawmill"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    graph = note_graph(tmp_path_factory.mktemp("pottery"), "pottery", NOTE)
    # The fact's answer is made to fall below the line, as one whose words fit less well would.
    graph.engine.text_threshold = 0.99
    return graph


def test_the_facts_of_the_quoted_sentence_answer_when_its_words_cannot_be_read(graph, monkeypatch):
    # A sentence the reader cannot read the asked part out of (a missing subject, an unusual phrase).
    monkeypatch.setattr(SentenceAnswerer, "_read_out", lambda self, quoted, best, asked, question="": [])

    answer = graph.ask("What does the wood kiln burn?")

    assert answer.kind == "sentence"
    assert [a["label"] for a in answer.answers] == ["oak logs"]
    assert answer.answer.startswith(f'oak logs: the notes say (pottery.md): "{SENTENCE}"')
    assert [s["text"] for s in answer.sources] == [SENTENCE]
    assert answer.confidence < ANSWER_THRESHOLD  # the sentence's confidence, not the fact's
    # The fact is shown, and the SPARQL shown finds the answer.
    assert [e["predicate"]["label"] for e in answer.evidence] == ["burn"]
    assert {str(row[0]) for row in graph.query(answer.sparql)} == {answers["iri"] for answers in answer.answers}


def test_without_an_agreeing_fact_the_sentence_is_only_quoted(graph, monkeypatch):
    monkeypatch.setattr(SentenceAnswerer, "_read_out", lambda self, quoted, best, asked, question="": [])
    monkeypatch.setattr(graph.engine, "_paths", lambda reading: None)

    answer = graph.ask("What does the wood kiln burn?")

    assert answer.kind == "sentence"
    assert answer.answers == []
    assert answer.answer.startswith("No fact in the graph answers that")


def test_facts_that_other_sentences_gave_as_well_do_not_agree():
    from kg.answer import Answer

    one = {"document": "a.md", "section": "A", "text": "X burns logs."}
    other = {"document": "a.md", "section": "B", "text": "Logs come from the sawmill."}
    facts = Answer("", "", [{"iri": "https://kgqa.dev/id/log", "label": "log"}], 0.85, sources=[one, other])

    assert _stated_only_in(facts, [one, other])
    assert not _stated_only_in(facts, [one])  # a second hop's sentence is not the one quoted
    assert not _stated_only_in(Answer("", "", [], 0.85, sources=[one]), [one])  # no answers to give
    assert not _stated_only_in(None, [one])
