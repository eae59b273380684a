"""A relation whose object answers "where" gives no answer to "who".

"Questions about pay or rotas go to Ada Finch in the office" is read, among other facts, as pay being placed
in the office; walked from "pay", that relation gives the office, a place, and "Who should I talk to about my
pay?" was answered "office" with the facts' high confidence. The relation's own question word (the ontology's
"where" of "is placed in", read forwards whichever way the path walks it) says its object is where, not who
(``Engine._place_for_person``). A made-up boathouse's note stands for any note.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from test_open_extraction import opened_notes

BOATHOUSE = """# Boathouse Notes

## Who is who

Tom Vale is the captain and has the final say on anything on the water. Questions about pay or rotas go to Ada
Finch in the office, not to Tom.
The spare oars are kept in the boat shed.
"""


@pytest.fixture(scope="module")
def boathouse(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("boathouse"), {"boathouse.md": BOATHOUSE})


def test_who_is_not_answered_with_the_place_a_relation_of_place_gives(boathouse):
    assert "office" not in answer_labels(boathouse.ask("Who should I talk to if I have a question about my pay?"))


def test_where_is_still_answered_by_a_relation_of_place(boathouse):
    assert answer_labels(boathouse.ask("Where are the spare oars kept?")) == ["boat shed"]
