"""Sentences that say what a thing is without "X is a <kind>": the shapes of definition a note uses in passing.

- "The porter is the person who carries things": a definition, though "person" is no kind worth a fact; the
  concept is in the graph for its definition alone (it was left out: nothing else was said of it).
- "A belayer is someone who holds the rope": an indefinite pronoun a relative clause describes says what
  the belayer is, as "a person who" would.
- "We call these warning signs a snag": a naming verb with an object and the name says what a snag is; so
  does a relative clause of naming ("the old winch, which everyone calls Growler", "the crane that the crews
  call Big Ada") and a free relative ("is what we call a knot-up").
- "Two missed briefings is a "red mark"": quotation marks set off the copula's complement as the term named;
  "pump out the sump — that's the well under the floor —": an aside opened by "that is" glosses its noun.
- "The three whistles signal, which means stop rowing, ...": a relative clause of meaning glosses the
  signal; and a count in a compound of a singular head ("three whistles") is a word of its name, not a count.

A definition question that says more of its subject ("What is a belayer, the person at the wall?", "What is the
porter you mention?") asks what the name is (``kg.rereadings.bare_definition_question``).

A made-up quay's note stands for any note (``kg/ingest/pipeline.py``, ``kg/ingest/relations.py``).
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

from kg.question import Reading
from kg.rereadings import bare_definition_question
from kg.text import tokenize

QUAY = """# Quay Notes

## Roles

The porter is the person who carries things.

A belayer is someone who holds the rope for a climber.

## Signals

Watch for slack ropes and loose knots. We call these warning signs a "snag", and a snag is always logged.

The three whistles signal, which means stop rowing at once, is taught on the first day.

## Kit

Boats are hauled up by the old winch, which everyone calls "Growler". The tall jib by the gate is the crane that
the crews call Big Ada, and it lifts the eights. Two ropes crossed on a cleat is what we call a "knot-up".

Two missed briefings in a month is a "red mark", which is noted in the captain's book.

After the last outing, pump out the sump — that's the well under the boathouse floor — and lock up.
"""


@pytest.fixture(scope="module")
def quay(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("quay"), {"quay.md": QUAY})


def defined(reply) -> str:
    """Return the definition a reply gives, or "" when it gives none."""
    return reply.answer if reply.kind == "definition" and reply.answers else ""


@pytest.mark.slow
def test_a_role_defined_by_a_relative_clause_is_in_the_graph(quay):
    assert "carries things" in defined(quay.ask("What is the porter?"))
    assert "carries things" in defined(quay.ask("What does the porter do?"))


@pytest.mark.slow
def test_someone_who_says_what_a_thing_is(quay):
    assert "holds the rope" in defined(quay.ask("What is a belayer?"))


@pytest.mark.slow
def test_a_name_a_naming_verb_gives_is_defined_by_its_sentence(quay):
    assert "warning signs" in defined(quay.ask("What is a snag?"))


@pytest.mark.slow
def test_a_relative_clause_of_meaning_glosses_a_name_with_a_count_in_it(quay):
    assert "stop rowing" in defined(quay.ask("What is the three whistles signal?"))
    # Not the day it is taught on: that is no answer to what it is.
    assert "first day" not in [a.get("label") for a in quay.ask("What is the three whistles signal?").answers]


@pytest.mark.slow
def test_a_relative_clause_of_naming_says_what_its_name_is(quay):
    assert "old winch" in defined(quay.ask("What is Growler?"))
    assert "tall jib" in defined(quay.ask("What is Big Ada?"))
    assert "ropes crossed" in defined(quay.ask("What is a knot-up?"))


@pytest.mark.slow
def test_a_term_in_quotation_marks_after_the_copula_is_defined_by_its_sentence(quay):
    assert "missed briefings" in defined(quay.ask("What is a red mark?"))


@pytest.mark.slow
def test_an_aside_opened_by_that_is_glosses_the_noun_before_it(quay):
    assert "well under the boathouse floor" in defined(quay.ask("What is the sump?"))


def bare(question: str) -> str | None:
    tokens = tokenize(question)
    words = [t for t in tokens if t.is_word]
    return bare_definition_question(Reading(question, tokens, words, [], [], set(), None, False))


def test_a_definition_question_said_with_more_words_asks_for_the_name():
    assert bare("What is Growler, the thing on the slip?") == "What is Growler?"
    assert bare("What's the sump you mention for locking up?") == "What's the sump?"
    assert bare("What is the lamp on the mast?") is None  # the phrase may tell which key is meant
    assert bare("What is Growler?") is None
    assert bare("What is the boom attached to?") is None  # asks what the phrase leaves out
    assert bare("What is a mooring that boats are tied to?") == "What is a mooring?"


@pytest.mark.slow
def test_a_defined_name_said_with_more_words_is_defined(quay):
    assert "holds the rope" in defined(quay.ask("What is a belayer, the person at the wall?"))
    assert "carries things" in defined(quay.ask("What is the porter you mention in the roles?"))
