"""Yes/no verdicts read out of one quoted sentence where the question's word is not the sentence's.

Four readings of grammar, each tried on a made-up note: a clause set against the subject's own that fills
the asked role otherwise ("A runs on coal; B runs on oil": does B run on coal? no), an amount with its
bounds ("holds at most forty coils": sixty? no; thirty? yes), two events in the other order ("combed
before it is spun": combed after? no), and the question's verb said only under "without".
"""

from __future__ import annotations

import pytest
from note_graph import note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

NOTE = """# Ropeworks

## Power

The tar kettle runs on coal; the steam press runs on oil.

The rope walk is swept in spring, while the tar shed is painted in autumn.

## Storage

The drying loft holds at most forty coils.

## Launching

**Canoes** are launched only at the east slipway.

## Fibres

**Sisal fibre** is combed before it is spun.

**Flax** is spun without soaking.
"""


@pytest.fixture(scope="module")
def ropeworks(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("ropeworks"), "ropeworks", NOTE)


def verdict_of(graph: KnowledgeGraph, question: str) -> bool | None:
    """Return the yes/no value the answer gives, or None when it gives none."""
    answer = graph.ask(question)
    values = [a.get("value") for a in answer.answers]
    assert all(isinstance(v, bool) for v in values), answer.answer
    return values[0] if values else None


def test_a_contrasted_clause_that_fills_the_asked_role_otherwise_says_no(ropeworks: KnowledgeGraph):
    assert verdict_of(ropeworks, "Does the steam press run on coal?") is False


def test_clauses_with_different_verbs_settle_nothing(ropeworks: KnowledgeGraph):
    # The tar shed's clause says painting, the other sweeping: spring is not said of painting otherwise.
    assert verdict_of(ropeworks, "Is the tar shed painted in spring?") is None


def test_an_amount_outside_the_stated_bound_says_no_and_inside_says_yes(ropeworks: KnowledgeGraph):
    assert verdict_of(ropeworks, "Can the drying loft hold sixty coils?") is False
    assert verdict_of(ropeworks, "Can the drying loft hold thirty coils?") is True


def test_two_events_asked_in_the_other_order_say_no(ropeworks: KnowledgeGraph):
    assert verdict_of(ropeworks, "Is sisal fibre combed after it is spun?") is False


def test_the_questions_verb_said_only_under_without_says_no(ropeworks: KnowledgeGraph):
    assert verdict_of(ropeworks, "Is flax soaked before it is spun?") is False


# -- a modifier the sentence lacks, and an event said with the other part of speech -------------------------

KILN = """# Pottery Kiln

## Firing

The **bisque kiln** hardens raw clay but does not replace the **glaze kiln**.
"""


@pytest.fixture(scope="module")
def kiln(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("kiln"), "kiln", KILN)


def test_a_denial_answers_no_to_a_narrower_question(kiln: KnowledgeGraph):
    # What is not so at all is not so in any degree; the noun "replacement" is said by the verb "replace".
    assert verdict_of(kiln, "Is the bisque kiln a complete replacement for the glaze kiln?") is False
    assert verdict_of(kiln, "Does the bisque kiln fully replace the glaze kiln?") is False


def test_a_yes_says_nothing_of_a_degree_it_does_not_state(kiln: KnowledgeGraph):
    assert verdict_of(kiln, "Does the bisque kiln harden raw clay quickly?") is None


def test_a_restriction_the_question_states_says_yes(ropeworks: KnowledgeGraph):
    # "only at the east slipway": asked at the east slipway, the restriction is met (the parser hangs "only"
    # on the preposition); asked without it, nothing is said.
    assert verdict_of(ropeworks, "Are canoes launched at the east slipway?") is True
    assert verdict_of(ropeworks, "Are canoes launched at the west slipway?") is not True
