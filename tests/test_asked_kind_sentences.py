"""A question that asks which kind of X is answered from a sentence about one of X's kinds.

"Which kind of lathe is the usual choice ...?" names only "lathe"; the sentence that answers speaks of
"a treadle lathe", one of the kinds a list of the note counts. The sentences about the asked kind's kinds
and members compete with those about X, the classifier ("kind") is said by naming one of them, and the
sentence that says the whole question is chosen over closer ones that lack a word of it. A generic noun
("the usual *one*") is no name a sentence must say. Real parser and model, on a note of our own.
"""

from __future__ import annotations

import pytest
from note_graph import label_set, note_graph

pytestmark = pytest.mark.slow

NOTE = """# Turning shop

The turning shop makes chair legs and bowls.

## Lathes

The shop keeps three kinds of lathe:

- pole lathes
- treadle lathes
- engine lathes

A treadle lathe, which is the usual choice for chair legs, is worked by foot.

An engine lathe is driven by the mill's water wheel.

Pole lathes are kept in the yard.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory):
    return note_graph(tmp_path_factory.mktemp("lathes"), "lathes", NOTE)


def test_the_sentence_about_a_kind_of_the_asked_noun_answers_which_kind(graph):
    answer = graph.ask("Which kind of lathe is the usual choice for chair legs?")

    assert answer.kind == "sentence"
    assert label_set(answer) == {"treadle lathe"}, answer.answer
    assert [source["text"] for source in answer.sources] == [
        "A treadle lathe, which is the usual choice for chair legs, is worked by foot."
    ]


def test_a_generic_noun_is_no_name_the_sentence_must_say(graph):
    answer = graph.ask("Which sort of lathe is the usual one for chair legs?")

    assert answer.kind == "sentence", answer.answer
    assert "usual choice for chair legs" in answer.answer
    assert label_set(answer) <= {"treadle lathe"}


def test_another_kind_is_not_given_for_a_sentence_about_something_else(graph):
    answer = graph.ask("Which kind of lathe is driven by the water wheel?")

    assert label_set(answer) == {"engine lathe"}, answer.answer
