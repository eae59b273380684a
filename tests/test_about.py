"""Requests for everything about one concept ("tell me about X"), with the real parser and model.

The graph is built from a small note of our own (``fixtures/bicycles.md``); one engine serves the module.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import URIRef

import kg.question
from kg.about import MAX_FACTS, is_about_request
from kg.api import KnowledgeGraph
from kg.linking import Link
from kg.text import tokenize

pytestmark = pytest.mark.slow

DEFINITION = "An electric bike (e-bike) is a bicycle with an electric motor that assists the rider."


@pytest.fixture(scope="module")
def graph(bicycles: KnowledgeGraph) -> KnowledgeGraph:
    return bicycles  # built once for both modules that read the note (tests/conftest.py)


def request(text: str, mention: str) -> bool:
    """Tell whether ``text`` reads as a request about ``mention`` (a span of its words)."""
    words = [t for t in tokenize(text) if t.is_word]
    span = [t.text for t in tokenize(mention) if t.is_word]
    start = next(i for i in range(len(words)) if [w.text for w in words[i : i + len(span)]] == span)
    link = Link(start, start + len(span), mention, [(URIRef("urn:x"), 1.0)])
    return is_about_request(text, words, link, lambda verb: verb not in {"list", "name"})


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Tell me about the road bike.", "road bike"),
        ("What do you know about mountain bikes?", "mountain bikes"),
        ("Can you tell me about Kafka?", "Kafka"),
        ("Describe a gearbox.", "gearbox"),
        ("Describe EC3", "EC3"),  # a capitalised imperative before a name, which the tagger misreads
        ("Please explain the saddle.", "saddle"),
        ("Briefly summarize the frame", "frame"),
    ],
)
def test_requests_for_everything_about_a_concept_are_read_as_such(graph: KnowledgeGraph, text: str, mention: str):
    assert request(text, mention), text


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Tell me about the price of the road bike.", "road bike"),  # a noun asks for part of it
        ("Explain how a road bike brakes.", "road bike"),  # a verb asks for one thing it does
        ("Tell me who built the road bike.", "road bike"),
        ("What runs on the battery?", "battery"),  # a question about the concept, not to "you"
        ("List the road bikes.", "road bikes"),  # a verb another reading claims
        ("Tell me about the default saddle.", "saddle"),  # narrower than the concept: a modifier left
        ("Is the road bike fast?", "road bike"),
        ("when sold the road bike", "road bike"),  # a time, however clipped the question
        ("Where described the road bike?", "road bike"),
    ],
)
def test_questions_that_ask_for_something_narrower_are_not(graph: KnowledgeGraph, text: str, mention: str):
    assert not request(text, mention), text


def test_tell_me_about_answers_with_the_definition_and_main_facts_each_cited(graph: KnowledgeGraph):
    answer = graph.ask("Tell me about mountain bikes.")

    assert answer.kind == "about"
    assert answer.confidence >= graph.engine.threshold
    assert answer.answer.startswith("mountain bike: A mountain bike is a bicycle that is built for rough trails.")
    assert answer.answers[0]["label"] == "mountain bike"
    # The definition first, then one fact per relation, each fact of the answer's text in the evidence.
    predicates = [e["predicate"]["label"] for e in answer.evidence]
    assert predicates[0] == "definition"
    assert 2 <= len(answer.evidence) <= 1 + MAX_FACTS
    facts = answer.evidence[1:]
    assert len({(f["predicate"]["iri"], f["subject"]["label"] == "mountain bike") for f in facts}) == len(facts)
    assert all("mountain bike" in (f["subject"].get("label"), f["object"].get("label")) for f in facts)
    texts = [s["text"] for s in answer.sources]
    assert "Mountain bikes have wide tires and a suspension fork." in texts
    assert all(s["document"] == "bicycles.md" for s in answer.sources)
    # The SPARQL shown finds the definition (its first column, as a definition answer's) and the cited facts.
    rows = list(graph.query(answer.sparql))
    assert {str(row[0]) for row in rows} == {answer.answers[0]["value"]}
    assert {str(row[2]) for row in rows} == {f["predicate"]["iri"] for f in facts}


def test_facts_read_from_sentences_come_before_facts_only_structure_gave(graph: KnowledgeGraph):
    engine = graph.engine
    road_bike = next(iri for iri, e in engine.catalog.entities.items() if e.label == "road bike")
    facts = engine.about.main_facts(road_bike)

    stated = [f.stated for f in facts]
    assert stated == sorted(stated, reverse=True)
    assert stated[0] > 0


def test_other_phrasings_of_the_request_get_the_same_kind_of_answer(graph: KnowledgeGraph):
    for question in (
        "What do you know about electric bikes?",
        "Describe an electric bike.",
        "Can you explain electric bikes?",
    ):
        answer = graph.ask(question)
        assert answer.kind == "about", question
        assert DEFINITION in answer.answer
        assert answer.sources[0]["text"] == DEFINITION


@pytest.mark.parametrize("question", ["Can you delete the electric bikes?", "Could you repaint an electric bike?"])
def test_a_request_to_do_something_to_a_concept_is_not_a_request_for_what_it_is(graph: KnowledgeGraph, question: str):
    # Same grammar as "can you explain X", but the verb names no way of saying what a thing is: not
    # everything about it. (The definition reading still takes any request verb: "spell out X" names
    # no naming relation by its words either.)
    assert graph.ask(question).kind != "about"


def test_a_narrower_question_is_not_answered_with_everything(graph: KnowledgeGraph):
    assert graph.ask("Tell me about the price of electric bikes").kind != "about"
    assert graph.ask("What does a mountain bike have?").kind == "relation"
    assert graph.ask("List the types of bicycles.").kind == "list"


def test_a_concept_the_graph_does_not_know_is_abstained_on(graph: KnowledgeGraph):
    answer = graph.ask("Tell me about submarines")

    assert answer.answers == []
    assert answer.kind == "abstain"


def test_the_parser_loads_lazily_and_once(graph: KnowledgeGraph):
    # Importing the engine loads no parser: a process that never sees a request never pays for it.
    code = "import kg.qa, kg.about, kg.question; assert 'parser' not in kg.question._pipelines"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    graph.ask("Tell me about road bikes")
    first = kg.question._pipelines.get("parser")
    graph.ask("Describe a mountain bike")
    assert first is not None and kg.question._pipelines.get("parser") is first
