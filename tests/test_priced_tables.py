"""Amounts written after a currency sign ("£45") are amounts of that currency, and a comparison by a table's
column is read when the question names the column's head noun without every modifier ("the higher fee" of
"Monthly studio fee"), unless two columns share that head."""

from __future__ import annotations

import pytest
from note_graph import answer_labels
from test_open_extraction import opened_notes

from kg.amounts import read_amount

STUDIO = """# Kiln Lane Pottery Studio

## Memberships

| Membership | Monthly studio fee | Shelf space |
| --- | --- | --- |
| Day member | £45 | 1 shelf |
| Key holder | £70 | 2 shelves |

## Firing

| Kiln | Firing fee | Glaze fee |
| --- | --- | --- |
| Big kiln | £12 | £8 |
| Test kiln | £5 | £9 |
"""


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("studio"), {"studio.md": STUDIO})


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("£45", "pound", 45.0, 45.0),
        ("$12.50 a month", "dollar", 12.5, 12.5),
        ("up to €1,200", "euro", None, 1200.0),
        ("between £5 and £10", "pound", 5.0, 10.0),
    ],
)
def test_an_amount_after_a_currency_sign_is_of_that_currency(text: str, unit: str, low, high):
    amount = read_amount(text)

    assert amount is not None
    assert (amount.unit, amount.low, amount.high) == (unit, low, high)


@pytest.mark.parametrize(
    ("question", "winner"),
    [
        ("Which has the higher fee, a day member or a key holder?", "Key holder"),
        ("Which has the lower fee, a day member or a key holder?", "Day member"),
    ],
)
def test_a_column_named_by_its_head_noun_compares_the_rows(studio, question: str, winner: str):
    answer = studio.ask(question)

    assert answer.kind == "comparison"
    assert answer_labels(answer) == [winner]


def test_two_columns_with_the_asked_head_noun_compare_nothing(studio):
    # "Firing fee" and "Glaze fee" both end in "fee", and the two kilns stand on opposite sides of them.
    answer = studio.ask("Which has the higher fee, the big kiln or the test kiln?")

    assert answer.kind != "comparison"
