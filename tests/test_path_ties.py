"""Paths that fit a question equally well: the relation the question calls by its own label answers.

A note of our own: a table whose header names a column "Class" gives each bell a "class" value, and the
vocabulary's type relation also counts "class" among its names. Asked "what is the class of X", both
fit word for word; the column is the one the question names by its label, the type relation only by
one of its other names.
"""

from __future__ import annotations

import pytest
from note_graph import answer_labels, note_graph

from kg.api import KnowledgeGraph

pytestmark = pytest.mark.slow

BELLS = """# Church bells

A **ring** is a set of bells hung for change ringing.

## The ring at Saint Wilfrid's

| Bell | Class | Weight |
| --- | --- | --- |
| Tenor | Heavy swing | 900 kg |
| Treble | Light swing | 200 kg |

- The Tenor is rung last.
"""


@pytest.fixture(scope="module")
def bells(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return note_graph(tmp_path_factory.mktemp("bells"), "bells", BELLS)


@pytest.mark.parametrize(
    ("question", "expected"),
    [("What is the class of the Tenor?", "Heavy swing"), ("What is the weight of the Treble?", "200 kg")],
)
def test_a_column_named_by_the_question_answers_before_the_type_relation(
    bells: KnowledgeGraph, question: str, expected: str
) -> None:
    answer = bells.ask(question)
    assert answer_labels(answer) == [expected], answer.answer


def test_the_tenor_is_still_a_bell(bells: KnowledgeGraph) -> None:
    # The premise: the type relation holds too ("Tenor is a Bell"), so the two paths tie on words.
    found = bells.query('SELECT ?kind WHERE { ?t rdfs:label "Tenor" ; a ?k . ?k rdfs:label ?kind }')
    assert "bell" in {str(row[0]).lower() for row in found}
