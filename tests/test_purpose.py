"""Questions that ask what a thing is for, answered by the grammar of purpose in the sentence that names it.

"What is the brass bell for?" names no relation: a note says the purpose with "to", "so (that)", "in order
to" or "for" and a gerund, in the clause that names the thing (``kg.purpose``, ``SentenceAnswerer.purpose``).
The same module keeps a path of relations that say no purpose from answering (``Engine._purpose_unsaid``).
Also pinned here: a choice graded by amount ("Who pays less, A or B?") is not answered by a sentence that
states only one option's amount (``ChoiceAnswerer._grades_verb``). A made-up boathouse's note stands for any.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from test_open_extraction import opened_notes

from kg.purpose import purpose_in, purpose_question
from kg.question import parse

BOATHOUSE = """# Tern Point Boathouse

## On the landing stage

The brass bell is rung at dusk to call the crews in. Each crew gets an orange flag so the bank runner can
tell the boats apart from the shore. The long hook is kept by the slipway for lifting fouled lines. The red
buoy is not used to mark the channel.

The dory is a light boat that lands on open beaches.

## Fees

Members pay a yearly fee of £80, plus £3 for each outing. Students row on Sunday mornings.
"""


@pytest.fixture(scope="module")
def boathouse(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("boathouse"), {"boathouse.md": BOATHOUSE})


def asked(question: str) -> tuple[str, str | None] | None:
    """Return the words a purpose question asks about and its own verb, or None for another shape."""
    found = purpose_question(question, parse)
    return None if found is None else (question[found.span[0] : found.span[1]], found.verb)


def test_a_stranded_for_after_what_asks_a_purpose():
    assert asked("What's the brass bell for?") == ("the brass bell", None)
    assert asked("What is the long hook used for?") == ("the long hook", None)
    assert asked("What do we use the orange flags for?") == ("the orange flags", None)
    assert asked("What is the bell rung for?") == ("the bell", "ring")


def test_a_for_with_its_own_object_or_a_wh_phrase_with_a_noun_asks_no_purpose():
    assert asked("Which club does the coach work for?") is None
    assert asked("What is the fee for juniors?") is None
    assert asked("What is the bell?") is None
    assert asked("What is RSVP short for?") is None  # an adjective's "for"


def purpose(sentence: str, name: str, verb: str | None = None) -> str | None:
    return purpose_in(parse(sentence), [name.split()], verb)


def test_the_grammar_of_purpose_in_the_clause_that_names_the_thing():
    assert purpose("The bell is rung at dusk to call the crews in.", "bell") == "to call the crews in"
    assert purpose("Each crew gets a flag so the runner can spot them.", "flag") == "so the runner can spot them"
    assert (
        purpose("Write it in the logbook, so that the warden can fix it.", "logbook") == "so that the warden can fix it"
    )
    assert purpose("The tongs are kept by the grill in order to turn the fish.", "tongs") == "in order to turn the fish"
    assert purpose("The hook is kept for lifting lines.", "hook") == "for lifting lines"
    assert purpose("The hook is for the lines.", "hook") == "for the lines"
    # What the thing itself does, for the purpose said, is its use: its predicate from the verb on.
    assert purpose("The horn sounds at noon to warn the crews.", "horn") == "sounds at noon to warn the crews"


def test_what_a_deed_is_done_with_is_used_for_that_deed():
    assert purpose("Each spring the cracks are filled with pitch, which is kept in the shed.", "pitch") == (
        "Each spring the cracks are filled"
    )
    assert purpose("We seal the seams with wax.", "wax") == "We seal the seams"
    assert purpose("The cottage comes with a kettle.", "kettle") is None
    assert purpose("Ann walks to the quay with Bob.", "bob") is None


def test_no_purpose_from_a_duration_a_denial_another_verb_or_another_clause():
    assert purpose("The hall is booked for two hours.", "hall") is None
    assert purpose("The buoy is not used to mark the channel.", "buoy") is None
    assert purpose("The bell is rung at dusk to call the crews in.", "bell", verb="polish") is None
    assert purpose("The bell hangs by the door, and the crews row hard to reach it.", "bell") is None


@pytest.mark.slow
def test_what_a_thing_is_for_is_answered_by_the_sentence_that_gives_its_purpose(boathouse):
    bell = boathouse.ask("What is the brass bell for?")
    assert answer_labels(bell) == ["to call the crews in"]
    assert bell.kind == "sentence" and bell.sources[0]["text"].startswith("The brass bell is rung")
    assert answer_labels(boathouse.ask("What are the orange flags used for?")) == [
        "so the bank runner can tell the boats apart from the shore"
    ]
    assert answer_labels(boathouse.ask("What do we use the long hook for?")) == ["for lifting fouled lines"]


@pytest.mark.slow
def test_with_no_purpose_said_what_the_thing_is_answers(boathouse):
    dory = boathouse.ask("What is the dory used for?")
    assert dory.kind == "definition" and "lands on open beaches" in dory.answer


@pytest.mark.slow
def test_a_denied_purpose_gives_no_answer(boathouse):
    assert answer_labels(boathouse.ask("What is the red buoy used for?")) == []


@pytest.mark.slow
def test_who_pays_less_is_not_answered_by_a_sentence_that_states_one_amount(boathouse):
    # The sentence says what members pay and nothing of students: that says nothing of who pays less.
    assert answer_labels(boathouse.ask("Who pays less in yearly fees, members or students?")) == []
    assert answer_labels(boathouse.ask("Who pays more, members or students?")) == []
