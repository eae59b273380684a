"""A name that reaches several values of a relation the graph makes nearly a function is a shared name.

Twenty-four ships with one home port each and one name borne by two ships: asked for that name's home
port, the two ports are a guess between two ships, not an answer, so the engine withholds it; a name of
one ship is answered as before, and a relation with many values per node (cargo) is not affected.
"""

from __future__ import annotations

import pytest
from facts_file import write_facts

from kg.api import KnowledgeGraph
from kg.qa import ANSWER_THRESHOLD

ENTITY = "http://example.org/ships/entity/"
RELATION = "http://example.org/ships/relation/"
PORTS = ["Aberdeen", "Bergen", "Cadiz", "Danzig", "Esbjerg", "Faro"]


def _facts() -> list[tuple[str, str, str]]:
    facts = []
    for n in range(24):
        ship = f"Ship Number {n}"
        facts.append((ship, "home_port", PORTS[n % len(PORTS)]))
        facts.append((ship, "carries_cargo", "Timber"))
        facts.append((ship, "carries_cargo", "Coal"))
    # Two ships called the same: the name reaches two home ports.
    facts += [("Grey Heron", "home_port", "Bergen"), ("Grey Heron", "home_port", "Faro")]
    facts += [("Grey Heron", "carries_cargo", "Salt"), ("Grey Heron", "carries_cargo", "Wool")]
    facts += [("Blue Wren", "home_port", "Cadiz")]
    return facts


@pytest.fixture(scope="module")
def ships(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    facts = _facts()
    path = write_facts(tmp_path_factory.mktemp("ships") / "ships.nt", facts, ENTITY, RELATION)
    return KnowledgeGraph.open(docs=[], rdf=[path], cache_dir=tmp_path_factory.mktemp("ship-vectors"))


def test_a_name_reaching_two_values_of_a_function_is_withheld(ships: KnowledgeGraph):
    answer = ships.ask("What is the home port of Grey Heron?")

    assert answer.answers == [], answer.answer


def test_a_name_of_one_thing_is_answered(ships: KnowledgeGraph):
    answer = ships.ask("What is the home port of Blue Wren?")

    assert [a["label"] for a in answer.answers] == ["Cadiz"]


def test_a_relation_with_many_values_per_node_is_unaffected(ships: KnowledgeGraph):
    answer = ships.ask("What cargo does Grey Heron carry?")

    assert sorted(a["label"] for a in answer.answers) == ["Salt", "Wool"]


def test_a_things_nested_kinds_are_not_rival_values(tmp_path_factory: pytest.TempPathFactory):
    # Nearly every concept of the bundled note has one kind, but a thing's kinds may nest (ECS is a
    # container service, a kind the note's heading sets up, and an orchestration service, the figures'
    # class, both kinds of service by their names' heads): the kinds are one thing described more than
    # once, not rival values that would lower the answer.
    graph = KnowledgeGraph.open(cache_dir=tmp_path_factory.mktemp("bundled-vectors"))

    answer = graph.ask("What sort of service is ECS?")

    assert {a["label"] for a in answer.answers} == {"container service", "orchestration service"}
    assert answer.confidence >= ANSWER_THRESHOLD
