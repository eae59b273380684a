"""Cells of a statement table and items under a singular label: what they are said of is kept.

The note below was written for these tests in the style of third-party study notes: a two-column table
of duties whose cells have no subject of their own, and a label in the singular over a list of names.
Its product names are coined.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from test_bullet_notes import values
from test_open_extraction import built, built_note, named, relations

from kg.namespaces import KGO

NOTE = """# Harbour services

## Quaylink Overview

- Quaylink runs the cranes of the harbour.
- Quaylink charges per container moved.
- Self-service berth
  - Quaylink Dock North
  - Quaylink Dock South

## Shared duties

| **Quaylink Duties**                          | **Shipper Duties**                          |
| -------------------------------------------- | ------------------------------------------- |
| Servicing the cranes before every season     | Labelling each container with its manifest  |
| Keeping the berth lights working at night    | Booking a berth two days ahead of arrival   |
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "harbour.md", NOTE)


def mentioned_by(graph: Graph, quote: str) -> set[str]:
    """Return the labels of the concepts the kept sentence ``quote`` mentions."""
    nodes = [s for s in graph.subjects(KGO.quote, Literal(quote)) if (s, RDF.type, KGO.Sentence) in graph]
    assert len(nodes) == 1, quote
    return {str(graph.value(c, RDFS.label)) for c in graph.objects(nodes[0], KGO.mentions)}


def test_a_cell_with_no_subject_is_kept_with_the_column_it_stands_in(graph: Graph):
    assert {"Quaylink", "Quaylink Duty"} <= mentioned_by(graph, "Servicing the cranes before every season")
    # A header that names no thing the note writes elsewhere is still the cell's column.
    assert "Shipper Duty" in mentioned_by(graph, "Booking a berth two days ahead of arrival")


def test_a_header_name_and_plural_noun_gives_the_name_each_cell_in_that_role(graph: Graph):
    quaylink = named(graph, "Quaylink")

    assert values(graph, quaylink, "duty") == {
        "Servicing the cranes before every season",
        "Keeping the berth lights working at night",
    }
    # The other column's cells are not the named thing's duties.
    assert not any("Labelling" in v or "Booking" in v for v in values(graph, quaylink, "duty"))


def test_names_under_a_singular_label_are_of_the_kind_it_names(graph: Graph):
    kind = named(graph, "Self-service berth")

    assert (named(graph, "Quaylink Dock North"), RDF.type, kind) in graph
    assert (named(graph, "Quaylink Dock South"), RDF.type, kind) in graph
    assert (named(graph, "Quaylink"), RDF.type, kind) not in graph


CONTENTS = """# Harbour

- [Harbour](#harbour)
  - [Quaylink](#quaylink)
  - [Berths](#berths)

## Quaylink

- Operates the cranes of the harbour.

## Berths

- Booked two days ahead.
"""


def test_a_table_of_contents_is_no_sentence_and_its_headings_stay_the_sections_things(tmp_path):
    path = tmp_path / "contents.md"
    path.write_text(CONTENTS, encoding="utf-8")
    graph = built(path)
    report = graph.report  # type: ignore[attr-defined]

    assert report.sentences == 2
    assert report.without_facts == []
    assert not any(str(q) == "Quaylink" for q in graph.objects(None, KGO.quote))
    # The heading is named in the contents, and its section's bullets are said of it.
    assert relations(graph, named(graph, "Quaylink"), named(graph, "crane")) == {"operate"}


TYPES = """# Harbour

## Quay crane

- Types include the Gantry Crane and the Luffing Crane.

## Harbour Tug

- The Harbour Tug pushes the Gantry Crane barge.
- Types include the Pusher Tug and several smaller boats for the marina.
"""


def test_the_types_a_bullet_lists_are_kinds_of_the_sections_thing(tmp_path):
    path = tmp_path / "types.md"
    path.write_text(TYPES, encoding="utf-8")
    graph = built(path)
    crane = named(graph, "Quay crane")

    assert (named(graph, "Gantry Crane"), RDF.type, crane) in graph
    assert (named(graph, "Luffing Crane"), RDF.type, crane) in graph
    for kind in ("Gantry Crane", "Luffing Crane"):  # "types" names no thing that contains them
        assert "Type" not in {str(graph.value(s, RDFS.label)) for s in graph.subjects(None, named(graph, kind))}
    # A list with a member that is no name is not read in part.
    assert not any(True for _ in graph.subjects(RDF.type, named(graph, "Harbour Tug")))
