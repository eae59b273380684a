"""A parent item that counts the items under it ("comes in 3 bodies", "Two glazes:") types each of them.

The note below was written for these tests, on a topic no development note touches (a pottery
studio), in the terse style of the third-party notes: the count is a parent bullet, not a paragraph
ending in a colon, and an item's label may carry its short form in brackets.
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS
from test_open_extraction import built, built_note, kinds_of, named, relations

NOTE = """# Pottery studio

- clay comes in 3 bodies
  - earthenware (EW): the softest
  - stoneware (SW): dense once fired
  - porcelain: white and hard
- Two glazes:
  - **Matte glaze** — dries dull. Suits vases.
  - **Gloss glaze** — dries shiny
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return built_note(tmp_path_factory, "pottery.md", NOTE)


def test_items_under_a_parent_item_that_counts_them_are_of_the_counted_kind(graph: Graph):
    # The label's short form in brackets is not part of the item's name.
    assert "body" in kinds_of(graph, "earthenware")
    assert "body" in kinds_of(graph, "stoneware")
    assert "body" in kinds_of(graph, "porcelain")


def test_a_counting_parent_ending_in_a_colon_types_its_items_and_names_no_thing_they_are_said_of(graph: Graph):
    assert "glaze" in kinds_of(graph, "Matte glaze")
    assert "glaze" in kinds_of(graph, "Gloss glaze")
    glaze = named(graph, "glaze")
    said = {p for s, p, _ in graph if s == glaze} - {RDF.type, RDFS.label}
    # "Suits vases." is said of the matte glaze (or of nothing), never of every glaze the parent counts.
    assert not any("suit" in str(graph.value(p, RDFS.label) or "") for p in said)


def test_a_later_sentence_of_an_item_with_no_subject_is_about_the_thing_its_label_names(graph: Graph):
    assert relations(graph, named(graph, "Matte glaze"), named(graph, "vase")) == {"suit"}


BOLD_COUNT = """# Kiln yard

The yard runs **two firing kilns**:

- Front kiln
- Back kiln
"""


def test_a_bold_count_is_not_part_of_the_name_so_the_intro_says_its_verb_of_each_item(tmp_path):
    path = tmp_path / "yard.md"
    path.write_text(BOLD_COUNT, encoding="utf-8")
    graph = built(path)

    yard = named(graph, "yard")
    assert relations(graph, yard, named(graph, "firing kiln")) == {"run"}
    assert relations(graph, yard, named(graph, "Front kiln")) == {"run"}
