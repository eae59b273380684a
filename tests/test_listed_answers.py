"""A question that asks for several things is answered by the list the closest sentence gives.

"Which finishes are stored in the paint locker?" over "The paint locker by the slipway holds the varnish, the
linseed oil and the white spirit": the one coordination of the sentence in a role of its clause gives the items
(``kg.sentence_slots.listed_items``), read only where a typed reading may be (``SentenceAnswerer._listed``).
A list whose items cannot be told apart beside another, a denied clause, or a question that asks for one thing
gives no list. A made-up workshop's note stands for any note.
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

from kg.question import asks_for_several, parse
from kg.sentence_answer import SENTENCE_CONFIDENCE, TYPED_PENALTY
from kg.sentence_slots import Asked, listed_items

WORKSHOP = """# Harbour Workshop Notes

## Kit

The paint locker by the slipway holds the varnish, the linseed oil and the white spirit, and each tin is dated.
Only Ada Finch and the two riggers, Tom Vale and Ivo Marsh, may use the crane.
The boat shed does not stock epoxy, resin or fibreglass.
"""


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("workshop"), {"workshop.md": WORKSHOP})


def _items(answer) -> list[str]:
    return [str(a.get("label", a.get("value"))).lower() for a in answer.answers]


def _asked(question: str) -> Asked:
    words = question.lower().rstrip("?").split()
    return Asked(content=[], words=words, wh_phrase=[words[0]], several=True)


@pytest.mark.parametrize(
    ("question", "several"),
    [
        ("Which finishes are stored in the locker?", True),
        ("What kinds of rope does the rigger splice?", True),
        ("What are the three tides?", True),
        ("Which room is free?", False),
        ("What holds the varnish?", False),
    ],
)
def test_a_question_asks_for_several_things_by_its_plural(question: str, several: bool):
    assert asks_for_several(question) is several


def test_the_one_coordination_in_a_role_of_its_clause_is_the_list():
    sentence = "The rigging loft keeps hemp rope, a spare boom and the old jib sails, and the door is always locked."

    assert listed_items(sentence, _asked("Which spares are kept in the rigging loft?"), parse) == [
        ("hemp rope", "hemp rope"),
        ("spare boom", "spare boom"),
        ("old jib sails", "old jib sails"),
    ]


def test_an_item_goes_by_its_name_without_quantity_participle_or_what_follows():
    sentence = "The box holds several sterile dressings, a working head torch and the spare batteries from a van."

    items = listed_items(sentence, _asked("Which supplies does the box hold?"), parse)
    assert [name for _, name in items] == ["sterile dressings", "head torch", "spare batteries"]


def test_no_list_where_the_items_are_the_questions_own_or_the_clause_is_denied():
    named = "The loft keeps hemp rope and nylon rope."
    assert listed_items(named, _asked("Which loft keeps hemp rope and nylon rope?"), parse) == []
    denied = "The loft does not keep hemp rope or nylon rope."
    assert listed_items(denied, _asked("Which ropes does the loft keep?"), parse) == []


def test_several_asked_are_answered_by_the_sentences_list(workshop):
    answer = workshop.ask("Which finishes are stored in the paint locker by the slipway?")

    assert sorted(_items(answer)) == ["linseed oil", "varnish", "white spirit"]
    assert answer.kind == "sentence"
    assert answer.sources and answer.sources[0]["text"].startswith("The paint locker by the slipway holds")
    assert answer.confidence <= SENTENCE_CONFIDENCE - TYPED_PENALTY


def test_a_list_beside_another_it_cannot_be_told_from_gives_no_list(workshop):
    # "Ada Finch and the two riggers, Tom Vale and Ivo Marsh": the riggers' names are only part of who may.
    answer = workshop.ask("Which people may use the crane?")

    assert _items(answer) != ["tom vale", "ivo marsh"]


def test_a_denied_list_is_no_answer(workshop):
    answer = workshop.ask("Which materials does the boat shed keep in stock?")

    assert not {"epoxy", "resin", "fibreglass"} & set(_items(answer))
