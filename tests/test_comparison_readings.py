"""Comparisons the small tagger half misreads: a comparative tagged as a noun ("is *quieter* than"), a side
named with a model number ("than the ASK 21"), and options said by their owner ("Wednesday's or
Saturday's?", the question's noun understood)."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph
from test_open_extraction import built_note, opened_notes

SHIFTS = """# Depot Shifts

## Crews

The sorting shift is quieter than the loading shift, and most people find it easier to learn. Our Sunday
crew tends to be larger than the Tuesday crew, since many regulars work weekdays.

## Gliders

The K-13, built in 1971, is the oldest aircraft on the field. It is slower and draggier than the ASK 21, but
its gentle stall makes it the machine most of you will have your first lessons in.
"""


@pytest.fixture(scope="module")
def shifts(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "shifts.md", SHIFTS)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory):
    return opened_notes(tmp_path_factory.mktemp("shifts"), {"shifts.md": SHIFTS})


def labels_of_statements(graph: Graph) -> set[tuple[str, str]]:
    out = set()
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, o = graph.value(st, RDF.subject), graph.value(st, RDF.object)
        out.add((str(graph.value(s, RDFS.label) or s), str(graph.value(o, RDFS.label) or o)))
    return out


def test_a_comparative_tagged_as_a_noun_is_a_comparison_not_a_name(shifts: Graph):
    said = labels_of_statements(shifts)
    assert not any(s == "quieter" for s, _ in said), said
    assert any("quieter than" in s for s, _ in said), said


def test_a_side_named_with_a_model_number(notes):
    answer = notes.ask("Which glider is faster, the K-13 or the ASK 21?")
    assert [a.get("label") for a in answer.answers] == ["ASK 21"], answer.text


def test_options_said_by_their_owner(notes):
    answer = notes.ask("Which crew is usually bigger, Tuesday's or Sunday's?")
    assert [a.get("label") for a in answer.answers] == ["Sunday crew"], answer.text
    answer = notes.ask("Which is noisier, the sorting shift or the loading shift?")
    assert [a.get("label") for a in answer.answers] == ["loading shift"], answer.text


def test_a_pronoun_is_never_a_concept(shifts: Graph):
    names = {str(label).lower() for label in shifts.objects(None, RDFS.label)}
    assert not names & {"it", "its", "they", "them"}, sorted(names)


EXTRACTORS = """# Honey House

## Extractors

The club's 9-frame radial extractor is faster than the older 4-frame tangential model kept as a spare,
because it empties both sides of a frame at once without turning.
"""


def test_a_measure_glued_to_its_unit_is_no_part_of_the_name(tmp_path_factory: pytest.TempPathFactory):
    graph = built_note(tmp_path_factory, "extractors.md", EXTRACTORS)
    names = {str(label) for label in graph.objects(None, RDFS.label)}
    assert {"radial extractor", "tangential model"} <= names, sorted(names)


def test_options_said_by_one_and_their_modifier(tmp_path_factory: pytest.TempPathFactory):
    notes = opened_notes(tmp_path_factory.mktemp("extractors"), {"extractors.md": EXTRACTORS})
    answer = notes.ask("Which of the two extractors is slower, the radial one or the tangential one?")
    assert [a.get("label") for a in answer.answers] == ["tangential model"], answer.text
