"""A question word the parse reads as a clause's verb asks for a relation, whatever concept a note made of
it (``kg.question.acting_verbs``); a verb that fills another's argument names an event. Real parser."""

from __future__ import annotations

import pytest

from kg.question import acting_verbs

pytestmark = pytest.mark.slow


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_a_gerund_with_its_own_object_after_a_preposition_is_a_verb():
    # "from *leaving* the pot": a clause of its own (pcomp), its object the pot.
    text = "Which lid keeps the steam from leaving the pot?"
    names = (_span(text, "steam"), _span(text, "pot"))

    assert acting_verbs(text, names, (_span(text, "leaving"),)) == {_span(text, "leaving")}


def test_a_gerund_that_is_the_subject_names_an_event():
    text = "Does glazing a pot change its colour?"
    names = (_span(text, "pot"),)

    assert acting_verbs(text, names, (_span(text, "glazing"),)) == frozenset()
