"""Answers quoted from one source sentence when no fact answers, with the real model, on a note of our own."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.api import KnowledgeGraph
from kg.linking import Link
from kg.qa import ANSWER_THRESHOLD
from kg.sentence_answer import (
    MIN_COVERAGE,
    MIN_MARGIN,
    MIN_SIMILARITY,
    Candidate,
    SentenceAnswerer,
    question_content,
)

pytestmark = pytest.mark.slow

LICENCE = "In most countries, riders of an electric bike do not need a driving licence."


@pytest.fixture(scope="module")
def graph(bicycles: KnowledgeGraph) -> KnowledgeGraph:
    return bicycles  # built once for both modules that read the note (tests/conftest.py)


def test_a_sentence_that_clearly_answers_is_quoted_and_cited_below_the_fact_threshold(graph: KnowledgeGraph):
    answer = graph.ask("Do riders of electric bikes need a driving licence?")

    assert answer.kind == "sentence"
    # The sentence negates what is asked: the answer is "no", read out of it (kg/sentence_slots.py).
    assert answer.answers == [{"value": False}]
    assert answer.answer.startswith("No: the notes say")
    assert f'"{LICENCE}"' in answer.answer
    assert answer.sources == [{"document": "bicycles.md", "section": "Bicycles > Electric bikes", "text": LICENCE}]
    assert 0.6 <= answer.confidence < ANSWER_THRESHOLD
    assert "electric bike" in [t["label"] for t in answer.topics]
    # The SPARQL shown finds the quoted sentence in the graph.
    assert [str(row[0]) for row in graph.query(answer.sparql)] == [LICENCE]


@pytest.mark.parametrize(
    "question",
    [
        "What is the price of an electric bike?",  # the concept is mentioned, the asked part nowhere
        "What does the battery of an electric bike cost?",  # shares "battery" and "electric bike" only
        "Do riders of electric bikes need a helmet?",  # shares every word but the one that matters
        "Who invented the road bike?",
    ],
)
def test_a_sentence_that_merely_shares_words_is_no_answer(graph: KnowledgeGraph, question: str):
    answer = graph.ask(question)

    assert answer.kind != "sentence" and answer.answers == [], (question, answer.answer)


def test_a_yes_no_question_is_not_answered_by_a_sentence_that_names_its_concepts_the_other_way_round(
    graph: KnowledgeGraph,
):
    stated = graph.ask("Does a road bike weigh less than a mountain bike?")
    reversed_ = graph.ask("Does a mountain bike weigh less than a road bike?")

    # The sentence is a comparison the graph records (kg/ingest/comparatives.py): it answers yes, citing it.
    assert [a.get("value") for a in stated.answers] == [True]
    assert "A road bike weighs less than a mountain bike." in stated.answer
    # The same words, the other fact: never a sentence's "yes" (the recorded comparison says no).
    assert reversed_.kind != "sentence" and [a.get("value") for a in reversed_.answers] in ([], [False])


def test_a_fact_that_answers_is_preferred_to_a_sentence(graph: KnowledgeGraph):
    answer = graph.ask("What does a mountain bike have?")

    assert answer.kind == "relation"
    assert answer.confidence >= ANSWER_THRESHOLD


def test_word_meaning_covers_a_word_of_another_form(graph: KnowledgeGraph):
    engine = graph.engine
    answerer = SentenceAnswerer(engine.store, engine.embedder.encode)

    assert answerer.similar_words(["reuse", "copied"], ["reusable", "copy", "saddle"]) == {"reuse", "copied"}
    assert answerer.similar_words(["contain"], ["containers"]) == set()  # a shared stem is not a shared meaning


def test_the_lines_need_coverage_similarity_and_a_margin_all_together():
    def candidate(covered: int, units: int, similarity: float) -> Candidate:
        return Candidate("s", "", "", covered=covered, asked=1, units=units, similarity=similarity)

    good = candidate(4, 4, MIN_SIMILARITY + 0.2)
    runner_up = good.similarity - MIN_MARGIN - 0.01
    assert SentenceAnswerer.clearly_answers(good, runner_up, ["word"])
    assert not SentenceAnswerer.clearly_answers(good, good.similarity - MIN_MARGIN / 2, ["word"])  # a close rival
    assert not SentenceAnswerer.clearly_answers(candidate(2, 4, 0.9), 0.0, ["word"])  # half the question missing
    assert candidate(3, 4, 0.9).coverage >= MIN_COVERAGE
    assert not SentenceAnswerer.clearly_answers(candidate(4, 4, MIN_SIMILARITY - 0.01), 0.0, ["word"])
    assert not SentenceAnswerer.clearly_answers(good, 0.0, [])  # nothing asked beyond the names


def test_a_sentence_that_says_the_whole_question_is_not_rivalled_by_one_that_lacks_a_third_of_it():
    whole = Candidate(
        "The bell tower is not joined to the chapel.", "", "", covered=3, asked=1, units=3, similarity=0.70
    )
    # Closer in meaning, but about the tower alone: it lacks the chapel and the asked word.
    about_one = Candidate("The bell tower is a stone spire.", "", "", covered=1, asked=0, units=3, similarity=0.72)
    # Says as much of the question as an answer must: it rivals.
    close = Candidate("The tower and the chapel are joined.", "", "", covered=3, asked=1, units=3, similarity=0.68)

    class Ranked(SentenceAnswerer):
        def rank(self, text, mentions, content, opposed=False, kinds=frozenset()):
            return sorted(self.ranked, key=lambda c: -c.similarity)

    answerer = Ranked(None, None)
    answerer.ranked = [whole, about_one]
    quoted = answerer.answer("Is the bell tower joined to the chapel?", [], ["joined"])
    assert quoted is not None and "not joined to the chapel" in quoted.answer

    answerer.ranked = [whole, about_one, close]
    assert answerer.answer("Is the bell tower joined to the chapel?", [], ["joined"]) is None

    # A sentence that lacks a word itself meets every other: the word it lacks may be said there.
    lacking = Candidate("The bell tower is not joined.", "", "", covered=2, asked=1, units=3, similarity=0.70)
    lacking.missing = ["chapel"]
    assert SentenceAnswerer._rivals(lacking, about_one)
    assert not SentenceAnswerer._rivals(whole, about_one)


def test_light_verbs_and_prepositions_ask_nothing():
    assert question_content(["happen", "is", "about", "after", "battery"]) == ["happen", "battery"]


def test_the_items_of_a_list_are_quoted_together_and_compete_as_one():
    lead = "The shop sells two kinds of saddle"
    items = [
        Candidate(f"{lead}: gel saddles", "Shop", "shop.md", covered=2, asked=1, units=2, similarity=0.81),
        Candidate(f"{lead}: leather saddles", "Shop", "shop.md", covered=2, asked=1, units=2, similarity=0.80),
        Candidate(f"{lead}:", "Shop", "shop.md", covered=2, asked=1, units=2, similarity=0.79),
        Candidate("Saddles wear out.", "Shop", "shop.md", covered=1, asked=1, units=2, similarity=0.5),
    ]

    # An item that mentions none of the question's concepts is not ranked, but belongs to the list.
    unranked = Candidate(f"{lead}: spring saddles", "Shop", "shop.md")

    class Ranked(SentenceAnswerer):
        def rank(self, text, mentions, content, opposed=False, kinds=frozenset()):
            return items

        def _items(self, lead, document):
            return [items[1], unranked] if document == "shop.md" else []

    answer = Ranked(None, None).answer("Which saddles does the shop sell?", [], ["sell"])

    # An item alone would be half the answer, and its sibling too close a rival: the list is one answer.
    assert answer is not None and answer.kind == "sentence"
    assert answer.answer.endswith(f'the notes say (shop.md): "{lead}: gel saddles; leather saddles; spring saddles"')
    listed = sorted([c.text for c in items[:3]] + [unranked.text])
    assert answer.answers == []
    assert [s["text"] for s in answer.sources] == listed


def test_an_active_yes_no_question_is_answered_in_its_own_order_only(graph: KnowledgeGraph):
    # The note says the motor draws power from the battery; the question the other way round gets no yes.
    asked = graph.ask("Does the motor draw power from the battery?")
    reversed_ = graph.ask("Does the battery draw power from the motor?")

    assert [a["value"] for a in asked.answers] == [True]
    assert reversed_.answers == [] and reversed_.kind != "boolean"


def test_the_sentences_nearest_in_meaning_compete_though_recorded_without_the_linked_concept(
    graph: KnowledgeGraph,
):
    # The linker chose another note's concept for "riders" (one this note never records): the sentences
    # about that concept are none, yet the note's sentence that names riders in words and says the
    # question in other words is found by its meaning, and competes.
    engine = graph.engine
    elsewhere = Link(0, 1, "riders", [(URIRef("urn:x:another-note#rider"), 1.0)])
    question = "Do riders of an electric bike need a driving licence?"
    content = ["electric", "bike", "need", "driving", "licence"]
    alone = SentenceAnswerer(engine.store, engine.embedder.encode)
    near = SentenceAnswerer(engine.store, engine.embedder.encode, nearest=engine._nearest_sentences)

    assert alone.rank(question, [elsewhere], content) == []
    ranked = near.rank(question, [elsewhere], content)
    assert ranked and ranked[0].text == LICENCE
    # Each sentence found by meaning says the mention's words: one that names none of them is about another thing.
    assert all("rider" in c.reading.lower() for c in ranked)
