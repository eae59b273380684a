"""A question that grades a noun ("which takes *more time*?") answered by a note's comparative ("longer").

WordNet's definitions say which amount an adjective's first sense means more or less of ("long": a great
duration or passage of time; "cheap": low in price), read into ``data/measures.tsv`` by
``scripts/make_measures.py``; ``kg.measures`` looks a comparative up by its lemmas and adjective synonyms.
A made-up pottery note stands for any note: nothing here comes from a development or test question.
"""

from __future__ import annotations

import pytest
from test_open_extraction import opened_notes

from kg.measures import amount_side, grading_side, measure_table
from kg.namespaces import data_dir

POTTERY = """# Pottery Studio Notes

## Firing

A glaze firing takes longer than a bisque firing, because the kiln has to climb to a higher peak and cool
slowly. The gas kiln is cheaper to run than the electric kiln, but only Mara Quist may light it.

## Clay

Stoneware clay is heavier than paper clay, so beginners start with paper clay on the small wheels.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("pottery"), {"pottery.md": POTTERY})


@pytest.mark.parametrize(
    ("question", "winner"),
    [
        ("Which takes more time, a glaze firing or a bisque firing?", "glaze firing"),
        ("Which takes less time, a glaze firing or a bisque firing?", "bisque firing"),
        ("Which kiln has a lower running cost, the gas kiln or the electric kiln?", "gas kiln"),
        ("Which kiln has the higher running cost, the gas kiln or the electric kiln?", "electric kiln"),
        ("Which clay has more weight, stoneware clay or paper clay?", "stoneware clay"),
        ("Which clay has less weight, stoneware clay or paper clay?", "paper clay"),
    ],
)
def test_a_graded_amount_is_answered_by_the_comparative_that_means_it(notes, question: str, winner: str):
    answer = notes.ask(question)
    assert answer.kind == "comparison" and answer.answers, answer.answer
    assert answer.answers[0].get("label").lower() == winner, answer.answer


def test_an_amount_no_definition_speaks_of_is_not_answered(notes):
    answer = notes.ask("Which takes more space, stoneware clay or paper clay?")
    assert not answer.answers, answer.answer


def test_amount_sides():
    assert amount_side("longer", "time") == 1 and amount_side("slower", "time") == 1
    assert amount_side("shorter", "time") == -1 and amount_side("faster", "time") == -1
    assert amount_side("quicker", "time") == -1  # by its synonym "fast"
    assert amount_side("cheaper", "cost") == -1 and amount_side("hotter", "temperature") == 1
    assert amount_side("heavier", "weights") == 1 and amount_side("lighter", "weight") == -1
    assert amount_side("cheaper", "time") == 0 and amount_side("louder", "weight") == 0
    assert grading_side("more") == 1 and grading_side("lower") == -1 and grading_side("fewer") == -1
    assert grading_side("quicker") == 0


def test_the_measure_table_is_present_and_well_formed():
    lines = (data_dir() / "measures.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("WordNet 3.0" in line for line in header) and any("WORDNET-LICENSE" in line for line in header)
    assert 2000 < len(rows) < 10000 and all(len(row) == 3 and row[2] in "+-" for row in rows)
    assert rows == sorted(rows) and ["long", "time", "+"] in rows and ["cheap", "price", "-"] in rows
    assert measure_table()["short"]["duration"] == -1


def test_the_attribute_table_names_what_an_adjective_measures():
    from kg.measures import attribute_nouns, attribute_table

    lines = (data_dir() / "attributes.tsv").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("WordNet 3.0" in line for line in header) and any("WORDNET-LICENSE" in line for line in header)
    assert 500 < len(rows) < 5000 and all(len(row) == 3 and row[2] in ("+", "-", "?") for row in rows)
    assert rows == sorted(rows) and ["heavy", "weight", "+"] in rows and ["short", "length", "-"] in rows
    assert {"length", "duration"} <= attribute_nouns("longer") and "weight" in attribute_nouns("heavy")
    assert attribute_nouns("quickly") == frozenset() and attribute_table()["fast"]["speed"] == 1
    # The glosses' table takes the attributes' sides where it lacks them: "longer" is more length.
    assert amount_side("longer", "length") == 1 and amount_side("shorter", "length") == -1
