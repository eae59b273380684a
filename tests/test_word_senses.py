"""One word, two notes: a name each note defines differently is answered with both senses, each cited.

Two notes served together may give one word two meanings ("the Beast" of a bakery's mixer and of a rowing
club's heavy boat). "What is the Beast?" says nothing of which note it asks about: choosing one answers the
other note's reader wrongly, so the answer gives each note's definition with the note it came from
(``Engine._senses``). A question whose other names belong to one note still gets that note's definition
alone (``Engine._defined_here``), and a word one note defines keeps its single answer.

Two made-up notes stand for any pair of notes.
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

BAKERY = """# Bakery Notes

## Equipment

The Beast is the spiral mixer in the back room that kneads forty kilos of dough at a time.

The proving cabinet is the warm cupboard where the trays rise overnight.
"""

ROWING = """# Rowing Club Notes

## Boats

The Beast is the heavy wooden boat that novices learn in, because it is too broad to capsize.

The launch follows the crews on the river.
"""


@pytest.fixture(scope="module")
def two_notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("senses"), {"bakery.md": BAKERY, "rowing.md": ROWING})


@pytest.mark.slow
def test_a_word_two_notes_define_is_answered_with_both_senses_each_cited(two_notes):
    reply = two_notes.ask("What is the Beast?")
    assert reply.kind == "definition"
    assert "spiral mixer" in reply.answer and "wooden boat" in reply.answer
    assert {a["document"] for a in reply.answers} == {"bakery.md", "rowing.md"}
    assert {s["document"] for s in reply.sources} == {"bakery.md", "rowing.md"}


@pytest.mark.slow
def test_a_word_one_note_defines_keeps_its_one_definition(two_notes):
    reply = two_notes.ask("What is the proving cabinet?")
    assert "warm cupboard" in reply.answer
    assert len(reply.answers) == 1
