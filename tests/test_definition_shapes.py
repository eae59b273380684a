"""Sentences that say what a thing is without "X is a <kind>": the shapes of definition a note uses in passing.

- "The porter is the person who carries things": a definition, though "person" is no kind worth a fact; the
  concept is in the graph for its definition alone (it was left out: nothing else was said of it).
- "A belayer is someone who holds the rope": an indefinite pronoun a relative clause describes says what
  the belayer is, as "a person who" would.
- "We call these warning signs a snag": a naming verb with an object and the name says what a snag is.
- "The three whistles signal, which means stop rowing, ...": a relative clause of meaning glosses the
  signal; and a count in a compound of a singular head ("three whistles") is a word of its name, not a count.

A made-up quay's note stands for any note (``kg/ingest/pipeline.py``, ``kg/ingest/relations.py``).
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

QUAY = """# Quay Notes

## Roles

The porter is the person who carries things.

A belayer is someone who holds the rope for a climber.

## Signals

Watch for slack ropes and loose knots. We call these warning signs a "snag", and a snag is always logged.

The three whistles signal, which means stop rowing at once, is taught on the first day.
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
