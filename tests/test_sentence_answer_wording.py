"""Quoted sentence answers to questions worded differently from their sentence, on a note of our own.

A question frames what it asks with a light verb ("what lets ...", "which ... does X use") or says a
sentence's verb with a synonym ("put" for "placed"); a sentence that says the rest answers all the same.
Sentences that only share the question's names, or say something else of its concepts, still do not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.qa import ANSWER_THRESHOLD
from kg.sentence_answer import Candidate, SentenceAnswerer, question_content

pytestmark = pytest.mark.slow

NOTE = """# Lighthouses

A **lighthouse** is a tower that shows a light to guide ships at sea.

## The keeper

The **keeper** looks after the **lamp** and the **lens**.
The keeper writes the weather in the **logbook**.

## The lens

A **Fresnel lens** allows the light to be seen from far away.
The Fresnel lens was invented by **Augustin Fresnel**.
"""

SEEN = "A Fresnel lens allows the light to be seen from far away."


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(Path(tmp_path_factory.mktemp("lighthouses")), "lighthouses", NOTE)


def test_a_question_framed_by_a_light_verb_is_answered_from_the_sentence_that_says_the_rest(graph: KnowledgeGraph):
    # "lets" frames the question; the sentence says "allows": the answer is read out of it, quoted and cited.
    answer = graph.ask("What lets the light be seen from far away?")

    assert answer.kind == "sentence"
    assert [a["label"] for a in answer.answers] == ["Fresnel lens"]
    assert f'"{SEEN}"' in answer.answer
    assert [s["text"] for s in answer.sources] == [SEEN]
    assert 0.6 <= answer.confidence < ANSWER_THRESHOLD
    # A sentence about the same concepts that does not say what is asked is still no answer.
    for question in ("Where does the keeper hide the logbook?", "Who reads the logbook?"):
        unrelated = graph.ask(question)
        assert unrelated.kind != "sentence" and unrelated.answers == [], (question, unrelated.answer)


def test_light_verbs_of_any_form_ask_nothing():
    assert question_content(["lets", "using", "gets", "partition", "user", "usage"]) == ["partition", "user", "usage"]


def test_a_wordnet_synonym_covers_a_question_word_an_embedding_does_not(graph: KnowledgeGraph):
    engine = graph.engine
    answerer = SentenceAnswerer(engine.store, engine.embedder.encode)
    placed = Candidate("Every evening the keeper placed the spare bulbs in the storeroom.", "", "note.md")
    hidden = Candidate("Every evening the keeper hid the spare bulbs in the storeroom.", "", "note.md")

    answerer._cover(placed, [], ["put", "bulbs"], by_meaning=True)
    answerer._cover(hidden, [], ["put", "bulbs"], by_meaning=True)

    assert (placed.asked, placed.missing) == (2, [])  # "placed" says "put" (WordNet: put / place)
    assert (hidden.asked, hidden.missing) == (1, ["put"])  # "hid" does not


def test_a_sentence_that_says_none_of_the_asked_words_neither_answers_nor_rivals():
    # A caption that repeats the question's names is closer to the question than the sentence that answers
    # it, by its names alone: it is no rival, and the answering sentence is quoted.
    caption = Candidate("The harbour logbook.", "Logbook", "note.md", covered=1, asked=0, units=2, similarity=0.9)
    says = Candidate(
        "At the end of each month the harbour logbook goes to the office.",
        "Logbook", "note.md", covered=2, asked=1, units=2, similarity=0.8,
    )  # fmt: skip
    other = Candidate("The logbook is read by the keeper.", "Logbook", "note.md", covered=1, asked=0, units=2,
                      similarity=0.78)  # fmt: skip

    class Ranked(SentenceAnswerer):
        def rank(self, text, mentions, content, opposed=False, kinds=frozenset()):
            return [caption, says, other]

    answer = Ranked(None, None).answer("Where does the harbour logbook go each month?", [], ["go"])

    assert answer is not None and answer.kind == "sentence"
    assert answer.answers == []
    assert [s["text"] for s in answer.sources] == [says.text]

    class Close(Ranked):
        def rank(self, text, mentions, content, opposed=False, kinds=frozenset()):
            rival = Candidate("The harbour logbook goes to the archive.", "Logbook", "note.md", covered=2, asked=1,
                              units=2, similarity=0.78)  # fmt: skip
            return [caption, says, rival]

    # A rival that says the asked word as well, as close: neither is quoted.
    assert Close(None, None).answer("Where does the harbour logbook go each month?", [], ["go"]) is None
