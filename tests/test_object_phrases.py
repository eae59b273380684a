"""A noun that means something only with its "of" complement is stored with it, never cut to its head.

"Pruners give you the full sharpness of a blade" says nothing of sharpness in general: the object is
the blade's sharpness. The note is written for these tests, on a topic no question set covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SKOS
from test_open_extraction import built, named, relations

NOTE = """# Garden tools

Bypass pruners give you the full sharpness of a blade. A whetstone restores the edge of a blade.
Anvil pruners crush the stem of a plant. Loppers cut the branches of a tree.
A potting bench raises the height of a container.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    path: Path = tmp_path_factory.mktemp("notes") / "garden-tools.md"
    path.write_text(NOTE)
    return built(path)


def labels(graph: Graph) -> set[str]:
    return {str(o) for p in (RDFS.label, SKOS.altLabel) for o in graph.objects(None, p)}


def test_the_object_is_the_whole_phrase_not_its_head(graph: Graph):
    # "full" is a word of the phrase, as "half" is of "half price": no filler.
    pruner, sharpness = named(graph, "bypass pruner"), named(graph, "full sharpness of blade")

    assert relations(graph, pruner, sharpness)


@pytest.mark.parametrize("head", ["sharpness", "edge", "stem"])
def test_no_bare_head_is_minted(graph: Graph, head: str):
    assert head not in labels(graph)


def test_each_phrase_is_related_to_its_own_subject(graph: Graph):
    assert relations(graph, named(graph, "whetstone"), named(graph, "edge of blade"))
    assert relations(graph, named(graph, "anvil pruner"), named(graph, "stem of plant"))


def test_a_plural_picks_out_things_of_its_own_kind_and_keeps_its_name(graph: Graph):
    # "the branches of a tree" are branches: the head stays the concept.
    assert relations(graph, named(graph, "loppers"), named(graph, "branch"))
    assert "branch of tree" not in labels(graph)


def test_the_phrase_is_a_thing_of_its_heads_kind_not_its_owners(graph: Graph):
    # "container" is a concept of the note; the height of one is no container.
    height = named(graph, "height of container")

    assert relations(graph, named(graph, "potting bench"), height)
    assert "container" not in {str(graph.value(kind, RDFS.label)) for kind in graph.objects(height, RDF.type)}
