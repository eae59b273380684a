"""Facts that together account for a question: "What does X use to clean its lens?" over "X uses SHINE" and
a table's "Lens cleaning | ... | SHINE".

Neither fact names every word of the question: "uses" leaves "clean" and "lens" unsaid, the table's
property leaves "use" unsaid. The answer stands in both, so the two account for the question together
(``kg.qa.Engine._said_by_parallel_facts``). Before, the property's answer was short of the line and the
question was answered by quoting the table row. A note of our own; real parser and model.
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

pytestmark = pytest.mark.slow

LAMPS = """# Signal lamps

## Comparison

| Feature       | Harbour lamp | Pier lamp |
| ------------- | ------------ | --------- |
| Lens cleaning | KLEEN        | SHINE     |
| Light source  | Oil wick     | LED       |

The Pier lamp therefore uses **SHINE**, a spirit that dries fast.
"""


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("lamps"), {"lamps.md": LAMPS})


def test_two_facts_with_one_answer_account_for_the_question_together(kg):
    answer = kg.ask("What does the Pier lamp use to clean its lens?")

    assert answer.kind == "relation", answer.answer
    assert [a["label"] for a in answer.answers] == ["SHINE"]


def test_one_fact_alone_does_not_account_for_the_words_it_leaves_unsaid(kg):
    # No fact says the Harbour lamp uses anything: the table row is quoted, below the line for facts.
    answer = kg.ask("What does the Harbour lamp use to clean its lens?")

    assert answer.kind != "relation", answer.answer


def test_words_no_fact_names_are_still_unaccounted_for(kg):
    assert not kg.ask("What does the Pier lamp use to clean its windows?").answers
