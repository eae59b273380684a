"""Tables read by their shape: one thing per row, values in a row of a compared table, "has no X".

The note below was written for these tests, on a topic no development note touches (a pottery
studio), in the style of the notes: a table of codes whose other columns are properties, a table
comparing two named things whose rows are properties with values (capitalised, as table rows often
are), and a sentence that denies an object with "no".
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS
from test_bullet_notes import values
from test_open_extraction import built, named, relations

from kg.namespaces import KGO

NOTE = """# Pottery studio

A **kiln** is an oven that has no lid. The **Kickwheel** is quiet, and the **Motorwheel** is fast.

## Kiln programs

| Program | Purpose                   | Peak             |
| ------- | ------------------------- | ---------------- |
| `BSQ`   | Harden raw clay           | 1000 C           |
| `GLZ`   | Melt the glaze onto a pot | 1240 C           |
| `CNE`   | Cool slowly               | room temperature |

## Wheels compared

| Feature  | Kickwheel     | Motorwheel  |
| -------- | ------------- | ----------- |
| Power    | Foot          | 230 V motor |
| Speed    | Up to 120 rpm | 0-250 rpm   |
| Portable | No            | Yes         |
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    path = tmp_path_factory.mktemp("shapes") / "pottery.md"
    path.write_text(NOTE, encoding="utf-8")
    return built(path)


def test_a_table_whose_other_columns_no_sentence_names_has_one_thing_per_row(graph: Graph):
    glaze_firing = named(graph, "GLZ")

    assert values(graph, glaze_firing, "purpose") == {"Melt the glaze onto a pot"}
    assert values(graph, glaze_firing, "peak") == {"1240 C"}
    # The first column's head says what each row's thing is: under "## Kiln programs", a kiln program (a kind
    # of program).
    kinds = {t for t in graph.objects(glaze_firing, RDF.type)}
    assert {str(graph.value(t, RDFS.label)) for t in kinds} >= {"Kiln program"}
    assert any(str(graph.value(p, RDFS.label)) == "program" for t in kinds for p in graph.objects(t, RDFS.subClassOf))


def test_a_table_of_one_thing_per_row_makes_no_terms_of_its_cells(graph: Graph):
    terms = {str(graph.value(s, RDFS.label)) for s in graph.subjects(RDF.type, KGO.Term)}
    equivalent = list(graph.subject_objects(KGO.equivalentTo))

    assert "Harden raw clay" not in terms
    assert equivalent == []


def test_a_capitalised_row_of_values_is_a_property_of_each_column_thing(graph: Graph):
    kick, motor = named(graph, "Kickwheel"), named(graph, "Motorwheel")

    assert values(graph, kick, "speed") == {"Up to 120 rpm"}
    assert values(graph, motor, "power") == {"230 V motor"}
    assert values(graph, motor, "portable") == {"Yes"}
    assert not any(isinstance(o, Literal) and str(o) == "No" for o in graph.objects(motor, None))


def test_an_object_with_no_is_denied_not_asserted(graph: Graph):
    kiln, lid = named(graph, "kiln"), named(graph, "lid")

    assert relations(graph, kiln, lid) == {"does not have"}
