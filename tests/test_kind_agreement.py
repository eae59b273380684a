"""An answer must be of the kind the question asks for, in the role it asks for, or not be given as sure.

- "which N ...": a relation answer whose name does not say N, where the notes name things of kind N
  ("east canal"), or whose own sentence names an N beside it ("water from the upper reservoir"), is not
  sure; a sentence read-out names something of kind N or nothing.
- "how many N ...": a thing is no number.
- "what does X water the roses *with*?": a relation read as "water in" gives another role of the verb.
- "X uses two Ns: A, B": the list's kind ("N") is no item, and an item's label ("A — does this") is
  the item.
"""

from __future__ import annotations

import pytest
from note_graph import label_set as labels
from note_graph import note_graph
from rdflib import URIRef

from kg.api import KnowledgeGraph
from kg.question import parse
from kg.sentence_slots import Asked, slot_answers

MILL = """# Mill Town

The **east canal** carries barges to the harbour. The **west canal** drains the marsh.

## The mill

The mill is fed by water from the upper reservoir. The miller grinds barley in the autumn.
"""

GARDEN = """# Garden Notes

## Watering

In dry weeks the gardener waters the roses from the rain barrel with a watering can.
"""

GAME = """# Harbour Game

## Setup

Each player starts with three ships and ten gold coins. The youngest player goes first.
"""

PRESS = """# Cider Press

## Parts

**TBC** (twin barrel crusher) controller sets the roller speed before pressing. The **racking cloth** wraps the pulp.
"""

KILN = """# Kilns

The **kiln** uses two separate firing chambers:

- the bisque chamber
- the glaze chamber

## Vents

The kiln has two separate air vents:

- Top vent — releases the steam during firing.
- Side vent — lets cool air in after firing.
"""


def _graph(factory: pytest.TempPathFactory, name: str, text: str) -> KnowledgeGraph:
    return note_graph(factory.mktemp(name), name, text)


@pytest.fixture(scope="module")
def mill(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _graph(tmp_path_factory, "mill", MILL)


@pytest.fixture(scope="module")
def garden(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _graph(tmp_path_factory, "garden", GARDEN)


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _graph(tmp_path_factory, "game", GAME)


@pytest.fixture(scope="module")
def kiln(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _graph(tmp_path_factory, "kiln", KILN)


@pytest.fixture(scope="module")
def press(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return _graph(tmp_path_factory, "press", PRESS)


def test_an_answer_of_another_kind_than_the_notes_name_is_not_given(mill: KnowledgeGraph) -> None:
    assert labels(mill.ask("What feeds the mill?")) == {"water"}  # the fact is there
    answer = mill.ask("Which canal feeds the mill?")
    assert "water" not in labels(answer), answer.answer


def test_an_answer_whose_sentence_names_the_asked_kind_beside_it_is_not_given(mill: KnowledgeGraph) -> None:
    answer = mill.ask("Which reservoir feeds the mill?")
    assert "water" not in labels(answer), answer.answer


def test_how_many_is_not_answered_with_a_thing(game: KnowledgeGraph) -> None:
    answer = game.ask("How many ships does each player start with?")
    assert "gold coin" not in labels(answer), answer.answer


def test_a_relation_of_another_preposition_answers_another_role(garden: KnowledgeGraph) -> None:
    assert labels(garden.ask("What does the gardener water the roses from?")) == {"rain barrel"}
    answer = garden.ask("What does the gardener water the roses with?")
    assert "dry week" not in labels(answer), answer.answer


def test_a_lists_kind_is_not_one_of_its_items(kiln: KnowledgeGraph) -> None:
    answer = kiln.ask("Which two chambers does the kiln use?")
    assert labels(answer) == {"bisque chamber", "glaze chamber"}, answer.answer


def test_an_items_label_is_the_item(kiln: KnowledgeGraph) -> None:
    answer = kiln.ask("Which vents does the kiln have?")
    assert labels(answer) == {"top vent", "side vent"}, answer.answer


def test_a_sentence_about_a_noun_the_name_modifies_does_not_define_the_name(press: KnowledgeGraph) -> None:
    # "TBC (...) controller sets ...": the sentence says what the controller does, not what TBC is.
    answer = press.ask("What is TBC?")
    assert "roller speed" not in answer.answer, answer.answer


# -- reading an answer out of a quoted sentence (kg/sentence_slots.py), with the real parser -----------

KIND = URIRef("urn:x:sluice-gate")
NETWORK = URIRef("urn:x:network")
GATE = URIRef("urn:x:north-gate")
CHANNELS = URIRef("urn:x:side-channel")
INLET, OUTLET = URIRef("urn:x:inlet"), URIRef("urn:x:outlet")


def _asked(question: str, kind: str, **more) -> Asked:
    words = question.rstrip("?").lower().split()
    return Asked(content=more.pop("content", []), words=words, kind=kind, **more)


def test_a_read_out_names_something_of_the_asked_kind_or_nothing() -> None:
    sentence = "The keeper opens the network at dawn."
    asked = _asked("Which sluice gate does the keeper open?", "gate", content=["open"], mention_words=["keeper"])
    found = slot_answers([sentence], [{NETWORK: ["network"]}], asked, parse)
    assert found == []
    # A concept typed as the asked kind's concept answers, though its name does not say the noun.
    typed = _asked(
        "Which sluice gate does the keeper open?", "gate", content=["open"], mention_words=["keeper"],
        kind_concepts=frozenset({KIND}),
    )  # fmt: skip
    found = slot_answers([sentence], [{GATE: ["Nether Lock"]}], typed, parse, lambda node: {KIND: "barrier"})
    assert found == [GATE]


def _listed(node: URIRef) -> dict[URIRef, str]:
    """The list typed its items by its kind, "side channel"."""
    return {CHANNELS: "side channel"} if node in (INLET, OUTLET) else {}


def test_a_list_read_out_leaves_out_the_kind_its_introduction_names() -> None:
    lead = "The weir has two side channels"
    items = [f"{lead}: the inlet", f"{lead}: the outlet"]
    concepts = [
        {CHANNELS: ["side channel"], INLET: ["inlet"]},
        {CHANNELS: ["side channel"], OUTLET: ["outlet"]},
    ]
    asked = _asked("Which channels does the weir have?", "channels", mention_words=["weir"])
    assert set(slot_answers(items, concepts, asked, parse, _listed)) == {INLET, OUTLET}


def test_a_list_read_out_keeps_items_joined_by_a_slash() -> None:
    lead = "The weir has two side channels"
    items = [f"{lead}: inlet/outlet", f"{lead}: a spillway"]
    concepts = [{CHANNELS: ["side channel"], INLET: ["inlet"], OUTLET: ["outlet"]}, {}]
    asked = _asked("Which channels does the weir have?", "channels", mention_words=["weir"])
    assert set(slot_answers(items, concepts, asked, parse, _listed)) == {INLET, OUTLET}
