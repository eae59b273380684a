""" "What is the N called?": the name a note gives the one N with a naming verb ("the N, which everyone calls X")."""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from test_open_extraction import opened_notes

YARD = """# Boat yard

## Sheds

The old boat shed, which everyone calls the Ark, holds the winter lay-ups. The paint store is kept locked.

## Membership

A slipway party is a small crew of three that hauls boats out at low tide. Berths are booked through Harbour
Dues Online (HDOL), the town's web service. Most owners keep their boats on the quay as per the harbour
terms.

Mooring rights are handed out each spring. They are offered by the Harbour Pilots Guild (HPG), which is free and
meets entirely on the slipway.
"""


@pytest.fixture(scope="module")
def yard(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("yard"), {"yard.md": YARD})


@pytest.mark.parametrize("question", ["What is the old boat shed called?", "What is the old boat shed also known as?"])
def test_what_the_n_is_called_is_the_name_a_naming_verb_gives_it(yard, question):
    assert answer_labels(yard.ask(question)) == ["Ark"]


def test_a_thing_no_sentence_names_is_not_given_another_name(yard):
    assert answer_labels(yard.ask("What is the paint store called?")) == []


def test_a_short_form_in_a_question_finds_the_sentence_that_names_it_in_full(yard):
    answer = yard.ask("Is the HPG free?")
    assert answer_labels(answer) == [True], answer.answer


def test_a_short_form_whose_letters_run_inside_a_word_of_its_name_is_recorded(yard):
    # "Online" gives both the O and the L: no reading of initials finds the name.
    assert "Harbour Dues Online" in yard.ask("What does HDOL stand for?").answer


@pytest.mark.parametrize("question", ["What is a slipway party in harbour terms?", "What is a slipway party?"])
def test_a_setting_named_after_in_with_nouns_before_it_is_no_part_of_what_is_asked(yard, question):
    assert "small crew of three" in yard.ask(question).answer
