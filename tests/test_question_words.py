"""What a question's words must find in the graph for a fact to answer it surely.

A note of our own, about a harbour: it says "support" as a noun ("offer support"), so the graph holds a
concept of that word, and it says "supports" as a verb of two facts. A question that says "support" as
its verb asks for that relation, not about the concept; a question about a thing the note never names,
or under conditions the fact's sentence never states, is about something the graph lacks.
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph
from kg.question import asked_type
from kg.text import tokenize

pytestmark = pytest.mark.slow

HARBOUR = """# Harbour

A **tugboat** is a small boat that pulls ships into the harbour.
A **pilot boat** is a fast boat that carries pilots to the ships.

## Offices

The Harbour Office supports tugboats.
The Harbour Office supports pilot boats.
The pilots offer support to the ships.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("harbour"), "harbour", HARBOUR)


def labels(answer) -> list[str]:
    return sorted(item.get("label", item.get("value")) for item in answer.to_dict()["answers"])


def test_the_note_has_a_concept_named_by_the_verb(harbour: KnowledgeGraph):
    # The premise of the next test: "support" names a concept, so the linker finds it in the question.
    found = harbour.query('SELECT ?c WHERE { ?c rdfs:label "support" }')

    assert len(list(found)) == 1


def test_a_word_said_as_the_questions_verb_asks_for_the_relation(harbour: KnowledgeGraph):
    answer = harbour.ask("Which boats does the Harbour Office support?")

    assert labels(answer) == ["pilot boat", "tugboat"]
    assert answer.confidence >= harbour.engine.threshold


def test_a_name_the_graph_does_not_know_leaves_the_answer_unsure(harbour: KnowledgeGraph):
    # "Zephyr" names no concept of the note: its tugboats are not the ones the note speaks of.
    known = harbour.ask("What supports tugboats?")
    unknown = harbour.ask("What supports the tugboats of Zephyr?")

    assert labels(known) == ["Harbour Office"]
    assert not (unknown.answers and unknown.confidence >= harbour.engine.threshold)


def test_conditions_the_facts_sentence_never_states_leave_the_answer_unsure(harbour: KnowledgeGraph):
    # "The Harbour Office supports tugboats." says nothing of storms or nights: one word of three fits.
    plain = harbour.ask("What supports tugboats?")
    conditioned = harbour.ask("What supports tugboats during storms at night?")

    assert plain.confidence >= harbour.engine.threshold
    assert not (conditioned.answers and conditioned.confidence >= harbour.engine.threshold)


@pytest.mark.parametrize(
    "question, asked",
    [
        ("What is used to pull ships?", None),  # a passive's participle is no asked-for noun
        ("What is stored in the harbour?", None),
        ("Which boat pulls ships?", "boat"),
    ],
)
def test_a_participle_after_what_is_names_no_asked_type(question: str, asked: str | None):
    words = [t for t in tokenize(question) if t.is_word]

    assert asked_type(words, set(), question)[0] == asked


PROVIDER = """# Provider

**AWS** is a cloud provider.
**Kelp** is a harbour service.
**Brine** is a harbour service.
AWS offers Kelp and Brine.

Ports book AWS Kelp and AWS Brine by the hour.
"""


def test_a_brand_word_before_a_name_belongs_to_the_name(tmp_path):
    # "AWS" names a concept of the note, yet "AWS harbour services" speaks of the services: the brand word
    # (the note drops it from "AWS Kelp" and "AWS Brine") is part of their mention, not a second thing
    # every answer must be tied to.
    graph = note_graph(tmp_path, "provider", PROVIDER)

    assert labels(graph.ask("List the AWS harbour services.")) == ["Brine", "Kelp"]
