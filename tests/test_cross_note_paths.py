"""A path of two steps that joins two notes' facts at a common noun answers below the line.

"Each order shows up as a ticket" in a kitchen's note and "Members show a ticket at the door" in a club's speak of
two tickets by one word; the graph makes one node of the word, and a path from the order through the ticket to
the members answered "What shows the ticket an order shows up as?" at 0.9 (``Engine._joined_across_notes``,
``CROSS_NOTE_PATH``). Within one note the same path keeps its confidence. And of two notes' definitions of one
word, the one from the note the question's other names belong to answers (``Engine._defined_here``). Made-up
notes stand for any notes.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from test_open_extraction import opened_notes

from kg.qa import ANSWER_THRESHOLD

KITCHEN = """# Kitchen Notes

## Orders

Each order shows up as a ticket on the pass. An order is pencilled in red until the table has paid.
"""

CLUB = """# Club Notes

## Entry

Members show a ticket at the door, and guests show a ticket too.
"""

QUESTION = "What shows the ticket an order shows up as?"


@pytest.mark.slow
def test_a_path_joining_two_notes_at_a_common_noun_answers_below_the_line(tmp_path):
    notes = opened_notes(tmp_path, {"kitchen.md": KITCHEN, "club.md": CLUB})
    reply = notes.ask(QUESTION)
    assert not (reply.kind == "relation" and reply.confidence >= ANSWER_THRESHOLD)
    assert "member" not in answer_labels(reply)


@pytest.mark.slow
def test_the_same_path_within_one_note_still_answers(tmp_path):
    notes = opened_notes(tmp_path, {"kitchen.md": KITCHEN + CLUB.split("\n", 2)[2]})
    reply = notes.ask(QUESTION)
    assert reply.confidence >= ANSWER_THRESHOLD
    assert sorted(answer_labels(reply)) == ["guest", "member"]


PIPELINES = """# CI Notes

## Runners

A runner is the machine that executes the jobs of a pipeline.

Every pipeline starts on a runner.
"""

RACE = """# Race Day

## Helpers

A runner is the volunteer who carries messages between the marshals.

The marshals stand at each corner.
"""


@pytest.mark.slow
def test_of_two_notes_definitions_of_one_word_the_question_s_other_names_choose(tmp_path):
    notes = opened_notes(tmp_path, {"ci.md": PIPELINES, "race.md": RACE})
    reply = notes.ask("What is a runner in a pipeline?")
    assert reply.kind == "definition"
    assert "executes the jobs" in reply.answer
