"""A table's orientation read from its cells: one thing per row when each column holds one kind of value.

The note below was written for these tests, on a topic no development note touches (a glasshouse
nursery). Its table's heads are common words the text also uses ("heater", "keeper"), which alone would
make each column a thing; its cells say otherwise: host-like codes down one column, people down another.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from test_open_extraction import built_note, named

from kg.ingest.markdown import Block
from kg.ingest.structure import cell_shape, columns_alike

NOTE = """# Glasshouse nursery

Each heater is checked at dawn, and the keeper of a bench waters it before nine.

## Benches

| Bench   | Heater  | Keeper      |
| ------- | ------- | ----------- |
| north-1 | fan-07  | Ines Varga  |
| south-2 | pipe-03 | Ola Brandt  |
| west-3  | fan-11  | Ines Varga  |

If a heater trips, tell the keeper before you reset it.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "glasshouse.md", NOTE)


def said(graph: Graph, subject: URIRef, predicate_label: str) -> set[str]:
    """Return what ``subject`` has under the predicate labelled ``predicate_label``: values or labels."""
    return {
        str(o) if isinstance(o, Literal) else str(graph.value(o, RDFS.label))
        for p, o in graph.predicate_objects(subject)
        if str(graph.value(p, RDFS.label)) == predicate_label
    }


def test_a_table_whose_columns_each_hold_one_kind_of_value_has_one_thing_per_row(graph: Graph):
    assert said(graph, named(graph, "north-1"), "keeper") == {"Ines Varga"}
    assert said(graph, named(graph, "south-2"), "heater") == {"pipe-03"}


def test_its_rows_are_not_read_as_properties_of_its_columns(graph: Graph):
    labels = {str(graph.value(p, RDFS.label)) for p in graph.predicates() if isinstance(p, URIRef)}
    assert "north-1" not in labels and "west-3" not in labels


def test_a_cells_shape_keeps_its_signs_and_collapses_each_run():
    assert cell_shape("Ines Varga") == "Xx Xx"
    assert cell_shape("fan-07") == "x-d"
    assert cell_shape("90  days") == "d x"


def block(header: list[str], rows: list[list[str]]) -> Block:
    return Block(kind="table", section=("Benches",), line=1, header=header, rows=rows)


def test_columns_alike_tells_values_down_columns_from_values_across_rows():
    per_row = block(["Bench", "Heater", "Keeper"], [["a", "fan-07", "Ines Varga"], ["b", "pipe-03", "Ola Brandt"]])
    per_column = block(
        ["", "Kickwheel", "Motorwheel"],
        [["Power", "Foot", "Mains"], ["Speed", "120 rpm", "250 rpm"], ["Weight", "40 kg", "25 kg"]],
    )
    assert columns_alike(per_row)
    assert not columns_alike(per_column)
    assert not columns_alike(block(["Bench", "Heater", "Keeper"], [["a", "fan-07", "Ines Varga"]]))  # one row
