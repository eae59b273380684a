"""Yes/no questions read by grammar: the main verb names the relation; a quality's opposite answers no."""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

NOTE = """# Tugboats

The **Kestrel** does not tow barges. The **Osprey** tows barges and ferries.

A **tow** is a thick rope between two boats.
"""


def note_graph(tmp_path_factory: pytest.TempPathFactory, name: str, text: str) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp(name)
    (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return KnowledgeGraph.open(docs=[folder / f"{name}.md"], cache_dir=folder / "vectors")


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "tugboats", NOTE)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "tow" links to the rope the note defines; read as the question's verb, it names the relation.
        ("Does the Kestrel tow barges?", False),
        ("Does Osprey tow barges?", True),
    ],
)
def test_the_verb_of_a_yes_no_question_names_its_relation(graph: KnowledgeGraph, question: str, expected: bool):
    answer = graph.ask(question)

    assert [a["value"] for a in answer.answers] == [expected], answer.answer


def test_the_word_still_names_the_thing_where_it_is_a_noun(graph: KnowledgeGraph):
    answer = graph.ask("What is a tow?")

    assert answer.kind == "definition" and "rope" in answer.answer


GATES = """# Gates

The **Finch gate** is unlocked. The **Wren gate** is stateless and heavy.
"""


@pytest.fixture(scope="module")
def gates(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "gates", GATES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is the Finch gate locked?", False),  # "un-": the opposite holds
        ("Is the Wren gate stateful?", False),  # "-less" / "-ful"
        ("Is the Wren gate light?", False),  # a WordNet antonym
        ("Is the Wren gate stateless?", True),  # the quality itself, as before
    ],
)
def test_a_quality_whose_opposite_holds_answers_no(gates: KnowledgeGraph, question: str, expected: bool):
    answer = gates.ask(question)

    assert [a["value"] for a in answer.answers] == [expected], answer.answer


def test_a_quality_nothing_opposes_stays_unsettled(gates: KnowledgeGraph):
    assert gates.ask("Is the Wren gate painted?").answers == []


KETTLES = """# Kettles

| Property | Brightwell | Copperline |
| --- | --- | --- |
| safe on induction hobs | yes | no |
| boil time | four minutes | three minutes |
"""


@pytest.fixture(scope="module")
def kettles(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory, "kettles", KETTLES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is the Brightwell safe on induction hobs?", True),
        ("Is the Copperline safe on induction hobs?", False),
    ],
)
def test_a_yes_no_cell_of_a_property_table_answers(kettles: KnowledgeGraph, question: str, expected: bool):
    answer = kettles.ask(question)

    assert [a["value"] for a in answer.answers] == [expected], answer.answer
    assert answer.kind == "boolean"


def test_a_row_the_question_does_not_name_settles_nothing(kettles: KnowledgeGraph):
    assert kettles.ask("Is the Copperline safe?").answers == []
