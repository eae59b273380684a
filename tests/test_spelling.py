"""Misspelt question words are read as the graph's words one edit away (kg/spelling.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from note_graph import answer_labels, note_graph

from kg.api import KnowledgeGraph
from kg.spelling import Speller

VOCABULARY = [
    "The kiln fires clay pots.",
    "A glazing kiln glazes tiles.",
    "Potters shape clay on a wheel.",
    "Sort the pots.",
]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("wat does the kiln creat", "what does the kiln creat"),  # no word of the graph is one edit from "creat"
        ("which potetrs shape clya", "which potters shape clay"),
        ("whcih potters shape clay", "which potters shape clay"),  # two letters swapped
    ],
)
def test_a_word_one_edit_from_one_graph_or_closed_class_word_is_read_as_it(typed: str, meant: str):
    speller = Speller(VOCABULARY)

    assert speller.correct(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "Does the kiln fire bowls?",  # "bowls": an English word the graph lacks stays
        "Is the Kilm hot?",  # a capital: a name, left as typed
        "Does the kiln fire at 1200C?",  # a digit
        "Is it ok?",  # two letters
    ],
)
def test_words_that_are_english_names_or_short_are_left_as_typed(typed: str):
    assert Speller(VOCABULARY).correct(typed) == typed


def test_a_word_an_english_word_the_graph_lacks_fits_as_well_is_left_as_typed():
    # "sjort": the graph's "sort", or "short"? Unclear, so unread: the question is not answered.
    speller = Speller(VOCABULARY)

    assert speller.word("sjort") == "sjort"
    assert speller.unread("what is the kiln sjort for") == ["sjort"]


def test_a_word_two_graph_words_fit_alike_is_left_as_typed():
    speller = Speller(["The cart and the card are kept."])

    assert speller.word("carx") == "carx"  # cart or card: unclear


@pytest.fixture(scope="module")
def kilns(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    note = "# Kilns\n\nA **glazing kiln** is a kiln that glazes tiles. The glazing kiln produces glazed tiles.\n"
    return note_graph(Path(tmp_path_factory.mktemp("kilns")), "kilns", note)


def test_a_misspelt_question_gets_the_answer_of_the_question_spelt_right(kilns: KnowledgeGraph):
    right = kilns.ask("What does the glazing kiln produce?")
    typed = kilns.ask("wat does the glazing kiln prodce")

    assert answer_labels(right) and answer_labels(typed) == answer_labels(right), typed.answer
    assert typed.question == "wat does the glazing kiln prodce"  # the question is repeated as asked


def test_a_character_reference_is_markup_not_a_misspelt_word():
    speller = Speller(["The potter's apes and pots."])

    assert speller.correct("who made the kiln &apos;s pots") == "who made the kiln &apos;s pots"


def test_a_typo_of_several_words_is_unread_and_a_word_near_none_is_not():
    speller = Speller(VOCABULARY)

    assert speller.unread("what does the kiln sjort") == ["sjort"]  # "sort" or "short"
    assert speller.unread("what does the kiln zorble") == []  # near no word: an unknown word, as any other
    assert speller.unread("what does the kiln fire") == []


def test_a_question_with_an_unreadable_word_is_not_answered_as_if_it_were_not_there(kilns: KnowledgeGraph):
    answer = kilns.ask("What does the glazing kiln sjort?")

    assert answer.answers == [] and '"sjort"' in answer.answer, answer.answer


def test_a_plain_form_of_a_word_the_notes_inflect_is_known():
    # "glamping" is in no dictionary; the notes say it inflected, the question plainly.
    speller = Speller(["Glamping and kayaking are offered by the lake."])

    assert speller.unread("can guests glamp by the lake") == []
    assert speller.word("glamp") == "glamp"


def test_an_inflection_of_a_word_the_notes_use_is_known():
    # "gzipped" is in no dictionary and one edit from an English word ("zipped"): it is the notes' "gzip" inflected.
    speller = Speller(["The rotated copies are compressed with gzip and synced with rsync."])
    assert speller.unread("Are the copies gzipped?") == []
    assert speller.unread("Are the copies rsyncing?") == []
    assert speller.correct("Are the copies gzipped?") == "Are the copies gzipped?"
