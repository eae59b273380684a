"""Answers read out of a sentence by the type the wh-word asks for, where the sentence says the verb otherwise.

"Who takes care of the big kiln?" over "The big kiln, which is looked after by Orla Penn, fires every Friday
night.": no word of the sentence says "take" or "care", so the slot the wh-word stands for cannot be read by the
verb; the sentence is still the closest of all about the kiln, and it names one person (``kg.sentence_slots.
typed_answers``, ``kg.sentence_answer.SentenceAnswerer._typed``). The answer is given below a verb's reading, and
never where the sentence names two people, only the head of a longer place (or a place inside another), or
denies the clause.

A made-up pottery's notes stand for any note: nothing here comes from a development or test question.
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

from kg.question import entities, incidental, parse
from kg.sentence_answer import SENTENCE_CONFIDENCE, TYPED_PENALTY
from kg.sentence_slots import Asked, typed_answers

POTTERY = """# Fernhill Pottery Notes

## Kilns

The big kiln, which is looked after by Orla Penn, fires every Friday night.
The wheels are serviced by Dara Kent and Ivo Marsh every spring.
Pip Rowe does not look after the clay store.

## Storage

Spare glaze buckets sit in the Boiler Room.
"""


@pytest.fixture(scope="module")
def pottery(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("pottery"), {"pottery.md": POTTERY})


def _labels(answer) -> list[str]:
    return [str(a.get("label", a.get("value"))) for a in answer.answers]


def test_who_is_the_one_person_the_closest_sentence_names(pottery):
    answer = pottery.ask("Who takes care of the big kiln?")

    assert _labels(answer) == ["Orla Penn"]
    assert answer.kind == "sentence"
    assert answer.sources and answer.sources[0]["text"].startswith("The big kiln, which is looked after")
    # Read by type alone, the answer sits below one read by the question's own verb.
    assert answer.confidence <= SENTENCE_CONFIDENCE - TYPED_PENALTY


def test_where_is_the_whole_place_a_preposition_gives(pottery):
    answer = pottery.ask("Where are the spare glaze buckets kept?")

    assert _labels(answer) == ["Boiler Room"]


def test_a_sentence_naming_two_people_gives_no_one(pottery):
    answer = pottery.ask("Who repairs the wheels?")

    assert _labels(answer) == []


def test_a_sentence_that_denies_gives_no_one(pottery):
    answer = pottery.ask("Who takes care of the clay store?")

    assert "Pip Rowe" not in _labels(answer)


def _asked(question: str, **kw) -> Asked:
    words = question.lower().rstrip("?").split()
    return Asked(content=[], words=words, wh_phrase=[words[0]], **kw)


def _named(sentence: str, *names: str) -> dict:
    return {f"urn:{name}": [name] for name in names if name in sentence}


def test_who_is_one_person_or_firm_and_never_one_of_a_person_and_a_firm():
    alone = "The mugs are glazed by Orla Penn every week."
    beside = "The mugs are glazed by Orla Penn from Kestrel Ceramics Ltd every week."
    asked = _asked("who finishes the mugs?")

    assert typed_answers(alone, _named(alone, "mugs", "Orla Penn"), asked, parse, entities) == ["urn:Orla Penn"]
    named = _named(beside, "mugs", "Orla Penn", "Kestrel Ceramics Ltd")
    assert typed_answers(beside, named, asked, parse, entities) == []


def test_when_asks_a_time_and_where_a_place():
    sentence = "The kiln is emptied in the Boiler Room at dawn."
    named = _named(sentence, "kiln", "dawn", "Boiler Room")

    assert typed_answers(sentence, named, _asked("when is the kiln unloaded?"), parse, entities) == ["urn:dawn"]
    assert typed_answers(sentence, named, _asked("where is the kiln unloaded?"), parse, entities) == ["urn:Boiler Room"]


def test_a_what_with_no_noun_asks_no_type():
    sentence = "The kiln is emptied at dawn in the Boiler Room."
    named = _named(sentence, "kiln", "dawn", "Boiler Room")

    assert typed_answers(sentence, named, _asked("what empties the kiln?"), parse, entities) == []


def test_a_place_inside_another_or_its_head_alone_is_no_answer_to_where():
    sentence = "The test tiles stay on the shelf above the sink."
    named = _named(sentence, "test tiles", "shelf", "sink")

    assert typed_answers(sentence, named, _asked("where are the test tiles kept?"), parse, entities) == []


def test_a_place_the_recogniser_knows_may_follow_any_preposition_of_the_verb():
    sentence = "The rescue helicopter flies out of Inverness."
    named = _named(sentence, "rescue helicopter", "Inverness")

    found = typed_answers(sentence, named, _asked("where is the rescue helicopter based?"), parse, entities)

    assert found == ["urn:Inverness"]


def test_a_person_inside_another_noun_phrase_is_no_participant():
    sentence = "The big kiln is a gift from the family of Orla Penn."
    named = _named(sentence, "big kiln", "gift", "family", "Orla Penn")

    assert typed_answers(sentence, named, _asked("who owns the big kiln?"), parse, entities) == []


def test_a_common_noun_of_the_asked_kind_is_the_kind_not_one_of_it():
    sentence = "The taster course teaches a basic skill first."
    named = _named(sentence, "taster course", "basic skill")
    asked = _asked("which skill does the taster course cover first?", kind="skill")
    asked.wh_phrase = ["which", "skill"]

    assert typed_answers(sentence, named, asked, parse, entities) == []


def test_a_plural_asked_noun_wants_several_things():
    sentence = "The taster course is followed by the Wheel Course."
    named = _named(sentence, "taster course", "Wheel Course")
    singular = _asked("which course follows the taster course?", kind="course")
    singular.wh_phrase = ["which", "course"]
    plural = _asked("which courses follow the taster course?", kind="courses")
    plural.wh_phrase = ["which", "courses"]

    assert typed_answers(sentence, named, singular, parse, entities) == ["urn:Wheel Course"]
    assert typed_answers(sentence, named, plural, parse, entities) == []


def test_a_second_person_named_anywhere_in_the_sentence_leaves_who_open():
    sentence = "Orla Penn glazes the mugs with the help of Dara Kent."
    named = _named(sentence, "Orla Penn", "mugs", "help", "Dara Kent")

    assert typed_answers(sentence, named, _asked("who finishes the mugs?"), parse, entities) == []


def test_two_names_in_apposition_are_one_referent_and_the_first_answers():
    sentence = "Cracked tiles go to the Roof Warden, Orla Penn, before noon."
    named = _named(sentence, "Cracked tiles", "Roof Warden", "Orla Penn", "noon")

    assert typed_answers(sentence, named, _asked("who hears about cracked tiles?"), parse, entities) == [
        "urn:Roof Warden"
    ]


@pytest.mark.parametrize(
    ("question", "mention", "placing"),
    [
        # The asked kind, and a word of the asked clause, place nothing the sentence must name.
        ("Which supplier sends the kiln shelves?", "supplier", False),
        ("Which glaze bucket holds the slip?", "glaze", False),
        ("When do the shelves get put up each week?", "up", False),
        ("Who can show me how to use the wheel?", "use", False),
        # A name beside the asked kind, or the verb's own argument, does.
        ("Which version of Kilnware does the studio run?", "Kilnware", True),
        ("Which supplier sends the kiln shelves?", "kiln shelves", True),
        ("Who fires the big kiln on a Saturday?", "Saturday", True),
    ],
)
def test_a_mention_in_the_wh_phrase_or_no_noun_places_nothing(question: str, mention: str, placing: bool):
    start = question.index(mention)

    assert incidental(question, (start, start + len(mention))) is not placing
