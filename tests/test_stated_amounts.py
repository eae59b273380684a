"""A choice between two options answered by the amounts one sentence states of each (``kg.stated_amounts``).

"The east pier is 40 metres long, while the west pier is only 25 metres" answers "Which pier is longer?"
though no fact records either length: each option is named in a stretch of its own (cut at the sentence's
punctuation), with one amount each, in one unit; the question's word of degree says which side wins. A
made-up harbour's note stands for any note.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from test_open_extraction import opened_notes

from kg.amounts import read_amounts
from kg.question import parse
from kg.stated_amounts import asked_side, stated_amounts

HARBOUR = """# Pellow Harbour

## Moorings

East berths take boats up to 14 metres, but the west berths only take 9 metres, so send big yachts east.

Members pay a mooring fee of £400 (£250 for fishing boats under 10 metres and dinghies), plus £5 a night
for water.

The slipway is open from dawn, and the crane runs on Tuesdays.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("harbour"), {"harbour.md": HARBOUR})


def amounts(sentence: str, *options: str):
    return stated_amounts(parse(sentence), [[option.split()] for option in options])


def test_each_option_s_own_stretch_gives_its_amount():
    said = "The east pier is 40 metres long, while the west pier is only 25 metres."
    assert amounts(said, "east pier", "west pier") == [(40.0, "metre"), (25.0, "metre")]
    assert amounts("Members pay £80 (£30 for students).", "members", "students") == [(80.0, "pound"), (30.0, "pound")]


def test_no_amounts_when_one_stretch_names_both_or_the_units_differ():
    assert amounts("The east and west piers are 40 metres and 25 metres long.", "east", "west") is None
    assert (
        amounts("The east pier is 40 metres long, while the west pier takes 25 boats.", "east pier", "west pier")
        is None
    )
    assert (
        amounts("The east pier is 40 metres long, while the west pier is 40 metres too.", "east pier", "west pier")
        is None
    )


def test_a_conjunction_after_a_number_is_no_unit():
    assert [a.unit for a in read_amounts("£25 for juniors under 18 and students")] == ["pound"]


def test_the_question_s_word_of_degree_says_which_side_wins():
    assert asked_side(parse("Which pier is bigger, A or B?"), "metre") == 1
    assert asked_side(parse("Who is charged less, A or B?"), "pound") == -1
    assert asked_side(parse("Which is cheaper, A or B?"), "pound") == -1
    assert asked_side(parse("Which is more expensive, A or B?"), "pound") == 1
    assert asked_side(parse("Which of them lasts longer?"), "minute") == 1
    # "longer" of metres is no time: WordNet's "long" grades time (and length, which no unit here says).
    assert asked_side(parse("Which of them is longer?"), "metre") == 0
    assert asked_side(parse("Which is nicer, A or B?"), "pound") == 0


@pytest.mark.slow
def test_a_choice_is_answered_by_the_amounts_its_sentence_states(harbour):
    assert answer_labels(harbour.ask("Which berths take bigger boats, the east berths or the west berths?")) == [
        "east berth"
    ]
    assert answer_labels(harbour.ask("Which berths take smaller boats, the east berths or the west berths?")) == [
        "west berth"
    ]
    assert [label.lower() for label in answer_labels(harbour.ask("Who pays less, members or dinghies?"))] == ["dinghy"]
