"""A "not" bears on every verb "or" joins to the denied one; a denied quality is no quality.

"The east gate cannot be opened, locked or painted by visitors" says that visitors can do none of the
three. Before, the open extractor read "visitors paint the east gate" (the agent of the last conjunct,
the "not" left on the first), the copula rule read "locked" as a quality of the gate, and the yes/no
reading of the sentence said yes to "locked": three wrong answers at 0.95. Real parser and model, on a
note of our own.
"""

from __future__ import annotations

import pytest
from note_graph import label_set, note_graph
from rdflib import Literal, URIRef

from kg.coordination import shared_denial
from kg.ingest.parse import load_parser
from kg.namespaces import KGO

pytestmark = pytest.mark.slow

NOTE = """# Harbour gates

The **east gate** is the gate that faces the lighthouse.

The east gate cannot be opened, locked or painted by visitors.

The **sluice** is a channel under the east gate. The sluice cannot be closed.

The **west gate** is not locked at night and is guarded by a watchman.

Every other gate can be opened by the harbour master.

Dogs are allowed on the open deck but not in the cabin.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("gates"), "gates", NOTE)


@pytest.mark.parametrize(
    "question",
    [
        "Can the sluice be closed?",
        "Is the sluice closed?",
        "Can the east gate be locked by visitors?",
        "Can visitors paint the east gate?",
    ],
)
def test_what_the_note_denies_is_never_answered_yes(graph, question):
    answer = graph.ask(question)

    assert "true" not in label_set(answer), answer.answer


def test_what_is_said_of_every_other_thing_is_not_said_of_every_thing(graph):
    answer = graph.ask("Can every gate be opened by the harbour master?")

    assert "true" not in label_set(answer), answer.answer


def test_a_place_the_not_denies_is_no_place_allowed(graph):
    denied = graph.ask("Are dogs allowed in the cabin?")
    allowed = graph.ask("Are dogs allowed on the open deck?")

    assert label_set(denied) == {"false"}, denied.answer
    assert label_set(allowed) == {"true"}, allowed.answer


def test_the_denial_is_read_as_no_from_the_sentence(graph):
    answer = graph.ask("Can the east gate be locked by visitors?")

    assert label_set(answer) == {"false"}, answer.answer


def test_a_denied_quality_is_not_recorded(graph):
    sluice = URIRef("https://kgqa.dev/id/sluice")

    assert not graph.engine.store.contains((sluice, KGO.hasCharacteristic, Literal("closed")))


def test_a_verb_with_its_own_auxiliary_is_not_denied_by_its_neighbour(graph):
    answer = graph.ask("Is the west gate guarded by a watchman?")

    assert label_set(answer) == {"true"}, answer.answer


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("The gate cannot be opened, locked or painted.", "painted", True),
        ("The bell is not rung nor polished.", "polished", True),
        ("The catch is not sold but given away.", "given", False),
        ("The gate cannot be opened and painted.", "painted", None),
        ("The gate is not locked and is guarded.", "guarded", False),
        ("The gate is opened or painted.", "painted", False),
    ],
)
def test_a_conjunct_shares_the_first_verbs_not_by_its_coordinator(sentence, verb, expected):
    doc = load_parser()(sentence)
    token = next(t for t in doc if t.text == verb)

    assert shared_denial(token) is expected
