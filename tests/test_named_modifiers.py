"""A name the writer marks inside an object's noun phrase ("a single **Acme port 9** link") is an object too.

The phrase is too long to be one name, so the fact is read of its head noun ("link"); the marked name in
front of it is a thing of the note the verb reaches as well, and a "which port" question asks for it.
A name the object keeps whole ("a **Clay Ledger** table") adds no fact of its own, and a "which N"
question whose answers are no N (the notes call other things so) is not answered by them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import label_set, note_graph
from rdflib import Graph
from rdflib.namespace import RDFS
from test_open_extraction import built_note, named, relations

pytestmark = pytest.mark.slow

NOTE = """# Kiln Networks

## Kilnnet

**Kilnnet** is a messaging protocol for pottery kilns.

- Uses a single **UDP port 7700** connection (no separate return path).
- Stores every reading in a **Clay Ledger** table.

## Glazewire

**Glazewire** is a wiring standard for kilns. A **ledger table** holds the readings of a kiln.

- Uses a shared connection for alarms.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "kilns.md", NOTE)


def test_the_name_inside_the_object_is_what_the_verb_reaches_too(graph: Graph):
    # Before: the phrase was too long for a name and "connection" no concept: no fact at all.
    assert "use" in relations(graph, named(graph, "Kilnnet"), named(graph, "UDP port 7700"))


def test_a_name_the_object_keeps_whole_adds_no_fact(graph: Graph):
    kilnnet = named(graph, "Kilnnet")
    labels = {str(graph.value(o, RDFS.label)) for o in graph.objects(kilnnet, None)}
    assert "Clay Ledger" not in labels


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(Path(tmp_path_factory.mktemp("kilns")), "kilns", NOTE)


def test_which_port_is_answered_by_the_named_port(kg):
    answer = kg.ask("Which port does Kilnnet use?")

    assert label_set(answer) == {"udp port 7700"}, answer.answer


def test_which_n_is_not_answered_by_a_thing_of_another_kind_when_the_notes_name_ns(kg):
    # The notes call a "ledger table" a table; the port Kilnnet uses is none.
    answer = kg.ask("Which table does Kilnnet use?")

    assert answer.answers == [], answer.answer


def test_a_which_n_question_the_answer_is_an_n_of_still_answers(kg):
    answer = kg.ask("Which table holds the readings of a kiln?")

    assert label_set(answer) == {"ledger table"}, answer.answer
